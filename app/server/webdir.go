//go:build !wasm

package server

import (
	"fmt"
	"io/fs"
	"log"
	"mime"
	"path"
	"strings"
	"time"
)

// loadWebDir reads every file of the web directory into assets keyed by
// "web/<name>". Precompressed siblings (x.br, x.gz) become variants of x,
// but only when they are not older than x.
func loadWebDir(fsys fs.FS) (map[string]*asset, error) {
	type file struct {
		data []byte
		mod  time.Time
	}
	files := map[string]file{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = file{b, info.ModTime()}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading web assets: %w", err)
	}
	assets := map[string]*asset{}
	for p, f := range files {
		if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			continue
		}
		variant := func(ext string) []byte {
			v, ok := files[p+ext]
			if !ok || v.mod.Before(f.mod) {
				return nil
			}
			return v.data
		}
		gz, br := variant(".gz"), variant(".br")
		if p == "app.wasm" && br == nil {
			log.Printf("web/app.wasm has no up-to-date app.wasm.br: run `make build` to precompress it")
		}
		assets["web/"+p] = newAsset("web/"+p, f.data, gz, br)
	}
	return assets, nil
}

// contentType picks the media type from the extension, with the types that
// hosts get wrong spelled out.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "application/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	case ".svg":
		return "image/svg+xml"
	case ".html":
		return "text/html; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".png":
		return "image/png"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
