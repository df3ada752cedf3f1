//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// Precompress writes best-level brotli and gzip copies of the compressible
// files of a web directory (x.br and x.gz beside x), skipping those already
// up to date. New takes them as x's variants: the wasm's brotli takes too
// long to make at start-up.
func Precompress(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
	if err != nil {
		return fmt.Errorf("precompressing %s: %w", dir, err)
	}
	return nil
}

// compressible reports content types worth compressing.
func compressible(ctype string) bool {
	switch {
	case strings.HasPrefix(ctype, "text/"),
		strings.HasPrefix(ctype, "application/javascript"),
		strings.HasPrefix(ctype, "application/json"),
		strings.HasPrefix(ctype, "application/manifest+json"),
		strings.HasPrefix(ctype, "application/wasm"),
		strings.HasPrefix(ctype, "image/svg+xml"):
		return true
	}
	return false
}

// gzipBytes and brotliBytes compress b at a level. They return no error:
// the level is a valid constant and a bytes.Buffer does not fail.
func gzipBytes(b []byte, level int) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, level)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func brotliBytes(b []byte, level int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, level)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
