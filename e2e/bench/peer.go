package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"backendgrid/data"
)

// peerJS is the peer's script (peer/peer.js).
//
//go:embed peer/peer.js
var peerJS []byte

// fuseFile is the Fuse.js build the peer imports, as `npm ci` installs it
// from e2e/package-lock.json (relative to e2e, where the bench runs).
const fuseFile = "node_modules/fuse.js/dist/fuse.min.mjs"

// siteIndex is the peer server's site.json (peer/main.go reads it).
type siteIndex struct {
	CSP   string              `json:"csp"`
	Files map[string]siteFile `json:"files"` // by URL path
}

type siteFile struct {
	Path  string `json:"path"`
	Type  string `json:"type"`
	Cache string `json:"cache,omitempty"`
}

// peer builds the plain-JS peer from the backendgrid server at appURL (its
// own address, not the proxy's) and starts its server: the page the app
// prerenders for "/" made into the peer's (peerPage), the stylesheets and
// icons that page uses with whatever they refer to, fetched from the app
// as it serves them now, the peer's script and Fuse.js; all precompressed
// by backendgrid's -precompress, as the floor's files are.
func (b *builder) peer(appURL string, items []*data.Item) (*server, error) {
	fuse, err := os.ReadFile(filepath.Join(b.e2e, fuseFile))
	if err != nil {
		return nil, fmt.Errorf("the peer needs Fuse.js: %w (run `npm ci` in e2e; make bench does)", err)
	}
	dir := filepath.Join(b.tmp, "peer")
	siteDir := filepath.Join(dir, "site")
	idx, err := mirrorPeer(appURL, siteDir, items, fuse)
	if err != nil {
		return nil, fmt.Errorf("building the peer: %w", err)
	}
	js, err := json.MarshalIndent(idx, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(siteDir, "site.json"), js, 0o644); err != nil {
		return nil, err
	}
	if err := b.precompress(siteDir); err != nil {
		return nil, err
	}
	exe := filepath.Join(dir, "peer")
	if err := b.goBuild(b.e2e, exe, "./bench/peer", serverBin); err != nil {
		return nil, err
	}
	return startServer(b.tmp, "peer", siteDir, exe)
}

// mirrorPeer writes the peer's files into dir and returns their index.
func mirrorPeer(appURL, dir string, items []*data.Item, fuse []byte) (siteIndex, error) {
	idx := siteIndex{Files: map[string]siteFile{}}
	page, hdr, err := get(appURL + "/")
	if err != nil {
		return idx, err
	}
	if idx.CSP = hdr.Get("Content-Security-Policy"); idx.CSP == "" {
		return idx, fmt.Errorf("%s/ came without a Content-Security-Policy", appURL)
	}
	site, err := peerPage(page, items, peerProbe)
	if err != nil {
		return idx, err
	}
	add := func(u string, body []byte, ctype, cache string) error {
		rel := strings.TrimPrefix(u, "/")
		if u == "/" {
			rel = "index.html"
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		idx.Files[u] = siteFile{Path: rel, Type: ctype, Cache: cache}
		return os.WriteFile(p, body, 0o644)
	}
	if err := add("/", site.Page, hdr.Get("Content-Type"), hdr.Get("Cache-Control")); err != nil {
		return idx, err
	}
	// The assets, and what stylesheets refer to (icons in url()).
	ownCache := "no-cache"
	queue := site.Refs
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if _, done := idx.Files[u]; done {
			continue
		}
		body, h, err := get(appURL + u)
		if err != nil {
			return idx, err
		}
		if err := add(u, body, h.Get("Content-Type"), h.Get("Cache-Control")); err != nil {
			return idx, err
		}
		if path.Dir(u)+"/" == site.Dir && h.Get("Cache-Control") != "" {
			ownCache = h.Get("Cache-Control")
		}
		if strings.HasPrefix(h.Get("Content-Type"), "text/css") {
			queue = append(queue, cssRefs(u, body)...)
		}
	}
	const jsType = "text/javascript; charset=utf-8"
	if err := add(site.Dir+peerScriptName, peerJS, jsType, ownCache); err != nil {
		return idx, err
	}
	return idx, add(site.Dir+fuseName, fuse, jsType, ownCache)
}

func get(u string) ([]byte, http.Header, error) {
	res, err := http.Get(u)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return body, res.Header, nil
}

var cssURL = regexp.MustCompile(`url\(\s*["']?([^"')]+?)["']?\s*\)`)

// cssRefs are the local URLs a stylesheet at u refers to with url(),
// resolved against u: "url(icon.svg)" in /web/v1/app.css is /web/v1/icon.svg.
func cssRefs(u string, css []byte) []string {
	var out []string
	for _, m := range cssURL.FindAllSubmatch(css, -1) {
		ref := string(m[1])
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, "#") {
			continue // data:, another server, an SVG fragment
		}
		if !strings.HasPrefix(ref, "/") {
			ref = path.Join(path.Dir(u), ref)
		}
		if p, ok := localPath(ref); ok {
			out = append(out, p)
		}
	}
	return out
}
