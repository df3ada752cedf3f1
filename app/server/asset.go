//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// asset is one file served from memory, with its precompressed variants.
// Serving from a map of known names means no request can reach the file
// system, whatever its path says.
type asset struct {
	name  string // path under the site root, e.g. "web/app.wasm"
	ctype string
	raw   []byte
	gz    []byte
	br    []byte
	etag  string
}

// bytes is the memory the asset holds, all encodings.
func (a *asset) bytes() int { return len(a.raw) + len(a.gz) + len(a.br) }

// contentETag is a strong ETag for content: a hash of its bytes.
func contentETag(raw []byte) string {
	sum := sha256.Sum256(raw)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// newAsset builds an asset, compressing it when worth it. gz and br may be
// given (precompressed at build time) or nil (compressed here; brotli only
// for small files, the wasm's takes too long for start-up).
func newAsset(name string, raw, gz, br []byte) *asset {
	a := &asset{name: name, ctype: contentType(name), raw: raw, gz: gz, br: br, etag: contentETag(raw)}
	if !compressible(a.ctype) || len(raw) < 256 {
		a.gz, a.br = nil, nil
		return a
	}
	if a.gz == nil {
		a.gz = gzipBytes(raw, gzip.BestCompression)
	}
	if a.br == nil && len(raw) < 1<<20 {
		a.br = brotliBytes(raw, brotli.BestCompression)
	}
	// A variant that does not save anything is not worth a Vary.
	if a.gz != nil && len(a.gz) >= len(raw) {
		a.gz = nil
	}
	if a.br != nil && len(a.br) >= len(raw) {
		a.br = nil
	}
	return a
}

// encoding picks the best variant the client accepts.
func (a *asset) encoding(r *http.Request) (string, []byte) {
	accept := r.Header.Get("Accept-Encoding")
	if a.br != nil && acceptsEncoding(accept, "br") {
		return "br", a.br
	}
	if a.gz != nil && acceptsEncoding(accept, "gzip") {
		return "gzip", a.gz
	}
	return "", a.raw
}

// acceptsEncoding parses an Accept-Encoding header for one coding, honouring
// q=0 refusals.
func acceptsEncoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) && strings.TrimSpace(name) != "*" {
			continue
		}
		params = strings.TrimSpace(params)
		if q, ok := strings.CutPrefix(params, "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
				return false
			}
		}
		return true
	}
	return false
}

// serve writes the asset with its validators. cacheControl says how long
// caches may keep it; ETag revalidation and Range come from ServeContent.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", cacheControl)
	if a.gz != nil || a.br != nil {
		h.Add("Vary", "Accept-Encoding")
	}
	enc, body := a.encoding(r)
	if enc == "" {
		h.Set("ETag", a.etag)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body)) // ranges, 304
		return
	}
	// ServeContent leaves out Content-Length for encoded bodies; the
	// loader's progress and keep-alive want it, so this path writes it.
	// A strong ETag names one representation: the coding is part of it.
	etag := strings.TrimSuffix(a.etag, `"`) + "-" + enc + `"`
	h.Set("ETag", etag)
	h.Set("Content-Encoding", enc)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Type")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// handler serves the asset with the given Cache-Control.
func (a *asset) handler(cacheControl string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.serve(w, r, cacheControl)
	})
}

// etagMatches implements If-None-Match's weak comparison over a list.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}
