//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve runs go-app's own handler. The one addition is the content coding:
// go-app serves everything uncompressed, which would make this floor look
// heavier than backendgrid for reasons that have nothing to do with go-app,
// so responses get the codings backendgrid's server gives (brotli, else
// gzip, both at the best level; web/ files use the .br and .gz copies that
// backendgrid's -precompress wrote beside them).
func serve() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	h := &app.Handler{
		Name:  "Hello",
		Title: "Hello",
		// go-app's default icons are remote: a first visit would fetch
		// them from the internet.
		Icon: app.Icon{Default: "/web/icon.png", SVG: "/web/icon.svg"},
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("hello serving on http://%s", ln.Addr())
	log.Fatal(http.Serve(ln, &encoder{next: h, cache: map[[32]byte][]byte{}}))
}

// encoder compresses what next writes, when the client accepts it.
type encoder struct {
	next  http.Handler
	mu    sync.Mutex
	cache map[[32]byte][]byte // keyed by the hash of coding and body
}

func (e *encoder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	e.next.ServeHTTP(rec, r)
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	body := rec.Body.Bytes()
	coding := ""
	accept := r.Header.Get("Accept-Encoding")
	switch {
	case strings.Contains(accept, "br"):
		coding = "br"
	case strings.Contains(accept, "gzip"):
		coding = "gzip"
	}
	if rec.Code == http.StatusOK && coding != "" && compressible(rec.Header().Get("Content-Type")) && len(body) >= 256 {
		body = e.encode(r.URL.Path, coding, body)
		w.Header().Set("Content-Encoding", coding)
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rec.Code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func (e *encoder) encode(path, coding string, raw []byte) []byte {
	key := sha256.Sum256(append([]byte(coding+"\x00"), raw...))
	e.mu.Lock()
	defer e.mu.Unlock()
	if b, ok := e.cache[key]; ok {
		return b
	}
	ext := map[string]string{"br": ".br", "gzip": ".gz"}[coding]
	var b []byte
	if strings.HasPrefix(path, "/web/") && !strings.Contains(path, "..") {
		b, _ = os.ReadFile("." + path + ext) // web/x.br written by -precompress
	}
	if b == nil {
		var buf bytes.Buffer
		if coding == "br" {
			bw := brotli.NewWriterLevel(&buf, brotli.BestCompression)
			bw.Write(raw)
			bw.Close()
		} else {
			gw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			gw.Write(raw)
			gw.Close()
		}
		b = buf.Bytes()
	}
	e.cache[key] = b
	return b
}

// compressible matches the content types backendgrid's server compresses.
func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "application/manifest+json", "application/wasm", "image/svg+xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}
