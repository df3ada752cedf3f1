package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

func trayNames(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-tray-picks li span")).map(s => s.textContent)`)
}

func compareColumns(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-compare-table thead th.bg-compare-item .bg-name")).map(a => a.textContent.trim())`)
}

// pick ticks a framework's compare box and waits until the tray holds want
// picks: the tray's arrival moves the page, and a click sent meanwhile can
// land where a checkbox was.
// waitCompared waits for the side-by-side view and checks its columns.
func waitCompared(t *testing.T, ctx context.Context, want ...string) {
	t.Helper()
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") !== null`)
	if got := compareColumns(t, ctx); !reflect.DeepEqual(got, want) {
		t.Errorf("compared %v, want %v", got, want)
	}
}

func pick(t *testing.T, ctx context.Context, id string, want int) {
	t.Helper()
	click(t, ctx, "#pick-"+id)
	waitJS(t, ctx, fmt.Sprintf(`document.querySelectorAll(".bg-tray-picks li").length === %d`, want))
}

// click clicks like a mouse. go-app may replace a node between chromedp
// finding it and clicking it; that is retried, anything else fails.
func click(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	// Bring the target to the middle of the window first, as a reader
	// would: at the edges the sticky tray or header may be over it.
	sel, _ := json.Marshal(css)
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const el = document.querySelector(`+string(sel)+`); if (el) el.scrollIntoView({block: "center", inline: "nearest"}); })()`)))
	var err error
	for try := 0; try < 5; try++ {
		if err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(css))); err == nil || !strings.Contains(err.Error(), "node") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	must(t, err)
}

func TestComparePickOpenBackForward(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?language=Python,Ruby&sort=-released&cols=language,released,orm")
	typeInSearch(t, ctx, "a")
	pick(t, ctx, "django", 1)
	pick(t, ctx, "flask", 2)
	if got := trayNames(t, ctx); !reflect.DeepEqual(got, []string{"Django", "Flask"}) {
		t.Errorf("tray = %v", got)
	}
	if got := eval[string](t, ctx, `document.getElementById("tray-status").textContent`); !strings.Contains(got, "Flask added: 2 of 4") {
		t.Errorf("tray status = %q", got)
	}
	before := eval[int](t, ctx, `history.length`)
	gridURL := eval[string](t, ctx, `location.href`)

	click(t, ctx, "#open-compare")
	waitCompared(t, ctx, "Django", "Flask")
	if got := eval[int](t, ctx, `history.length`); got != before+1 {
		t.Errorf("history length %d, want %d (opening the comparison pushes an entry)", got, before+1)
	}
	if !strings.Contains(eval[string](t, ctx, `location.search`), "compare=django,flask") {
		t.Errorf("URL lacks compare=: %s", eval[string](t, ctx, `location.search`))
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "compare-heading" {
		t.Errorf("focus after opening is on %q, want the heading", id)
	}
	// Attribute rows with the schema's labels; differing rows say so in text.
	if got := eval[string](t, ctx, `document.querySelector("#attr-orm th").innerText`); !strings.Contains(got, "differs") {
		t.Errorf("ORM row header = %q, want it marked as differing", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("#attr-language th").innerText`); strings.Contains(got, "differs") {
		t.Errorf("Language row (Python for both) marked as differing: %q", got)
	}
	// Cells keep their sources and notes.
	if n := eval[int](t, ctx, `document.querySelectorAll(".bg-compare-table td button.bg-cell[data-src]").length`); n < 30 {
		t.Errorf("only %d values with their sources in the comparison", n)
	}
	screenshot(t, ctx, "compare-django-flask-1280")

	must(t, chromedp.Do(ctx, chromedp.NavigateBack()))
	waitJS(t, ctx, `document.querySelector("table.bg-table:not(.bg-compare-table)") !== null`)
	if got := eval[string](t, ctx, `location.href`); got != gridURL {
		t.Errorf("Back went to %s, want %s", got, gridURL)
	}
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "a" {
		t.Errorf("after Back the search holds %q", v)
	}
	if !eval[bool](t, ctx, `document.getElementById("pick-django").checked && document.getElementById("pick-flask").checked`) {
		t.Errorf("after Back the picks are lost")
	}
	if !eval[bool](t, ctx, `document.querySelector('input[name="language"][value="Ruby"]').checked`) {
		t.Errorf("after Back the facets are lost")
	}
	if eval[int](t, ctx, `document.querySelectorAll('th[aria-sort="descending"]').length`) != 1 {
		t.Errorf("after Back the sort is lost")
	}

	must(t, chromedp.Do(ctx, chromedp.NavigateForward()))
	waitCompared(t, ctx, "Django", "Flask")
}

