package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// typingScript is what the keystroke benchmark types: words a reader looks
// for (one misspelt, one abbreviated), each typed and then erased key by key,
// 60 keystrokes in all. There is no space: every key changes the query, so
// every key must produce an update (a trailing space would not).
func typingScript() []string {
	var keys []string
	for _, w := range []string{"rails", "django", "rials", "sprng", "node", "flask"} {
		for _, r := range w {
			keys = append(keys, string(r))
		}
		for range w {
			keys = append(keys, "Backspace")
		}
	}
	return keys
}

// keyRun is the keystroke benchmark of one catalog.
type keyRun struct {
	Catalog string
	// App is which app typed: appGrid, appFloor (the go-app hello page
	// echoing the input) or appPeer (the plain-JS peer on the real catalog).
	App      int
	Rows     int     // items in the catalog
	Rendered int     // table rows in the DOM after the start (all, or a page)
	Mounted  float64 // ms from navigation to the app's ready flag
	// DOM and Frame hold one latency per keystroke that changed the page, in
	// ms from the key event: to the last DOM change it caused, and to the
	// end of the frame after it (when the reader can see it).
	DOM, Frame []float64
	Bursts     int    // keys whose update came in more than one DOM change
	NoChange   int    // keys after which the app synced the URL but changed nothing
	Aborted    string // why the run stopped early, if it did
}

// typeKeys loads the app in a fresh context, focuses the search box and
// types the script one key at a time. Each key is measured alone: the next
// is sent once the app has finished with the previous one, which it shows by
// writing the query into the address (300 ms after applying it). Latency is
// from the keydown's event time (when the browser received the key, so time
// spent queued behind a busy main thread counts) to the last DOM mutation
// before that address change, and to the end of the frame after it.
//
// The peer writes the address as backendgrid does, 300 ms after a key. The
// floor (the go-app hello page) writes no address: it is done with a key
// once its echo shows what the input holds.
func (c *chromium) typeKeys(name string, rows int, srv *server, keys []string, budget time.Duration, app int) (keyRun, error) {
	run := keyRun{Catalog: name, Rows: rows, App: app}
	p := probes[app]
	ctx, done, _, err := c.tab(p, budget+15*time.Minute)
	if err != nil {
		return run, err
	}
	defer done()
	ctx, stop := srv.watch(ctx)
	defer stop()
	run, err = typeInto(ctx, run, p, srv, keys, budget)
	return run, cause(ctx, err)
}

func typeInto(ctx context.Context, run keyRun, p probe, srv *server, keys []string, budget time.Duration) (keyRun, error) {
	name := run.label()
	start := time.Now()
	var err error
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL())); err != nil {
		return run, err
	}
	if _, err := poll[bool](ctx, `window.__bench.ready >= 0`, 10*time.Minute); err != nil {
		return run, fmt.Errorf("waiting for the wasm to mount: %w", err)
	}
	if run.Mounted, err = eval[float64](ctx, `__bench.ready`); err != nil {
		return run, err
	}
	if run.App == appFloor {
		log.Printf("keys %s: mounted after %.0f ms (%s since start)", name, run.Mounted, time.Since(start).Round(time.Millisecond))
	} else {
		if run.Rendered, err = eval[int](ctx, `document.querySelectorAll(`+jsString(p.Visible)+`).length`); err != nil {
			return run, err
		}
		log.Printf("keys %s: mounted after %.0f ms (%s since start), %d rows in the table", name, run.Mounted, time.Since(start).Round(time.Millisecond), run.Rendered)
	}
	if _, err := eval[bool](ctx, `(document.querySelector(`+jsString(p.Search)+`).focus(), true)`); err != nil {
		return run, err
	}
	deadline := time.Now().Add(budget)
	for i, key := range keys {
		if time.Now().After(deadline) {
			run.Aborted = fmt.Sprintf("stopped after %d of %d keys: over the %s budget", i, len(keys), budget)
			break
		}
		t, err := measureKey(ctx, key, time.Until(deadline)+time.Minute, p, run.App == appFloor)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, chromedp.ErrPollingTimeout) {
				run.Aborted = fmt.Sprintf("stopped at key %d of %d (%q): no update within the budget", i+1, len(keys), key)
				break
			}
			return run, fmt.Errorf("key %d (%q): %w", i+1, key, err)
		}
		switch {
		case t.Bursts == 0:
			run.NoChange++
		default:
			run.DOM = append(run.DOM, t.DOM-t.Key)
			run.Frame = append(run.Frame, t.Frame-t.Key)
			if t.Bursts > 1 {
				run.Bursts++
			}
		}
	}
	log.Printf("keys %s: %d keys measured in %s", name, len(run.Frame)+run.NoChange, time.Since(start).Round(time.Second))
	return run, nil
}

type keyTiming struct {
	Key    float64 `json:"key"`
	DOM    float64 `json:"dom"`
	Frame  float64 `json:"frame"`
	Bursts int     `json:"bursts"`
}

// keyDoneJS reports a key's timing once backendgrid (or the peer) is done
// with it (it has written the address), or false. K0, M0 and U0 are the
// probe's log lengths before the key.
const keyDoneJS = `(() => {
	const B = window.__bench;
	if (B.keys.length <= K0) return false;
	const k = B.keys[K0];
	const u = B.urls.slice(U0).find((u) => u.t >= k);
	if (u === undefined) return false; // the app is not done with the key
	const ms = B.muts.slice(M0, u.muts).filter((m) => m.dom >= k);
	if (ms.length === 0) return {key: k, dom: -1, frame: -1, bursts: 0};
	const last = ms[ms.length - 1];
	if (last.frame < 0) return false;
	return {key: k, dom: last.dom, frame: last.frame, bursts: ms.length};
})()`

// echoDoneJS is keyDoneJS for the floor, which is done once its echo shows
// what the input holds.
const echoDoneJS = `(() => {
	const B = window.__bench;
	if (B.keys.length <= K0) return false;
	const k = B.keys[K0];
	if (document.querySelector(COUNT).textContent !== document.querySelector(SEARCH).value) return false;
	const ms = B.muts.slice(M0).filter((m) => m.dom >= k);
	if (ms.length === 0) return false;
	const last = ms[ms.length - 1];
	if (last.frame < 0) return false;
	return {key: k, dom: last.dom, frame: last.frame, bursts: ms.length};
})()`

func measureKey(ctx context.Context, key string, timeout time.Duration, p probe, floor bool) (keyTiming, error) {
	before, err := eval[lengths](ctx, lengthsJS)
	if err != nil {
		return keyTiming{}, err
	}
	if err := pressKey(ctx, key); err != nil {
		return keyTiming{}, err
	}
	js := keyDoneJS
	if floor {
		js = echoDoneJS
	}
	js = strings.NewReplacer("K0", fmt.Sprint(before.Keys), "M0", fmt.Sprint(before.Muts), "U0", fmt.Sprint(before.URLs),
		"COUNT", jsString(p.Count), "SEARCH", jsString(p.Search)).Replace(js)
	return poll[keyTiming](ctx, js, timeout)
}
