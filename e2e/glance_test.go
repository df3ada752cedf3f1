package e2e

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// fullyVisibleRows counts the grid rows that are entirely on screen: in the
// window and inside the table's scroll box.
func fullyVisibleRows(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `(() => {
		const wrap = document.querySelector(".bg-table-wrap").getBoundingClientRect();
		const top = Math.max(0, wrap.top), bottom = Math.min(innerHeight, wrap.bottom);
		return Array.from(document.querySelectorAll("table.bg-table tbody tr")).filter(tr => {
			const r = tr.getBoundingClientRect();
			return r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
		}).length;
	})()`)
}

// TestDefaultViewFitsTheScreen: at 1280×900 the default view shows all 11
// frameworks in full, with the header, the search and the tools above
// them, in both themes; the table stays under 500 elements.
func TestDefaultViewFitsTheScreen(t *testing.T) {
	srv := startServer(t)
	for _, theme := range []string{"light", "dark"} {
		ctx := newTab(t, 1280, 900)
		open(t, ctx, srv.URL+"/?theme="+theme)
		if n := fullyVisibleRows(t, ctx); n != 11 {
			t.Errorf("%s: %d of 11 rows fully visible at 1280×900", theme, n)
		}
		above := eval[bool](t, ctx, `(() => {
			const table = document.querySelector("table.bg-table").getBoundingClientRect().top;
			return ["h1", "#search", "#columns-toggle", "#download-csv"].every(s => document.querySelector(s).getBoundingClientRect().bottom <= table);
		})()`)
		if !above {
			t.Errorf("%s: the header, search and tools are not all above the grid", theme)
		}
		if eval[bool](t, ctx, `(() => { const w = document.querySelector(".bg-table-wrap"); return w.scrollWidth > w.clientWidth; })()`) {
			t.Errorf("%s: the default columns do not fit: the table scrolls sideways", theme)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("table.bg-table, table.bg-table *").length`); n > 500 {
			t.Errorf("%s: the table has %d elements, want at most 500", theme, n)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("table.bg-table details").length`); n != 0 {
			t.Errorf("%s: %d details elements in the table", theme, n)
		}
		screenshot(t, ctx, "glance-"+theme+"-1280")
	}
}

// TestNarrowScreenShowsFiveRows: at 375×812 five frameworks or more are in
// the first screen; the tools fold behind one menu; the name column stays
// when the table scrolls sideways; the page itself never does, from 320 px.
func TestNarrowScreenShowsFiveRows(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 375, 812)
	open(t, ctx, srv.URL+"/")
	if n := fullyVisibleRows(t, ctx); n < 5 {
		t.Errorf("%d rows fully visible at 375×812, want at least 5", n)
	}
	if eval[bool](t, ctx, `getComputedStyle(document.getElementById("tools-menu")).display !== "none"`) {
		t.Errorf("the tools are not behind their menu")
	}
	screenshot(t, ctx, "glance-375")
	click(t, ctx, "#tools-toggle")
	waitJS(t, ctx, `getComputedStyle(document.getElementById("tools-menu")).display !== "none"`)
	if eval[string](t, ctx, `document.getElementById("tools-toggle").getAttribute("aria-expanded")`) != "true" {
		t.Errorf("the tools menu's button does not say it is open")
	}
	if !eval[bool](t, ctx, `(() => { const r = document.getElementById("tools-menu").getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; })()`) {
		t.Errorf("the open tools menu is not inside the window")
	}
	screenshot(t, ctx, "glance-375-tools")
	click(t, ctx, "#tools-toggle")

	// The name column sticks while the table scrolls sideways.
	before := eval[float64](t, ctx, `document.querySelector("#row-django th").getBoundingClientRect().left`)
	eval[bool](t, ctx, `(() => { const w = document.querySelector(".bg-table-wrap"); w.scrollLeft = 300; return true; })()`)
	waitJS(t, ctx, `document.querySelector(".bg-table-wrap").scrollLeft > 0`)
	if after := eval[float64](t, ctx, `document.querySelector("#row-django th").getBoundingClientRect().left`); after != before {
		t.Errorf("the name column moved from %v to %v when the table scrolled", before, after)
	}

	for _, width := range []int64{320, 360, 414, 600, 768, 1024} {
		ctx := newTab(t, width, 800)
		open(t, ctx, srv.URL+"/")
		if eval[bool](t, ctx, `document.documentElement.scrollWidth > innerWidth`) {
			t.Errorf("%d px: the page scrolls sideways", width)
		}
	}
}

