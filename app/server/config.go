//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime/debug"
	"strings"
)

// Config is what a Site is built from; Main fills it from the flags. An
// empty Version, Domain or Prefix takes the default its comment gives.
type Config struct {
	// Addr is the address ListenAndServe listens on ("127.0.0.1:0" picks
	// a free port, and the log says which).
	Addr string
	// TLSCert and TLSKey are the files of a certificate and its key: with
	// them ListenAndServe serves HTTPS, and every response carries HSTS.
	TLSCert, TLSKey string
	// Version names this build in the assets' addresses and the service
	// worker's cache: a new one makes open and installed copies update.
	// Default: the build's VCS revision (plus a hash of the wasm when the
	// tree was modified), or else the hash of the wasm.
	Version string
	// Domain is the public host name written into og:url. Default: Addr.
	Domain string
	// FrameAncestors is the CSP frame-ancestors source list: who may embed
	// the widget ("*" anyone, "'none'" no one). It is used as given: an
	// empty list forbids framing, as 'none' does.
	FrameAncestors string
	// Prefix is the path the site is served under, "/" or "/some/path/"
	// ("some/path" is read the same). Default: "/".
	Prefix string
}

// withDefaults fills the empty fields that have a default; wasmSum is the
// SHA-256 of app.wasm, which may become the version.
func (c Config) withDefaults(wasmSum [sha256.Size]byte) Config {
	if c.Version == "" {
		c.Version = buildVersion(wasmSum)
	}
	if c.Domain == "" {
		c.Domain = c.Addr
	}
	c.Prefix = cleanPrefix(c.Prefix)
	return c
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
func buildVersion(sum [sha256.Size]byte) string {
	hash := hex.EncodeToString(sum[:6])
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return hash
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	switch {
	case rev == "":
		return hash
	case len(rev) > 12:
		rev = rev[:12]
	}
	if modified == "true" {
		return rev + "-" + hash
	}
	return rev
}
