//go:build !wasm

package server

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
