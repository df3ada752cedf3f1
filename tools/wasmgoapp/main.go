//go:build !wasm

// Command wasmgoapp prepares the go-app that the browser build compiles
// against: go-app's own source, copied from the module cache, with its
// server half kept out of the wasm.
//
// Why: go-app's package app declares its HTTP Handler in a file without a
// build tag, so every wasm imports net/http. The package initialisers of
// net/http's dependencies (crypto/tls, crypto/x509, math/big, mime, ...)
// keep them linked although nothing in the browser calls them: about 1.5 MB
// of raw wasm, 350 kB brotli, a fifth of what a first visit downloads.
// backendgrid puts its own server code behind `//go:build !wasm`; this does
// the same for go-app's, which only go-app itself could do upstream.
//
// The copy changes three things and nothing else (see cuts). Each change
// must find exactly the text it expects; if go-app's source differs (another
// version), the tool stops and says so, rather than build a wasm from a
// source it has not checked. The server is built from the unchanged module.
//
// Usage (the Makefile's wasm target):
//
//	go run ./tools/wasmgoapp -out bin/wasm
//	GOOS=js GOARCH=wasm go build -modfile bin/wasm/wasm.mod ...
package main

import (
	"bytes"
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

// goApp is the module the cuts were written against.
const (
	goApp        = "github.com/maxence-charriere/go-app/v10"
	goAppVersion = "v10.1.11"
)

// A cut is one change to a file of the copy: old must occur exactly once
// and becomes new.
type cut struct {
	file, why, old, new string
}

var cuts = []cut{
	{
		file: "pkg/app/http.go",
		why:  "the Handler (the server) is left out of the wasm, as go-app's static.go already is",
		old:  "package app\n",
		new:  "//go:build !wasm\n\npackage app\n",
	},
	{
		file: "pkg/app/wasm.go",
		why:  "the wasm stub of GenerateStaticWebsite names the Handler; a browser never calls it (it panics there)",
		old: `import (
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {
	panic(errors.New("unsupported instruction").
		WithTag("architecture", runtime.GOARCH))
}
`,
		new: "",
	},
	{
		file: "pkg/app/resource.go",
		why:  "LocalDir's file server is for the Handler; in the browser a resolver only resolves",
		old: `import (
	"net/http"
	"strings"
)`,
		new: `import (
	"strings"
)`,
	},
	{
		file: "pkg/app/resource.go",
		why:  "see above",
		old:  "\t\tHandler:   http.FileServer(http.Dir(directory)),\n",
		new:  "",
	},
	{
		file: "pkg/app/resource.go",
		why:  "see above",
		old:  "type localResourceResolver struct {\n\thttp.Handler\n",
		new:  "type localResourceResolver struct {\n",
	},
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
		return fmt.Errorf("%s is %s, but the cuts were checked against %s: check them against the new source and update goAppVersion", goApp, version, goAppVersion)
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
	if err := applyCuts(dst); err != nil {
		return err
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

func applyCuts(dir string) error {
	for _, c := range cuts {
		p := filepath.Join(dir, c.file)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte(c.old)); n != 1 {
			return fmt.Errorf("%s: expected the text to cut once, found it %d times (%s); go-app's source is not the one the cuts were checked against", c.file, n, c.why)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(c.old), []byte(c.new), 1), 0o644); err != nil {
			return err
		}
	}
	return nil
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
