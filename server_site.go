//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"html"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Request limits: anything larger is refused before any work is done.
const (
	maxQueryBytes  = 4096
	maxHeaderBytes = 16 << 10
	// pageCacheBytes bounds the prerendered pages kept in memory (a full
	// grid is about 190 KB with its two encodings: some 170 pages).
	pageCacheBytes = 32 << 20
)

// goappFiles are the resources go-app generates; they are rendered once at
// start-up and then served from memory like any other asset.
var goappFiles = []string{"app.js", "wasm_exec.js", "app-worker.js", "manifest.webmanifest", "app.css"}

// site is the whole HTTP surface: security headers, request hygiene, the
// prerendered pages, and every asset from memory.
type site struct {
	cfg      config
	version  string
	goapp    *app.Handler
	pages    *renderer
	assets   map[string]*asset // keyed by path under the root: "web/app.wasm", "app.js"
	notFound []byte
	csp      string
}

// newSite prepares everything a request can need, so serving is only
// lookups and writes.
func newSite(cfg config, h *app.Handler, web map[string]*asset) (*site, error) {
	s := &site{cfg: cfg, version: h.Version, goapp: h, pages: newRenderer(h, pageCacheBytes), assets: web}
	s.csp = contentSecurityPolicy(cfg.frameAncestors)
	for _, name := range goappFiles {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+name, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app did not generate /%s: status %d", name, rec.Code)
		}
		body := rec.Body.Bytes()
		if name == "manifest.webmanifest" {
			var err error
			if body, err = fixManifest(body, cfg.prefix); err != nil {
				return nil, err
			}
		}
		s.assets[name] = newAsset(name, body, nil, nil)
	}
	s.notFound = notFoundPage(cfg.prefix, s.versioned("web/backendgrid.css"))
	return s, nil
}

// versioned is the immutable address of a web asset for this version.
func (s *site) versioned(name string) string {
	return s.cfg.prefix + "web/" + s.version + "/" + strings.TrimPrefix(name, "web/")
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		// A bug must cost one response, never the process or a 500 page
		// with internals.
		if v := recover(); v != nil {
			log.Printf("panic serving %q: %v", r.URL.Path, v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	s.securityHeaders(w, r)

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.RawQuery) > maxQueryBytes {
		http.Error(w, "query string too long", http.StatusRequestURITooLong)
		return
	}
	rel, ok := s.route(r)
	if !ok {
		s.serveNotFound(w, r)
		return
	}

	switch {
	case rel == "healthz":
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	case rel == "":
		s.servePage(w, r)
	case strings.HasPrefix(rel, "web/"):
		s.serveWeb(w, r, strings.TrimPrefix(rel, "web/"))
	default:
		if a := s.assets[rel]; a != nil && !strings.HasPrefix(rel, "web/") {
			// go-app's own files keep fixed names: revalidate each time.
			a.serve(w, r, "no-cache")
			return
		}
		s.serveNotFound(w, r)
	}
}

// route checks the request path and returns it relative to the prefix.
// Anything that is not a plain path (dot segments, encoded slashes or
// backslashes, NUL, control characters) is treated as not found.
func (s *site) route(r *http.Request) (string, bool) {
	p := r.URL.Path
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.ContainsAny(p, "\\\x00") || strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return "", false
		}
	}
	rel, ok := strings.CutPrefix(p, s.cfg.prefix)
	if !ok {
		if p+"/" == s.cfg.prefix {
			return "", true
		}
		return "", false
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	switch rel {
	case "", "healthz", "robots.txt":
		return rel, true
	}
	if rel == "index.html" {
		return "", true
	}
	return rel, true
}

// serveWeb serves web/<version>/<file> (immutable: the address changes
// with every version) and web/<file> (revalidated: embed.js and friends
// have addresses that other sites copy).
func (s *site) serveWeb(w http.ResponseWriter, r *http.Request, rest string) {
	cache := "no-cache"
	if version, file, ok := strings.Cut(rest, "/"); ok {
		rest = file
		if version == s.version {
			cache = "public, max-age=31536000, immutable"
		}
	}
	a := s.assets["web/"+rest]
	if a == nil && versionedRoots["/"+rest] {
		a = s.assets[rest] // go-app's app.js, wasm_exec.js, app.css
	}
	if a == nil {
		s.serveNotFound(w, r)
		return
	}
	a.serve(w, r, cache)
}

func (s *site) servePage(w http.ResponseWriter, r *http.Request) {
	a, code := s.pages.page(r)
	if a == nil {
		if r.Context().Err() != nil {
			return // the client is gone: nobody to answer
		}
		log.Printf("prerendering %q failed with status %d", r.URL.RequestURI(), code)
		s.serveNotFound(w, r)
		return
	}
	a.serve(w, r, "no-cache")
}

func (s *site) serveNotFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(s.notFound)
	}
}

// securityHeaders go on every response, errors included.
func (s *site) securityHeaders(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if r.TLS != nil {
		h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
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

// notFoundPage is a small page of our own: go-app's default is a bare
// "404 page not found" in plain text.
func notFoundPage(prefix, css string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not found · backendgrid</title>
<link rel="stylesheet" href="%s">
</head>
<body>
<main class="bg-page bg-notfound">
<h1>Page not found</h1>
<p>There is nothing at this address. The comparison grid is on the <a href="%s">home page</a>.</p>
</main>
</body>
</html>
`, html.EscapeString(css), html.EscapeString(prefix))
	return b.Bytes()
}
