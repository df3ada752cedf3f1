//go:build !wasm

package main

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

// workerJS is the service worker. go-app's default serves everything cache
// first, which shows a stale page after a deployment and fails offline for
// any address with a query string. This one:
//   - precaches the version's files on install (from the HTTP cache when
//     the page has just loaded them) and takes over at once;
//   - deletes other versions' caches on activate;
//   - answers navigations from the network (fresh prerender for the exact
//     address) and falls back to the cached page, ignoring the query, when
//     the network is gone or slow: the wasm then rebuilds the view from
//     the address;
//   - answers everything else cache first: those addresses carry the
//     version, so a cached copy is never stale.
const workerJS = `// backendgrid service worker, version {{.Version}}
const cacheName = "backendgrid-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const navigationTimeout = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    // Versioned files may come from the HTTP cache (the page just loaded
    // them, immutable): no second download of the wasm on a first visit.
    // The others must be fresh.
    await cache.addAll(resourcesToCache.map((url) =>
      new Request(url, { cache: url.includes("/web/{{.Version}}/") ? "default" : "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName && (key.startsWith("backendgrid-") || key.startsWith("app-"))) {
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

async function navigation(request) {
  const cached = () => caches.match(request, { cacheName, ignoreSearch: true });
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), navigationTimeout)),
    ]);
    if (response.ok) {
      return response;
    }
    return (await cached()) || response;
  } catch (err) {
    const page = await cached();
    if (page) {
      return page;
    }
    throw err;
  }
}

async function cacheFirst(request) {
  const hit = await caches.match(request, { cacheName });
  return hit || fetch(request);
}
`
