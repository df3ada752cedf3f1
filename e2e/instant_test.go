package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"backendgrid/app/grid"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// When the wasm starts it adopts the prerendered page: the nodes the
// reader was using stay the same nodes, still in the document, and what
// the reader did with them (typed text, the focus, the selection, the
// scroll position, a value clicked open) survives the start.
func TestStartAdoptsThePrerenderedPage(t *testing.T) {
	srv := startServer(t)
	// Short enough for the page to scroll.
	ctx := newTab(t, 1024, 480)
	release := openHoldingWasm(t, ctx, srv.URL+"/?q=dj")
	waitJS(t, ctx, `document.querySelector("#row-django") !== null`)
	eval[bool](t, ctx, `(() => {
		window.before = {
			row: document.querySelector("#row-django"),
			cell: document.querySelector("#row-django td"),
			table: document.querySelector("table.bg-table"),
			search: document.getElementById("search"),
			groups: document.getElementById("filter-groups"),
			main: document.querySelector("main"),
		};
		return true;
	})()`)
	// The reader clicks a value (its details open when the wasm is
	// there), then goes back to the search box, selects part of the text
	// and scrolls.
	click(t, ctx, `button.bg-cell[data-i="django"][data-c="language"]`)
	click(t, ctx, "#search")
	eval[bool](t, ctx, `(() => { const s = document.getElementById("search"); s.setSelectionRange(1, 2); scrollTo(0, 120); return true; })()`)
	scrolled := eval[float64](t, ctx, `scrollY`)
	if scrolled == 0 {
		t.Fatalf("the page did not scroll: the test needs a page taller than the window")
	}
	if eval[bool](t, ctx, `window.backendgridBoot.ready`) {
		t.Fatalf("the wasm ran although its download was held")
	}

	release()
	waitReady(t, ctx)
	waitJS(t, ctx, `document.getElementById("cell-pop").matches(":popover-open")`)

	for _, name := range []string{"row", "cell", "table", "search", "groups", "main"} {
		if !eval[bool](t, ctx, `before.`+name+`.isConnected`) {
			t.Errorf("the prerendered %s left the document when the wasm started", name)
		}
	}
	for name, sel := range map[string]string{
		"row": `#row-django`, "cell": `#row-django td`, "table": `table.bg-table`,
		"search": `#search`, "groups": `#filter-groups`, "main": `main`,
	} {
		if !eval[bool](t, ctx, fmt.Sprintf(`before.%s === document.querySelector(%q)`, name, sel)) {
			t.Errorf("the %s on the page is not the prerendered node", name)
		}
	}
	if got := eval[float64](t, ctx, `scrollY`); got != scrolled {
		t.Errorf("scroll position %v after the start, want %v", got, scrolled)
	}
	if got := eval[string](t, ctx, `document.getElementById("search").value`); got != "dj" {
		t.Errorf("the search holds %q, want dj", got)
	}
	if got := eval[[]int](t, ctx, `[document.getElementById("search").selectionStart, document.getElementById("search").selectionEnd]`); !reflect.DeepEqual(got, []int{1, 2}) {
		t.Errorf("selection %v after the start, want [1 2]", got)
	}
	// The details opened took the focus (as any opened details do);
	// closing them gives it to the value.
	text := eval[string](t, ctx, `document.getElementById("cell-pop").innerText`)
	if want := "Python"; !strings.Contains(text, want) {
		t.Errorf("the details clicked before the start say %q, want %q in them", text, want)
	}
	screenshot(t, ctx, "instant-adopted-start")
}

// Keys do not close an open note: the popover stays open, and the value
// that opened it stays the same node, while typing narrows the rows.
func TestOpenNoteSurvivesKeys(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/")
	value := `button.bg-cell[data-i="django"][data-c="license"]`
	click(t, ctx, value)
	waitJS(t, ctx, `document.getElementById("cell-pop").matches(":popover-open")`)
	eval[bool](t, ctx, `(window.invoker = document.querySelector('`+value+`'), true)`)
	// The reader goes back to the search box (the popover stays: it only
	// closes on Escape or a click outside) and types.
	must(t, chromedp.Do(ctx, chromedp.Focus("#search")))
	ix := realIndex(t)
	typed := ""
	for _, key := range "djan" {
		typed += string(key)
		must(t, chromedp.Do(ctx, chromedp.KeyEvent(string(key))))
		waitRows(t, ctx, ids(grid.View(ix, grid.State{Query: typed}).Rows))
		if !eval[bool](t, ctx, `document.getElementById("cell-pop").matches(":popover-open")`) {
			t.Fatalf("after %q the note closed", typed)
		}
		if !eval[bool](t, ctx, `invoker.isConnected && invoker === document.querySelector('`+value+`')`) {
			t.Errorf("after %q the value that opened the note was replaced", typed)
		}
		if id := eval[string](t, ctx, `document.activeElement.id`); id != "search" {
			t.Errorf("after %q the focus is on %q", typed, id)
		}
	}
	screenshot(t, ctx, "instant-note-open-while-typing")
	pressKey(t, ctx, "Escape", "Escape", 27)
}

