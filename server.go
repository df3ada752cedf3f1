//go:build !wasm

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
)

// themeColor is the brand colour of the browser chrome and the PWA.
const themeColor = "#1f3a93"

// config is everything the flags set.
type config struct {
	addr           string
	version        string
	domain         string
	webDir         string
	frameAncestors string
	tlsCert        string
	tlsKey         string
	prefix         string // path prefix, "/" when served at the root
}

func serve(ix *grid.Index) {
	var cfg config
	flag.StringVar(&cfg.addr, "addr", "localhost:8000", "address to listen on")
	flag.StringVar(&cfg.version, "version", "", "app version; a new one makes open and installed copies update (default: the build's VCS revision)")
	flag.StringVar(&cfg.domain, "domain", "", "public host name for og:url (default: the -addr host)")
	flag.StringVar(&cfg.webDir, "web", "web", "directory of the static assets")
	flag.StringVar(&cfg.frameAncestors, "frame-ancestors", "*", "CSP frame-ancestors: who may embed the widget, e.g. \"'self' https://example.com\"")
	flag.StringVar(&cfg.tlsCert, "tls-cert", "", "TLS certificate file (with -tls-key: serve HTTPS and send HSTS)")
	flag.StringVar(&cfg.tlsKey, "tls-key", "", "TLS key file")
	precompress := flag.Bool("precompress", false, "write brotli and gzip copies of the web assets next to them, then exit")
	static := flag.String("static", "", "write a static export of the site into this directory, then exit")
	prefix := flag.String("prefix", "/", "with -static: the path the export will be served under")
	flag.Parse()

	if *precompress {
		if err := precompressDir(cfg.webDir); err != nil {
			log.Fatal(err)
		}
		return
	}
	if cfg.version == "" {
		cfg.version = buildVersion(cfg.webDir)
	}
	if cfg.domain == "" {
		cfg.domain = cfg.addr
	}
	cfg.prefix = "/"
	if *static != "" {
		cfg.prefix = cleanPrefix(*prefix)
		if err := exportStatic(ix, cfg, *static); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := run(ix, cfg); err != nil {
		log.Fatal(err)
	}
}

// run serves until SIGINT or SIGTERM, then lets in-flight responses finish.
func run(ix *grid.Index, cfg config) error {
	s, err := buildSite(ix, cfg)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		// The wasm is megabytes: leave slow connections time to take it.
		WriteTimeout:   2 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: maxHeaderBytes,
		ErrorLog:       log.New(os.Stderr, "http: ", log.LstdFlags),
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	scheme := "http"
	if cfg.tlsCert != "" {
		scheme = "https"
	}
	// The real address matters when -addr asks for port 0 (the tests do).
	log.Printf("backendgrid %s serving on %s://%s", cfg.version, scheme, ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() {
		if cfg.tlsCert != "" {
			errc <- srv.ServeTLS(ln, cfg.tlsCert, cfg.tlsKey)
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Printf("shutting down: finishing in-flight requests")
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Printf("stopped")
	return nil
}

// buildSite loads the assets and wires go-app behind our own handler.
func buildSite(ix *grid.Index, cfg config) (*site, error) {
	web, err := loadWebDir(os.DirFS(cfg.webDir))
	if err != nil {
		return nil, err
	}
	wasm := web["web/app.wasm"]
	if wasm == nil {
		return nil, fmt.Errorf("%s/app.wasm is missing: run `make build`", cfg.webDir)
	}
	return newSite(cfg, newGoappHandler(ix, cfg, len(wasm.raw)), web)
}

// newGoappHandler builds the go-app handler: page metadata, local icons only,
// our stylesheet and boot script, our service worker.
func newGoappHandler(ix *grid.Index, cfg config, wasmSize int) *app.Handler {
	cat := ix.Catalog
	return &app.Handler{
		Name:        "backendgrid",
		ShortName:   "backendgrid",
		Title:       "backendgrid: compare " + cat.Noun.Many + " side by side",
		Description: fmt.Sprintf("Fuzzy-search, filter and compare %s: language, license, ORM, auth, real-time and more, every fact sourced.", cat.Noun.Of(len(cat.Items))),
		Author:      "backendgrid",
		Domain:      cfg.domain,
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
		Version:         cfg.version,
		Resources:       resolver{prefix: cfg.prefix, version: cfg.version},
		// The browser sees the decompressed bytes, so the loader's progress
		// must count those, not the compressed Content-Length.
		WasmContentLength:     fmt.Sprint(wasmSize),
		ServiceWorkerTemplate: workerJS,
	}
}

// cleanPrefix turns "some/path" or "/some/path/" into "/some/path/".
func cleanPrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// buildVersion is the VCS revision stamped by go build (with a hash of the
// wasm when the tree has uncommitted changes), or failing that the hash of
// the wasm alone, so that every new build is a new version.
func buildVersion(webDir string) string {
	wasm := wasmHash(webDir)
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if modified == "true" && wasm != "" {
				return rev + "-" + wasm
			}
			return rev
		}
	}
	if wasm != "" {
		return wasm
	}
	return "dev"
}

func wasmHash(webDir string) string {
	b, err := os.ReadFile(webDir + "/app.wasm")
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}
