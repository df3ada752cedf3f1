package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// checker checks responses against the export: what no load-testing
// library knows about these servers.
type checker struct {
	files expected
	mix   *mix
}

// check judges one response to t: its status (code 0 is a request that got
// no response, with transportErr saying why), its coding, and its body,
// which for a static file must be the export's bytes in that coding, and
// for a page a whole HTML page (decoded and looked at when sample is set:
// decoding every page would load the generator). It returns the kind of
// failure and a detail, or "" when the response is right. A redirect is
// right as it is.
func (c *checker) check(t *target, code uint16, header http.Header, body []byte, transportErr string, sample bool) (kind, detail string) {
	switch {
	case code == 0:
		return "transport", transportErr
	case code >= 300 && code < 400:
		return "", ""
	case code >= 400 || code < 200:
		return fmt.Sprintf("status %d", code), strings.TrimSpace(transportErr)
	}
	coding := header.Get("Content-Encoding")
	if !acceptable(c.mix.encoding, coding) {
		return "coding", fmt.Sprintf("Content-Encoding %q for Accept-Encoding %q", coding, c.mix.encoding)
	}
	if t.file == "" {
		return c.checkPage(header, body, coding, sample)
	}
	if t.class == classWasm && coding != c.mix.wasmCode {
		return "coding", fmt.Sprintf("app.wasm came with Content-Encoding %q, want %q", coding, c.mix.wasmCode)
	}
	want, ok := c.files[t.file+suffix(coding)]
	if !ok {
		return "coding", fmt.Sprintf("Content-Encoding %q but the export has no %s%s", coding, t.file, suffix(coding))
	}
	if len(body) != len(want) {
		return "short body", fmt.Sprintf("%d of %d bytes", len(body), len(want))
	}
	if !bytes.Equal(body, want) {
		i := 0
		for i < len(body) && body[i] == want[i] {
			i++
		}
		return "body", fmt.Sprintf("bytes differ from the export's %s%s at offset %d", t.file, suffix(coding), i)
	}
	return "", ""
}

func (c *checker) checkPage(header http.Header, body []byte, coding string, sample bool) (kind, detail string) {
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		return "page", "Content-Type " + ct
	}
	if cl := header.Get("Content-Length"); cl != "" {
		if n, err := strconv.Atoi(cl); err == nil && n != len(body) {
			return "short body", fmt.Sprintf("%d of %d bytes", len(body), n)
		}
	}
	if sample {
		html, err := decode(body, coding)
		if err != nil {
			return "page", fmt.Sprintf("undecodable %s body: %v", coding, err)
		}
		if !bytes.Contains(html, []byte("</html>")) || !bytes.Contains(html, []byte("/app.js\"")) {
			return "page", "decoded page is not a whole prerendered page"
		}
	}
	return "", ""
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
