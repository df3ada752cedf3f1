package e2e

import (
	"context"
	"fmt"
	"html"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// hostPage serves a marketing page from another site ("localhost" while
// the widget is on "127.0.0.1": another origin and another site, so
// Chromium runs the iframe in its own process, as in real life).
func hostPage(t *testing.T, widget, query string, extra string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme: pick your backend</title>
<style>body{font-family:sans-serif;margin:24px;background:#fafafa;color:#222}</style></head>
<body><h1>Acme: pick your backend</h1><p>Our partners, compared:</p>
<div id="grid" data-backendgrid="%s/?%s" data-title="Node.js frameworks compared"></div>
<p id="after">Text after the widget.</p>
%s
<script src="%s/web/embed.js"></script>
</body></html>`, widget, html.EscapeString(query), extra, widget)
	})
	mux.HandleFunc("/forger", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><script>parent.postMessage({type: "backendgrid:resize", height: 222}, "*")</script>`)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return "http://localhost:" + fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
}

// frameHeight is the iframe's height as the host page set it.
func frameHeight(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	return eval[float64](t, ctx, `document.querySelector("#grid iframe").getBoundingClientRect().height`)
}

// attachFrame returns a context inside the widget's iframe (its own target).
func attachFrame(t *testing.T, ctx context.Context, widget string) context.Context {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(ctx)
		must(t, err)
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, widget) {
				fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID))
				t.Cleanup(cancel)
				return fctx
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no iframe target for %s", widget)
	return nil
}

// waitFits waits until the iframe is as tall as the widget's content
// (within a few pixels) and the widget has no scrollbar of its own.
func waitFits(t *testing.T, host, frame context.Context) float64 {
	t.Helper()
	var content, outer float64
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		content = eval[float64](t, frame, `document.body.getBoundingClientRect().height`)
		outer = frameHeight(t, host)
		if math.Abs(content-outer) <= 3 && eval[bool](t, frame, `document.documentElement.scrollHeight <= window.innerHeight + 2`) {
			return outer
		}
	}
	t.Fatalf("iframe %.0fpx, content %.0fpx: the iframe does not fit its content", outer, content)
	return 0
}