// waitRows waits until the grid shows these rows, in this order.
func waitRows(t *testing.T, ctx context.Context, want []string) {
	t.Helper()
	b, err := json.Marshal(want)
	must(t, err)
	waitJS(t, ctx, `JSON.stringify(Array.from(document.querySelectorAll("table.bg-table tbody tr")).map(tr => tr.id.replace(/^row-/, ""))) === `+fmt.Sprintf("%q", string(b)))
}

// keyRecord is what one key did to the grid, as a MutationObserver saw it.
type keyRecord struct {
	// Added and Removed are the nodes the key added to or removed from
	// the table body (by row id, "" for anything not a row).
	Added, Removed []string
	// Elsewhere lists nodes added or removed anywhere else in the grid,
	// by where: "thead", "caption", or the row they are in.
	Elsewhere []string
	// SameTable is true when the table, its head and its body are the
	// nodes they were before the key.
	SameTable bool
	// Changed lists the rows whose markup the key changed.
	Changed []string
}

// Each key adds and removes only the rows that enter and leave (and moves
// the fewest rows that put the rest in order); inside the rows it stays,
// only rows whose markup changed (a highlight) are touched at all.
func TestKeysReplaceOnlyTheRowsThatChange(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/")
	ix := realIndex(t)
	eval[bool](t, ctx, `(() => {
		const wrap = document.querySelector(".bg-table-wrap");
		window.keyLog = [];
		window.snapshot = () => {
			const rows = {};
			for (const tr of document.querySelectorAll("table.bg-table tbody tr")) rows[tr.id] = tr.outerHTML;
			const t = document.querySelector("table.bg-table");
			window.snap = {rows, table: t, head: t.tHead, body: t.tBodies[0], headHTML: t.tHead.innerHTML};
		};
		// The callback gets the records the browser delivers on its own;
		// takeRecords those not delivered yet.
		window.pending = [];
		window.observer = new MutationObserver((recs) => pending.push(...recs));
		observer.observe(wrap, {childList: true, subtree: true});
		window.collect = () => {
			const recs = pending.concat(observer.takeRecords());
			pending = [];
			const t = document.querySelector("table.bg-table");
			const out = {Added: [], Removed: [], Elsewhere: [], Changed: [],
				SameTable: t === snap.table && t.tHead === snap.head && t.tBodies[0] === snap.body};
			const rowOf = (n) => n.nodeType === 1 && n.tagName === "TR" ? n.id : "";
			for (const r of recs) {
				if (r.target === snap.body) {
					r.addedNodes.forEach(n => out.Added.push(rowOf(n)));
					r.removedNodes.forEach(n => out.Removed.push(rowOf(n)));
					continue;
				}
				const tr = r.target.closest ? r.target.closest("tr") : null;
				const where = tr && tr.parentNode === snap.body ? tr.id : (r.target.closest && r.target.closest("thead") ? "thead" : r.target.nodeName.toLowerCase());
				out.Elsewhere.push(where);
			}
			for (const tr of document.querySelectorAll("table.bg-table tbody tr")) {
				if (snap.rows[tr.id] !== undefined && snap.rows[tr.id] !== tr.outerHTML) out.Changed.push(tr.id);
			}
			if (t.tHead.innerHTML !== snap.headHTML) out.Changed.push("thead");
			return out;
		};
		snapshot();
		return true;
	})()`)
	must(t, chromedp.Do(ctx, chromedp.Focus("#search")))
	before := ids(grid.View(ix, grid.State{}).Rows)
	typed := ""
	// Narrow to one row, widen again, then another name: rows leave,
	// come back and reorder.
	keys := []string{"n", "e", "s", "t", kb.Backspace, kb.Backspace, kb.Backspace, kb.Backspace, "f", "l", "a"}
	for _, key := range keys {
		if key == kb.Backspace {
			typed = typed[:len(typed)-1]
		} else {
			typed += key
		}
		must(t, chromedp.Do(ctx, chromedp.KeyEvent(key)))
		after := ids(grid.View(ix, grid.State{Query: typed}).Rows)
		waitRows(t, ctx, after)
		rec := eval[keyRecord](t, ctx, `collect()`)
		checkKey(t, typed, before, after, rec)
		eval[bool](t, ctx, `(snapshot(), true)`)
		before = after
	}
}

