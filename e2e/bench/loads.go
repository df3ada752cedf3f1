package main

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// app is one of the compared apps, as the load benchmark sees it.
type app struct {
	name  string
	srv   *server
	probe probe
	// key is a character whose typing changes the count (probe.Count): the
	// proof that the page responds.
	key string
	// worker: the app installs a service worker (go-app's), which a cold
	// visit waits for; the peer has none.
	worker bool
}

// visit is one page load. Times are milliseconds from the start of the
// navigation (the page's performance.timeOrigin).
type visit struct {
	FCP     float64 // first contentful paint (Paint Timing API)
	Visible float64 // first frame with the grid (or hello text) on screen
	Ready   float64 // the wasm has mounted (the app's ready flag)
	// FirstKey is how long the first typed character took to change the
	// count, from the key event to the end of the frame that shows it.
	FirstKey float64
	// Interactive is Ready + FirstKey: mounted, and search responds.
	Interactive float64
	// PageBytes is what the page's own requests transferred, per the
	// browser; WireBytes all bytes from the server, per the proxy,
	// service worker included.
	PageBytes    float64
	Requests     int
	WireBytes    int64
	WasmEncoding string
}

// coldWarm loads the app twice in one fresh browser context: cold (empty
// cache, no service worker), then, after the service worker has installed
// and the network is quiet, warm (a new navigation, as a returning visitor).
func (c *chromium) coldWarm(a app) (cold, warm visit, err error) {
	ctx, done, rec, err := c.tab(a.probe, 5*time.Minute)
	if err != nil {
		return cold, warm, err
	}
	defer done()
	ctx, stop := a.srv.watch(ctx)
	defer stop()
	if cold, err = load(ctx, a, rec); err != nil {
		return cold, warm, fmt.Errorf("%s cold: %w", a.name, cause(ctx, err))
	}
	// The service worker's precache is part of what a first visit costs,
	// and a warm visit is one the worker controls.
	if a.worker {
		swCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err = chromedp.Run(swCtx, chromedp.Evaluate[bool](
			`navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : true`, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			return cold, warm, fmt.Errorf("%s: waiting for the service worker: %w", a.name, err)
		}
	}
	a.srv.proxy.waitIdle(time.Second, 30*time.Second)
	cold.PageBytes, cold.Requests, cold.WasmEncoding = rec.read()
	cold.WireBytes = a.srv.proxy.down.Load()

	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return cold, warm, err
	}
	if warm, err = load(ctx, a, rec); err != nil {
		return cold, warm, fmt.Errorf("%s warm: %w", a.name, cause(ctx, err))
	}
	a.srv.proxy.waitIdle(time.Second, 30*time.Second)
	warm.PageBytes, warm.Requests, warm.WasmEncoding = rec.read()
	warm.WireBytes = a.srv.proxy.down.Load()
	return cold, warm, nil
}

// load navigates, waits for the app to be visible and mounted, types one
// character and waits for the count to show it.
func load(ctx context.Context, a app, rec *netRecorder) (visit, error) {
	var v visit
	rec.reset()
	a.srv.proxy.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(a.srv.URL())); err != nil {
		return v, err
	}
	if _, err := poll[bool](ctx, `window.__bench.ready >= 0 && window.__bench.visible >= 0`, 2*time.Minute); err != nil {
		state, _ := eval[string](ctx, `JSON.stringify({ready: __bench.ready, visible: __bench.visible, hidden: __bench.hidden})`)
		return v, fmt.Errorf("waiting for the app to mount and show (%s): %w", state, err)
	}
	before, err := eval[lengths](ctx, `(document.querySelector(`+jsString(a.probe.Search)+`).focus(), `+lengthsJS+`)`)
	if err != nil {
		return v, err
	}
	if err := pressKey(ctx, a.key); err != nil {
		return v, err
	}
	type change struct {
		Key   float64 `json:"key"`
		Frame float64 `json:"frame"`
	}
	ch, err := poll[change](ctx, fmt.Sprintf(`(() => {
		const B = window.__bench;
		if (B.keys.length <= %d) return false;
		const k = B.keys[%d];
		const c = B.count.slice(%d).find((c) => c.dom >= k);
		return c && c.frame >= 0 ? {key: k, frame: c.frame} : false;
	})()`, before.Keys, before.Keys, before.Count), 30*time.Second)
	if err != nil {
		return v, fmt.Errorf("typing %q did not change %s: %w", a.key, a.probe.Count, err)
	}
	type marks struct {
		FCP     float64 `json:"fcp"`
		Visible float64 `json:"visible"`
		Ready   float64 `json:"ready"`
	}
	// The first contentful paint's entry comes once its frame has been
	// presented, which headless Chromium reports only when a later frame
	// is drawn: for a page that stays still after it (the peer), the
	// key's frame is that later one.
	if _, err := poll[bool](ctx, `(__bench.flush(), __bench.fcp >= 0)`, 30*time.Second); err != nil {
		return v, fmt.Errorf("no first contentful paint: %w", err)
	}
	m, err := eval[marks](ctx, `({
		fcp: __bench.fcp,
		visible: __bench.visible,
		ready: __bench.ready,
	})`)
	if err != nil {
		return v, err
	}
	v.FCP, v.Ready = m.FCP, m.Ready
	// The grid cannot be seen before the first contentful paint: the probe's
	// end-of-frame estimate can come a little earlier than the paint the
	// Paint Timing API reports for the same frame.
	v.Visible = max(m.Visible, m.FCP)
	v.FirstKey = ch.Frame - ch.Key
	v.Interactive = v.Ready + v.FirstKey
	return v, nil
}

// lengths are the sizes of the probe's logs before a key, so that what
// follows can be told apart from what came before.
type lengths struct {
	Keys  int `json:"keys"`
	Muts  int `json:"muts"`
	Count int `json:"count"`
	URLs  int `json:"urls"`
}

const lengthsJS = `({keys: __bench.keys.length, muts: __bench.muts.length, count: __bench.count.length, urls: __bench.urls.length})`