func TestComparePickByKeyboard(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	for n, id := range []string{"pick-express", "pick-koa", "pick-nestjs"} {
		must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID(id))))
		pressKey(t, ctx, " ", "Space", 32)
		// The pick redraws the grid; the focus stays on the checkbox.
		waitJS(t, ctx, fmt.Sprintf(`document.querySelectorAll(".bg-tray-picks li").length === %d`, n+1))
		waitJS(t, ctx, fmt.Sprintf(`document.activeElement && document.activeElement.id === %q && document.activeElement.checked`, id))
	}
	// Space again un-picks.
	pressKey(t, ctx, " ", "Space", 32)
	waitJS(t, ctx, `document.querySelectorAll(".bg-tray-picks li").length === 2`)
	waitJS(t, ctx, `document.activeElement && document.activeElement.id === "pick-nestjs" && !document.activeElement.checked`)
	// Tab order: the last pick checkbox is followed, in the end, by the tray.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("open-compare"))))
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitCompared(t, ctx, "Express", "Koa")
	// Escape closes the comparison and returns focus to the tray's button.
	pressKey(t, ctx, "Escape", "Escape", 27)
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") === null && document.querySelector("table.bg-table") !== null`)
	waitJS(t, ctx, `document.activeElement && document.activeElement.id === "open-compare"`)
	if got := trayNames(t, ctx); !reflect.DeepEqual(got, []string{"Express", "Koa"}) {
		t.Errorf("tray after Escape = %v", got)
	}
	// Every control is reachable with Tab and shows a visible focus ring.
	ring := eval[string](t, ctx, `(() => { const b = document.getElementById("open-compare"); b.focus(); return getComputedStyle(b).outlineStyle; })()`)
	if ring == "none" {
		t.Errorf("the Compare button has no visible focus outline")
	}
}

func TestFifthPickIsRefused(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	for n, id := range []string{"django", "flask", "rails", "laravel"} {
		pick(t, ctx, id, n+1)
	}
	click(t, ctx, "#pick-koa")
	waitJS(t, ctx, `document.getElementById("tray-status").textContent.includes("up to 4")`)
	if eval[bool](t, ctx, `document.getElementById("pick-koa").checked`) {
		t.Errorf("the refused fifth checkbox stays ticked")
	}
	if n := len(trayNames(t, ctx)); n != 4 {
		t.Errorf("tray holds %d, want 4", n)
	}
	msg := eval[string](t, ctx, `document.getElementById("tray-status").textContent`)
	if !strings.Contains(msg, "remove one before adding Koa") {
		t.Errorf("refusal message = %q", msg)
	}
	// Removing one from the tray makes room.
	click(t, ctx, `.bg-tray-picks button[aria-label="Remove Ruby on Rails from the comparison"]`)
	// As a reader would, wait for the removal to show: the grid is
	// redrawn with it, and a click that straddles the redraw (press on
	// the old checkbox, release on the new one) is no click.
	waitState(t, ctx, "pick=django,flask,laravel")
	click(t, ctx, "#pick-koa")
	waitJS(t, ctx, `document.querySelectorAll(".bg-tray-picks li").length === 4 && document.getElementById("pick-koa").checked`)
	screenshot(t, ctx, "tray-four-picks-1280")
}

