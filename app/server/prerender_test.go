//go:build !wasm

package server

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestRendersAtOnceAreBounded: a burst of requests for pages not in the
// cache renders at most GOMAXPROCS pages at a time (each render allocates
// megabytes), and requests that waited for the same page find it rendered.
func TestRendersAtOnceAreBounded(t *testing.T) {
	limit := runtime.GOMAXPROCS(0)
	const requests = 32
	for _, tc := range []struct {
		name     string
		query    func(i int) string
		maxCalls int32
	}{
		{"distinct addresses", func(i int) string { return fmt.Sprintf("q=page%d", i) }, requests},
		{"one address", func(int) string { return "q=same" }, int32(limit)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var running, peak, calls atomic.Int32
			slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				n := running.Add(1)
				defer running.Add(-1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				time.Sleep(20 * time.Millisecond)
				fmt.Fprintf(w, "<!doctype html><html><body>%s</body></html>", html.EscapeString(r.URL.RawQuery))
			})
			rd := newRenderer(slow, pageCacheBytes)
			var wg sync.WaitGroup
			for i := range requests {
				wg.Go(func() {
					a, code := rd.page(httptest.NewRequest(http.MethodGet, "/?"+tc.query(i), nil))
					if a == nil || code != http.StatusOK {
						t.Errorf("page %d: got %v, status %d; want a page, 200", i, a, code)
					}
				})
			}
			wg.Wait()
			if got := peak.Load(); got > int32(limit) {
				t.Errorf("renders at once: got %d, want at most %d (GOMAXPROCS)", got, limit)
			}
			if got := calls.Load(); got > tc.maxCalls {
				t.Errorf("renders: got %d, want at most %d", got, tc.maxCalls)
			}
		})
	}
}

// A request whose client hung up while it queued for a render slot is not
// rendered.
func TestQueuedRenderStopsWhenTheClientLeaves(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		<-release
		fmt.Fprint(w, "<!doctype html><html><body>x</body></html>")
	})
	rd := newRenderer(slow, pageCacheBytes)
	// Fill every slot with a render that waits.
	var wg sync.WaitGroup
	for i := range cap(rd.slots) {
		wg.Go(func() { rd.page(httptest.NewRequest(http.MethodGet, fmt.Sprintf("/?q=busy%d", i), nil)) })
	}
	for calls.Load() < int32(cap(rd.slots)) {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		_, code := rd.page(httptest.NewRequest(http.MethodGet, "/?q=gone", nil).WithContext(ctx))
		done <- code
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	if code := <-done; code != http.StatusServiceUnavailable {
		t.Errorf("status %d for a client that left", code)
	}
	close(release)
	wg.Wait()
	if got := calls.Load(); got != int32(cap(rd.slots)) {
		t.Errorf("%d renders, want only the %d busy ones", got, cap(rd.slots))
	}
}

func TestPagesAreDeterministicAndEscaped(t *testing.T) {
	s := newTestSite(t)
	first := do(t, s, http.MethodGet, "/?q=flask", nil).Body.String()
	s.pages = newRenderer(s.goapp, pageCacheBytes) // render again, not from the cache
	second := do(t, s, http.MethodGet, "/?q=flask", nil).Body.String()
	if first != second {
		t.Errorf("two renders of one address differ")
	}
	hostile := do(t, s, http.MethodGet, `/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E`, nil).Body.String()
	if strings.Contains(hostile, "<script>alert(1)") {
		t.Errorf("the query was written as markup")
	}
}

func TestPageKeyIgnoresTrackingAndOrder(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"q=flask", "q=flask&utm_source=news&utm_medium=mail"},
		{"q=flask&sort=-released", "sort=-released&gclid=1&q=flask"},
		{"language=Go", "fbclid=x&language=Go"},
	} {
		if pageKey(tt.a) != pageKey(tt.b) {
			t.Errorf("pageKey(%q) = %q, pageKey(%q) = %q", tt.a, pageKey(tt.a), tt.b, pageKey(tt.b))
		}
	}
	if pageKey("q=a") == pageKey("q=b") {
		t.Errorf("different searches share a key")
	}
}

func TestPageCacheStaysWithinItsBudget(t *testing.T) {
	s := newTestSite(t)
	one, _ := newRenderer(s.goapp, pageCacheBytes).page(httptest.NewRequest(http.MethodGet, "/?q=x0", nil))
	rd := newRenderer(s.goapp, 3*one.memory()) // room for about three pages
	for i := 0; i < 20; i++ {
		req := httptest.NewRequest(http.MethodGet, "/?q=x"+strconv.Itoa(i), nil)
		if a, code := rd.page(req); a == nil || code != http.StatusOK {
			t.Fatalf("render %d: %d", i, code)
		}
	}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if rd.size > rd.budget || rd.order.Len() >= 20 || rd.order.Len() == 0 {
		t.Errorf("cache holds %d pages, %d bytes, budget %d", rd.order.Len(), rd.size, rd.budget)
	}
}

