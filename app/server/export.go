//go:build !wasm

package server

import (
	"compress/gzip"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
)

// Export writes the whole site into the directory out as plain files for
// any static host, to be served under the configured prefix: the
// prerendered page, a 404 page, go-app's files, and every asset with its
// .br and .gz copies, under the version's immutable path and (for assets
// other sites link to, like embed.js) under a stable one. A previous export
// in out is replaced; a directory holding anything else is refused.
// The output depends only on the inputs: two runs give identical files.
func (s *Site) Export(out string) error {
	if err := clearExport(out); err != nil {
		return err
	}
	files := map[string][]byte{}

	page, code := fetch(s, s.cfg.Prefix)
	if code != http.StatusOK {
		return fmt.Errorf("exporting to %s: prerendering the page: status %d", out, code)
	}
	for name, b := range map[string][]byte{"index.html": page, "404.html": s.notFound} {
		files[name] = b
		files[name+".gz"] = gzipBytes(b, gzip.BestCompression)
		files[name+".br"] = brotliBytes(b, brotli.BestCompression)
	}

	names := make([]string, 0, len(s.assets))
	for name := range s.assets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		a := s.assets[name]
		var paths []string
		switch {
		case strings.HasPrefix(name, "web/"):
			file := strings.TrimPrefix(name, "web/")
			paths = []string{"web/" + s.cfg.Version + "/" + file, name}
		case versionedRoots["/"+name]:
			paths = []string{"web/" + s.cfg.Version + "/" + name}
		default:
			paths = []string{name} // app-worker.js, manifest.webmanifest
		}
		for c, ext := range [nCodings]string{"", ".gz", ".br"} {
			b, err := a.content(coding(c))
			if err != nil {
				return fmt.Errorf("exporting to %s: %w", out, err)
			}
			if b == nil {
				continue
			}
			for _, p := range paths {
				files[p+ext] = b
			}
		}
	}
	for p, b := range files {
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("exporting to %s: %w", out, err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return fmt.Errorf("exporting to %s: %w", out, err)
		}
	}
	log.Printf("wrote %d files for %s to %s (version %s)", len(files), s.cfg.Prefix, out, s.cfg.Version)
	return nil
}

// fetch runs one GET through the site, as a static host's visitor would.
func fetch(h http.Handler, path string) ([]byte, int) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Body.Bytes(), rec.Code
}

// clearExport empties the output directory of a previous export. It will
// not delete a directory that holds anything else: an export into . or ~
// must not wipe a checkout or a home.
func clearExport(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return fmt.Errorf("exporting to %s: %w", out, err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("exporting to %s: the directory is not empty and is not a previous export; refusing to replace it", out)
	}
	if err := os.RemoveAll(out); err != nil {
		return fmt.Errorf("exporting to %s: removing the previous export: %w", out, err)
	}
	return nil
}
