//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"testing"
	"testing/fstest"
	"time"
)

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
