//go:build !wasm

// Package server is the native half of backendgrid: it serves the assets
// precompressed (small files from memory, large ones from disk),
// prerenders every page through go-app and caches the results compressed, hosts the PWA (manifest, service worker, versioned
// addresses), sends security headers on every response, shuts down
// gracefully, and writes static exports for hosts that only serve files.
//
// None of it is in the wasm: every file but command_wasm.go is built with
// !wasm.
package server

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
)

// Request limits: anything larger is refused before any work is done.
const (
	maxQueryBytes  = 4096
	maxHeaderBytes = 16 << 10
	// pageCacheBytes bounds the prerendered pages kept in memory, which
	// are kept compressed only (a full grid is about 26 kB in gzip and
	// brotli: some 320 full pages, far more of the smaller ones).
	pageCacheBytes = 8 << 20
)

// themeColor is the brand colour of the browser chrome and the PWA.
const themeColor = "#1f3a93"

// goappFiles are the resources go-app generates; they are rendered once at
// start-up and then served from memory like any other asset.
var goappFiles = []string{"app.js", "wasm_exec.js", "app-worker.js", "manifest.webmanifest", "app.css"}

// Site is the whole HTTP surface: security headers, request hygiene, the
// prerendered pages, and every asset. It is an http.Handler.
type Site struct {
	cfg      Config
	goapp    *app.Handler
	pages    *renderer
	assets   map[string]*asset // keyed by path under the root: "web/app.wasm", "app.js"
	notFound []byte
	security []header // the security headers of every response
	// exact maps the paths that name one handler whatever the rest of
	// the request (the assets, the page, /healthz; with the prefix) to
	// it, so that the guard hands them over without the mux.
	exact   map[string]http.HandlerFunc
	handler http.Handler // the guard, then the routes
}

// New prepares everything a request can need, so that serving is only
// lookups and writes. web holds the static assets (app.wasm, the
// stylesheet, icons...): the small ones are read into memory here, the
// large ones are noted (size, time, hash) and read from web for each
// response. The pages are those registered with app.Route before the call.
func New(cfg Config, ix *grid.Index, web fs.FS) (*Site, error) {
	assets, err := loadWebDir(web)
	if err != nil {
		return nil, err
	}
	wasm := assets["web/app.wasm"]
	if wasm == nil {
		return nil, errors.New("app.wasm is missing: run `make build`")
	}
	cfg = cfg.withDefaults(wasm.sum)
	h := newGoappHandler(ix, cfg, wasm.size)
	s := &Site{
		cfg:      cfg,
		goapp:    h,
		pages:    newRenderer(h, pageCacheBytes),
		assets:   assets,
		security: securityHeaderSet(contentSecurityPolicy(cfg.FrameAncestors)),
	}
	for _, name := range goappFiles {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+name, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app did not generate /%s: status %d", name, rec.Code)
		}
		body := rec.Body.Bytes()
		switch name {
		case "manifest.webmanifest":
			body, err = fixManifest(body, cfg.Prefix)
		case "app.js":
			body, err = streamWasm(body)
		}
		if err != nil {
			return nil, err
		}
		s.assets[name] = newAsset(name, body, nil, nil)
	}
	s.notFound = notFoundPage(cfg.Prefix, s.versioned("web/backendgrid.css"))
	s.handler = s.guard(s.routes())
	s.exact = s.exactRoutes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// versioned is the immutable address of a web asset for this version.
func (s *Site) versioned(name string) string {
	return s.cfg.Prefix + "web/" + s.cfg.Version + "/" + strings.TrimPrefix(name, "web/")
}

// newGoappHandler builds the go-app handler: page metadata, local icons only,
// our stylesheet and boot script, our service worker.
func newGoappHandler(ix *grid.Index, cfg Config, wasmSize int64) *app.Handler {
	cat := ix.Catalog
	return &app.Handler{
		Name:        "backendgrid",
		ShortName:   "backendgrid",
		Title:       "backendgrid: compare " + cat.Noun.Many + " side by side",
		Description: fmt.Sprintf("Fuzzy-search, filter and compare %s: language, license, ORM, auth, real-time and more, every fact sourced.", cat.Noun.Of(len(cat.Items))),
		Author:      "backendgrid",
		Domain:      cfg.Domain,
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		Image:           "/web/screenshot.png",
		ThemeColor:      themeColor,
		BackgroundColor: "#ffffff",
		LoadingLabel:    "Loading interactive grid {progress}%",
		Styles:          []string{"/web/backendgrid.css"},
		Scripts:         []string{"/web/boot.js"},
		Version:         cfg.Version,
		Resources:       resolver{prefix: cfg.Prefix, version: cfg.Version},
		// The browser sees the decompressed bytes, so the loader's progress
		// must count those, not the compressed Content-Length.
		WasmContentLength:     fmt.Sprint(wasmSize),
		ServiceWorkerTemplate: workerJS,
	}
}
