package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The fallback serves the export as nginx with gzip_static does.
func TestFileHandler(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<!doctype html><html></html>")
	css := []byte("body{}")
	for name, b := range map[string][]byte{
		"index.html": page, "index.html.gz": gz(t, page),
		"web/v1/app.css": css, "web/v1/app.css.gz": gz(t, css),
		"web/v1/icon.png": []byte("\x89PNG"),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(fileHandler(dir))
	defer srv.Close()
	tests := []struct {
		name       string
		path       string
		accept     string
		wantType   string
		wantCoding string
		wantBody   []byte
	}{
		{"a page with a query string is index.html, gzip", "/?q=rails", "gzip", "text/html; charset=utf-8", "gzip", gz(t, page)},
		{"a page without gzip", "/?q=rails", "", "text/html; charset=utf-8", "", page},
		{"an asset's .gz sibling", "/web/v1/app.css", "br, gzip", "text/css; charset=utf-8", "gzip", gz(t, css)},
		{"no sibling: the file as it is", "/web/v1/icon.png", "gzip", "image/png", "", []byte("\x89PNG")},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		tr := &http.Transport{DisableCompression: true}
		res, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != tt.wantType || res.Header.Get("Content-Encoding") != tt.wantCoding || !bytes.Equal(body, tt.wantBody) {
			t.Errorf("%s: got %d, %q, %q, %q; want 200, %q, %q, %q", tt.name, res.StatusCode, res.Header.Get("Content-Type"),
				res.Header.Get("Content-Encoding"), body, tt.wantType, tt.wantCoding, tt.wantBody)
		}
	}
}

// The configuration names the run's directory, port and export, and
// nginx (when installed) accepts it.
func TestNginxConfig(t *testing.T) {
	dir, site := t.TempDir(), t.TempDir()
	conf := string(nginxConfig(dir, 8123, site))
	for _, want := range []string{
		"pid " + dir + "/nginx.pid;",
		"listen 127.0.0.1:8123 reuseport;",
		"root " + site + ";",
		"gzip_static on;",
		"daemon off;",
		"access_log off;",
	} {
		if !strings.Contains(conf, want) {
			t.Errorf("the configuration lacks %q", want)
		}
	}
	if strings.Contains(conf, "%!") {
		t.Errorf("the configuration has a formatting error:\n%s", conf)
	}
	exe := findNginx()
	if exe == "" {
		t.Log("nginx is not installed: its check of the configuration is skipped")
		return
	}
	p := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(exe, "-t", "-p", dir, "-c", p, "-e", filepath.Join(dir, "error.log")).CombinedOutput(); err != nil {
		t.Errorf("nginx -t: %v\n%s", err, out)
	}
}
