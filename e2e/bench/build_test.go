package main

import (
	"os"
	"path/filepath"
	"testing"
)

// copySources copies the module whatever its layout: a server that moves
// from root files into app/server comes along without a change here.
func TestCopySources(t *testing.T) {
	tests := []struct {
		path string
		want bool // copied
	}{
		{"go.mod", true},
		{"go.sum", true},
		{"main.go", true},
		{"server.go", true},
		{"app/server/server.go", true},
		{"app/grid/view.go", true},
		{"data/frameworks.json", true},
		{"web/backendgrid.css", true},
		{"web/icon.svg", true},
		{"tools/wasmgoapp/main.go", true},
		{"Makefile", true},
		{"web/app.wasm", false},
		{"web/app.wasm.br", false},
		{"web/backendgrid.css.gz", false},
		{"bin/backendgrid", false},
		{"dist/index.html", false},
		{".git/HEAD", false},
		{".gitignore", false},
		{"e2e/go.mod", false},
		{"e2e/grid_test.go", false},
		{"e2e/node_modules/axe-core/axe.min.js", false},
		{"app/grid/testdata/fuzz/FuzzParse/1", false},
		{"app/bin/keep.go", true}, // only the root's bin/ is build output
	}
	root, dst := t.TempDir(), t.TempDir()
	for _, tt := range tests {
		p := filepath.Join(root, filepath.FromSlash(tt.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(tt.path), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := copySources(root, dst); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(tt.path)))
		switch {
		case tt.want && err != nil:
			t.Errorf("%s: not copied: %v", tt.path, err)
		case tt.want && string(b) != tt.path:
			t.Errorf("%s: copied as %q", tt.path, b)
		case !tt.want && err == nil:
			t.Errorf("%s: copied, want it left out", tt.path)
		}
	}
}
