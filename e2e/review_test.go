package e2e

import (
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

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

// A shared comparison link, closed and opened again, opens again (go-app
// ignores a navigation to the address it last navigated to).
func TestReopenComparisonFromALink(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?compare=django,flask")
	click(t, ctx, "#close-compare")
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") === null && document.getElementById("open-compare") !== null`)
	click(t, ctx, "#open-compare")
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") !== null`)
	must(t, chromedp.Do(ctx, chromedp.NavigateBack()))
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") === null`)
	must(t, chromedp.Do(ctx, chromedp.NavigateForward()))
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") !== null`)
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

// theme=auto in a link follows the system even over a remembered pick.
func TestThemeAutoBeatsTheRememberedPick(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	click(t, ctx, `label[for="theme-dark"]`)
	waitJS(t, ctx, `document.documentElement.dataset.theme === "dark"`)
	open(t, ctx, srv.URL+"/?theme=auto")
	if eval[bool](t, ctx, `document.documentElement.hasAttribute("data-theme")`) {
		t.Errorf("theme=auto shows %q", eval[string](t, ctx, `document.documentElement.dataset.theme`))
	}
}

// "Make nice-to-have" moves the criterion as it is now, not as it was.
func TestCriterionSwapUsesTheCurrentCriterion(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?need=orm:built-in")
	selectOption(t, ctx, "crit-column", "orm")
	selectOption(t, ctx, "crit-level", "official")
	waitJS(t, ctx, `!document.getElementById("add-need").disabled`)
	click(t, ctx, "#add-need")
	waitJS(t, ctx, `location.search.includes("need=orm:official")`)
	click(t, ctx, `#crit-orm button.bg-link-button`)
	waitJS(t, ctx, `location.search.includes("want=")`)
	if loc := eval[string](t, ctx, `location.search`); !strings.Contains(loc, "want=orm:official") {
		t.Errorf("after the swap: %s", loc)
	}
}