func TestEmbedOnAnotherSite(t *testing.T) {
	srv := startServer(t)
	query := "only=express,koa,nestjs,nodejs&cols=language,license,kind"
	host := hostPage(t, srv.URL, query, `<iframe id="forger" src="/forger" title="ad"></iframe>`)
	ctx := newTab(t, 1280, 900)
	must(t, chromedp.Do(ctx, chromedp.Navigate(host)))
	frame := attachFrame(t, ctx, srv.URL)
	watchCSPIn(t, frame)
	waitReady(t, frame)

	// The iframe element: lazy, titled, embed=1 added.
	attrs := eval[[]string](t, ctx, `(() => { const f = document.querySelector("#grid iframe"); return [f.title, f.getAttribute("loading"), f.src]; })()`)
	if attrs[0] != "Node.js frameworks compared" || attrs[1] != "lazy" || !strings.Contains(attrs[2], "embed=1") {
		t.Errorf("iframe attributes = %q", attrs)
	}
	// only= and cols= are honoured; the compact mode has no page header.
	if got := rowIDs(t, frame); len(got) != 4 || !sameSet(got, []string{"express", "koa", "nestjs", "nodejs"}) {
		t.Errorf("rows = %v", got)
	}
	if got := eval[[]string](t, frame, `Array.from(document.querySelectorAll("thead th")).map(th => th.innerText.trim())`); strings.Join(got, "|") != "Name|Language|License|Kind" {
		t.Errorf("columns = %q", got)
	}
	if n := eval[int](t, frame, `document.querySelectorAll("header.bg-header, footer").length`); n != 0 {
		t.Errorf("embed mode shows %d header/footer elements", n)
	}
	if got := eval[string](t, frame, `document.getElementById("result-count").innerText`); !strings.HasPrefix(got, "4 of 4") {
		t.Errorf("count = %q, want 4 of 4 (facet counts follow only=)", got)
	}
	full := eval[[]string](t, frame, `(() => { const a = document.getElementById("open-full"); return [a.href, a.target]; })()`)
	if strings.Contains(full[0], "embed") || !strings.Contains(full[0], "only=express,koa,nestjs,nodejs") || full[1] != "_blank" {
		t.Errorf("Open full comparison = %q", full)
	}

	// The iframe follows the content: shrink by filtering, grow back.
	tall := waitFits(t, ctx, frame)
	openFilters(t, frame)
	// The open panel makes the page taller and the host grows the iframe:
	// a click aimed while it moves can land beside the checkbox.
	waitFits(t, ctx, frame)
	click(t, frame, `input[name="kind"][value="Runtime"]`)
	waitJS(t, frame, `document.getElementById("result-count").innerText.startsWith("1 of 4")`)
	short := waitFits(t, ctx, frame)
	click(t, frame, "#clear-all")
	waitJS(t, frame, `document.getElementById("result-count").innerText.startsWith("4 of 4")`)
	grown := waitFits(t, ctx, frame)
	if !(short < grown) {
		t.Errorf("heights: %.0f, filtered %.0f, cleared %.0f: want the filtered one smaller", tall, short, grown)
	}
	// Opening the comparison changes the height too. The first pick brings
	// up the tray and the iframe grows: the second click waits for that, or
	// it may land where the checkbox was.
	pick(t, frame, "express", 1)
	waitFits(t, ctx, frame)
	pick(t, frame, "koa", 2)
	// The tray sits below the host's viewport: a mouse cannot reach it
	// without scrolling the host page, so this one is a DOM click.
	waitJS(t, frame, `document.querySelector("a#open-compare") !== null`)
	must(t, chromedp.Do(frame, chromedp.Evaluate[chromedp.Void](`document.getElementById("open-compare").click()`)))
	waitJS(t, frame, `document.querySelector(".bg-compare-table") !== null`)
	waitFits(t, ctx, frame)

	// Forged messages change nothing: one from the host page itself, one
	// from another iframe (its page posted 222 on load).
	before := frameHeight(t, ctx)
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.postMessage({type: "backendgrid:resize", height: 150}, "*")`)))
	must(t, chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)))
	if after := frameHeight(t, ctx); after != before || after == 150 || after == 222 {
		t.Errorf("a forged message moved the iframe from %.0f to %.0f", before, after)
	}
	screenshot(t, ctx, "embed-host-light-1280")
}

func TestEmbedThemeAndAccent(t *testing.T) {
	srv := startServer(t)
	host := hostPage(t, srv.URL, "only=django,flask,rails&theme=dark&accent=ff5500", "")
	ctx := newTab(t, 1280, 900)
	must(t, chromedp.Do(ctx, chromedp.Navigate(host)))
	frame := attachFrame(t, ctx, srv.URL)
	watchCSPIn(t, frame)
	waitReady(t, frame)
	colours := eval[[]string](t, frame, `(() => {
		const b = document.getElementById("filters-toggle");
		const th = document.querySelector("thead th");
		return [getComputedStyle(b).backgroundColor, getComputedStyle(b).color, getComputedStyle(th).color, getComputedStyle(th).backgroundColor];
	})()`)
	if colours[0] != "rgb(255, 85, 0)" {
		t.Errorf("accent button background = %s, want rgb(255, 85, 0)", colours[0])
	}
	if colours[1] != "rgb(17, 17, 17)" {
		t.Errorf("text on the accent = %s, want the darker one for contrast", colours[1])
	}
	if colours[2] != "rgb(232, 236, 243)" || colours[3] != "rgb(34, 41, 55)" {
		t.Errorf("dark theme header colours = %s on %s", colours[2], colours[3])
	}
	waitFits(t, ctx, frame)
	screenshot(t, ctx, "embed-host-dark-1280")

	// Invalid values are ignored with a notice and reach no CSS.
	bad := newTab(t, 1280, 900)
	open(t, bad, srv.URL+"/?embed=1&theme=neon&accent=red%3Bbackground%3Aurl(x)")
	notices := eval[string](t, bad, `document.querySelector(".bg-notices").innerText`)
	if !strings.Contains(notices, "use light, dark or auto") || !strings.Contains(notices, "use six hex digits") {
		t.Errorf("notices = %q", notices)
	}
	if v := eval[string](t, bad, `document.documentElement.style.cssText`); v != "" {
		t.Errorf("document style = %q, want nothing set", v)
	}
}

func TestFrameAncestorsRestricts(t *testing.T) {
	srv := startServer(t, "-frame-ancestors", "'self'")
	host := hostPage(t, srv.URL, "only=django,flask", "")
	ctx := newTab(t, 1280, 900)
	must(t, chromedp.Do(ctx, chromedp.Navigate(host)))
	must(t, chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("#grid iframe"))))
	must(t, chromedp.Do(ctx, chromedp.Sleep(1500*time.Millisecond)))
	// A refused frame never runs the widget: no height message arrives.
	if h := frameHeight(t, ctx); h != 600 {
		t.Errorf("iframe height %.0f: the widget ran inside a host it should refuse", h)
	}
	res, _ := srv.get(t, "/")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") {
		t.Errorf("CSP = %q", csp)
	}
}

// watchCSPIn fails the test on CSP violations inside an attached frame.
func watchCSPIn(t *testing.T, frame context.Context) {
	t.Helper()
	csp := watchCSP(t, frame)
	t.Cleanup(func() {
		for _, v := range csp.list() {
			t.Errorf("Content-Security-Policy violation in the iframe: %s", v)
		}
	})
}

// The embedded copy works offline too, where the browser allows service
// workers in third-party frames (Chromium does, partitioned by top site).
// Offline, the host page cannot fetch embed.js from the widget's server
// either, so this host uses the plain <iframe> the README offers.
func TestEmbedOffline(t *testing.T) {
	srv := startServer(t)
	plain := fmt.Sprintf(`<iframe id="plain" title="Python and Ruby frameworks" style="width:100%%;height:700px;border:0" src="%s/?embed=1&amp;only=django,flask,rails"></iframe>`, srv.URL)
	host := hostPage(t, srv.URL, "only=express,koa", plain)
	ctx := newTab(t, 1280, 900)
	must(t, chromedp.Do(ctx, chromedp.Navigate(host)))
	frame := attachFrame(t, ctx, srv.URL+"/?embed=1&only=django")
	waitReady(t, frame)
	waitJS(t, frame, `navigator.serviceWorker.controller !== null`)
	srv.stop(t)
	must(t, chromedp.Do(ctx, chromedp.Reload()))
	frame = attachFrame(t, ctx, srv.URL+"/?embed=1&only=django")
	waitReady(t, frame)
	if got := rowIDs(t, frame); !sameSet(got, []string{"django", "flask", "rails"}) {
		t.Errorf("offline embed rows = %v", got)
	}
	typeInSearch(t, frame, "flask")
	waitJS(t, frame, `document.querySelectorAll("tbody tr").length === 1`)
}
