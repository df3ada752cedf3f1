//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync"

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

// brotliBytes uses a window no larger than b needs: the encoder's buffers
// and, at the best level, its hash tree grow with the window, and the
// default (4 MiB) made each small file of go-app's cost 36 MB of
// allocations at start-up. Inputs of 2 MiB or more get the default
// window, so the wasm's brotli is what it was.
func brotliBytes(b []byte, level int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: level, LGWin: brotliWindow(len(b))})
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// brotliWindow is the log2 of the smallest window that holds n bytes,
// within brotli's bounds and at most its default.
func brotliWindow(n int) int {
	return min(max(bits.Len(uint(n)), 10), 22)
}

// Pages are compressed with pooled writers: a new brotli writer at level
// 5 allocates its hash table and ring buffer (megabytes), a new gzip
// writer its compressor (over 800 kB), and in the load test's heap
// profile those were two thirds of every byte allocated under load.
const (
	pageGzipLevel   = gzip.DefaultCompression
	pageBrotliLevel = 5
	// pageBrotliWindow holds a full grid (about 100 kB) whole.
	pageBrotliWindow = 18
)

var (
	pageGzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, pageGzipLevel)
		return w
	}}
	pageBrotliWriters = sync.Pool{New: func() any {
		return brotli.NewWriterOptions(io.Discard, brotli.WriterOptions{Quality: pageBrotliLevel, LGWin: pageBrotliWindow})
	}}
)

// compressPage returns a page in gzip or brotli.
func compressPage(raw []byte, c coding) []byte {
	var buf bytes.Buffer
	if c == codingBrotli {
		w := pageBrotliWriters.Get().(*brotli.Writer)
		w.Reset(&buf)
		w.Write(raw)
		w.Close()
		w.Reset(io.Discard) // drop buf: the pool must not keep it alive
		pageBrotliWriters.Put(w)
	} else {
		w := pageGzipWriters.Get().(*gzip.Writer)
		w.Reset(&buf)
		w.Write(raw)
		w.Close()
		w.Reset(io.Discard)
		pageGzipWriters.Put(w)
	}
	return bytes.Clone(buf.Bytes())
}
