//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "backendgrid/app"
)

// themeColor is the brand colour of the browser chrome and the PWA.
const themeColor = "#1f3a93"

func serve(ix *ui.Index) {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	version := flag.String("version", "", "app version; a new one makes installed copies update (default: the build's VCS revision)")
	domain := flag.String("domain", "", "public host name for og:url and the canonical link (default: the -addr host)")
	flag.Parse()

	if *version == "" {
		*version = buildVersion()
	}
	if *domain == "" {
		*domain = *addr
	}

	h := newHandler(ix, *version, *domain)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	// The real address matters when -addr asks for port 0 (the tests do).
	log.Printf("backendgrid %s serving on http://%s", *version, ln.Addr())
	if err := http.Serve(ln, h); err != nil {
		log.Fatal(err)
	}
}

// newHandler builds the go-app handler: page metadata, local icons only,
// our stylesheet and the boot script that keeps early input.
func newHandler(ix *ui.Index, version, domain string) http.Handler {
	cat := ix.Catalog
	return &app.Handler{
		Name:        "backendgrid",
		ShortName:   "backendgrid",
		Title:       "backendgrid: compare " + cat.Noun.Many + " side by side",
		Description: fmt.Sprintf("Fuzzy-search, filter and compare %s: language, license, ORM, auth, real-time and more, every fact sourced.", cat.Noun.Of(len(cat.Items))),
		Author:      "backendgrid",
		Domain:      domain,
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
		Version:         version,
	}
}

// buildVersion is the VCS revision stamped by go build, or failing that a
// hash of the wasm binary, so that every new build is a new version.
func buildVersion() string {
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
			if modified == "true" {
				if h := wasmHash(); h != "" {
					return rev + "-" + h
				}
				return rev + "-dirty"
			}
			return rev
		}
	}
	if h := wasmHash(); h != "" {
		return h
	}
	return "dev"
}

func wasmHash() string {
	b, err := os.ReadFile("web/app.wasm")
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}
