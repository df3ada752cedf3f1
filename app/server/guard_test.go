//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHostileRequests(t *testing.T) {
	s := newTestSite(t)
	tests := []struct {
		method, target string
		want           int
	}{
		{"GET", "/web/../server.go", 404},
		{"GET", "/web/%2e%2e/server.go", 404},
		{"GET", "/web/..%2fserver.go", 404},
		{"GET", "/web/%2e%2e%2fserver.go", 404},
		{"GET", "/web/..%5cserver.go", 404},
		{"GET", "/web/..\\server.go", 404},
		{"GET", "/web/app.wasm%00.png", 404},
		{"GET", "/..", 404},
		{"GET", "/./web/boot.js", 404},
		{"GET", "/web/" + testVersion + "/../../go.mod", 404},
		{"GET", "/etc/passwd", 404},
		{"GET", "/web/", 404},
		{"GET", "/web", 404},
		{"GET", "/main.go", 404},
		{"GET", "/index.html", 200},
		{"GET", "/?" + strings.Repeat("q", maxQueryBytes+1), 414},
		{"GET", "/?q=" + strings.Repeat("%3Cscript%3E", 100), 200},
		{"HEAD", "/", 200},
		{"HEAD", "/web/boot.js", 200},
		{"POST", "/", 405},
		{"PUT", "/web/boot.js", 405},
		{"DELETE", "/", 405},
		{"OPTIONS", "/", 405},
		{"PATCH", "/healthz", 405},
		{"TRACE", "/", 405},
		{"GET", "/healthz", 200},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target[:min(len(tt.target), 60)], func(t *testing.T) {
			rec := do(t, s, tt.method, tt.target, nil)
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
			if tt.want == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("405 without Allow: GET, HEAD")
			}
			if tt.want == 404 && !strings.Contains(rec.Body.String(), "Page not found") {
				t.Errorf("404 without the not-found page")
			}
			if tt.method == "HEAD" && rec.Body.Len() != 0 {
				t.Errorf("HEAD returned a body")
			}
			if strings.Contains(rec.Body.String(), "package main\n") {
				t.Errorf("served a source file")
			}
		})
	}
}

func TestHugeHeadersAreRefused(t *testing.T) {
	s := newTestSite(t)
	srv := httptest.NewUnstartedServer(s)
	srv.Config.MaxHeaderBytes = maxHeaderBytes
	srv.Start()
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Header.Set("X-Big", strings.Repeat("x", 64<<10))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status %d, want 431", res.StatusCode)
	}
}

// Paths that http.ServeMux would answer with a 301 to their cleaned form
// are not found, as they were before the mux: the guard stops them.
func TestUncleanPathsAreNotRedirected(t *testing.T) {
	s := newTestSite(t)
	for _, target := range []string{
		"//", "//web/boot.js", "/web//boot.js", "/web/" + testVersion + "//app.wasm",
		"/web/./boot.js", "/web/.", "/web/..", "/healthz/..", "*",
	} {
		t.Run(target, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, target, nil)
			if rec.Code != http.StatusNotFound || rec.Header().Get("Location") != "" {
				t.Errorf("got %d, Location %q; want 404 and no redirect", rec.Code, rec.Header().Get("Location"))
			}
			if !strings.Contains(rec.Body.String(), "Page not found") {
				t.Errorf("404 without the not-found page")
			}
		})
	}
}

// Under a prefix, the routes are the same below it and nothing is found
// outside it.
func TestRoutesUnderAPrefix(t *testing.T) {
	s := newTestSiteAt(t, "/some/path/")
	tests := []struct {
		target    string
		want      int
		wantCache string // "" to skip
	}{
		{"/some/path/", 200, "no-cache"},
		{"/some/path", 200, "no-cache"},
		{"/some/path/index.html", 200, "no-cache"},
		{"/some/path/?q=rails", 200, "no-cache"},
		{"/some/path/healthz", 200, "no-store"},
		{"/some/path/app-worker.js", 200, "no-cache"},
		{"/some/path/manifest.webmanifest", 200, "no-cache"},
		{"/some/path/web/" + testVersion + "/app.wasm", 200, "public, max-age=31536000, immutable"},
		{"/some/path/web/" + testVersion + "/app.js", 200, "public, max-age=31536000, immutable"},
		{"/some/path/web/boot.js", 200, "no-cache"},
		{"/", 404, "no-store"},
		{"/healthz", 404, ""},
		{"/web/" + testVersion + "/app.wasm", 404, ""},
		{"/some/pathx", 404, ""},
		{"/some/", 404, ""},
		{"/some/path//healthz", 404, ""},
		{"/some/path/../path/", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, tt.target, nil)
			if rec.Code != tt.want {
				t.Errorf("status: got %d, want %d", rec.Code, tt.want)
			}
			if got := rec.Header().Get("Cache-Control"); tt.wantCache != "" && got != tt.wantCache {
				t.Errorf("Cache-Control: got %q, want %q", got, tt.wantCache)
			}
			if rec.Header().Get("Content-Security-Policy") == "" {
				t.Errorf("no Content-Security-Policy")
			}
		})
	}
}
