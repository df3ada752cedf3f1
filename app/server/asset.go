//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
)

// coding names one representation of an asset.
type coding int

const (
	identity coding = iota
	codingGzip
	codingBrotli
	nCodings
)

// contentCoding is each coding's Content-Encoding token.
var contentCoding = [nCodings]string{"", "gzip", "br"}

// body is one representation of an asset: its bytes in memory, or the
// name of the web directory's file that holds them, which is then opened
// for each response (the OS's page cache keeps it, and net/http hands it
// to sendfile). Its header values are made once, here: a response's
// header map takes the same slices every time, with no allocation (they
// have no spare capacity, so an Add elsewhere could not write into them).
type body struct {
	data []byte
	file string    // when data is nil: the file in the asset's fsys
	size int64     // length in bytes
	mod  time.Time // the file's modification time when the server read it
	// Header values: ETag (one per representation), Content-Length,
	// Content-Encoding.
	etag, length, encoding []string
}

// asset is one file served from memory or from its known file, with its
// precompressed variants. Serving from a map of known names means no
// request can reach any other file, whatever its path says.
type asset struct {
	name  string   // path under the site root, e.g. "web/app.wasm"
	ctype []string // Content-Type
	fsys  fs.FS    // where bodies with a file are read
	sum   [sha256.Size]byte
	etag  string // strong ETag of the identity content
	size  int64  // length of the identity content
	// bodies by coding; nil when that coding is not offered. An identity
	// of nil with a compressed body (the pages) is served by decoding it.
	bodies [nCodings]*body
	vary   []string // Vary, when there is more than one representation
}

// fileMin is the size from which a file of the web directory is served
// from the file rather than from memory: the wasm (7 MB, with its 1.9 MB
// gzip and 1.3 MB brotli) and the screenshot, not the small files most
// requests ask for. It is a variable for the tests.
var fileMin int64 = 64 << 10

// Header values shared by every response that sends them.
var (
	varyAcceptEncoding = []string{"Accept-Encoding"}
	cacheImmutableV    = []string{cacheImmutable}
	cacheRevalidateV   = []string{cacheRevalidate}
)

