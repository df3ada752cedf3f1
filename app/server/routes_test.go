//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"reflect"
	"sort"
	"testing"
	"testing/fstest"
	"time"
)

// The exact routes answer as the mux behind the guard would: same
// status, headers and body, for every path they hold, at the root and
// under a prefix, with and without codings and validators.
func TestExactRoutesAnswerAsTheRoutes(t *testing.T) {
	for _, prefix := range []string{"/", "/some/path/"} {
		fast := newTestSiteAt(t, prefix)
		slow := *fast
		slow.exact = nil
		slow.handler = slow.guard(slow.routes())

		paths := make([]string, 0, len(fast.exact))
		for p := range fast.exact {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		if len(paths) < 20 {
			t.Fatalf("%s: only %d exact routes: %q", prefix, len(paths), paths)
		}
		for _, p := range paths {
			for _, hdr := range []map[string]string{
				nil,
				{"Accept-Encoding": "gzip"},
				{"Accept-Encoding": "br, gzip"},
				{"Accept-Encoding": "gzip", "If-None-Match": `"x", *`},
				{"Range": "bytes=0-9"},
			} {
				for _, method := range []string{http.MethodGet, http.MethodHead} {
					target := p + "?q=rails"
					got := do(t, fast, method, target, hdr)
					want := do(t, &slow, method, target, hdr)
					g, w := got.Result().Header, want.Result().Header
					g.Del("Date")
					w.Del("Date")
					if got.Code != want.Code || !reflect.DeepEqual(g, w) || !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
						t.Errorf("%s %s %v: exact route gave %d %v (%d bytes), the routes %d %v (%d bytes)",
							method, target, hdr, got.Code, g, got.Body.Len(), want.Code, w, want.Body.Len())
					}
				}
			}
		}
	}
}

// The wasm is served from its file, not held in memory; its brotli
// variant too when the build precompressed it.
func TestLargeFilesStayOnDisk(t *testing.T) {
	web := testWeb()
	later := time.Now().Add(time.Minute)
	big := bytes.Repeat(web["app.wasm"].Data, 4)
	web["app.wasm"] = &fstest.MapFile{Data: big}
	web["app.wasm.br"] = &fstest.MapFile{Data: brotliBytes(big, 5), ModTime: later}
	web["app.wasm.gz"] = &fstest.MapFile{Data: bytes.Repeat([]byte("g"), int(fileMin)+1), ModTime: later} // a stand-in: never decoded here
	assets, err := loadWebDir(web)
	if err != nil {
		t.Fatal(err)
	}
	a := assets["web/app.wasm"]
	if b := a.bodies[identity]; b.data != nil || b.file != "app.wasm" {
		t.Errorf("app.wasm: in memory %d bytes, file %q; want the file only", len(b.data), b.file)
	}
	if b := a.bodies[codingGzip]; b.data != nil || b.file != "app.wasm.gz" {
		t.Errorf("app.wasm.gz: in memory %d bytes, file %q; want the file only", len(b.data), b.file)
	}
	if b := a.bodies[codingBrotli]; b.data == nil || b.file != "" {
		t.Errorf("app.wasm.br (%d bytes, under %d): want it in memory", len(web["app.wasm.br"].Data), fileMin)
	}
	if css := assets["web/backendgrid.css"].bodies[identity]; css.data == nil {
		t.Errorf("a small file is not in memory")
	}
}

// A file served from disk that changed since the start is refused: its
// ETag, length and versioned address would lie.
func TestChangedFileIsNotServed(t *testing.T) {
	web := testWeb()
	cfg := Config{Version: testVersion, Domain: "example.test", FrameAncestors: "*", Prefix: "/"}
	s, err := New(cfg, testIndex(), web)
	if err != nil {
		t.Fatal(err)
	}
	target := "/web/" + testVersion + "/app.wasm"
	if rec := do(t, s, http.MethodGet, target, nil); rec.Code != http.StatusOK {
		t.Fatalf("before the change: status %d", rec.Code)
	}
	web["app.wasm"].Data = append(bytes.Clone(web["app.wasm"].Data), "more"...)
	rec := do(t, s, http.MethodGet, target, nil)
	if rec.Code != http.StatusServiceUnavailable || bytes.Contains(rec.Body.Bytes(), []byte("asm")) {
		t.Errorf("after the change: status %d with %d bytes, want 503 and no content", rec.Code, rec.Body.Len())
	}
	if rec.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("the 503 lacks the security headers")
	}
}
