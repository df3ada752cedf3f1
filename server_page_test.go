//go:build !wasm

package main

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"runtime"
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
