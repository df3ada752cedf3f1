package e2e

import (
	"context"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// typeInSearch types into the search box the way a user does, key by key.
func typeInSearch(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	var err error
	for try := 0; try < 5; try++ {
		if err = chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search"), text)); err == nil || !strings.Contains(err.Error(), "node") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	must(t, err)
}

// clearSearch empties the search box as a user selecting all and deleting would.
func clearSearch(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const s = document.getElementById("search"); s.value = ""; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	// Wait for the re-render: until then, values the old search had no
	// results for are still disabled.
	waitJS(t, ctx, `!new URLSearchParams(document.getElementById("results").dataset.state).has("q")`)
}

// pressKey sends one key press as a browser does: a keyDown that carries the
// text, so that preventDefault on keydown stops the character. (chromedp's
// KeyEvent sends the character as a separate event that nothing can cancel.)
func pressKey(t *testing.T, ctx context.Context, key, code string, keyCode int64) {
	t.Helper()
	text := key
	switch {
	case key == "Enter":
		text = "\r"
	case len([]rune(key)) > 1: // named keys: Escape, Tab, ArrowRight...
		text = ""
	}
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code, Text: text, UnmodifiedText: text, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
	if text == "" {
		down.Type = input.DispatchKeyEventTypeRawKeyDown
	}
	_, err := chromedp.Call(ctx, input.DispatchKeyEvent, down)
	must(t, err)
	up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: code, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
	_, err = chromedp.Call(ctx, input.DispatchKeyEvent, up)
	must(t, err)
}

func resultCount(t *testing.T, ctx context.Context) string {
	t.Helper()
	return strings.Join(strings.Fields(eval[string](t, ctx, `document.getElementById("result-count").innerText`)), " ")
}

// facetCount reads the live count shown next to a facet value.
func facetCount(t *testing.T, ctx context.Context, column, value string) string {
	t.Helper()
	return strings.TrimSpace(eval[string](t, ctx, `(() => {
		const input = document.querySelector('input[name="`+column+`"][value="`+value+`"]');
		const label = document.querySelector('label[for="' + input.id + '"] .bg-count');
		return Array.from(label.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join("");
	})()`))
}

func TestTypoSearchHighlightsAndRanks(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	if got := resultCount(t, ctx); got != "11 of 11 frameworks" {
		t.Errorf("initial count = %q", got)
	}

	typeInSearch(t, ctx, "rials")
	waitJS(t, ctx, `document.querySelector("tbody tr") && document.querySelector("tbody tr").id === "row-rails"`)
	name := eval[string](t, ctx, `document.querySelector("#row-rails th .bg-name").innerText`)
	if name != "Ruby on Rails" {
		t.Errorf("highlighted name reads %q, want %q (no stray spaces)", name, "Ruby on Rails")
	}
	marks := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#row-rails th mark")).map(m => m.textContent)`)
	if strings.Join(marks, "") == "" {
		t.Errorf("no <mark> in the Rails name cell")
	}
	if got := resultCount(t, ctx); !strings.Contains(got, "close matches") {
		t.Errorf("count %q should say typos were corrected", got)
	}
	screenshot(t, ctx, "search-rials-1280")

	for _, tt := range []struct{ query, first string }{
		{"sprng", "spring-boot"},
		{"aspnet", "aspnet-core"},
		{"nest", "nestjs"},
	} {
		clearSearch(t, ctx)
		typeInSearch(t, ctx, tt.query)
		waitJS(t, ctx, `document.querySelector("tbody tr") && document.querySelector("tbody tr").id === "row-`+tt.first+`"`)
	}

	// The highlighted text of every cell reads exactly like its plain text.
	bad := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-hl")).filter(el => {
		const plain = Array.from(el.childNodes).map(n => n.textContent).join("");
		return el.innerText !== plain;
	}).map(el => el.innerText)`)
	if len(bad) > 0 {
		t.Errorf("highlights with stray whitespace: %q", bad)
	}
}

func TestKeyboardSlashAndEscape(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	pressKey(t, ctx, "/", "Slash", 191)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "search" {
		t.Fatalf("after /, focus is on %q, want the search box", id)
	}
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("flask")))
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 1`)
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "flask" {
		t.Errorf("search value = %q, want flask (the / must not be typed)", v)
	}
	must(t, chromedp.Do(ctx, chromedp.KeyEvent("\x1b"))) // Escape
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 11`)
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "" {
		t.Errorf("after Escape the search holds %q", v)
	}
}

func TestFacetCountsFollowFilters(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)

	if got := facetCount(t, ctx, "language", "Python"); got != "2" {
		t.Errorf("Python count = %q, want 2", got)
	}
	before := facetCount(t, ctx, "kind", "Micro-framework")

	click(t, ctx, `input[name="language"][value="Python"]`)
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("2 of 11")`)
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, []string{"django", "flask"}) {
		t.Errorf("rows = %v, want [django flask]", got)
	}
	// Other facets now count within Python; the Python facet keeps its counts.
	if got := facetCount(t, ctx, "kind", "Micro-framework"); got != "1" || got == before {
		t.Errorf("Micro-framework count = %q (was %q), want 1", got, before)
	}
	if got := facetCount(t, ctx, "language", "Ruby"); got != "1" {
		t.Errorf("Ruby count = %q, want 1 (what ticking it would add)", got)
	}
	// A value with no results stays visible but disabled.
	disabled := eval[bool](t, ctx, `document.querySelector('input[name="kind"][value="Runtime"]').disabled`)
	if !disabled {
		t.Errorf("Runtime has no Python results: its checkbox should be disabled")
	}

	// OR within a facet.
	click(t, ctx, `input[name="language"][value="Ruby"]`)
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("3 of 11")`)

	// Clear one facet, then clear all.
	click(t, ctx, `button[aria-label="Clear Language filter"]`)
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("11 of 11")`)
	click(t, ctx, `input[name="typing"][value="Static"]`)
	waitJS(t, ctx, `!document.getElementById("result-count").innerText.startsWith("11 of 11")`)
	click(t, ctx, "#clear-all")
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("11 of 11")`)
}

func TestSortByColumn(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?cols=language,kind,released")
	years := func() []int {
		return eval[[]int](t, ctx, `Array.from(document.querySelectorAll("tbody tr td.bg-col-year .bg-cell")).map(e => parseInt(e.textContent, 10))`)
	}
	sorted := func(v []int, desc bool) bool {
		for i := 1; i < len(v); i++ {
			if (!desc && v[i] < v[i-1]) || (desc && v[i] > v[i-1]) {
				return false
			}
		}
		return len(v) == 11
	}
	header := `th a[href*="sort=released"], th a[href*="sort=-released"]`
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header))))
	waitJS(t, ctx, `document.querySelector('th[aria-sort="ascending"]') !== null`)
	if y := years(); !sorted(y, false) {
		t.Errorf("years not ascending: %v", y)
	}
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(header))))
	waitJS(t, ctx, `document.querySelector('th[aria-sort="descending"]') !== null`)
	if y := years(); !sorted(y, true) {
		t.Errorf("years not descending: %v", y)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("th[aria-sort]").length`); n != 1 {
		t.Errorf("%d headers carry aria-sort, want 1", n)
	}
	// By keyboard: Enter on the focused header sorts, and the focus stays
	// on it although the grid is redrawn.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("sort-name"))))
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `document.querySelector('th.bg-col-name[aria-sort="ascending"]') !== null`)
	waitJS(t, ctx, `document.activeElement && document.activeElement.id === "sort-name"`)
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `document.querySelector('th.bg-col-name[aria-sort="descending"]') !== null`)
	waitJS(t, ctx, `document.activeElement && document.activeElement.id === "sort-name"`)
	// Sorting replaced the URL (no new history entry).
	waitJS(t, ctx, `location.search.includes("sort=-name")`)
	if n := eval[int](t, ctx, `history.length`); n > 2 {
		t.Errorf("history grew to %d entries while sorting", n)
	}
}