func TestCompareDeepLinkDiffAndRemove(t *testing.T) {
	srv := startServer(t)
	// The server prerenders the comparison.
	_, body := srv.get(t, "/?compare=express,koa,nope,express&diff=1")
	for _, want := range []string{`class="bg-table bg-compare-table"`, `Express and Koa side by side`, `unknown framework “nope”`} {
		if !strings.Contains(body, want) {
			t.Errorf("prerendered comparison lacks %q", want)
		}
	}

	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?compare=express,koa,nope,express&diff=1")
	if got := compareColumns(t, ctx); !reflect.DeepEqual(got, []string{"Express", "Koa"}) {
		t.Errorf("columns = %v (unknown dropped, duplicate deduped)", got)
	}
	if !eval[bool](t, ctx, `document.getElementById("only-diff").checked`) {
		t.Errorf("diff=1 did not tick Only differences")
	}
	// Express and Koa share license, language, runtime...: hidden rows.
	if eval[bool](t, ctx, `document.getElementById("attr-license") !== null`) {
		t.Errorf("identical License row shown with only differences")
	}
	shown := eval[int](t, ctx, `document.querySelectorAll(".bg-compare-table tbody tr").length`)
	click(t, ctx, "#only-diff")
	waitJS(t, ctx, `document.getElementById("attr-license") !== null`)
	if all := eval[int](t, ctx, `document.querySelectorAll(".bg-compare-table tbody tr").length`); all <= shown {
		t.Errorf("all rows %d <= differing rows %d", all, shown)
	}
	waitJS(t, ctx, `!location.search.includes("diff=1")`)

	// More than four are cut with a notice.
	open(t, ctx, srv.URL+"/?compare=django,flask,rails,laravel,express")
	if n := len(compareColumns(t, ctx)); n != 4 {
		t.Errorf("%d columns, want 4", n)
	}
	if !strings.Contains(eval[string](t, ctx, `document.querySelector(".bg-notices").innerText`), "Up to 4 frameworks") {
		t.Errorf("no notice for the fifth id")
	}

	// Removing down to one returns to the grid.
	click(t, ctx, `.bg-compare-head button[aria-label="Remove Django from the comparison"]`)
	waitJS(t, ctx, `document.querySelectorAll(".bg-compare-item").length === 3`)
	click(t, ctx, `.bg-compare-head button[aria-label="Remove Flask from the comparison"]`)
	waitJS(t, ctx, `document.querySelectorAll(".bg-compare-item").length === 2`)
	click(t, ctx, `.bg-compare-head button[aria-label="Remove Ruby on Rails from the comparison"]`)
	waitJS(t, ctx, `document.querySelector(".bg-compare-table") === null && document.querySelector("table.bg-table") !== null`)
	if got := trayNames(t, ctx); !reflect.DeepEqual(got, []string{"Laravel"}) {
		t.Errorf("tray after removals = %v, want [Laravel]", got)
	}
}

func TestCopyLink(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?compare=django,rails")
	// Record what the page hands to the Clipboard API.
	eval[bool](t, ctx, `(() => {
		const clip = navigator.clipboard;
		const orig = clip.writeText.bind(clip);
		clip.writeText = text => { window.copied = text; return orig(text); };
		return true; })()`)
	click(t, ctx, "#copy-link")
	waitJS(t, ctx, `document.getElementById("copy-link-status").textContent.startsWith("Link copied")`)
	if copied, here := eval[string](t, ctx, `window.copied`), eval[string](t, ctx, `location.href`); copied != here {
		t.Errorf("copied %q, want the address %q", copied, here)
	}

	// Where the Clipboard API is refused (an iframe without permission),
	// the selection fallback copies; when even that fails, the link is
	// shown selected for a manual copy.
	eval[bool](t, ctx, `(() => { Object.defineProperty(navigator, "clipboard", {value: {writeText: () => Promise.reject(new Error("denied"))}}); return true; })()`)
	click(t, ctx, "#copy-link")
	waitJS(t, ctx, `document.getElementById("copy-link-status").textContent.startsWith("Link copied")`)
	eval[bool](t, ctx, `(() => { document.execCommand = () => false; return true; })()`)
	click(t, ctx, "#copy-link")
	waitJS(t, ctx, `document.getElementById("copy-link-manual") !== null`)
	if got := eval[string](t, ctx, `document.getElementById("copy-link-manual").value`); got != eval[string](t, ctx, `location.href`) {
		t.Errorf("manual field holds %q", got)
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "copy-link-manual" {
		t.Errorf("the manual copy field is not focused (focus on %q)", id)
	}
}

func TestCompareNarrowScreen(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 375, 812)
	open(t, ctx, srv.URL+"/?compare=aspnet-core,spring-boot,nestjs")
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Errorf("the page scrolls horizontally at 375px")
	}
	got := eval[[]float64](t, ctx, `(() => {
		const wrap = document.querySelector(".bg-compare .bg-table-wrap");
		wrap.scrollLeft = 400;
		const w = wrap.getBoundingClientRect();
		const th = document.querySelector("#attr-orm th").getBoundingClientRect();
		return [wrap.scrollLeft, th.left - w.left];
	})()`)
	if got[0] < 100 {
		t.Errorf("the comparison does not scroll sideways: %v", got)
	}
	if got[1] < -1 || got[1] > 2 {
		t.Errorf("attribute column moved %.1fpx, want it sticky", got[1])
	}
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".bg-compare .bg-table-wrap").scrollLeft = 0`)))
	screenshot(t, ctx, "compare-375")
}

// TestPickKeepsTheGridAsItIs checks that ticking a row does not redraw the
// grid: a note the reader opened stays open, and the same checkbox element
// is still there.
func TestPickKeepsTheGridAsItIs(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?cols=language,released")
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.bgBox = document.getElementById("pick-express"); window.bgValue = document.querySelector('#row-express button.bg-cell')`)))
	click(t, ctx, "#pick-express")
	waitState(t, ctx, "pick=express")
	waitJS(t, ctx, `document.querySelectorAll(".bg-tray-picks li").length === 1`)
	if !eval[bool](t, ctx, `window.bgValue === document.querySelector('#row-express button.bg-cell') && window.bgValue.isConnected`) {
		t.Errorf("the row's values were redrawn when the row was picked")
	}
	if !eval[bool](t, ctx, `window.bgBox === document.getElementById("pick-express") && window.bgBox.checked`) {
		t.Errorf("the checkbox was replaced or is not ticked")
	}
	// A sort link opened in a new tab keeps the picks.
	if href := eval[string](t, ctx, `document.getElementById("sort-released").getAttribute("href")`); href != "?cols=language,released&pick=express&sort=released" {
		t.Errorf("sort link after a pick: href %q, want the pick in it", href)
	}
	// Picks from the address are ticked once the wasm runs, and are in
	// the sort links, also after a redraw of the table.
	open(t, ctx, srv.URL+"/?pick=koa,flask")
	waitJS(t, ctx, `document.getElementById("pick-koa").checked && document.getElementById("pick-flask").checked && !document.getElementById("pick-express").checked`)
	click(t, ctx, "#sort-license")
	waitState(t, ctx, "sort=license")
	waitJS(t, ctx, `document.getElementById("sort-name").getAttribute("href") === "?pick=koa,flask&sort=name" && document.getElementById("pick-koa").checked`)
	// Unpicking the last one takes the picks out of the links again.
	click(t, ctx, "#pick-koa")
	waitState(t, ctx, "pick=flask&sort=license")
	click(t, ctx, "#pick-flask")
	waitJS(t, ctx, `document.getElementById("sort-name").getAttribute("href") === "?sort=name" && !document.getElementById("pick-flask").checked`)
}

