//go:build !wasm

package server

import (
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	defaults := command{
		cfg:         Config{Addr: "localhost:8000", FrameAncestors: "*"},
		web:         "web",
		prefix:      "/",
		memoryLimit: defaultMemoryLimit,
	}
	tests := []struct {
		name    string
		args    []string
		want    command
		wantErr bool
	}{
		{"defaults", nil, defaults, false},
		{"serve", []string{"-addr", "127.0.0.1:0", "-version", "v9", "-domain", "grid.example.com", "-web", "w",
			"-frame-ancestors", "'none'", "-tls-cert", "c.pem", "-tls-key", "k.pem"},
			command{cfg: Config{Addr: "127.0.0.1:0", Version: "v9", Domain: "grid.example.com", FrameAncestors: "'none'",
				TLSCert: "c.pem", TLSKey: "k.pem"}, web: "w", prefix: "/", memoryLimit: defaultMemoryLimit}, false},
		{"precompress", []string{"-precompress", "-web", "w"},
			command{cfg: defaults.cfg, web: "w", precompress: true, prefix: "/", memoryLimit: defaultMemoryLimit}, false},
		{"static export", []string{"-static", "dist", "-prefix", "/grid/"},
			command{cfg: defaults.cfg, web: "web", static: "dist", prefix: "/grid/", memoryLimit: defaultMemoryLimit}, false},
		{"profiles", []string{"-debug-addr", "127.0.0.1:6060"},
			command{cfg: defaults.cfg, web: "web", prefix: "/", memoryLimit: defaultMemoryLimit, debugAddr: "127.0.0.1:6060"}, false},
		{"memory limit", []string{"-memory-limit", "100"},
			command{cfg: defaults.cfg, web: "web", prefix: "/", memoryLimit: 100, memoryLimitSet: true}, false},
		{"no memory limit", []string{"-memory-limit", "0"},
			command{cfg: defaults.cfg, web: "web", prefix: "/", memoryLimitSet: true}, false},
		{"negative memory limit", []string{"-memory-limit", "-1"}, command{}, true},
		{"unknown flag", []string{"-port", "80"}, command{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("backendgrid", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			got, err := parseFlags(fs, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error: got %v, want one: %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestPrecompress(t *testing.T) {
	dir := t.TempDir()
	js := strings.Repeat("console.log(1);\n", 100)
	for name, body := range map[string]string{"boot.js": js, "icon.png": "\x89PNG fake"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Precompress(dir); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file   string
		decode func([]byte) []byte
	}{
		{"boot.js.br", unbrotli},
		{"boot.js.gz", ungzip},
	} {
		b, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if got := string(tt.decode(b)); got != js {
			t.Errorf("%s decodes to %d bytes, want the %d of boot.js", tt.file, len(got), len(js))
		}
	}
	for _, file := range []string{"icon.png.br", "icon.png.gz"} {
		if _, err := os.Stat(filepath.Join(dir, file)); err == nil {
			t.Errorf("%s written: a PNG is compressed already", file)
		}
	}
	// The web directory as New reads it: the precompressed copies become
	// variants of boot.js, not assets of their own.
	assets, err := loadWebDir(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	a := assets["web/boot.js"]
	if a == nil || a.bodies[codingBrotli] == nil || a.bodies[codingGzip] == nil || len(assets) != 2 {
		t.Errorf("assets %v: want web/boot.js with its two variants, and web/icon.png", reflect.ValueOf(assets).MapKeys())
	}
}

// -memory-limit sets the runtime's limit; GOMEMLIMIT wins only when the
// flag was not given.
func TestMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	for _, tt := range []struct {
		name   string
		env    string
		c      command
		want   int64
		before int64
	}{
		{"default", "", command{memoryLimit: defaultMemoryLimit}, defaultMemoryLimit << 20, 1 << 40},
		{"flag", "", command{memoryLimit: 100, memoryLimitSet: true}, 100 << 20, 1 << 40},
		{"none", "", command{memoryLimitSet: true}, math.MaxInt64, 1 << 40},
		{"GOMEMLIMIT without the flag", "70MiB", command{memoryLimit: defaultMemoryLimit}, 1 << 40, 1 << 40},
		{"the flag over GOMEMLIMIT", "70MiB", command{memoryLimit: 30, memoryLimitSet: true}, 30 << 20, 1 << 40},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", tt.env)
			debug.SetMemoryLimit(tt.before) // what the runtime read from GOMEMLIMIT, say
			tt.c.setMemoryLimit()
			if got := debug.SetMemoryLimit(-1); got != tt.want {
				t.Errorf("limit %d, want %d", got, tt.want)
			}
		})
	}
}
