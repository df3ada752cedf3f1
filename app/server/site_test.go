//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "backendgrid/app"
	"backendgrid/app/grid"
	"backendgrid/data"
)

const testVersion = "v1test"

// testIndex is the real catalog's index, with its page registered on
// go-app's router as main.go does (the router is go-app's, one per process).
var testIndex = sync.OnceValue(func() *grid.Index {
	ix := grid.NewIndex(data.MustLoad())
	app.Route("/", ui.NewPage(ix))
	app.Route("/index.html", ui.NewPage(ix))
	return ix
})

// testWeb is a web directory with a stand-in wasm, so these tests need no
// wasm build.
func testWeb() fstest.MapFS {
	web := fstest.MapFS{}
	for name, body := range map[string]string{
		"app.wasm":        strings.Repeat("\x00asm wasm bytes ", 4096),
		"backendgrid.css": strings.Repeat("body { color: black; }\n", 100),
		"boot.js":         strings.Repeat("console.log(1);\n", 100),
		"icon.svg":        `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"icon-192.png":    "\x89PNG fake",
	} {
		web[name] = &fstest.MapFile{Data: []byte(body), Mode: 0o644}
	}
	return web
}

// newTestSite builds the real site at the root over testWeb.
func newTestSite(t *testing.T) *Site {
	t.Helper()
	return newTestSiteAt(t, "/")
}

// newTestSiteAt builds the real site under a path prefix over testWeb.
func newTestSiteAt(t *testing.T, prefix string) *Site {
	t.Helper()
	cfg := Config{Version: testVersion, Domain: "example.test", FrameAncestors: "*", Prefix: prefix}
	s, err := New(cfg, testIndex(), testWeb())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func do(t *testing.T, h http.Handler, method, target string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://example.test/", nil)
	// As the HTTP server does: the path is taken as sent, dot segments and all.
	u, err := url.ParseRequestURI(target)
	if err != nil {
		t.Fatalf("parsing %q: %v", target, err)
	}
	req.URL, req.RequestURI = u, target
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestNew(t *testing.T) {
	noWasm := testWeb()
	delete(noWasm, "app.wasm")
	tests := []struct {
		name    string
		cfg     Config
		web     fstest.MapFS
		wantErr string // "" for none
		want    Config // the fields New fills, when it succeeds
	}{
		{"defaults", Config{Addr: "localhost:8000", FrameAncestors: "*"}, testWeb(), "",
			Config{Domain: "localhost:8000", Prefix: "/"}},
		{"prefix without its slashes", Config{Version: "v2", Prefix: "some/path", FrameAncestors: "*"}, testWeb(), "",
			Config{Version: "v2", Prefix: "/some/path/"}},
		{"domain given", Config{Version: "v2", Addr: "127.0.0.1:0", Domain: "grid.example.com"}, testWeb(), "",
			Config{Version: "v2", Domain: "grid.example.com", Prefix: "/"}},
		{"no wasm", Config{Version: "v2"}, noWasm, "app.wasm is missing", Config{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.cfg, testIndex(), tt.web)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := s.cfg
			if tt.want.Version == "" && got.Version == "" {
				t.Errorf("no version given, none made")
			}
			if tt.want.Version != "" && got.Version != tt.want.Version {
				t.Errorf("Version: got %q, want %q", got.Version, tt.want.Version)
			}
			if got.Domain != tt.want.Domain || got.Prefix != tt.want.Prefix {
				t.Errorf("Domain, Prefix: got %q, %q; want %q, %q", got.Domain, got.Prefix, tt.want.Domain, tt.want.Prefix)
			}
			if got.FrameAncestors != tt.cfg.FrameAncestors {
				t.Errorf("FrameAncestors: got %q, want it as given, %q", got.FrameAncestors, tt.cfg.FrameAncestors)
			}
		})
	}
}

func TestCleanPrefix(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "/"}, {"/", "/"}, {"//", "/"}, {"grid", "/grid/"}, {"/grid", "/grid/"},
		{"/some/path/", "/some/path/"}, {"some/path", "/some/path/"},
	} {
		if got := cleanPrefix(tt.in); got != tt.want {
			t.Errorf("cleanPrefix(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
