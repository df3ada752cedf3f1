//go:build !wasm

package main

import (
	"compress/gzip"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"

	"backendgrid/app/grid"
)

// precompressDir writes best-level brotli and gzip copies of the web
// directory's compressible files (x.br and x.gz beside x), skipping those
// already up to date.
func precompressDir(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		if !compressible(contentType(p)) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for ext, compress := range map[string]func([]byte) []byte{
			".br": func(b []byte) []byte { return brotliBytes(b, brotli.BestCompression) },
			".gz": func(b []byte) []byte { return gzipBytes(b, gzip.BestCompression) },
		} {
			if v, err := os.Stat(p + ext); err == nil && !v.ModTime().Before(info.ModTime()) {
				continue
			}
			if err := os.WriteFile(p+ext, compress(raw), 0o644); err != nil {
				return err
			}
			log.Printf("precompressed %s%s", p, ext)
		}
		return nil
	})
}

// exportStatic writes the whole site as plain files for any static host:
// the prerendered page, a 404 page, go-app's files, and every asset with
// its .br and .gz copies, under the version's immutable path and (for
// assets other sites link to, like embed.js) under a stable one.
// The output depends only on the inputs: two runs give identical files.
func exportStatic(ix *grid.Index, cfg config, out string) error {
	s, err := buildSite(ix, cfg)
	if err != nil {
		return err
	}
	if err := clearExport(out); err != nil {
		return err
	}
	files := map[string][]byte{}

	page, code := fetch(s, cfg.prefix)
	if code != http.StatusOK {
		return fmt.Errorf("prerendering the page: status %d", code)
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
			paths = []string{"web/" + s.version + "/" + file, name}
		case versionedRoots["/"+name]:
			paths = []string{"web/" + s.version + "/" + name}
		default:
			paths = []string{name} // app-worker.js, manifest.webmanifest
		}
		for _, p := range paths {
			files[p] = a.raw
			if a.gz != nil {
				files[p+".gz"] = a.gz
			}
			if a.br != nil {
				files[p+".br"] = a.br
			}
		}
	}
	for p, b := range files {
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
	log.Printf("wrote %d files for %s to %s (version %s)", len(files), cfg.prefix, out, s.version)
	return nil
}

// fetch runs one GET through the site, as a static host's visitor would.
func fetch(h http.Handler, path string) ([]byte, int) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Body.Bytes(), rec.Code
}

// clearExport empties the output directory of a previous export. It will
// not delete a directory that holds anything else: -static . or -static ~
// must not wipe a checkout or a home.
func clearExport(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("-static %s: the directory is not empty and is not a previous export; refusing to replace it", out)
	}
	return os.RemoveAll(out)
}
