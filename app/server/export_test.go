//go:build !wasm

package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaticExportRefusesToWipeOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := clearExport(dir); err == nil {
		t.Fatal("a directory of someone else's files was cleared")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Errorf("the file is gone: %v", err)
	}
	prev := t.TempDir()
	os.WriteFile(filepath.Join(prev, "app-worker.js"), []byte("//"), 0o644)
	if err := clearExport(prev); err != nil {
		t.Errorf("a previous export was refused: %v", err)
	}
	if err := clearExport(filepath.Join(dir, "missing")); err != nil {
		t.Errorf("a missing directory: %v", err)
	}
}

// An export under a prefix holds every file a static host needs, with the
// addresses inside them under the prefix; a second export replaces it.
func TestExportUnderAPrefix(t *testing.T) {
	s := newTestSiteAt(t, "/some/path/")
	out := t.TempDir()
	for range 2 {
		if err := s.Export(out); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{
		"index.html", "index.html.br", "404.html", "app-worker.js", "manifest.webmanifest",
		"web/" + testVersion + "/app.wasm", "web/" + testVersion + "/app.wasm.br", "web/" + testVersion + "/app.wasm.gz",
		"web/" + testVersion + "/app.js", "web/app.wasm", "web/boot.js", "web/icon.svg",
	} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	for file, want := range map[string]string{
		"index.html":           `src="/some/path/web/` + testVersion + `/app.js"`,
		"404.html":             `href="/some/path/"`,
		"manifest.webmanifest": `"scope": "/some/path/"`,
	} {
		b, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
}
