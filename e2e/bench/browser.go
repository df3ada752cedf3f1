package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
	"time"

	"backendgrid/e2e/harness"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

//go:embed probe.js
var probeJS string

// chromium is one headless Chromium for the whole run; every measured visit
// gets a fresh browser context (empty cache, no service worker, no storage).
type chromium struct {
	*harness.Chromium
}

// The window size of the browser tests, so the numbers describe the same page.
const viewW, viewH = harness.WindowWidth, harness.WindowHeight

// probe says what the in-page probe watches for one app.
type probe struct {
	// Visible is the CSS selector of what must be on screen: the grid's
	// first row, or the hello text.
	Visible string `json:"visible"`
	// Ready is the window property path the app sets to true once the wasm
	// has mounted (the peer: once its search is set up).
	Ready string `json:"ready"`
	// Search is the CSS selector of the search box the keys go into.
	Search string `json:"search"`
	// Count is the CSS selector of the element whose text says how many
	// rows show (the hello page echoes the input there).
	Count string `json:"count"`
}

// The probes of the three apps: backendgrid's grid, the floor's hello, and
// the plain-JS peer, which has the grid's markup and only its own ready
// flag.
var (
	gridProbe  = probe{Visible: "table.bg-table tbody tr", Ready: "backendgridBoot.ready", Search: "#search", Count: "#result-count"}
	helloProbe = probe{Visible: "#hello", Ready: "helloReady", Search: "#search", Count: "#result-count"}
	peerProbe  = probe{Visible: gridProbe.Visible, Ready: "peerReady", Search: gridProbe.Search, Count: gridProbe.Count}
)

// probes are the apps' probes, by app index.
var probes = [numApps]probe{appGrid: gridProbe, appFloor: helloProbe, appPeer: peerProbe}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// tab opens a tab in a fresh browser context with the probe installed, and
// a network recorder. Cancel it to close the tab and drop the context.
func (c *chromium) tab(p probe, timeout time.Duration) (context.Context, context.CancelFunc, *netRecorder, error) {
	ctx, done, err := c.NewTab(viewW, viewH, timeout)
	if err != nil {
		return nil, nil, nil, err
	}
	cfg, _ := json.Marshal(p)
	src := strings.Replace(probeJS, "__BENCH_CONFIG__", string(cfg), 1)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		done()
		return nil, nil, nil, err
	}
	rec := &netRecorder{}
	if err := chromedp.Listen(ctx, rec.event); err != nil {
		done()
		return nil, nil, nil, err
	}
	return ctx, done, rec, nil
}

// netRecorder sums what the page's own requests transferred, as the
// browser reports it (Network.loadingFinished encodedDataLength: headers
// and body as received, before decoding).
type netRecorder struct {
	mu           sync.Mutex
	bytes        float64
	requests     int
	wasmEncoding string
}

func (r *netRecorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventLoadingFinished:
		r.bytes += e.EncodedDataLength
		r.requests++
	case *network.EventResponseReceived:
		if e.Response != nil && strings.HasSuffix(strings.SplitN(e.Response.URL, "?", 2)[0], "app.wasm") {
			enc, _ := e.Response.Headers["Content-Encoding"].(string)
			if enc == "" {
				enc, _ = e.Response.Headers["content-encoding"].(string)
			}
			if enc == "" {
				enc = "identity"
			}
			if e.Response.FromServiceWorker {
				enc += " (from service worker)"
			}
			r.wasmEncoding = enc
		}
	}
}

func (r *netRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bytes, r.requests, r.wasmEncoding = 0, 0, ""
}

func (r *netRecorder) read() (float64, int, string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bytes, r.requests, r.wasmEncoding
}

// eval runs JavaScript in the page and decodes its result.
func eval[T any](ctx context.Context, js string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](js))
}

// poll waits until a JavaScript expression is truthy and decodes it. It
// polls on a timer, not on every frame, to leave the frames to the page.
// A poll sent just as the page replaces its JavaScript context (a
// navigation the harness made, seen late) fails with "Cannot find context
// with specified id": it is sent again into the new one, within timeout.
func poll[T any](ctx context.Context, js string, timeout time.Duration) (T, error) {
	deadline := time.Now().Add(timeout)
	for {
		v, err := chromedp.Run(ctx, chromedp.Poll[T](js,
			chromedp.WithPollingInterval(10*time.Millisecond),
			chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") || time.Now().After(deadline) || ctx.Err() != nil {
			return v, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pressKey sends one key press as a keyboard does: a single keyDown that
// carries the text (so keydown, keypress and input come from one event, with
// no protocol round trip between them), then keyUp. Backspace has no text.
func pressKey(ctx context.Context, key string) error {
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Text: key, UnmodifiedText: key}
	up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key}
	switch key {
	case "Backspace":
		down = input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: key, Code: key, WindowsVirtualKeyCode: 8, NativeVirtualKeyCode: 8}
		up.Code, up.WindowsVirtualKeyCode, up.NativeVirtualKeyCode = key, 8, 8
	case " ":
		down.Code, up.Code = "Space", "Space"
		down.WindowsVirtualKeyCode, up.WindowsVirtualKeyCode = 32, 32
	default:
		if len(key) == 1 && key[0] >= 'a' && key[0] <= 'z' {
			code := int64(key[0] - 'a' + 'A')
			down.Code, up.Code = "Key"+strings.ToUpper(key), "Key"+strings.ToUpper(key)
			down.WindowsVirtualKeyCode, up.WindowsVirtualKeyCode = code, code
		}
	}
	if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, down); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, input.DispatchKeyEvent, up)
	return err
}