// On a highlighted ("differs") row the cells have the notes' yellow: the
// mark of a value with a note and the mark of a third-party value must
// still stand out, at 3:1 against the cell (WCAG 1.4.11), in both themes.
func TestPillsStandOutOnHighlightedRows(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	for _, theme := range []string{"light", "dark"} {
		open(t, ctx, srv.URL+"/?compare=django,flask&theme="+theme)
		type pill struct {
			Kind     string
			Row      string
			Contrast float64
		}
		pills := eval[[]pill](t, ctx, `(() => {
			// Colours as computed: rgb() or rgba(), anything else is an error
			// rather than a guess.
			const rgba = s => {
				const m = s.match(/^rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)$/);
				if (!m) throw new Error("unparsed colour " + s);
				return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
			};
			const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3])).concat(1);
			// What is painted behind an element: its background over its
			// ancestors' (white under the root).
			const behind = el => {
				const layers = [];
				for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
				return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
			};
			const lum = c => { const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
			const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
			const out = [];
			// The marks are the values' generated content: "*" after a
			// value with a note, a shape before a support level.
			for (const [sel, pseudo, kind] of [[".has-note", "::after", "note"], [".bg-lv-third-party", "::before", "third-party"]]) {
				for (const el of document.querySelectorAll(".bg-compare-table tr.bg-differs " + sel)) {
					const cell = behind(el.closest("td"));
					const mark = over(rgba(getComputedStyle(el, pseudo).color), behind(el));
					out.push({Kind: kind, Row: el.closest("tr").id, Contrast: ratio(mark, cell)});
				}
			}
			return out;
		})()`)
		kinds := map[string]int{}
		for _, p := range pills {
			kinds[p.Kind]++
			if p.Contrast < 3 {
				t.Errorf("%s theme: %s pill on row %s has an edge of %.2f:1 against its cell, want 3:1", theme, p.Kind, p.Row, p.Contrast)
			}
		}
		if kinds["note"] == 0 || kinds["third-party"] == 0 {
			t.Fatalf("%s theme: checked %v pills; Django and Flask differ on rows with notes and third-party badges", theme, kinds)
		}
		// The highlight stays under the mouse: hovering a row that
		// differs must not turn it into the hover grey.
		before := eval[string](t, ctx, `getComputedStyle(document.querySelector("#attr-orm td")).backgroundColor`)
		box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("#attr-orm td"); r.scrollIntoView({block: "center"}); const b = r.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })()`)
		_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: box[0], Y: box[1]})
		must(t, err)
		waitJS(t, ctx, `document.querySelector("#attr-orm").matches(":hover")`)
		if after := eval[string](t, ctx, `getComputedStyle(document.querySelector("#attr-orm td")).backgroundColor`); after != before {
			t.Errorf("%s theme: hovering a row that differs turns its cells from %s to %s", theme, before, after)
		}
		screenshot(t, ctx, "compare-pills-"+theme+"-1280")
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
