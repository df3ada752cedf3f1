package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"testing"

	"github.com/andybalholm/brotli"
)

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func br(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func TestCheck(t *testing.T) {
	wasm := bytes.Repeat([]byte("\x00asm wasm bytes "), 1000)
	css := []byte("body { color: black }")
	page := []byte(`<!doctype html><html><script src="/web/v1/app.js"></script></html>`)
	files := expected{
		"web/v1/app.wasm": wasm, "web/v1/app.wasm.br": br(t, wasm), "web/v1/app.wasm.gz": gz(t, wasm),
		"web/v1/app.css": css, "web/v1/app.css.gz": gz(t, css),
	}
	browser := &mix{encoding: "br, gzip", wasmCode: "br"}
	comparison := &mix{encoding: "gzip", wasmCode: "gzip"}
	wasmT := &target{class: classWasm, path: "/web/v1/app.wasm", file: "web/v1/app.wasm"}
	cssT := &target{class: classAsset, path: "/web/v1/app.css", file: "web/v1/app.css"}
	pageT := &target{class: classPage, path: "/?q=rails"}
	html := header("Content-Type", "text/html; charset=utf-8")
	flipped := bytes.Clone(files["web/v1/app.wasm.br"])
	flipped[10] ^= 1

	tests := []struct {
		name       string
		mix        *mix
		t          *target
		code       uint16
		header     http.Header
		body       []byte
		err        string
		sample     bool
		wantKind   string
		wantDetail string
	}{
		{name: "brotli wasm, the export's bytes", mix: browser, t: wasmT, code: 200, header: header("Content-Encoding", "br"), body: files["web/v1/app.wasm.br"]},
		{name: "gzip wasm in the comparison", mix: comparison, t: wasmT, code: 200, header: header("Content-Encoding", "gzip"), body: files["web/v1/app.wasm.gz"]},
		{name: "a byte differs", mix: browser, t: wasmT, code: 200, header: header("Content-Encoding", "br"), body: flipped,
			wantKind: "body", wantDetail: "bytes differ from the export's web/v1/app.wasm.br at offset 10"},
		{name: "cut short", mix: browser, t: wasmT, code: 200, header: header("Content-Encoding", "br"), body: files["web/v1/app.wasm.br"][:20],
			wantKind: "short body", wantDetail: "20 of " + itoa(len(files["web/v1/app.wasm.br"])) + " bytes"},
		{name: "wasm in gzip when brotli was offered", mix: browser, t: wasmT, code: 200, header: header("Content-Encoding", "gzip"), body: files["web/v1/app.wasm.gz"],
			wantKind: "coding", wantDetail: `app.wasm came with Content-Encoding "gzip", want "br"`},
		{name: "a coding not asked for", mix: comparison, t: cssT, code: 200, header: header("Content-Encoding", "br"), body: css,
			wantKind: "coding", wantDetail: `Content-Encoding "br" for Accept-Encoding "gzip"`},
		{name: "a coding the export lacks", mix: browser, t: cssT, code: 200, header: header("Content-Encoding", "br"), body: css,
			wantKind: "coding", wantDetail: `Content-Encoding "br" but the export has no web/v1/app.css.br`},
		{name: "identity is always acceptable", mix: comparison, t: cssT, code: 200, header: header(), body: css},
		{name: "no response", mix: browser, t: cssT, code: 0, err: "connection refused", wantKind: "transport", wantDetail: "connection refused"},
		{name: "an error status", mix: browser, t: cssT, code: 404, err: "404 Not Found", wantKind: "status 404", wantDetail: "404 Not Found"},
		{name: "a redirect passes as it is", mix: browser, t: cssT, code: 301, err: "", body: []byte("moved")},
		{name: "a page", mix: comparison, t: pageT, code: 200, header: header("Content-Type", "text/html", "Content-Encoding", "gzip"), body: gz(t, page), sample: true},
		{name: "a page not sampled is not decoded", mix: comparison, t: pageT, code: 200, header: header("Content-Type", "text/html", "Content-Encoding", "gzip"), body: []byte("not gzip")},
		{name: "a sampled page must decode", mix: comparison, t: pageT, code: 200, header: header("Content-Type", "text/html", "Content-Encoding", "gzip"), body: []byte("not gzip"), sample: true,
			wantKind: "page", wantDetail: "undecodable gzip body: unexpected EOF"},
		{name: "a sampled page must be whole", mix: browser, t: pageT, code: 200, header: html, body: page[:40], sample: true,
			wantKind: "page", wantDetail: "decoded page is not a whole prerendered page"},
		{name: "a page is HTML", mix: browser, t: pageT, code: 200, header: header("Content-Type", "text/plain"), body: page,
			wantKind: "page", wantDetail: "Content-Type text/plain"},
		{name: "a page shorter than its Content-Length", mix: browser, t: pageT, code: 200, header: header("Content-Type", "text/html", "Content-Length", "999"), body: page,
			wantKind: "short body", wantDetail: itoa(len(page)) + " of 999 bytes"},
	}
	for _, tt := range tests {
		c := &checker{files: files, mix: tt.mix}
		kind, detail := c.check(tt.t, tt.code, tt.header, tt.body, tt.err, tt.sample)
		if kind != tt.wantKind || detail != tt.wantDetail {
			t.Errorf("%s: got %q, %q; want %q, %q", tt.name, kind, detail, tt.wantKind, tt.wantDetail)
		}
	}
}

func TestAcceptable(t *testing.T) {
	tests := []struct {
		accept, coding string
		want           bool
	}{
		{"br, gzip", "br", true},
		{"br, gzip", "gzip", true},
		{"gzip", "br", false},
		{"gzip", "", true},
		{"br,gzip", "gzip", true},
		{"gzip", "deflate", false},
	}
	for _, tt := range tests {
		if got := acceptable(tt.accept, tt.coding); got != tt.want {
			t.Errorf("acceptable(%q, %q) = %v, want %v", tt.accept, tt.coding, got, tt.want)
		}
	}
}

func TestDecode(t *testing.T) {
	text := []byte("the same bytes in three codings")
	tests := []struct {
		coding  string
		in      []byte
		wantErr bool
	}{
		{"", text, false},
		{"gzip", gz(t, text), false},
		{"br", br(t, text), false},
		{"zstd", text, true},
	}
	for _, tt := range tests {
		got, err := decode(tt.in, tt.coding)
		if (err != nil) != tt.wantErr || (!tt.wantErr && !bytes.Equal(got, text)) {
			t.Errorf("decode(%q): got %q, %v", tt.coding, got, err)
		}
	}
}