// TestDetailsPopoverWithTheKeyboard: a value's details open from the
// keyboard, say the full value, the note and the source (reachable by
// Tab), and close with Escape, the focus back on the value.
func TestDetailsPopoverWithTheKeyboard(t *testing.T) {
	srv := startServer(t)
	for _, theme := range []string{"light", "dark"} {
		ctx := newTab(t, 1280, 900)
		open(t, ctx, srv.URL+"/?theme="+theme)
		axeCheck(t, ctx, theme+" grid, details closed")
		// Keyboard only: focus the search, then Tab until the value of
		// ASP.NET Core's License (a value with a note).
		must(t, chromedp.Do(ctx, chromedp.Focus("#search")))
		target := `button.bg-cell[data-i="aspnet-core"][data-c="license"]`
		for i := 0; i < 80 && !eval[bool](t, ctx, `document.activeElement.matches('`+target+`')`); i++ {
			pressKey(t, ctx, "Tab", "Tab", 9)
		}
		if !eval[bool](t, ctx, `document.activeElement.matches('`+target+`')`) {
			t.Fatalf("%s: Tab never reached the license value", theme)
		}
		pressKey(t, ctx, "Enter", "Enter", 13)
		waitJS(t, ctx, `document.getElementById("cell-pop").matches(":popover-open")`)
		if id := eval[string](t, ctx, `document.activeElement.id`); id != "pop-title" {
			t.Errorf("%s: focus on %q after opening, want the details' heading", theme, id)
		}
		text := eval[string](t, ctx, `document.getElementById("cell-pop").innerText`)
		for _, want := range []string{"ASP.NET Core", "License", "MIT", "Relicensed from Apache-2.0", "Source:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the details lack %q: %q", theme, want, text)
			}
		}
		if eval[string](t, ctx, `document.querySelector('`+target+`').getAttribute("aria-expanded")`) != "true" {
			t.Errorf("%s: the value does not say its details are open", theme)
		}
		axeCheck(t, ctx, theme+" grid, details open")
		screenshot(t, ctx, "details-"+theme+"-1280")
		pressKey(t, ctx, "Tab", "Tab", 9)
		if !eval[bool](t, ctx, `document.activeElement.matches("#cell-pop .bg-pop-src a")`) {
			t.Errorf("%s: Tab from the heading reaches %q, want the source link", theme, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		if href := eval[string](t, ctx, `document.activeElement.href`); !strings.HasPrefix(href, "https://") {
			t.Errorf("%s: source link %q", theme, href)
		}
		pressKey(t, ctx, "Escape", "Escape", 27)
		waitJS(t, ctx, `!document.getElementById("cell-pop").matches(":popover-open")`)
		// The popover's toggle event, which the page follows, comes a task
		// after it closes.
		waitJS(t, ctx, `document.querySelector('`+target+`').getAttribute("aria-expanded") === "false"`)
		if !eval[bool](t, ctx, `document.activeElement.matches('`+target+`')`) {
			t.Errorf("%s: after Escape the focus is on %q, want the value", theme, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		if eval[string](t, ctx, `document.querySelector('`+target+`').getAttribute("aria-expanded")`) != "false" {
			t.Errorf("%s: the value still says its details are open", theme)
		}
		// A click on another value shows its details instead.
		click(t, ctx, `button.bg-cell[data-i="rails"][data-c="realtime"]`)
		waitJS(t, ctx, `document.getElementById("cell-pop").innerText.includes("Action Cable")`)
	}
}

// TestSupportWindows: each framework's window is drawn from today on one
// axis, with its end date in words, or says what the project publishes
// instead; sorting and Help me choose work on it; the comparison draws the
// compared frameworks' lines on one axis.
func TestSupportWindows(t *testing.T) {
	cat, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	col := cat.Column("security")
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/")
	tl := grid.NewTimeline(cat, col, time.Now())
	for _, it := range cat.Items {
		cell := it.Cells["security"]
		sel := `button.bg-cell[data-i="` + it.ID + `"][data-c="security"]`
		got := strings.TrimSuffix(strings.TrimSpace(eval[string](t, ctx, `document.querySelector('`+sel+`').textContent`)), "*")
		r, ok := cell.Longest()
		want := cell.Detail
		if ok {
			want = grid.ShortDate(r.Until)
			width := eval[float64](t, ctx, `parseFloat(document.querySelector('`+sel+` .bg-bar-fill').getAttribute("width"))`)
			if w := tl.Share(r.Until) * 100; width < w-0.1 || width > w+0.1 {
				t.Errorf("%s: bar %.1f, want %.1f", it.ID, width, w)
			}
		}
		if got != want {
			t.Errorf("%s: the window says %q, want %q", it.ID, got, want)
		}
	}
	// Longest first.
	click(t, ctx, "#sort-security")
	click(t, ctx, "#sort-security")
	waitState(t, ctx, "sort=-security")
	want := ids(grid.View(realIndex(t), grid.State{Sort: grid.SortKey{Column: "security", Desc: true}}).Rows)
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, want) {
		t.Errorf("by security fixes, longest first: %v, want %v", got, want)
	}
	// "Security fixes until after 2028" as a must-have.
	open(t, ctx, srv.URL+"/?need=security:>2028&unfit=hide")
	fits := grid.View(realIndex(t), grid.State{Need: []grid.Criterion{{Column: "security", Op: ">", Year: 2028}}, HideUnfit: true})
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, ids(fits.Rows)) || len(got) == 0 {
		t.Errorf("security fixes until after 2028: %v, want %v", got, ids(fits.Rows))
	}
	// The same from the builder: the releases column asks when it ends.
	open(t, ctx, srv.URL+"/")
	click(t, ctx, "#choose-toggle")
	selectOption(t, ctx, "crit-column", "security")
	waitJS(t, ctx, `document.getElementById("crit-op") !== null && document.querySelector('label[for="crit-op"]').textContent === "Ends"`)
	click(t, ctx, "#add-need")
	waitState(t, ctx, "need=security:%3E")
	// Side by side, on one axis.
	open(t, ctx, srv.URL+"/?compare=nodejs,django,flask")
	lines := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-windows .bg-windows-text, .bg-windows .bg-windows-none")).map(s => s.textContent)`)
	var wantLines []string
	for _, id := range []string{"nodejs", "django", "flask"} {
		cell := cat.Item(id).Cells["security"]
		if len(cell.Lines()) == 0 {
			wantLines = append(wantLines, cell.Detail)
		}
		for _, r := range cell.Lines() {
			wantLines = append(wantLines, r.Line+": until "+grid.HumanDate(r.Until))
		}
	}
	if !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("compared windows %q, want %q", lines, wantLines)
	}
	screenshot(t, ctx, "compare-windows-1280")
	axeCheck(t, ctx, "compared support windows")
}

// TestPrintKeepsNotesAndSources: on paper every value carries its source,
// and its note when it has one.
func TestPrintKeepsNotesAndSources(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/")
	emulatePrint(t, ctx)
	sel := `button.bg-cell[data-i="aspnet-core"][data-c="license"]`
	after := eval[string](t, ctx, `getComputedStyle(document.querySelector('`+sel+`'), "::after").content`)
	for _, want := range []string{"Note: ", "Relicensed from Apache-2.0", "Source: ", "https://"} {
		if !strings.Contains(after, want) {
			t.Errorf("printed value lacks %q: %s", want, after)
		}
	}
	plain := `button.bg-cell[data-i="django"][data-c="language"]`
	if after := eval[string](t, ctx, `getComputedStyle(document.querySelector('`+plain+`'), "::after").content`); !strings.Contains(after, "Source: ") || strings.Contains(after, "Note:") {
		t.Errorf("a value without a note prints %s", after)
	}
}
