//go:build !wasm

package server

import (
	"encoding/json"
	"fmt"
	"regexp"
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

// wasmFetch is go-app's call that fetches the wasm for
// WebAssembly.instantiateStreaming: through fetchWithProgress, which pipes
// the response through a ReadableStream of its own to show a percentage.
var wasmFetch = regexp.MustCompile(`fetchWithProgress\(("[^"]+"), showProgress\)`)

// streamWasm makes go-app's loader hand the browser the fetch response
// itself. Through fetchWithProgress's stream, the bytes reach the wasm
// compiler from script, and once the whole body has arrived they are all
// pumped in one microtask checkpoint: decoding the 7 MB module then blocks
// the main thread for hundreds of milliseconds, in the same task as the
// start of the program (seen in a Chromium trace of a cold load). From the
// response itself the browser feeds the compiler as the bytes arrive, a
// small task each. The percentage goes: backendgrid never shows go-app's
// loader (the prerendered page is the loading state). It is an error when
// the call is not there exactly once, so a new go-app is looked at again.
func streamWasm(js []byte) ([]byte, error) {
	if n := len(wasmFetch.FindAllIndex(js, -1)); n != 1 {
		return nil, fmt.Errorf("go-app's app.js: found its wasm fetch %d times, want once", n)
	}
	return wasmFetch.ReplaceAll(js, []byte("fetch($1)")), nil
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