func TestURLStateSurvivesReload(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	typeInSearch(t, ctx, "framework")
	click(t, ctx, `input[name="license"][value="MIT"]`)
	click(t, ctx, `th a[href*="sort=license"]`)
	waitJS(t, ctx, `location.search.includes("q=framework") && location.search.includes("license=MIT") && location.search.includes("sort=license")`)
	waitJS(t, ctx, `document.querySelector('th[aria-sort="ascending"]') !== null`)
	before := rowIDs(t, ctx)
	loc := eval[string](t, ctx, `location.href`)

	must(t, chromedp.Do(ctx, chromedp.Reload()))
	waitReady(t, ctx)
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, before) {
		t.Errorf("after reload rows = %v, want %v", got, before)
	}
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "framework" {
		t.Errorf("after reload search = %q", v)
	}
	if !eval[bool](t, ctx, `document.querySelector('input[name="license"][value="MIT"]').checked`) {
		t.Errorf("after reload MIT is not ticked")
	}

	// The same link in a fresh tab shows the same view.
	other := newTab(t, 1280, 900)
	open(t, other, loc)
	if got := rowIDs(t, other); !reflect.DeepEqual(got, before) {
		t.Errorf("shared link rows = %v, want %v", got, before)
	}
}

func TestBadParamsGiveNotices(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	q := url.Values{"q": {"<script>alert(1)</script>"}, "foo": {"1"}, "language": {"Cobol,Python"}, "sort": {"stars"}}
	open(t, ctx, srv.URL+"/?"+q.Encode())
	notices := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-notice span")).map(s => s.textContent)`)
	joined := strings.Join(notices, "\n")
	for _, want := range []string{"unknown parameter “foo”", "unknown Language value “Cobol”", "unknown column “stars”"} {
		if !strings.Contains(joined, want) {
			t.Errorf("notices %q lack %q", notices, want)
		}
	}
	// The hostile query is text: in the box and in the empty state, never markup.
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "<script>alert(1)</script>" {
		t.Errorf("search box = %q", v)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("script:not([src])").length`); n != 0 {
		t.Errorf("%d inline scripts in the page", n)
	}
	if !strings.Contains(eval[string](t, ctx, `document.querySelector(".bg-empty").innerText`), "<script>") {
		t.Errorf("the empty state should quote the search as text")
	}
	// The widget still works: the good value was applied, the bad params left the URL.
	waitJS(t, ctx, `!location.search.includes("foo") && !location.search.includes("Cobol")`)
	screenshot(t, ctx, "notices-1280")
	click(t, ctx, `.bg-notice button`)
	waitJS(t, ctx, `document.querySelectorAll(".bg-notice").length === `+strconv.Itoa(len(notices)-1))
	click(t, ctx, "#empty-clear-all")
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 11`)

	// An overlong query is cut with a notice.
	open(t, ctx, srv.URL+"/?q="+strings.Repeat("a", 300))
	if v := eval[int](t, ctx, `document.getElementById("search").value.length`); v != 200 {
		t.Errorf("search length = %d, want 200", v)
	}
	if !strings.Contains(eval[string](t, ctx, `document.querySelector(".bg-notices").innerText`), "cut to 200") {
		t.Errorf("no notice for the cut query")
	}
}

