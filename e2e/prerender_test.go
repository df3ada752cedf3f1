package e2e

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// The server prerenders the view for the URL: content is there before (and
// without) the wasm, and the loader does not cover it.
func TestPrerenderedBeforeWasm(t *testing.T) {
	srv := startServer(t)
	res, body := srv.get(t, "/?q=rials&language=Ruby")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`<table class="bg-table"`, `<caption`, `scope="row"`, `<mark>`, `Ruby on Rails`, `value="rials"`} {
		if !strings.Contains(body, want) {
			t.Errorf("prerendered page lacks %q", want)
		}
	}
	if strings.Contains(body, `checked="false"`) || strings.Contains(body, `disabled="false"`) {
		t.Errorf("prerender has boolean attributes set to false (read as true by HTML)")
	}

	// Hold the wasm download: the grid is already visible and usable, and
	// what the user types meanwhile survives the wasm's start.
	ctx := newTab(t, 1280, 900)
	release := openHoldingWasm(t, ctx, srv.URL)
	if n := len(rowIDs(t, ctx)); n != 11 {
		t.Fatalf("prerendered rows = %d, want 11", n)
	}
	// The topmost element in the middle of the table is the table, not a loader.
	if !eval[bool](t, ctx, `(() => { const r = document.querySelector("table").getBoundingClientRect();
		const el = document.elementFromPoint(r.left + 60, r.top + 80); return !!el && !!el.closest("table"); })()`) {
		t.Errorf("something covers the prerendered grid")
	}
	screenshot(t, ctx, "prerendered-before-wasm-1280")
	click(t, ctx, "#search")
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("djan")))
	click(t, ctx, `input[name="language"][value="Python"]`)
	click(t, ctx, "#search")
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("go")))
	if got := eval[bool](t, ctx, `window.backendgridBoot.ready`); got {
		t.Fatalf("the wasm ran although its download was held")
	}
	release()
	waitReady(t, ctx)
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "django" {
		t.Errorf("after the wasm started the search holds %q, want what was typed", v)
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "search" {
		t.Errorf("focus is on %q, want it back in the search box", id)
	}
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 1`)
	if !eval[bool](t, ctx, `document.querySelector('input[name="language"][value="Python"]').checked`) {
		t.Errorf("the Python tick made before the wasm started was lost")
	}
	// Typing goes on normally.
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("x")))
	waitJS(t, ctx, `document.getElementById("search").value === "djangox"`)
}

// openHoldingWasm opens url with the download of app.wasm held back, so the
// prerendered page can be used before the wasm starts; release lets it go.
func openHoldingWasm(t *testing.T, ctx context.Context, url string) (release func()) {
	t.Helper()
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}})
	must(t, err)
	must(t, chromedp.Do(ctx, chromedp.Navigate(url)))
	var held fetch.RequestID
	for ev, err := range paused {
		must(t, err)
		held = ev.RequestID
		break
	}
	return func() {
		t.Helper()
		_, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held})
		must(t, err)
	}
}

// Clicks on the prerendered page (a checkbox, a radio, the results) before
// the wasm starts must not kill it: it once restored a text caret on
// whatever had the focus, and a checkbox throws.
func TestEarlyClicksDoNotBreakTheApp(t *testing.T) {
	srv := startServer(t)
	for _, target := range []string{`input[name="typing"][value="Static"]`, "#theme-dark", "#result-count", "#pick-django"} {
		t.Run(target, func(t *testing.T) {
			ctx := newTab(t, 1280, 900)
			release := openHoldingWasm(t, ctx, srv.URL)
			click(t, ctx, target)
			release()
			waitReady(t, ctx)
			// Still alive: a search answers (Spring Boot is also Static).
			typeInSearch(t, ctx, "spring")
			waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 1`)
		})
	}
}

// /index.html is the page too, before and after the wasm starts.
func TestIndexHTMLIsThePage(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/index.html?q=rails")
	if got := rowIDs(t, ctx); len(got) == 0 || got[0] != "rails" {
		t.Errorf("rows %v", got)
	}
}

// With JavaScript off the page is readable and the form still filters
// through the server.
func TestWorksWithoutJavaScript(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	must(t, err)
	must(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL)))
	must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.bg-table"))))
	if n := len(rowIDs(t, ctx)); n != 11 {
		t.Fatalf("rows without JS = %d", n)
	}
	click(t, ctx, `input[name="language"][value="Ruby"]`)
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.bg-filters button[type="submit"]`)))
	must(t, err)
	must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.bg-table"))))
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, []string{"rails"}) {
		t.Errorf("after a plain submit rows = %v, want [rails]", got)
	}
	screenshot(t, ctx, "no-js-filtered-1280")
}

// Without JavaScript, a form submit keeps what the form has no field for.
func TestPlainSubmitKeepsTheView(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	must(t, err)
	must(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?only=express,koa,nestjs&theme=dark&need=orm:third-party&sort=-released")))
	must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("table.bg-table"))))
	click(t, ctx, `input[name="typing"][value="Static"]`)
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.bg-filters button[type="submit"]`)))
	must(t, err)
	loc := eval[string](t, ctx, `location.search`)
	for _, want := range []string{"only=express", "theme=dark", "need=orm", "sort=-released", "typing=Static"} {
		if !strings.Contains(loc, want) {
			t.Errorf("after the submit the address %q lacks %q", loc, want)
		}
	}
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, []string{"nestjs"}) {
		t.Errorf("rows %v, want [nestjs]", got)
	}
}
