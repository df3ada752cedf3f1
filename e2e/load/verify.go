package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/andybalholm/brotli"
)

// verifier checks one worker's responses, reusing its buffers.
type verifier struct {
	files      expected
	mix        *mix
	buf        []byte
	page       bytes.Buffer
	sampleBody bool // decode this page and look at it (decoding every one would load the generator)
}

// do sends one request and reads the whole body. It returns the body's
// size (-1 for a redirect), or the kind of error and a detail.
func (v *verifier) do(c *http.Client, base string, t *target) (int, string, string) {
	req, err := http.NewRequest(http.MethodGet, base+t.path, nil)
	if err != nil {
		return 0, "request", err.Error()
	}
	req.Header.Set("Accept-Encoding", v.mix.encoding)
	res, err := c.Do(req)
	if err != nil {
		return 0, "transport", err.Error()
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode >= 300 && res.StatusCode < 400:
		io.Copy(io.Discard, res.Body)
		return -1, "", ""
	case res.StatusCode >= 400 || res.StatusCode < 200:
		io.Copy(io.Discard, res.Body)
		return 0, fmt.Sprintf("status %d", res.StatusCode), res.Status
	}
	coding := res.Header.Get("Content-Encoding")
	if !acceptable(v.mix.encoding, coding) {
		io.Copy(io.Discard, res.Body)
		return 0, "coding", fmt.Sprintf("Content-Encoding %q for Accept-Encoding %q", coding, v.mix.encoding)
	}
	if t.file == "" {
		return v.checkPage(res, coding)
	}
	if t.class == classWasm && coding != v.mix.wasmCode {
		io.Copy(io.Discard, res.Body)
		return 0, "coding", fmt.Sprintf("app.wasm came with Content-Encoding %q, want %q", coding, v.mix.wasmCode)
	}
	want, ok := v.files[t.file+suffix(coding)]
	if !ok {
		io.Copy(io.Discard, res.Body)
		return 0, "coding", fmt.Sprintf("Content-Encoding %q but the export has no %s%s", coding, t.file, suffix(coding))
	}
	// Compare as it streams: a body is never held whole.
	n := 0
	for {
		k, err := res.Body.Read(v.buf)
		if k > 0 {
			if n+k > len(want) || !bytes.Equal(v.buf[:k], want[n:n+k]) {
				io.Copy(io.Discard, res.Body)
				return 0, "body", fmt.Sprintf("bytes differ from the export's %s%s at offset %d", t.file, suffix(coding), n)
			}
			n += k
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, "short body", fmt.Sprintf("after %d of %d bytes: %v", n, len(want), err)
		}
	}
	if n != len(want) {
		return 0, "short body", fmt.Sprintf("%d of %d bytes", n, len(want))
	}
	return n, "", ""
}

func (v *verifier) checkPage(res *http.Response, coding string) (int, string, string) {
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		io.Copy(io.Discard, res.Body)
		return 0, "page", "Content-Type " + ct
	}
	v.page.Reset()
	n, err := v.page.ReadFrom(res.Body)
	if err != nil {
		return 0, "short body", fmt.Sprintf("after %d bytes: %v", n, err)
	}
	if res.ContentLength >= 0 && n != res.ContentLength {
		return 0, "short body", fmt.Sprintf("%d of %d bytes", n, res.ContentLength)
	}
	if v.sampleBody {
		html, err := decode(v.page.Bytes(), coding)
		if err != nil {
			return 0, "page", fmt.Sprintf("undecodable %s body: %v", coding, err)
		}
		if !bytes.Contains(html, []byte("</html>")) || !bytes.Contains(html, []byte("/app.js\"")) {
			return 0, "page", "decoded page is not a whole prerendered page"
		}
	}
	return int(n), "", ""
}

// decode undoes a Content-Encoding.
func decode(b []byte, coding string) ([]byte, error) {
	var r io.Reader = bytes.NewReader(b)
	switch coding {
	case "":
		return b, nil
	case "gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		r = zr
	case "br":
		r = brotli.NewReader(r)
	default:
		return nil, errors.New("unknown coding " + coding)
	}
	return io.ReadAll(r)
}

func suffix(coding string) string {
	switch coding {
	case "gzip":
		return ".gz"
	case "br":
		return ".br"
	}
	return ""
}

// acceptable reports whether a response's coding is one the request offered.
func acceptable(accept, coding string) bool {
	if coding == "" {
		return true
	}
	for _, a := range strings.Split(accept, ",") {
		if strings.TrimSpace(a) == coding {
			return true
		}
	}
	return false
}
