package main

import (
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// builder compiles the programs the benchmark serves, always with the wasm
// flags of the Makefile and against the same copy of go-app
// (tools/wasmgoapp), so that every wasm is built the way web/app.wasm is.
type builder struct {
	root      string            // the repository root
	e2e       string            // the e2e module
	tmp       string            // scratch space for everything built here
	wasmFlags []string          // the Makefile's WASMFLAGS, split
	modFiles  map[string]string // module directory -> its wasm.mod
}

// build says how goBuild builds: for the server, or a wasm.
type build int

const (
	serverBin build = iota
	wasmCut         // as `make wasm` does: the copy of go-app, the wasm flags
	wasmStock       // with go-app as published, to show what the copy saves
	wasmNames       // as wasmCut, but only -trimpath: names are what the size breakdown needs
)

// goBuild runs go build in dir.
func (b *builder) goBuild(dir, out, pkg string, kind build) error {
	args := []string{"build"}
	var env []string
	if kind != serverBin {
		env = []string{"GOOS=js", "GOARCH=wasm"}
		if kind != wasmStock {
			mod, err := b.modFile(dir)
			if err != nil {
				return err
			}
			args = append(args, "-modfile", mod)
		}
		if kind == wasmNames {
			args = append(args, "-trimpath")
		} else {
			args = append(args, b.wasmFlags...)
		}
	}
	args = append(args, "-o", out, pkg)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOWORK=off"), env...)
	start := time.Now()
	if outb, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s (in %s): %v\n%s", strings.Join(cmd.Args, " "), dir, err, outb)
	}
	log.Printf("built %s in %s", out, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// modFile prepares, once per module, the wasm.mod that builds it against
// the copy of go-app without its server half, with the Makefile's tool.
func (b *builder) modFile(dir string) (string, error) {
	if mod, ok := b.modFiles[dir]; ok {
		return mod, nil
	}
	out := filepath.Join(b.tmp, "wasmgoapp", strconv.Itoa(len(b.modFiles)))
	cmd := exec.Command("go", "run", "./tools/wasmgoapp", "-gomod", filepath.Join(dir, "go.mod"), "-out", out)
	cmd.Dir = b.root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if outb, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("tools/wasmgoapp for %s: %v\n%s", dir, err, outb)
	}
	if b.modFiles == nil {
		b.modFiles = map[string]string{}
	}
	b.modFiles[dir] = filepath.Join(out, "wasm.mod")
	return b.modFiles[dir], nil
}

// stock builds both wasm binaries with go-app as published and compresses
// them the same way: the bytes the copy of go-app saves.
func (b *builder) stock() ([2][3]int64, error) {
	var sizes [2][3]int64
	for i, t := range []struct{ dir, pkg, name string }{
		{b.root, ".", "backendgrid"},
		{b.e2e, "./bench/hello", "hello"},
	} {
		web := filepath.Join(b.tmp, "stock", t.name)
		if err := b.goBuild(t.dir, filepath.Join(web, "app.wasm"), t.pkg, wasmStock); err != nil {
			return sizes, err
		}
		if err := b.precompress(web); err != nil {
			return sizes, err
		}
		var err error
		if sizes[i], err = wasmSizes(web); err != nil {
			return sizes, err
		}
	}
	return sizes, nil
}

// hello builds the go-app hello floor into tmp/hello: its wasm, its server,
// two local icons (go-app's default ones are remote) and brotli and gzip
// copies written by backendgrid's own -precompress, so both apps' assets
// are compressed by the same code at the same level.
func (b *builder) hello() (string, error) {
	dir := filepath.Join(b.tmp, "hello")
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		return "", err
	}
	if err := b.goBuild(b.e2e, filepath.Join(dir, "web", "app.wasm"), "./bench/hello", wasmCut); err != nil {
		return "", err
	}
	if err := b.goBuild(b.e2e, filepath.Join(dir, "hello"), "./bench/hello", serverBin); err != nil {
		return "", err
	}
	for src, dst := range map[string]string{"icon-192.png": "icon.png", "icon.svg": "icon.svg"} {
		if err := copyFile(filepath.Join(b.root, "web", src), filepath.Join(dir, "web", dst)); err != nil {
			return "", err
		}
	}
	return dir, b.precompress(filepath.Join(dir, "web"))
}

func (b *builder) precompress(webDir string) error {
	start := time.Now()
	cmd := exec.Command(filepath.Join(b.root, "bin", "backendgrid"), "-precompress", "-web", webDir)
	cmd.Dir = b.root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("precompressing %s: %v\n%s", webDir, err, out)
	}
	log.Printf("precompressed %s in %s", webDir, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// variant copies the program's sources to tmp/<name> with another catalog
// and builds its wasm and server there. The production code is untouched:
// the catalog is the only difference.
func (b *builder) variant(name string, catalog []byte) (string, error) {
	dir := filepath.Join(b.tmp, name)
	if err := copySources(b.root, dir); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "frameworks.json"), catalog, 0o644); err != nil {
		return "", err
	}
	if err := b.goBuild(dir, filepath.Join(dir, "web", "app.wasm"), ".", wasmCut); err != nil {
		return "", err
	}
	return dir, b.goBuild(dir, filepath.Join(dir, "bin", "backendgrid"), ".", serverBin)
}

// copySources copies the module at root to dst: every file of it, whatever
// its layout (packages move, the server among them), but nothing that is no
// part of it. skipDir and skipFile say what that is.
func copySources(root, dst string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel != "." && skipDir(p, rel) {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if skipFile(d) {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

// skipDir reports whether the directory p (rel from the module root) is no
// part of the module's build: hidden ones (.git), nested modules (e2e/, with
// its own go.mod), node_modules and testdata, and the Makefile's output,
// bin/ and dist/ at the root.
func skipDir(p, rel string) bool {
	name := filepath.Base(rel)
	if strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata" {
		return true
	}
	if rel == "bin" || rel == "dist" {
		return true
	}
	_, err := os.Stat(filepath.Join(p, "go.mod"))
	return err == nil
}

// skipFile reports whether a file is build output that the variant's build
// writes anew (app.wasm and the .br and .gz copies of the assets), or a
// hidden file.
func skipFile(d fs.DirEntry) bool {
	name := d.Name()
	return !d.Type().IsRegular() || strings.HasPrefix(name, ".") || name == "app.wasm" ||
		strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// splitFlags splits a flag string the way a shell would for the simple
// forms a Makefile uses: spaces separate words, double or single quotes
// group them (-ldflags="-s -w" is one word, -ldflags=-s -w).
func splitFlags(s string) []string {
	var out []string
	var cur strings.Builder
	var quote rune
	inWord := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote = r
			inWord = true
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out
}