// contentETag is a strong ETag for content: a hash of its bytes.
func contentETag(sum [sha256.Size]byte) string {
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// newAsset builds an asset held in memory, compressing it when worth it.
// gz and br may be given (precompressed at build time) or nil (compressed
// here; brotli only for small files, the wasm's takes too long for
// start-up).
func newAsset(name string, raw, gz, br []byte) *asset {
	a := &asset{name: name, sum: sha256.Sum256(raw), size: int64(len(raw))}
	a.bodies[identity] = &body{data: raw, size: int64(len(raw))}
	if gz != nil {
		a.bodies[codingGzip] = &body{data: gz, size: int64(len(gz))}
	}
	if br != nil {
		a.bodies[codingBrotli] = &body{data: br, size: int64(len(br))}
	}
	a.compressMissing(func() ([]byte, error) { return raw, nil })
	a.finish()
	return a
}

// compressMissing makes the variants worth having that the build did not
// precompress, and drops those that are not worth a Vary. raw reads the
// content, for when it must be compressed.
func (a *asset) compressMissing(raw func() ([]byte, error)) error {
	ctype := contentType(a.name)
	if !compressible(ctype) || a.size < 256 {
		a.bodies[codingGzip], a.bodies[codingBrotli] = nil, nil
		return nil
	}
	if a.bodies[codingGzip] == nil || (a.bodies[codingBrotli] == nil && a.size < 1<<20) {
		b, err := raw()
		if err != nil {
			return err
		}
		if a.bodies[codingGzip] == nil {
			gz := gzipBytes(b, gzip.BestCompression)
			a.bodies[codingGzip] = &body{data: gz, size: int64(len(gz))}
		}
		if a.bodies[codingBrotli] == nil && a.size < 1<<20 {
			br := brotliBytes(b, brotli.BestCompression)
			a.bodies[codingBrotli] = &body{data: br, size: int64(len(br))}
		}
	}
	// A variant that does not save anything is not worth a Vary.
	for _, c := range []coding{codingGzip, codingBrotli} {
		if b := a.bodies[c]; b != nil && b.size >= a.size {
			a.bodies[c] = nil
		}
	}
	return nil
}

// finish makes the header values of every representation.
func (a *asset) finish() {
	a.ctype = []string{contentType(a.name)}
	a.etag = contentETag(a.sum)
	for c, b := range a.bodies {
		if b == nil {
			continue
		}
		// A strong ETag names one representation: the coding is part of it.
		etag := a.etag
		if c != int(identity) {
			etag = strings.TrimSuffix(a.etag, `"`) + "-" + contentCoding[c] + `"`
			a.vary = varyAcceptEncoding
		}
		b.etag = []string{etag}
		b.length = []string{strconv.FormatInt(b.size, 10)}
		b.encoding = []string{contentCoding[c]}
	}
}

// memory is the memory the asset holds, all encodings.
func (a *asset) memory() int {
	n := 0
	for _, b := range a.bodies {
		if b != nil {
			n += len(b.data)
		}
	}
	return n
}

// content returns the bytes of one coding (nil when it is not offered),
// decoding a compressed body when there is no identity one (a page).
func (a *asset) content(c coding) ([]byte, error) {
	b := a.bodies[c]
	switch {
	case b == nil && c == identity && a.bodies[codingGzip] != nil:
		gz, err := a.content(codingGzip)
		if err != nil {
			return nil, err
		}
		return gunzip(gz)
	case b == nil && c == identity && a.bodies[codingBrotli] != nil:
		br, err := a.content(codingBrotli)
		if err != nil {
			return nil, err
		}
		return io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	case b == nil:
		return nil, nil
	case b.file == "":
		return b.data, nil
	}
	f, err := a.open(b)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// open opens the file of a body, refusing one that changed since the
// server read it: it would not match the ETag, the Content-Length or, for
// a versioned address, the promise that the content never changes.
func (a *asset) open(b *body) (fs.File, error) {
	f, err := a.fsys.Open(b.file)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && (info.Size() != b.size || !info.ModTime().Equal(b.mod)) {
		err = fmt.Errorf("web/%s changed since the server started: restart it to serve the new file", b.file)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// pick chooses the best coding the client accepts: brotli, gzip, then
// the content as it is.
func (a *asset) pick(accept string) coding {
	if accept == "" {
		return identity
	}
	if a.bodies[codingBrotli] != nil && acceptsEncoding(accept, "br") {
		return codingBrotli
	}
	if a.bodies[codingGzip] != nil && acceptsEncoding(accept, "gzip") {
		return codingGzip
	}
	return identity
}

// acceptsEncoding parses an Accept-Encoding header for one coding, honouring
// q=0 refusals.
func acceptsEncoding(header, coding string) bool {
	for header != "" {
		var part string
		part, header, _ = strings.Cut(header, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, coding) && name != "*" {
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

// serve writes the asset with its validators. cacheControl (one of the
// cache*V values) says how long caches may keep it. Encoded bodies are
// written here, with their precomputed headers; the identity goes through
// ServeContent, for Range requests.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, cacheControl []string) {
	c := a.pick(r.Header.Get("Accept-Encoding"))
	b := a.bodies[c]
	var f fs.File
	if b != nil && b.file != "" {
		var err error
		if f, err = a.open(b); err != nil {
			log.Printf("serving %s: %v", a.name, err)
			http.Error(w, "service unavailable", http.StatusServiceUnavailable)
			return
		}
		defer f.Close()
	}
	h := w.Header()
	h["Content-Type"] = a.ctype
	h["Cache-Control"] = cacheControl
	if a.vary != nil {
		h["Vary"] = a.vary
	}
	if c == identity {
		if b == nil || conditional(r) {
			a.serveIdentity(w, r, f)
			return
		}
		// What ServeContent sends to a plain GET, with the values made
		// once: it allocates and parses for the ranges and validators
		// that this request does not have.
		h["Etag"] = b.etag
		h["Accept-Ranges"] = acceptRangesBytes
	} else {
		// ServeContent leaves out Content-Length for encoded bodies; the
		// loader's progress and keep-alive want it, so this path writes it.
		h["Etag"] = b.etag
		h["Content-Encoding"] = b.encoding
		if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatches(inm, b.etag[0]) {
			delete(h, "Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h["Content-Length"] = b.length
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if f != nil {
		io.Copy(w, f) // a file: sendfile(2), through net/http's ReadFrom
		return
	}
	w.Write(b.data)
}

// acceptRangesBytes is ServeContent's Accept-Ranges.
var acceptRangesBytes = []string{"bytes"}

// conditional reports a request with a range or a validator, which
// ServeContent answers.
func conditional(r *http.Request) bool {
	for k := range r.Header {
		if k == "Range" || strings.HasPrefix(k, "If-") {
			return true
		}
	}
	return false
}

// serveIdentity serves the content as it is, with ranges and 304s from
// ServeContent: from memory, from its file (f), or decoded from gzip.
func (a *asset) serveIdentity(w http.ResponseWriter, r *http.Request, f fs.File) {
	w.Header()["Etag"] = []string{a.etag}
	var content io.ReadSeeker
	if rs, ok := f.(io.ReadSeeker); ok {
		content = rs
	} else {
		raw, err := a.content(identity)
		if err != nil {
			log.Printf("serving %s: %v", a.name, err)
			http.Error(w, "service unavailable", http.StatusServiceUnavailable)
			return
		}
		content = bytes.NewReader(raw)
	}
	http.ServeContent(w, r, "", time.Time{}, content)
}

// handler serves the asset with the given Cache-Control.
func (a *asset) handler(cacheControl []string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a.serve(w, r, cacheControl)
	}
}

// etagMatches implements If-None-Match's weak comparison over a list.
func etagMatches(header, etag string) bool {
	etag = strings.TrimPrefix(etag, "W/")
	for header != "" {
		var t string
		t, header, _ = strings.Cut(header, ",")
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// gunzip decodes gzip bytes.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
