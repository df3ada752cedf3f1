// Command peer serves the plain-JavaScript peer that `make bench` measures
// backendgrid against (peer.js beside this file says what the peer does).
// It serves the directory it runs in, as the bench wrote it there:
// site.json lists each URL path with its file and the Content-Type and
// Cache-Control backendgrid's server gave it, and the Content-Security-Policy
// of backendgrid's page, which goes on every response here too. Files are
// sent in brotli or gzip when the request accepts it, from the .br and .gz
// copies backendgrid's -precompress wrote beside them, as for the hello
// floor: the three apps' bytes are compressed by the same code.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// site is site.json.
type site struct {
	CSP   string          `json:"csp"`
	Files map[string]file `json:"files"` // by URL path
}

type file struct {
	Path  string `json:"path"`  // in the directory, slash-separated
	Type  string `json:"type"`  // Content-Type
	Cache string `json:"cache"` // Cache-Control, if any
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	dir := flag.String("dir", ".", "the directory the bench wrote")
	flag.Parse()
	h, err := load(*dir)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("peer serving on http://%s", ln.Addr())
	log.Fatal(http.Serve(ln, h))
}

// handler serves the files of site.json from memory.
type handler struct {
	csp   string
	files map[string]*entry
}

type entry struct {
	file
	bodies map[string][]byte // by content coding: "" (none), "br", "gzip"
}

// codings are the content codings served, best first, with the suffix of
// their precompressed copies.
var codings = []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func load(dir string) (*handler, error) {
	b, err := os.ReadFile(filepath.Join(dir, "site.json"))
	if err != nil {
		return nil, err
	}
	var s site
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("site.json: %w", err)
	}
	if s.CSP == "" {
		return nil, fmt.Errorf("site.json: no Content-Security-Policy")
	}
	h := &handler{csp: s.CSP, files: map[string]*entry{}}
	for u, f := range s.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		e := &entry{file: f, bodies: map[string][]byte{"": raw}}
		for _, c := range codings {
			if b, err := os.ReadFile(p + c.ext); err == nil {
				e.bodies[c.name] = b
			}
		}
		h.files[u] = e
	}
	return h, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", h.csp)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	e, ok := h.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	coding := ""
	accept := r.Header.Get("Accept-Encoding")
	for _, c := range codings {
		if _, ok := e.bodies[c.name]; ok && strings.Contains(accept, c.name) {
			coding = c.name
			break
		}
	}
	body := e.bodies[coding]
	hd.Set("Content-Type", e.Type)
	if e.Cache != "" {
		hd.Set("Cache-Control", e.Cache)
	}
	if len(e.bodies) > 1 {
		hd.Set("Vary", "Accept-Encoding")
	}
	if coding != "" {
		hd.Set("Content-Encoding", coding)
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}
