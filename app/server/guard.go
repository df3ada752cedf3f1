//go:build !wasm

package server

import (
	"log"
	"net/http"
	"net/url"
	"strings"
)

// guard is what every request goes through before the routes: security
// headers, then the refusals that do not depend on the route. It also
// takes off the path prefix, so that the routes are the same under any.
//
// It answers some requests that http.ServeMux would answer differently:
// other methods get 405 with "Allow: GET, HEAD" whatever the path, and a
// path that is not plain gets our 404 rather than the mux's 301 to the
// cleaned path (which would turn /web/../go.mod into a redirect).
func (s *Site) guard(routes http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			// A bug must cost one response, never the process or a 500
			// page with internals.
			if v := recover(); v != nil {
				log.Printf("panic serving %q: %v", r.URL.Path, v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		s.securityHeaders(w, r)

		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if len(r.URL.RawQuery) > maxQueryBytes {
			http.Error(w, "query string too long", http.StatusRequestURITooLong)
			return
		}
		// A path that is one of exact's, as sent (nothing escaped, so no
		// encoded slash or NUL), is plain by construction.
		if r.URL.RawPath == "" {
			if h := s.exact[r.URL.Path]; h != nil {
				h(w, r)
				return
			}
		}
		rel, ok := s.relPath(r.URL)
		if !ok {
			s.serveNotFound(w, r)
			return
		}
		// As http.StripPrefix does: a shallow copy with the new path.
		inner := new(http.Request)
		*inner = *r
		inner.URL = new(url.URL)
		*inner.URL = *r.URL
		inner.URL.Path, inner.URL.RawPath = "/"+rel, ""
		routes.ServeHTTP(w, inner)
	})
}

// relPath checks a request path and returns it relative to the prefix.
// Anything that is not a plain path (dot segments, empty segments, encoded
// slashes or backslashes, NUL, control characters) is not found. The
// prefix without its final slash is the page, as the prefix is.
func (s *Site) relPath(u *url.URL) (string, bool) {
	p := u.Path
	raw := strings.ToLower(u.EscapedPath())
	if strings.ContainsAny(p, "\\\x00") || strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return "", false
		}
	}
	rel, ok := strings.CutPrefix(p, s.cfg.Prefix)
	if !ok {
		return "", p+"/" == s.cfg.Prefix
	}
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		// An empty segment is fine only last (a trailing slash): the
		// mux would redirect any other, as it would dot segments.
		if seg == ".." || seg == "." || (seg == "" && i < len(segs)-1) {
			return "", false
		}
	}
	return rel, true
}
