//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestEncodingsAndCaching(t *testing.T) {
	s := newTestSite(t)
	wasm, err := s.assets["web/app.wasm"].content(identity)
	if err != nil {
		t.Fatal(err)
	}
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
		{"page gzip", "/?q=rails", "gzip", "gzip", "no-cache", "text/html; charset=utf-8", ungzip},
		{"page identity", "/?q=rails", "", "", "no-cache", "text/html; charset=utf-8", nil},
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
				if !bytes.Equal(tt.decode(rec.Body.Bytes()), wasm) {
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

// The page cache keeps pages compressed only: a client that takes no
// coding gets the same page, decoded.
func TestPageIdentityIsTheDecodedPage(t *testing.T) {
	s := newTestSite(t)
	br := do(t, s, http.MethodGet, "/?q=flask", map[string]string{"Accept-Encoding": "br"})
	plain := do(t, s, http.MethodGet, "/?q=flask", nil)
	if got, want := plain.Body.String(), string(unbrotli(br.Body.Bytes())); got != want || !strings.Contains(got, "</html>") {
		t.Errorf("identity page (%d bytes) differs from the brotli one decoded (%d bytes)", len(got), len(want))
	}
	ranged := do(t, s, http.MethodGet, "/?q=flask", map[string]string{"Range": "bytes=0-14"})
	if ranged.Code != http.StatusPartialContent || ranged.Body.String() != plain.Body.String()[:15] {
		t.Errorf("range of the page: %d %q", ranged.Code, ranged.Body.String())
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
		{"deflate, gzip;q=0.5", "gzip", true},
		{"gzip;q=0", "gzip", false},
		{"br;q=0, *", "br", false},
		{" br , gzip", "br", true},
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

// A plain GET of the identity (no range, no validator) is written
// directly, as http.ServeContent would write it: same status, headers
// and body, from memory and from a file; HEAD too.
func TestPlainIdentityIsWhatServeContentSends(t *testing.T) {
	s := newTestSite(t)
	for _, name := range []string{"web/backendgrid.css", "web/icon-192.png", "web/app.wasm", "app.js"} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			a := s.assets[name]
			got := httptest.NewRecorder()
			a.serve(got, httptest.NewRequest(method, "/x", nil), cacheRevalidateV)

			raw, err := a.content(identity)
			if err != nil {
				t.Fatal(err)
			}
			want := httptest.NewRecorder()
			h := want.Header()
			h.Set("Content-Type", a.ctype[0])
			h.Set("Cache-Control", cacheRevalidate)
			if a.vary != nil {
				h.Set("Vary", "Accept-Encoding")
			}
			h.Set("ETag", a.etag)
			http.ServeContent(want, httptest.NewRequest(method, "/x", nil), "", time.Time{}, bytes.NewReader(raw))

			if got.Code != want.Code || !reflect.DeepEqual(got.Header(), want.Header()) || !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
				t.Errorf("%s %s: got %d %v (%d bytes), ServeContent %d %v (%d bytes)", method, name,
					got.Code, got.Header(), got.Body.Len(), want.Code, want.Header(), want.Body.Len())
			}
		}
	}
}
