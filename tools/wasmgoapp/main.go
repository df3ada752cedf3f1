//go:build !wasm

// Command wasmgoapp prepares the go-app that the browser build compiles
// against: go-app's own source, copied from the module cache, with the
// patches in patches/ applied in the order of their names.
//
// Each patch is a unified diff after a description of what it changes and
// why, written so that it could go upstream:
//
//   - 01: keep go-app's server half (its HTTP Handler, net/http and what
//     it pulls in) out of the wasm: 350 kB brotli nothing in the browser
//     calls;
//   - 02: render as soon as the queue of dispatches is empty, not on the
//     next tick of a 120 Hz ticker: keys reach the DOM in the task of the
//     event;
//   - 03: adopt the prerendered page when the wasm starts instead of
//     building it again beside it.
//
// A patch applies only where it finds exactly the lines it was written
// against; if go-app's source differs (another version), the tool stops and
// says so rather than build a wasm from a source nobody checked. The server
// and the Go tests use go-app as published.
//
// Usage (the Makefile's wasm target):
//
//	go run ./tools/wasmgoapp -out bin/wasm
//	GOOS=js GOARCH=wasm go build -modfile bin/wasm/wasm.mod ...
package main

import (
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// goApp is the module the patches were written against.
const (
	goApp        = "github.com/maxence-charriere/go-app/v10"
	goAppVersion = "v10.1.11"
)

//go:embed patches/*.diff
var patchFiles embed.FS

// patches reads the embedded patches, in the order of their names.
func patches() ([]patch, error) {
	entries, err := fs.ReadDir(patchFiles, "patches")
	if err != nil {
		return nil, err
	}
	var out []patch
	for _, e := range entries {
		b, err := fs.ReadFile(patchFiles, "patches/"+e.Name())
		if err != nil {
			return nil, err
		}
		p, err := parsePatch(e.Name(), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func main() {
	out := flag.String("out", "bin/wasm", "directory for the copy (go-app/) and the module files (wasm.mod, wasm.sum)")
	gomod := flag.String("gomod", "go.mod", "the go.mod of the module to build; wasm.mod is it plus a replace")
	flag.Parse()
	if err := run(*gomod, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmgoapp:", err)
		os.Exit(1)
	}
}

func run(gomod, out string) error {
	src, version, err := moduleDir(filepath.Dir(gomod))
	if err != nil {
		return err
	}
	if version != goAppVersion {
		return fmt.Errorf("%s is %s, but the patches were written against %s: check them against the new source and update goAppVersion", goApp, version, goAppVersion)
	}
	dst, err := filepath.Abs(filepath.Join(out, "go-app"))
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyModule(src, dst); err != nil {
		return err
	}
	ps, err := patches()
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := p.apply(dst); err != nil {
			return err
		}
	}
	return writeModFiles(gomod, out, dst)
}

// moduleDir asks the go command where go-app sits in the module cache,
// downloading it if needed (`make run` on a fresh machine builds the wasm
// before anything else has fetched go-app).
func moduleDir(dir string) (path, version string, err error) {
	cmd := exec.Command("go", "mod", "download", "-json", goApp)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("go mod download %s: %w", goApp, err)
	}
	var m struct{ Dir, Version string }
	if err := json.Unmarshal(b, &m); err != nil {
		return "", "", fmt.Errorf("go mod download %s: %w", goApp, err)
	}
	if m.Dir == "" {
		return "", "", fmt.Errorf("go mod download %s: no directory in the module cache", goApp)
	}
	return m.Dir, m.Version, nil
}

// copyModule copies go.mod, LICENSE and every package's source, without
// tests. Files in the module cache are read-only; the copies are not.
func copyModule(src, dst string) error {
	for _, name := range []string{"go.mod", "LICENSE"} {
		if err := copyFile(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return filepath.WalkDir(filepath.Join(src, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// writeModFiles writes wasm.mod (the module's go.mod with go-app replaced
// by the copy) and wasm.sum (its go.sum) for `go build -modfile`.
func writeModFiles(gomod, out, goAppDir string) error {
	mod, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(mod), "\n") {
		if strings.Contains(line, goApp) && strings.Contains(line, "=>") {
			return fmt.Errorf("%s already replaces %s (%q): the copy would be a second replacement", gomod, goApp, strings.TrimSpace(line))
		}
	}
	sum, err := os.ReadFile(strings.TrimSuffix(gomod, ".mod") + ".sum")
	if err != nil {
		return err
	}
	// A path relative to the module keeps the build machine's directories
	// out of the wasm's build information, and the build reproducible.
	root, err := filepath.Abs(filepath.Dir(gomod))
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(root, goAppDir)
	if err != nil {
		return err
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	mod = append(mod, fmt.Sprintf("\n// Written by tools/wasmgoapp for the browser build only.\nreplace %s => %s\n", goApp, strconv.Quote(rel))...)
	if err := os.WriteFile(filepath.Join(out, "wasm.mod"), mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "wasm.sum"), sum, 0o644)
}
