//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSecurityHeadersOnEveryRoute(t *testing.T) {
	s := newTestSite(t)
	for _, target := range []string{
		"/", "/?q=rails", "/healthz", "/app.js", "/app-worker.js", "/manifest.webmanifest",
		"/web/" + testVersion + "/app.wasm", "/web/boot.js", "/nope", "/web/../server.go",
	} {
		t.Run(target, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, target, nil)
			h := rec.Header()
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "base-uri 'none'", "object-src 'none'", "frame-ancestors *"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") {
				t.Errorf("CSP allows inline code or eval: %q", csp)
			}
			for k, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "strict-origin-when-cross-origin",
			} {
				if got := h.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if h.Get("Permissions-Policy") == "" {
				t.Errorf("no Permissions-Policy")
			}
			if h.Get("Strict-Transport-Security") != "" {
				t.Errorf("HSTS sent over plain HTTP")
			}
		})
	}
}

// Over TLS every response also carries HSTS.
func TestHSTSOverTLS(t *testing.T) {
	s := newTestSite(t)
	srv := httptest.NewTLSServer(s)
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Strict-Transport-Security"); !strings.Contains(got, "max-age=") {
		t.Errorf("HSTS = %q", got)
	}
}
