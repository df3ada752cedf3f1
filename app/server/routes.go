//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"html"
	"log"
	"net/http"
	"net/url"
	"strings"
)

// Cache-Control values. Versioned addresses change with every version, so
// what they hold never does; every other address must be revalidated.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// routes maps the paths under the prefix (the guard has taken it off) to
// their handlers. A GET pattern also answers HEAD; the guard has refused
// every other method and every path the mux would clean, so the mux never
// answers 405 or redirects.
func (s *Site) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /", s.serveNotFound) // anything not below
	mux.HandleFunc("GET /{$}", s.servePage)
	mux.HandleFunc("GET /index.html", s.servePage) // the name static hosts and links give it
	mux.HandleFunc("GET /healthz", serveHealth)
	for _, name := range goappFiles {
		// go-app's own files keep fixed names: revalidate each time.
		mux.Handle("GET /"+name, s.assets[name].handler(cacheRevalidateV))
	}
	// web/<file>: revalidated, as embed.js and friends have addresses that
	// other sites copy.
	mux.HandleFunc("GET /web/{file}", func(w http.ResponseWriter, r *http.Request) {
		s.serveWeb(w, r, r.PathValue("file"), cacheRevalidateV)
	})
	// web/<version>/<file>: immutable, unless the version is not this one.
	mux.HandleFunc("GET /web/{version}/{file...}", func(w http.ResponseWriter, r *http.Request) {
		cache := cacheRevalidateV
		if r.PathValue("version") == s.cfg.Version {
			cache = cacheImmutableV
		}
		s.serveWeb(w, r, r.PathValue("file"), cache)
	})
	return mux
}

// exactRoutes lists the paths, prefix included, for which routes would
// call a handler that depends on nothing else in the path: every asset at
// its stable and at its versioned address, the page, /healthz. The guard
// serves those from this map, with no copy of the request and no
// matching of patterns; routes answers everything else (other versions,
// unknown files). A test checks that both give the same responses.
func (s *Site) exactRoutes() map[string]http.HandlerFunc {
	p := s.cfg.Prefix
	m := map[string]http.HandlerFunc{
		p:                s.servePage,
		p + "index.html": s.servePage,
		p + "healthz":    serveHealth,
	}
	if p != "/" {
		m[strings.TrimSuffix(p, "/")] = s.servePage
	}
	// The versioned addresses, when the version is one plain path
	// segment, as the mux's {version} would match it.
	versioned := p + "web/" + s.cfg.Version + "/"
	if v := s.cfg.Version; v == "" || v == "." || v == ".." || strings.Contains(v, "/") {
		versioned = "" // none: the routes answer them
	}
	// go-app's files first: a web file of the same name wins under web/,
	// as in serveWeb.
	for _, name := range goappFiles {
		a := s.assets[name]
		m[p+name] = a.handler(cacheRevalidateV)
		if versionedRoots["/"+name] {
			m[p+"web/"+name] = a.handler(cacheRevalidateV)
			if versioned != "" {
				m[versioned+name] = a.handler(cacheImmutableV)
			}
		}
	}
	for name, a := range s.assets {
		file, ok := strings.CutPrefix(name, "web/")
		if !ok {
			continue
		}
		if !strings.Contains(file, "/") { // web/{file} is one segment
			m[p+"web/"+file] = a.handler(cacheRevalidateV)
		}
		if versioned != "" {
			m[versioned+file] = a.handler(cacheImmutableV)
		}
	}
	// Only plain paths: what relPath refuses (an odd file name) stays
	// with the guard's refusal.
	for path := range m {
		if _, ok := s.relPath(&url.URL{Path: path}); !ok {
			delete(m, path)
		}
	}
	return m
}

// serveHealth tells a load balancer the process is up.
func serveHealth(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// serveWeb serves a file of the web directory, or one of go-app's files
// that change with the version (app.js and friends live beside the wasm).
func (s *Site) serveWeb(w http.ResponseWriter, r *http.Request, file string, cache []string) {
	a := s.assets["web/"+file]
	if a == nil && versionedRoots["/"+file] {
		a = s.assets[file]
	}
	if a == nil {
		s.serveNotFound(w, r)
		return
	}
	a.serve(w, r, cache)
}

// servePage serves the page prerendered for the request's query string.
func (s *Site) servePage(w http.ResponseWriter, r *http.Request) {
	a, code := s.pages.page(r)
	if a == nil {
		if r.Context().Err() != nil {
			return // the client is gone: nobody to answer
		}
		log.Printf("prerendering %q failed with status %d", r.URL.RequestURI(), code)
		s.serveNotFound(w, r)
		return
	}
	a.serve(w, r, cacheRevalidateV)
}

// serveNotFound answers 404 with a page of our own.
func (s *Site) serveNotFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(s.notFound)
	}
}

// notFoundPage is a small page of our own: go-app's default is a bare
// "404 page not found" in plain text.
func notFoundPage(prefix, css string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Not found · backendgrid</title>
<link rel="stylesheet" href="%s">
</head>
<body>
<main class="bg-page bg-notfound">
<h1>Page not found</h1>
<p>There is nothing at this address. The comparison grid is on the <a href="%s">home page</a>.</p>
</main>
</body>
</html>
`, html.EscapeString(css), html.EscapeString(prefix))
	return b.Bytes()
}
