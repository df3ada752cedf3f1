package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseAudit(t *testing.T) {
	line := `<!-- audit {"version":"12.8.2","date":"2026-12-02","commit":"abc123","url":"http://127.0.0.1:8765/","runs":3,"median":{"performance":97,"accessibility":100,"best-practices":100,"seo":100,"tbt":62.5}} -->`
	tests := []struct {
		name    string
		md      string
		perf    float64
		tbt     float64
		wantErr string
	}{
		{"the line among the report", "Lighthouse 12.8.2\n\n| a | b |\n" + line + "\n\nmore\n", 97, 62.5, ""},
		{"alone", line, 97, 62.5, ""},
		{"an older report without the line", "| Performance | 77 |\n", 0, 0, "no results line"},
		{"no TBT", `<!-- audit {"runs":3,"median":{"performance":90}} -->`, 0, 0, "no median tbt"},
		{"broken JSON", `<!-- audit {"runs":} -->`, 0, 0, "results line"},
	}
	for _, tt := range tests {
		a, err := parseAudit([]byte(tt.md))
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: got error %v, want one saying %q", tt.name, err, tt.wantErr)
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr == "" && (a.Median["performance"] != tt.perf || a.Median["tbt"] != tt.tbt || a.Runs != 3 || a.Commit != "abc123"):
			t.Errorf("%s: got %+v, want performance %v and TBT %v of 3 runs at abc123", tt.name, a, tt.perf, tt.tbt)
		}
	}
}

func TestReadAuditMissing(t *testing.T) {
	_, err := readAudit(filepath.Join(t.TempDir(), "audit-results.md"))
	if err == nil || !strings.Contains(err.Error(), "make audit") {
		t.Errorf("got %v, want an error that says to run make audit", err)
	}
	f := filepath.Join(t.TempDir(), "audit-results.md")
	if err := os.WriteFile(f, []byte("| Performance | 77 |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readAudit(f); err == nil || !strings.Contains(err.Error(), "audit-results.md") {
		t.Errorf("got %v, want an error naming the file", err)
	}
}
