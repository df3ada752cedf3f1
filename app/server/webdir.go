//go:build !wasm

package server

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"path"
	"strings"
)

// loadWebDir reads the web directory into assets keyed by "web/<name>".
// Precompressed siblings (x.br, x.gz) become variants of x, but only when
// they are not older than x. Files of fileMin bytes or more stay on disk
// (their size, modification time and hash are taken now), the others are
// read into memory.
func loadWebDir(fsys fs.FS) (map[string]*asset, error) {
	infos := map[string]fs.FileInfo{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		infos[p] = info
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading web assets: %w", err)
	}
	assets := map[string]*asset{}
	for p := range infos {
		if strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			continue
		}
		a, err := loadAsset(fsys, p, infos)
		if err != nil {
			return nil, fmt.Errorf("reading web assets: %w", err)
		}
		if p == "app.wasm" && a.bodies[codingBrotli] == nil && a.size >= 256 {
			log.Printf("web/app.wasm has no up-to-date app.wasm.br: run `make build` to precompress it")
		}
		assets["web/"+p] = a
	}
	return assets, nil
}

// loadAsset builds the asset of the file p, with the variants among infos.
func loadAsset(fsys fs.FS, p string, infos map[string]fs.FileInfo) (*asset, error) {
	info := infos[p]
	a := &asset{name: "web/" + p, fsys: fsys, size: info.Size()}
	id, raw, err := loadBody(fsys, p, info)
	if err != nil {
		return nil, err
	}
	a.bodies[identity] = id
	// The hash names the content (ETag, and the version when it is the
	// wasm): streamed from the file when it stays there.
	if raw != nil {
		a.sum = sha256.Sum256(raw)
	} else if a.sum, err = hashFile(fsys, p); err != nil {
		return nil, err
	}
	for c, ext := range map[coding]string{codingGzip: ".gz", codingBrotli: ".br"} {
		v, ok := infos[p+ext]
		if !ok || v.ModTime().Before(info.ModTime()) {
			continue
		}
		if a.bodies[c], _, err = loadBody(fsys, p+ext, v); err != nil {
			return nil, err
		}
	}
	err = a.compressMissing(func() ([]byte, error) {
		if raw != nil {
			return raw, nil
		}
		return fs.ReadFile(fsys, p) // read once, compressed, let go
	})
	if err != nil {
		return nil, err
	}
	a.finish()
	return a, nil
}

// loadBody reads a small file into memory, or notes a large one's name,
// size and modification time. raw is the data when it was read.
func loadBody(fsys fs.FS, p string, info fs.FileInfo) (b *body, raw []byte, err error) {
	if info.Size() >= fileMin {
		return &body{file: p, size: info.Size(), mod: info.ModTime()}, nil, nil
	}
	raw, err = fs.ReadFile(fsys, p)
	if err != nil {
		return nil, nil, err
	}
	return &body{data: raw, size: int64(len(raw))}, raw, nil
}

// hashFile is the SHA-256 of a file, read in small pieces.
func hashFile(fsys fs.FS, p string) ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	f, err := fsys.Open(p)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
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
