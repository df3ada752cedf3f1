//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// wasmDeps lists the packages the browser build of backendgrid links, with
// go-app as published (modfile "") or as the copy.
func wasmDeps(t *testing.T, modfile string) []string {
	t.Helper()
	args := []string{"list", "-deps"}
	if modfile != "" {
		args = append(args, "-modfile", modfile)
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %v: %v\n%s", args, err, out)
	}
	return strings.Fields(string(out))
}

// The program must still compile for the browser against the copy, and
// the copy must leave out what the cut is for; go-app as published must
// still pull it in, or the cut has become pointless and can go. (The
// browser tests run the wasm `make build` makes this way.)
func TestCopyLeavesTheServerOutOfTheWasm(t *testing.T) {
	out := t.TempDir()
	if err := run(filepath.Join("..", "..", "go.mod"), out); err != nil {
		t.Fatal(err)
	}
	cut := wasmDeps(t, filepath.Join(out, "wasm.mod"))
	stock := wasmDeps(t, "")
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509", "mime/multipart", "github.com/google/uuid", "crypto/rand"} {
		if slices.Contains(cut, pkg) {
			t.Errorf("the browser build with the copy still links %s", pkg)
		}
		if !slices.Contains(stock, pkg) {
			t.Errorf("go-app as published no longer brings %s into the wasm: the cut may be unnecessary now", pkg)
		}
	}
	// go list resolves imports but does not type-check: a cut that took
	// away something still in use shows only when compiling.
	cmd := exec.Command("go", "build", "-modfile", filepath.Join(out, "wasm.mod"), "-o", os.DevNull, ".")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the browser build does not compile against the copy: %v\n%s", err, b)
	}
	// The patches are written to go upstream: the copy's package must
	// still compile for a server too.
	cmd = exec.Command("go", "vet", "./pkg/app")
	cmd.Dir = filepath.Join(out, "go-app")
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the copy of go-app does not compile for a server: %v\n%s", err, b)
	}
}

// A go.mod that already replaces go-app is refused: the copy would be a
// second replacement, and which one wins is not for the tool to guess.
func TestRefusesASecondReplacement(t *testing.T) {
	dir := t.TempDir()
	gomod := filepath.Join(dir, "go.mod")
	mod := "module x\n\ngo 1.26\n\nrequire " + goApp + " " + goAppVersion + "\n\nreplace " + goApp + " => ../fork\n"
	if err := os.WriteFile(gomod, []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeModFiles(gomod, dir, filepath.Join(dir, "go-app"))
	if err == nil || !strings.Contains(err.Error(), "already replaces") {
		t.Fatalf("got %v, want a refusal naming the existing replacement", err)
	}
}

// TestEachPatchAppliesToUpstream is the upstream guard: each patch, on
// its own, applies to go-app as published at goAppVersion, so each stays a
// change that could be proposed upstream; and all of them apply in order.
// When go-app changes, this fails, naming the patch and the file.
func TestEachPatchAppliesToUpstream(t *testing.T) {
	src, version, err := moduleDir(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if version != goAppVersion {
		t.Fatalf("go.mod asks for %s %s; the patches were written against %s", goApp, version, goAppVersion)
	}
	ps, err := patches()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 3 {
		t.Fatalf("%d patches, want the three the README names", len(ps))
	}
	fresh := func(t *testing.T) string {
		dir := t.TempDir()
		if err := copyModule(src, dir); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	for _, p := range ps {
		t.Run(p.name, func(t *testing.T) {
			if err := p.apply(fresh(t)); err != nil {
				t.Fatal(err)
			}
		})
	}
	all := fresh(t)
	for _, p := range ps {
		if err := p.apply(all); err != nil {
			t.Fatalf("in order: %v", err)
		}
	}
}

// A patch that does not find its lines exactly once stops the tool, naming
// the patch and the file: the source is not the one it was written against.
func TestPatchRefusesUnexpectedSource(t *testing.T) {
	p, err := parsePatch("x.diff", "Why.\n\n--- a/pkg/app/http.go\n+++ b/pkg/app/http.go\n@@ -1,1 +1,3 @@\n+//go:build !wasm\n+\n package app\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		content string
	}{
		{"lines missing", "// another version\npackage application\n"},
		{"lines twice", "package app\n\npackage app\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "pkg", "app", "http.go")
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			err := p.apply(dir)
			if err == nil || !strings.Contains(err.Error(), "x.diff: pkg/app/http.go") {
				t.Fatalf("got %v, want an error naming x.diff and pkg/app/http.go", err)
			}
		})
	}
	// And the right source takes it.
	dir := t.TempDir()
	path := filepath.Join(dir, "pkg", "app", "http.go")
	os.MkdirAll(filepath.Dir(path), 0o755)
	os.WriteFile(path, []byte("package app\n\nfunc F() {}\n"), 0o644)
	if err := p.apply(dir); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "//go:build !wasm\n\npackage app\n\nfunc F() {}\n" {
		t.Errorf("patched file:\n%s", b)
	}
}

// TestParsePatchRefusesWhatItCannotRead: a patch without its reason, or
// one that is not a unified diff, is refused.
func TestParsePatchRefusesWhatItCannotRead(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"no reason", "--- a/f.go\n+++ b/f.go\n@@ -1,1 +1,1 @@\n-a\n+b\n", "says nothing about why"},
		{"no file", "Why.\n", "changes no file"},
		{"other file", "Why.\n--- a/f.go\n+++ b/g.go\n", "name different files"},
		{"short hunk", "Why.\n--- a/f.go\n+++ b/f.go\n@@ -1,2 +1,2 @@\n-a\n+b\n", "ends early"},
		{"bad header", "Why.\n--- a/f.go\n+++ b/f.go\n@@ one @@\n", "bad hunk header"},
		{"stray line", "Why.\n--- a/f.go\n+++ b/f.go\nhello\n", "unexpected line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parsePatch("t.diff", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}
