//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"

	"backendgrid/app/grid"
	"backendgrid/data"
)

const testVersion = "v1test"

var (
	siteOnce sync.Once
	testSite *site
	siteErr  error
	siteDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if siteDir != "" {
		os.RemoveAll(siteDir)
	}
	os.Exit(code)
}

// newTestSite builds the real site over a temporary web directory holding
// a stand-in wasm, so these tests need no wasm build.
func newTestSite(t *testing.T) *site {
	t.Helper()
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "bgweb")
		if err != nil {
			siteErr = err
			return
		}
		siteDir = dir
		for name, body := range map[string]string{
			"app.wasm":        strings.Repeat("\x00asm wasm bytes ", 4096),
			"backendgrid.css": strings.Repeat("body { color: black; }\n", 100),
			"boot.js":         strings.Repeat("console.log(1);\n", 100),
			"icon.svg":        `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
			"icon-192.png":    "\x89PNG fake",
		} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				siteErr = err
				return
			}
		}
		ix := grid.NewIndex(data.MustLoad())
		routes(ix)
		cfg := config{version: testVersion, domain: "example.test", webDir: dir, frameAncestors: "*", prefix: "/"}
		testSite, siteErr = buildSite(ix, cfg)
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return testSite
}

func do(t *testing.T, h http.Handler, method, target string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://example.test/", nil)
	// As the HTTP server does: the path is taken as sent, dot segments and all.
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("parsing %q: %v", target, err)
	}
	req.URL, req.RequestURI = u, target
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

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

func TestEncodingsAndCaching(t *testing.T) {
	s := newTestSite(t)
	wasm := s.assets["web/app.wasm"]
	tests := []struct {
		name, target, accept string
		wantEncoding         string
		wantCache            string
		wantType             string
		decode               func([]byte) []byte
	}{
		{"wasm brotli", "/web/" + testVersion + "/app.wasm", "gzip, deflate, br", "br", "public, max-age=31536000, immutable", "application/wasm", unbrotli},
		{"wasm gzip", "/web/" + testVersion + "/app.wasm", "gzip", "gzip", "public, max-age=31536000, immutable", "application/wasm", ungzip},
		{"wasm identity", "/web/" + testVersion + "/app.wasm", "", "", "public, max-age=31536000, immutable", "application/wasm", nil},
		{"br refused with q=0", "/web/" + testVersion + "/app.wasm", "br;q=0, gzip", "gzip", "public, max-age=31536000, immutable", "application/wasm", ungzip},
		{"old version is not immutable", "/web/old/app.wasm", "br", "br", "no-cache", "application/wasm", unbrotli},
		{"stable address revalidates", "/web/boot.js", "br", "br", "no-cache", "application/javascript; charset=utf-8", unbrotli},
		{"versioned go-app file", "/web/" + testVersion + "/app.js", "gzip", "gzip", "public, max-age=31536000, immutable", "application/javascript; charset=utf-8", ungzip},
		{"worker revalidates", "/app-worker.js", "gzip", "gzip", "no-cache", "application/javascript; charset=utf-8", ungzip},
		{"page", "/?q=rails", "br", "br", "no-cache", "text/html; charset=utf-8", unbrotli},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, s, http.MethodGet, tt.target, map[string]string{"Accept-Encoding": tt.accept})
			h := rec.Header()
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			if got := h.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantEncoding)
			}
			if got := h.Get("Cache-Control"); got != tt.wantCache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.wantCache)
			}
			if got := h.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
			if !strings.Contains(h.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary = %q", h.Get("Vary"))
			}
			if got, want := h.Get("Content-Length"), itoa(rec.Body.Len()); got != want {
				t.Errorf("Content-Length = %s, body %s", got, want)
			}
			if tt.decode != nil && strings.HasSuffix(tt.target, "app.wasm") {
				if !bytes.Equal(tt.decode(rec.Body.Bytes()), wasm.raw) {
					t.Errorf("decoded body differs from app.wasm")
				}
			}
			// Revalidation: the same ETag gives 304 and no body.
			etag := h.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			again := do(t, s, http.MethodGet, tt.target, map[string]string{"Accept-Encoding": tt.accept, "If-None-Match": etag})
			if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
				t.Errorf("revalidation: status %d with %d bytes, want 304 and none", again.Code, again.Body.Len())
			}
		})
	}
}

func TestWasmLengthForTheLoader(t *testing.T) {
	s := newTestSite(t)
	js := string(s.assets["app.js"].raw)
	if !strings.Contains(js, `goappWasmContentLength = "`+itoa(len(s.assets["web/app.wasm"].raw))+`"`) {
		t.Errorf("app.js does not carry the decompressed wasm size")
	}
	if !strings.Contains(js, `/web/`+testVersion+`/app.wasm`) {
		t.Errorf("app.js does not load the versioned wasm")
	}
}

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

func TestPagesAreDeterministicAndEscaped(t *testing.T) {
	s := newTestSite(t)
	first := do(t, s, http.MethodGet, "/?q=flask", nil).Body.String()
	s.pages = newRenderer(s.goapp, pageCacheBytes) // render again, not from the cache
	second := do(t, s, http.MethodGet, "/?q=flask", nil).Body.String()
	if first != second {
		t.Errorf("two renders of one address differ")
	}
	hostile := do(t, s, http.MethodGet, `/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E`, nil).Body.String()
	if strings.Contains(hostile, "<script>alert(1)") {
		t.Errorf("the query was written as markup")
	}
}

func TestNormalizeHTML(t *testing.T) {
	in := `<!doctype html>
<html lang="en"><body><a title="x" href="?a=1&b=2" class="c">A &amp; B</a><input value="" type="text" checked><mark aria-hidden>x</mark></body></html>`
	want := `<!doctype html>
<html lang="en"><body><a class="c" href="?a=1&amp;b=2" title="x">A &amp; B</a><input checked type="text" value><mark aria-hidden="true">x</mark></body></html>`
	if got := string(normalizeHTML([]byte(in))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestResolver(t *testing.T) {
	r := resolver{prefix: "/grid/", version: "v9"}
	for in, want := range map[string]string{
		"/":                     "/grid/",
		"/web":                  "/grid/web/v9",
		"/web/app.wasm":         "/grid/web/v9/app.wasm",
		"/app.js":               "/grid/web/v9/app.js",
		"/app-worker.js":        "/grid/app-worker.js",
		"/manifest.webmanifest": "/grid/manifest.webmanifest",
		"?q=x":                  "?q=x",
		"#results":              "#results",
		"https://example.com/":  "https://example.com/",
		"//evil.example/x":      "//evil.example/x",
		"/grid/web/v9/app.wasm": "/grid/web/v9/app.wasm",
	} {
		if got := r.Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestManifest(t *testing.T) {
	s := newTestSite(t)
	m := string(s.assets["manifest.webmanifest"].raw)
	for _, want := range []string{`"scope": "/"`, `"start_url": "/"`, `"id": "/"`, `"purpose": "maskable"`, `"purpose": "any"`, `"display": "standalone"`} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %s:\n%s", want, m)
		}
	}
	if strings.Contains(m, "http") {
		t.Errorf("manifest references a remote URL:\n%s", m)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, tt := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip;q=1.0, br;q=0", "br", false},
		{"*", "br", true},
		{"", "gzip", false},
		{"GZIP", "gzip", true},
		{"identity", "gzip", false},
	} {
		if got := acceptsEncoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v", tt.header, tt.coding, got)
		}
	}
}

func unbrotli(b []byte) []byte {
	out, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(b)))
	return out
}

func ungzip(b []byte) []byte {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(r)
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPageKeyIgnoresTrackingAndOrder(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"q=flask", "q=flask&utm_source=news&utm_medium=mail"},
		{"q=flask&sort=-released", "sort=-released&gclid=1&q=flask"},
		{"language=Go", "fbclid=x&language=Go"},
	} {
		if pageKey(tt.a) != pageKey(tt.b) {
			t.Errorf("pageKey(%q) = %q, pageKey(%q) = %q", tt.a, pageKey(tt.a), tt.b, pageKey(tt.b))
		}
	}
	if pageKey("q=a") == pageKey("q=b") {
		t.Errorf("different searches share a key")
	}
}

func TestPageCacheStaysWithinItsBudget(t *testing.T) {
	s := newTestSite(t)
	one := do(t, s, http.MethodGet, "/?q=x0", nil).Body.Len()
	rd := newRenderer(s.goapp, 3*one*2) // room for a few pages with their encodings
	for i := 0; i < 20; i++ {
		req := httptest.NewRequest(http.MethodGet, "/?q=x"+strconv.Itoa(i), nil)
		if a, code := rd.page(req); a == nil || code != http.StatusOK {
			t.Fatalf("render %d: %d", i, code)
		}
	}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if rd.size > rd.budget || rd.order.Len() >= 20 || rd.order.Len() == 0 {
		t.Errorf("cache holds %d pages, %d bytes, budget %d", rd.order.Len(), rd.size, rd.budget)
	}
}

func TestStaticExportRefusesToWipeOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := clearExport(dir); err == nil {
		t.Fatal("a directory of someone else's files was cleared")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("the file is gone: %v", err)
	}
	prev := t.TempDir()
	os.WriteFile(filepath.Join(prev, "app-worker.js"), []byte("//"), 0o644)
	if err := clearExport(prev); err != nil {
		t.Errorf("a previous export was refused: %v", err)
	}
	if err := clearExport(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("a missing directory: %v", err)
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