func TestEmptyState(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?language=Python&q=zzzz")
	text := eval[string](t, ctx, `document.querySelector(".bg-empty").innerText`)
	for _, want := range []string{"No frameworks match", "zzzz", "Language: Python"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty state %q lacks %q", text, want)
		}
	}
	click(t, ctx, "#empty-clear-search")
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 2`)
}

func TestScreenshots(t *testing.T) {
	srv := startServer(t)
	for _, tt := range []struct {
		name          string
		width, height int64
		path          string
	}{
		{"grid-1280", 1280, 900, "/"},
		{"grid-375", 375, 812, "/"},
		{"search-python-375", 375, 812, "/?q=python&sort=-released"},
	} {
		ctx := newTab(t, tt.width, tt.height)
		open(t, ctx, srv.URL+tt.path)
		// Give fonts and layout a moment to settle for a faithful picture.
		must(t, chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond)))
		if overflow := eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`); overflow {
			t.Errorf("%s: the page scrolls horizontally", tt.name)
		}
		screenshot(t, ctx, tt.name)
	}
}

// The header row stays at the top of the grid's box when it scrolls down,
// and the name column stays at its left when it scrolls sideways.
func TestStickyHeaderAndNameColumn(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 375, 480)
	// Long text columns: a table taller and wider than its box.
	open(t, ctx, srv.URL+"/?cols=language,pattern,concurrency,kind,steward")
	got := eval[[]float64](t, ctx, `(() => {
		const wrap = document.querySelector(".bg-table-wrap");
		wrap.scrollTop = 400;
		wrap.scrollLeft = 500;
		const w = wrap.getBoundingClientRect();
		const th = document.querySelector("thead th:nth-child(2)").getBoundingClientRect();
		const name = document.querySelector("tbody tr:nth-child(4) th").getBoundingClientRect();
		return [wrap.scrollTop, wrap.scrollLeft, th.top - w.top, name.left - w.left];
	})()`)
	if got[0] < 100 || got[1] < 100 {
		t.Fatalf("the grid did not scroll: %v", got)
	}
	if got[2] < -1 || got[2] > 2 {
		t.Errorf("header is %.1fpx from the top of the scrolled box, want ~0 (sticky)", got[2])
	}
	if got[3] < -1 || got[3] > 2 {
		t.Errorf("name column is %.1fpx from the left of the scrolled box, want ~0 (sticky)", got[3])
	}
	screenshot(t, ctx, "grid-scrolled-375")
}