// checkKey holds one key's mutations to what the rows before and after
// call for.
func checkKey(t *testing.T, typed string, before, after []string, rec keyRecord) {
	t.Helper()
	if !rec.SameTable {
		t.Errorf("%q: the table, its head or its body was replaced", typed)
	}
	was, is := map[string]int{}, map[string]bool{}
	for i, id := range before {
		was["row-"+id] = i
	}
	for _, id := range after {
		is["row-"+id] = true
	}
	added, removed := map[string]int{}, map[string]int{}
	for _, id := range rec.Added {
		if id == "" {
			t.Errorf("%q: a node that is not a row was added to the body", typed)
		}
		added[id]++
	}
	for _, id := range rec.Removed {
		if id == "" {
			t.Errorf("%q: a node that is not a row was removed from the body", typed)
		}
		removed[id]++
	}
	// Rows that stay and moved show as removed and added again; the
	// fewest moves that order them are the rows off a longest run in
	// their old order.
	var kept []int
	for _, id := range after {
		if i, ok := was["row-"+id]; ok {
			kept = append(kept, i)
		}
	}
	allowedMoves := len(kept) - longestIncreasing(kept)
	moves := 0
	for id := range added {
		_, wasThere := was[id]
		switch {
		case !is[id]:
			t.Errorf("%q: %s was added but is not a result", typed, id)
		case wasThere && removed[id] > 0:
			moves++
		case wasThere:
			t.Errorf("%q: %s was added although it was there", typed, id)
		}
	}
	for id := range removed {
		_, wasThere := was[id]
		if !wasThere {
			t.Errorf("%q: %s was removed although it was not there", typed, id)
		} else if is[id] && added[id] == 0 {
			t.Errorf("%q: %s was removed and not put back", typed, id)
		}
	}
	for id := range was {
		if !is[id] && removed[id] == 0 {
			t.Errorf("%q: %s left the results but not the table", typed, id)
		}
	}
	for id := range is {
		if _, wasThere := was[id]; !wasThere && added[id] == 0 {
			t.Errorf("%q: %s entered the results but not the table", typed, id)
		}
	}
	if moves > allowedMoves {
		t.Errorf("%q: %d rows moved, %d would do", typed, moves, allowedMoves)
	}
	changed := map[string]bool{}
	for _, id := range rec.Changed {
		changed[id] = true
	}
	for _, where := range rec.Elsewhere {
		if !changed[where] {
			t.Errorf("%q: nodes were replaced in %s, whose markup did not change", typed, where)
		}
	}
	t.Logf("%q: +%d -%d rows, %d moved, %d cells' rows redrawn", typed, len(rec.Added)-moves, len(rec.Removed)-moves, moves, len(rec.Changed))
}

// longestIncreasing is the length of a longest strictly increasing
// subsequence of s.
func longestIncreasing(s []int) int {
	var tails []int
	for _, v := range s {
		i := 0
		for i < len(tails) && tails[i] < v {
			i++
		}
		if i == len(tails) {
			tails = append(tails, v)
		} else {
			tails[i] = v
		}
	}
	return len(tails)
}

// A key moves neither the caret nor the page: typing in the middle of the
// query leaves the caret after the typed letter (the app never writes the
// box's value back), and the scroll position stays where the reader left
// it, unless the page has become too short to keep it.
func TestCaretAndScrollSurviveKeys(t *testing.T) {
	srv := startServer(t)
	// Short enough for the page to scroll.
	ctx := newTab(t, 1024, 480)
	open(t, ctx, srv.URL+"/?q=rals")
	ix := realIndex(t)
	// The reader scrolls down, then puts the caret after the "r" without
	// scrolling back to the box (a click on it would not scroll either).
	eval[bool](t, ctx, `(() => {
		scrollTo(0, 60);
		const s = document.getElementById("search");
		s.focus({preventScroll: true});
		s.setSelectionRange(1, 1);
		return true;
	})()`)
	type place struct {
		Value  string  `json:"value"`
		Start  int     `json:"start"`
		End    int     `json:"end"`
		Scroll float64 `json:"scroll"`
		MaxTop float64 `json:"maxTop"`
	}
	const where = `(() => { const s = document.getElementById("search"); return {value: s.value, start: s.selectionStart, end: s.selectionEnd, scroll: scrollY, maxTop: document.scrollingElement.scrollHeight - innerHeight}; })()`
	kept := 0
	for i, step := range []struct{ key, query string }{{"i", "rials"}, {"a", "riaals"}} {
		before := eval[place](t, ctx, where)
		if before.Scroll == 0 {
			t.Fatalf("the page is not scrolled before key %d: the test needs a page taller than the window", i)
		}
		must(t, chromedp.Do(ctx, chromedp.KeyEvent(step.key)))
		waitRows(t, ctx, ids(grid.View(ix, grid.State{Query: step.query}).Rows))
		// The address is written 300 ms after a key: wait for it, so
		// that what it does is seen too.
		waitJS(t, ctx, `new URLSearchParams(location.search).get("q") === `+fmt.Sprintf("%q", step.query))
		after := eval[place](t, ctx, where)
		if after.Value != step.query || after.Start != 2+i || after.End != 2+i {
			t.Errorf("after %q: the box holds %q with the caret at %d–%d, want %q with it at %d", step.key, after.Value, after.Start, after.End, step.query, 2+i)
		}
		want := before.Scroll
		if after.MaxTop < want {
			want = after.MaxTop
		} else {
			kept++
		}
		if after.Scroll != want {
			t.Errorf("after %q: scrolled to %v, want %v (the page can scroll to %v)", step.key, after.Scroll, want, after.MaxTop)
		}
	}
	if kept == 0 {
		t.Error("the page became too short to keep the scroll after every key: the test checked nothing")
	}
}
