//go:build !wasm

package server

import (
	"container/list"
	"crypto/sha256"
	"log"
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

// page returns the prerendered page for the request's query string, in
// the coding the request prefers (see pageCoding) among others it may
// already have.
func (rd *renderer) page(r *http.Request) (*asset, int) {
	want := pageCoding(r.Header.Get("Accept-Encoding"))
	query := r.URL.RawQuery
	p, a := rd.seen(query)
	key := ""
	if p == nil {
		key = pageKey(query)
		p, a = rd.cached(key, query)
	}
	if p == nil {
		var code int
		if p, a, code = rd.render(r, key, query, want); p == nil {
			return nil, code
		}
	}
	if a.bodies[want] == nil {
		a = rd.encode(r, p, a, want)
	}
	return a, http.StatusOK
}

// pageCoding is the coding a page is made in for a request: brotli when it
// takes brotli, else gzip. The cache keeps pages compressed only, so a
// request that takes neither gets the gzip decoded.
func pageCoding(accept string) coding {
	if acceptsEncoding(accept, "br") {
		return codingBrotli
	}
	return codingGzip
}

// render prerenders the page of key in one coding, and caches it. Renders
// wait for a slot; a client that hung up meanwhile costs nothing more.
func (rd *renderer) render(r *http.Request, key, query string, c coding) (*renderedPage, *asset, int) {
	select {
	case rd.slots <- struct{}{}:
	case <-r.Context().Done():
		return nil, nil, http.StatusServiceUnavailable
	}
	defer func() { <-rd.slots }()
	// While this request waited, another may have rendered the same page;
	// or its client may have gone.
	if p, a := rd.cached(key, query); p != nil {
		return p, a, http.StatusOK
	}
	if r.Context().Err() != nil {
		return nil, nil, http.StatusServiceUnavailable
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
		return nil, nil, rec.Code
	}
	a := newPage(normalizeHTML(rec.Body.Bytes()), c)

	rd.mu.Lock()
	defer rd.mu.Unlock()
	if el, ok := rd.cache[key]; ok {
		p := el.Value.(*renderedPage)
		return p, p.asset, http.StatusOK
	}
	p := &renderedPage{key: key, asset: a}
	el := rd.order.PushFront(p)
	rd.cache[key] = el
	rd.size += a.memory()
	rd.addAlias(el, query)
	rd.evict()
	return p, a, http.StatusOK
}

// encode adds the coding c to the page a of the entry p: a page is made
// in the coding its first request wanted (most new addresses are asked
// for once, by a browser that takes brotli: making gzip too was a third
// of the CPU a new page cost), and in another when a request wants that.
// Assets are never changed once served: the entry gets a new one. It is
// CPU work, so it waits for a render slot too.
func (rd *renderer) encode(r *http.Request, p *renderedPage, a *asset, c coding) *asset {
	select {
	case rd.slots <- struct{}{}:
	case <-r.Context().Done():
		return a // the client is gone: what there is will do
	}
	defer func() { <-rd.slots }()
	rd.mu.Lock()
	cur := p.asset
	rd.mu.Unlock()
	if cur.bodies[c] != nil {
		return cur
	}
	next, err := cur.withCoding(c)
	if err != nil {
		log.Printf("encoding a page in %s: %v", contentCoding[c], err)
		return cur
	}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if el, ok := rd.cache[p.key]; ok && el.Value == p && p.asset == cur {
		p.asset = next
		rd.size += next.memory() - cur.memory()
		rd.evict()
	}
	return next
}

// evict drops the least recently used pages until the cache is within its
// budget, keeping at least one. rd.mu is held.
func (rd *renderer) evict() {
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
}

// newPage is a rendered page as the cache keeps it: compressed only, in
// the coding c.
func newPage(raw []byte, c coding) *asset {
	a := &asset{name: "page.html", sum: sha256.Sum256(raw), size: int64(len(raw))}
	b := compressPage(raw, c)
	a.bodies[c] = &body{data: b, size: int64(len(b))}
	a.finish()
	return a
}

// withCoding is a copy of the page a with the coding c added, made from
// the content decoded.
func (a *asset) withCoding(c coding) (*asset, error) {
	raw, err := a.content(identity)
	if err != nil {
		return nil, err
	}
	next := &asset{name: a.name, sum: a.sum, size: a.size}
	for i, b := range a.bodies {
		if b != nil {
			next.bodies[i] = &body{data: b.data, size: b.size}
		}
	}
	b := compressPage(raw, c)
	next.bodies[c] = &body{data: b, size: int64(len(b))}
	next.finish()
	return next, nil
}

// seen returns the entry of a query string as sent, and its page, when it
// is a page's key or one of its aliases, as the most recently used.
func (rd *renderer) seen(raw string) (*renderedPage, *asset) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	el, ok := rd.cache[raw]
	if !ok {
		el, ok = rd.alias[raw]
	}
	if !ok {
		return nil, nil
	}
	rd.order.MoveToFront(el)
	p := el.Value.(*renderedPage)
	return p, p.asset
}

// cached returns the entry of key and its page, if any, as the most
// recently used, and remembers raw as its alias.
func (rd *renderer) cached(key, raw string) (*renderedPage, *asset) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if el, ok := rd.cache[key]; ok {
		rd.order.MoveToFront(el)
		rd.addAlias(el, raw)
		p := el.Value.(*renderedPage)
		return p, p.asset
	}
	return nil, nil
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