// TestFacetKeyboardKeepsFocus checks that the filter panel, redrawn with
// every change, keeps a keyboard user's place: Space on a value leaves the
// focus on it, and a facet's Clear button hands it to the facet's first
// value when it goes away.
func TestFacetKeyboardKeepsFocus(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	id := eval[string](t, ctx, `document.querySelector('input[name="language"][value="Python"]').id`)
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID(id))))
	pressKey(t, ctx, " ", "Space", 32)
	waitState(t, ctx, "language=Python")
	waitJS(t, ctx, fmt.Sprintf(`document.activeElement && document.activeElement.id === %q && document.activeElement.checked`, id))
	// Tab reaches the Clear button after the facet's values; Enter clears.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("clear-language"))))
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `!(document.getElementById("results").dataset.state || "").includes("language=")`)
	waitJS(t, ctx, `document.activeElement && document.activeElement.id === "f-language-0"`)
}

// TestFacetCountsWhileTyping: while a query is typed, the counts that the
// filter panel shows, and which values are disabled, are what the server
// prerenders for the same address, whether the panel was redrawn or only
// its numbers were set (the browser keeps the panel's markup when only
// counts change).
func TestFacetCountsWhileTyping(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.bgGroups = document.getElementById("filter-groups")`)))
	kept := 0
	q := ""
	for _, step := range []string{"j", "a", "v", "a", "\b", "\b", "\b", "\b", "p", "y", "\b", "\b"} {
		if step == "\b" {
			q = q[:len(q)-1]
			must(t, chromedp.Do(ctx, chromedp.KeyEvent(kb.Backspace)))
		} else {
			q += step
			typeInSearch(t, ctx, step)
		}
		if q == "" {
			waitJS(t, ctx, `!location.search.includes("q=")`)
		} else {
			waitState(t, ctx, "q="+q)
		}
		// The address is written 300 ms after the render; by then the
		// counts are on screen.
		waitJS(t, ctx, `(new URLSearchParams(location.search).get("q") || "") === `+strconv.Quote(q))
		// Each value as count/disabled, live and as the server writes it.
		const read = `Array.from(doc.querySelectorAll("#filter-groups li")).map(li => li.querySelector(".bg-count").lastChild.textContent + (li.querySelector("input").disabled ? "/disabled" : ""))`
		got := eval[[]string](t, ctx, `(doc => `+read+`)(document)`)
		want, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`fetch(location.pathname + location.search).then(r => r.text()).then(h =>
			(doc => `+read+`)(new DOMParser().parseFromString(h, "text/html")))`, chromedp.EvalAwaitPromise))
		must(t, err)
		if len(want) == 0 {
			t.Fatalf("q=%q: the prerendered page has no counts", q)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("q=%q: counts %v, the server says %v", q, got, want)
		}
		if eval[bool](t, ctx, `(() => { const same = window.bgGroups === document.getElementById("filter-groups"); window.bgGroups = document.getElementById("filter-groups"); return same; })()`) {
			kept++
		}
	}
	if kept == 0 {
		t.Errorf("the panel was redrawn at every key: the counts-only path was not exercised")
	}
	t.Logf("panel kept at %d of 12 keys", kept)
}
