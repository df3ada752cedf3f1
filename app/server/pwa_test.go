//go:build !wasm

package server

import (
	"strings"
	"testing"
)

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
	m := string(s.assets["manifest.webmanifest"].bodies[identity].data)
	for _, want := range []string{`"scope": "/"`, `"start_url": "/"`, `"id": "/"`, `"purpose": "maskable"`, `"purpose": "any"`, `"display": "standalone"`} {
		if !strings.Contains(m, want) {
			t.Errorf("manifest lacks %s:\n%s", want, m)
		}
	}
	if strings.Contains(m, "http") {
		t.Errorf("manifest references a remote URL:\n%s", m)
	}
}

func TestWasmLengthForTheLoader(t *testing.T) {
	s := newTestSite(t)
	js := string(s.assets["app.js"].bodies[identity].data)
	if !strings.Contains(js, `goappWasmContentLength = "`+itoa(int(s.assets["web/app.wasm"].size))+`"`) {
		t.Errorf("app.js does not carry the decompressed wasm size")
	}
	if !strings.Contains(js, `/web/`+testVersion+`/app.wasm`) {
		t.Errorf("app.js does not load the versioned wasm")
	}
}

// The loader hands the browser the wasm's own response (streamWasm), and
// the rewrite refuses a go-app whose loader it does not recognise.
func TestLoaderStreamsTheWasm(t *testing.T) {
	s := newTestSite(t)
	js := string(s.assets["app.js"].bodies[identity].data)
	if want := `instantiateStreaming(
      fetch("/web/` + testVersion + `/app.wasm"),`; !strings.Contains(js, want) {
		t.Errorf("app.js does not stream the wasm's response; want %q in:\n%s", want, js)
	}
	if strings.Contains(js, "fetchWithProgress(\"") {
		t.Error("app.js still fetches the wasm through fetchWithProgress")
	}
	for _, tc := range []struct{ name, js string }{
		{"go-app changed its loader", `instantiateStreaming(fetch("/web/app.wasm"), go.importObject)`},
		{"called twice", `fetchWithProgress("/a.wasm", showProgress); fetchWithProgress("/b.wasm", showProgress)`},
	} {
		if _, err := streamWasm([]byte(tc.js)); err == nil {
			t.Errorf("%s: streamWasm accepted %q", tc.name, tc.js)
		}
	}
}