// Spellings of one page (order, escapes, campaign parameters) are one
// render and one entry; the spellings are remembered within limits and
// forgotten with their page.
func TestPageAliases(t *testing.T) {
	var calls atomic.Int32
	stub := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		fmt.Fprintf(w, "<!doctype html><html><body>%s</body></html>", html.EscapeString(r.URL.RawQuery))
	})
	rd := newRenderer(stub, pageCacheBytes)
	get := func(q string) *asset {
		t.Helper()
		a, code := rd.page(httptest.NewRequest(http.MethodGet, "/?"+q, nil))
		if a == nil || code != http.StatusOK {
			t.Fatalf("%s: status %d", q, code)
		}
		return a
	}
	first := get("sort=name&q=rails")
	spellings := []string{"sort=name&q=rails", "q=rails&sort=name", "q=rails&sort=name&utm_source=x", "utm_medium=y&sort=name&q=rails",
		"q=rails&sort=name&gclid=1", "q=rails&sort=name&fbclid=2", "q=rails&sort=name&utm_term=z"}
	for range 2 {
		for _, q := range spellings {
			if a := get(q); a != first {
				t.Errorf("%s: another page than sort=name&q=rails's", q)
			}
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d renders, want 1", n)
	}
	rd.mu.Lock()
	p := rd.cache[pageKey("q=rails&sort=name")].Value.(*renderedPage)
	if len(p.aliases) != maxAliases || len(rd.alias) != maxAliases {
		t.Errorf("aliases %q (%d in the map), want %d", p.aliases, len(rd.alias), maxAliases)
	}
	rd.mu.Unlock()

	// Fill the cache until the page is evicted: its aliases go with it.
	rd.budget = 4 * first.memory()
	for i := range 10 {
		get(fmt.Sprintf("q=other%d", i))
	}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if _, ok := rd.cache[p.key]; ok {
		t.Fatalf("the page was not evicted")
	}
	for _, q := range p.aliases {
		if _, ok := rd.alias[q]; ok {
			t.Errorf("alias %q outlived its page", q)
		}
	}
	size := 0
	for el := rd.order.Front(); el != nil; el = el.Next() {
		e := el.Value.(*renderedPage)
		size += e.asset.memory()
		for _, q := range e.aliases {
			size += len(q) + aliasOverhead
		}
	}
	if size != rd.size || rd.size > rd.budget {
		t.Errorf("size %d, counted %d, budget %d", rd.size, size, rd.budget)
	}
}

// A new page is compressed in the coding its request takes (brotli when
// it can); another coding is added when a request wants it, to the same
// entry, without a second render; a client that takes neither gets the
// page decoded.
func TestPageCodingsAreMadeWhenAsked(t *testing.T) {
	var calls atomic.Int32
	stub := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		fmt.Fprintf(w, "<!doctype html><html><body>%s</body></html>", strings.Repeat("row ", 200))
	})
	rd := newRenderer(stub, pageCacheBytes)
	get := func(accept string) *asset {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, "/?q=x", nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		a, code := rd.page(req)
		if a == nil || code != http.StatusOK {
			t.Fatalf("%q: status %d", accept, code)
		}
		return a
	}
	br := get("gzip, deflate, br")
	if br.bodies[codingBrotli] == nil || br.bodies[codingGzip] != nil {
		t.Fatalf("first page: brotli %v, gzip %v; want brotli only", br.bodies[codingBrotli] != nil, br.bodies[codingGzip] != nil)
	}
	plain, err := br.content(identity)
	if err != nil || !strings.Contains(string(plain), "</html>") {
		t.Fatalf("brotli page decoded: %v, %q", err, plain)
	}
	both := get("gzip")
	if both.bodies[codingBrotli] == nil || both.bodies[codingGzip] == nil {
		t.Fatalf("after a gzip request: brotli %v, gzip %v; want both", both.bodies[codingBrotli] != nil, both.bodies[codingGzip] != nil)
	}
	if got := string(ungzip(both.bodies[codingGzip].data)); got != string(plain) {
		t.Errorf("the gzip page differs from the brotli one")
	}
	if both.etag != br.etag || both.bodies[codingBrotli].etag[0] != br.bodies[codingBrotli].etag[0] {
		t.Errorf("adding a coding changed the ETags")
	}
	if a := get("br"); a != both {
		t.Errorf("the entry does not hold the page with both codings")
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d renders, want 1", n)
	}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if want := both.memory(); rd.size != want {
		t.Errorf("cache size %d, want the page's %d", rd.size, want)
	}
}
