//go:build !wasm

package server

import (
	"net/http"
	"strings"
)

// header is one header field with its value, ready for a response's map.
type header struct {
	key   string // canonical
	value []string
}

// securityHeaderSet is what securityHeaders sends, made once (New): each
// response's header map then takes the same slices, with no allocation.
func securityHeaderSet(csp string) []header {
	var hs []header
	for _, kv := range [][2]string{
		{"Content-Security-Policy", csp},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
	} {
		hs = append(hs, header{http.CanonicalHeaderKey(kv[0]), []string{kv[1]}})
	}
	return hs
}

// hsts is sent over TLS.
var hsts = header{"Strict-Transport-Security", []string{"max-age=63072000; includeSubDomains"}}

// securityHeaders go on every response, errors included.
func (s *Site) securityHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for _, kv := range s.security {
		h[kv.key] = kv.value
	}
	if r.TLS != nil {
		h[hsts.key] = hsts.value
	}
}

// contentSecurityPolicy allows only this origin, plus compiling the wasm;
// no inline script or style, no eval. frameAncestors decides who may embed.
func contentSecurityPolicy(frameAncestors string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"form-action 'self'",
		"base-uri 'none'",
		"object-src 'none'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}
