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
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509", "mime/multipart"} {
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

// A cut that does not find its text exactly once stops the tool, naming the
// file: the source is not the one the cuts were checked against.
func TestCutsRefuseUnexpectedSource(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
	}{
		{"text missing", "// another version\npackage application\n"},
		{"text twice", "package app\n\npackage app\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "pkg", "app", "http.go")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			err := applyCuts(dir)
			if err == nil || !strings.Contains(err.Error(), "pkg/app/http.go") {
				t.Fatalf("got %v, want an error naming pkg/app/http.go", err)
			}
		})
	}
}
