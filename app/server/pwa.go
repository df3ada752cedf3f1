//go:build !wasm

package server

import (
	"encoding/json"
	"fmt"
	"strings"
)

// resolver maps go-app's resource paths to this deployment's addresses:
// under the path prefix, and with the version in the path of every file
// whose content changes with it, so those can be cached forever.
type resolver struct {
	prefix  string // "/" or "/some/path/"
	version string
}

// versionedRoots are go-app's generated files that change with each
// build; the worker and the manifest keep stable addresses (browsers key
// the installed app and its updates on them).
var versionedRoots = map[string]bool{"/app.js": true, "/wasm_exec.js": true, "/app.css": true}

// Resolve implements app.ResourceResolver.
func (r resolver) Resolve(loc string) string {
	switch {
	case loc == "" || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//"):
		return loc // relative links, fragments, queries and remote URLs
	case loc == "/":
		return r.prefix
	case strings.HasPrefix(loc, r.prefix+"web/"+r.version+"/"):
		return loc // already resolved: go-app resolves some URLs twice
	case loc == "/web" || loc == "/web/":
		return r.prefix + "web/" + r.version
	case strings.HasPrefix(loc, "/web/"):
		return r.prefix + "web/" + r.version + "/" + strings.TrimPrefix(loc, "/web/")
	case versionedRoots[loc]:
		return r.prefix + "web/" + r.version + loc
	}
	return r.prefix + strings.TrimPrefix(loc, "/")
}

// fixManifest corrects what go-app gets wrong for us: scope and start_url
// must follow the path prefix, icons need an explicit purpose, and an id
// keeps the installed app the same across versions.
func fixManifest(b []byte, prefix string) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("go-app manifest: %w", err)
	}
	m["id"] = prefix
	m["scope"] = prefix
	m["start_url"] = prefix
	if icons, ok := m["icons"].([]any); ok {
		for _, ic := range icons {
			if icon, ok := ic.(map[string]any); ok && icon["purpose"] == "" {
				icon["purpose"] = "any"
			}
		}
	}
	return json.MarshalIndent(m, "", "  ")
}
