//go:build !wasm

package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// nullWriter is a ResponseWriter that keeps nothing, so that a benchmark
// counts the handler's own work and allocations, not a recorder's.
type nullWriter struct {
	h    http.Header
	code int
	n    int
}

func (w *nullWriter) Header() http.Header  { return w.h }
func (w *nullWriter) WriteHeader(code int) { w.code = code }
func (w *nullWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}

// benchServe serves target with Accept-Encoding accept b.N times through
// the whole handler (guard, routes, asset or page cache).
func benchServe(b *testing.B, s *Site, target, accept string) {
	b.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	w := &nullWriter{h: http.Header{}}
	s.ServeHTTP(w, req) // fills the page cache
	if w.code != http.StatusOK && w.code != 0 {
		b.Fatalf("%s: status %d", target, w.code)
	}
	b.SetBytes(int64(w.n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.h = http.Header{} // net/http makes a new map for each response
		w.n = 0
		s.ServeHTTP(w, req)
	}
}

// BenchmarkServe is the hot path of the load test's comparison mix: a
// cached page, a small asset, the wasm and the service worker, gzip.
func BenchmarkServe(b *testing.B) {
	s := newBenchSite(b)
	for _, bc := range []struct{ name, target, accept string }{
		{"page/gzip", "/?q=rails", "gzip"},
		{"page/br", "/?q=rails", "br, gzip"},
		{"page/identity", "/?q=rails", ""},
		{"page-with-campaign/gzip", "/?q=rails&utm_source=news", "gzip"},
		{"asset/gzip", "/web/" + testVersion + "/backendgrid.css", "gzip"},
		{"asset/identity", "/web/" + testVersion + "/icon-192.png", "gzip"},
		{"goapp-asset/gzip", "/web/" + testVersion + "/app.js", "gzip"},
		{"wasm/gzip", "/web/" + testVersion + "/app.wasm", "gzip"},
		{"worker/gzip", "/app-worker.js", "gzip"},
	} {
		b.Run(bc.name, func(b *testing.B) { benchServe(b, s, bc.target, bc.accept) })
	}
}

// BenchmarkRender is a page not in the cache: the prerender, its
// normalisation and its compression.
func BenchmarkRender(b *testing.B) {
	s := newBenchSite(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/?burst=b%d", i), nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		w := &nullWriter{h: http.Header{}}
		s.ServeHTTP(w, req)
		if w.code != http.StatusOK && w.code != 0 {
			b.Fatalf("status %d", w.code)
		}
	}
}

// newBenchSite is the test site; benchmarks share testIndex with tests.
func newBenchSite(b *testing.B) *Site {
	b.Helper()
	cfg := Config{Version: testVersion, Domain: "example.test", FrameAncestors: "*", Prefix: "/"}
	s, err := New(cfg, testIndex(), testWeb())
	if err != nil {
		b.Fatal(err)
	}
	return s
}
