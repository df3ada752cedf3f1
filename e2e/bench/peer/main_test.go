package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":        "<!doctype html><p>page</p>",
		"index.html.br":     "BR-PAGE",
		"index.html.gz":     "GZ-PAGE",
		"web/v1/app.css":    "p{color:red}",
		"web/v1/app.css.gz": "GZ-CSS",
		"site.json": `{"csp": "default-src 'self'", "files": {
			"/": {"path": "index.html", "type": "text/html; charset=utf-8", "cache": "no-cache"},
			"/web/v1/app.css": {"path": "web/v1/app.css", "type": "text/css; charset=utf-8", "cache": "max-age=31536000, immutable"}}}`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, path, accept string
		code                       int
		body, coding, ctype, cache string
	}{
		{"the page in brotli", "GET", "/", "gzip, deflate, br", 200, "BR-PAGE", "br", "text/html; charset=utf-8", "no-cache"},
		{"the page in gzip", "GET", "/", "gzip", 200, "GZ-PAGE", "gzip", "text/html; charset=utf-8", "no-cache"},
		{"the page as it is", "GET", "/", "", 200, "<!doctype html><p>page</p>", "", "text/html; charset=utf-8", "no-cache"},
		{"no brotli copy: gzip", "GET", "/web/v1/app.css", "br, gzip", 200, "GZ-CSS", "gzip", "text/css; charset=utf-8", "max-age=31536000, immutable"},
		{"HEAD: headers only", "HEAD", "/", "br", 200, "", "br", "text/html; charset=utf-8", "no-cache"},
		{"not in site.json", "GET", "/app.wasm", "br", 404, "404 page not found\n", "", "text/plain; charset=utf-8", ""},
		{"site.json itself is not served", "GET", "/site.json", "", 404, "404 page not found\n", "", "text/plain; charset=utf-8", ""},
		{"no POST", "POST", "/", "", 405, "method not allowed\n", "", "text/plain; charset=utf-8", ""},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		got := struct{ code, body, coding, ctype, cache, csp string }{
			http.StatusText(res.StatusCode), rec.Body.String(), res.Header.Get("Content-Encoding"),
			res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"), res.Header.Get("Content-Security-Policy"),
		}
		want := struct{ code, body, coding, ctype, cache, csp string }{
			http.StatusText(tt.code), tt.body, tt.coding, tt.ctype, tt.cache, "default-src 'self'",
		}
		if got != want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, want)
		}
	}
}

func TestLoadRefusesNoCSP(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.json"), []byte(`{"files": {}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := load(dir); err == nil {
		t.Error("a site without a Content-Security-Policy loaded")
	}
}
