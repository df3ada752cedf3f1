//go:build !wasm

package server

import (
	"container/list"
	"crypto/sha256"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"

	"backendgrid/app/grid"
)

// renderer prerenders pages through go-app and keeps the results: a page
// depends only on its query string, so the same address is rendered once.
type renderer struct {
	goapp http.Handler
	// slots bounds the renders under way. A render is CPU work that
	// allocates megabytes (2.3 MB for the full grid), so more renders at
	// once than there are CPUs add memory, not throughput: without a
	// bound, a burst of new addresses on many connections grows the heap
	// with the number of connections.
	slots chan struct{}

	mu    sync.Mutex
	cache map[string]*list.Element // by pageKey
	// alias maps query strings as sent to their page when they differ
	// from its key (parameters in another order, escaped otherwise,
	// campaign parameters): a popular link is then found without parsing
	// its query again on every request.
	alias  map[string]*list.Element
	order  *list.List // most recently used first
	budget int        // bytes the cached pages may take: encodings and aliases
	size   int
}

// renderedPage is one entry of the cache, kept in the recency list.
type renderedPage struct {
	key     string
	asset   *asset
	aliases []string
}

// An entry keeps at most maxAliases query strings of at most
// maxAliasBytes each: other spellings are parsed each time.
const (
	maxAliases    = 4
	maxAliasBytes = 512
	aliasOverhead = 64 // bytes an alias costs beyond its string, roughly
)

// newRenderer renders through goapp and keeps at most budget bytes of pages.
func newRenderer(goapp http.Handler, budget int) *renderer {
	return &renderer{goapp: goapp, slots: make(chan struct{}, runtime.GOMAXPROCS(0)),
		cache: map[string]*list.Element{}, alias: map[string]*list.Element{}, order: list.New(), budget: budget}
}

// pageKey is the cache key of a query: without the campaign parameters
// (the page ignores them, so ?q=x&utm_source=y is the page of ?q=x) and
// with the parameters in one order.
func pageKey(rawQuery string) string {
	v, err := url.ParseQuery(rawQuery)
	if err != nil {
		return rawQuery
	}
	for k := range v {
		if grid.Tracking(k) {
			delete(v, k)
		}
	}
	return v.Encode()
}

// page returns the prerendered page for the request's query string.
func (rd *renderer) page(r *http.Request) (*asset, int) {
	query := r.URL.RawQuery
	if a := rd.seen(query); a != nil {
		return a, http.StatusOK
	}
	key := pageKey(query)
	if a := rd.cached(key, query); a != nil {
		return a, http.StatusOK
	}
	// A client that hung up while queued costs nothing more.
	select {
	case rd.slots <- struct{}{}:
	case <-r.Context().Done():
		return nil, http.StatusServiceUnavailable
	}
	defer func() { <-rd.slots }()
	// While this request waited, another may have rendered the same page;
	// or its client may have gone.
	if a := rd.cached(key, query); a != nil {
		return a, http.StatusOK
	}
	if r.Context().Err() != nil {
		return nil, http.StatusServiceUnavailable
	}

	// go-app answers its own ETag (the version) with 304; ours is the
	// content's, so the validators stay out of this inner request.
	inner := r.Clone(r.Context())
	inner.Method = http.MethodGet
	inner.Header = http.Header{}
	inner.URL.Path, inner.URL.RawPath = "/", "" // index.html and the prefix are the one page
	inner.URL.RawQuery = key
	rec := httptest.NewRecorder()
	rd.goapp.ServeHTTP(rec, inner)
	if rec.Code != http.StatusOK {
		return nil, rec.Code
	}
	raw := normalizeHTML(rec.Body.Bytes())
	a := newPage(raw)

	rd.mu.Lock()
	defer rd.mu.Unlock()
	if el, ok := rd.cache[key]; ok {
		return el.Value.(*renderedPage).asset, http.StatusOK
	}
	el := rd.order.PushFront(&renderedPage{key: key, asset: a})
	rd.cache[key] = el
	rd.size += a.memory()
	rd.addAlias(el, query)
	for rd.size > rd.budget && rd.order.Len() > 1 {
		old := rd.order.Back()
		rd.order.Remove(old)
		gone := old.Value.(*renderedPage)
		delete(rd.cache, gone.key)
		rd.size -= gone.asset.memory()
		for _, q := range gone.aliases {
			delete(rd.alias, q)
			rd.size -= len(q) + aliasOverhead
		}
	}
	return a, http.StatusOK
}

// newPage is a rendered page as the cache keeps it: compressed only. The
// rare client that accepts neither coding gets the gzip decoded.
func newPage(raw []byte) *asset {
	a := &asset{name: "page.html", sum: sha256.Sum256(raw), size: int64(len(raw))}
	gz, br := compressPage(raw)
	a.bodies[codingGzip] = &body{data: gz, size: int64(len(gz))}
	a.bodies[codingBrotli] = &body{data: br, size: int64(len(br))}
	a.finish()
	return a
}

// seen returns the page of a query string as sent, when it is a page's
// key or one of its aliases, as the most recently used.
func (rd *renderer) seen(raw string) *asset {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	el, ok := rd.cache[raw]
	if !ok {
		el, ok = rd.alias[raw]
	}
	if !ok {
		return nil
	}
	rd.order.MoveToFront(el)
	return el.Value.(*renderedPage).asset
}

// cached returns the page rendered for key, if any, as the most recently
// used, and remembers raw as its alias.
func (rd *renderer) cached(key, raw string) *asset {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if el, ok := rd.cache[key]; ok {
		rd.order.MoveToFront(el)
		rd.addAlias(el, raw)
		return el.Value.(*renderedPage).asset
	}
	return nil
}

// addAlias remembers raw as a spelling of el's page, within the limits.
// rd.mu is held.
func (rd *renderer) addAlias(el *list.Element, raw string) {
	p := el.Value.(*renderedPage)
	if raw == p.key || len(raw) > maxAliasBytes || len(p.aliases) >= maxAliases {
		return
	}
	if _, ok := rd.alias[raw]; ok {
		return
	}
	raw = strings.Clone(raw) // not the request's memory
	rd.alias[raw] = el
	p.aliases = append(p.aliases, raw)
	rd.size += len(raw) + aliasOverhead
}
