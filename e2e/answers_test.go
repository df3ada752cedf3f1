package e2e

import (
	"context"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// realIndex is the catalog the server shows, for expectations computed
// from it rather than written out.
func realIndex(t *testing.T) *grid.Index {
	t.Helper()
	cat, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := grid.Open(cat)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// searchFor types a query into a fresh page, as a reader does, and checks
// that the rows are those the catalog gives, in order; it returns the tab
// and the expected result.
func searchFor(t *testing.T, query string) (context.Context, grid.Result) {
	t.Helper()
	ix := realIndex(t)
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/")
	typeInSearch(t, ctx, query)
	waitState(t, ctx, "q="+url.QueryEscape(query))
	want := grid.View(ix, grid.State{Query: query})
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, ids(want.Rows)) {
		t.Errorf("rows %v, want %v", got, ids(want.Rows))
	}
	return ctx, want
}

// TestSearchAnswersWhichHasX walks the question a reader types: the
// support column comes first and is marked, each row says how it has it,
// and the rows rank as the catalog says.
func TestSearchAnswersWhichHasX(t *testing.T) {
	ctx, want := searchFor(t, "which have realtime")
	// The Real-time column is first after the name, and marked.
	heads := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.bg-table thead th")).map(th => th.innerText.trim())`)
	if len(heads) < 2 || heads[1] != "Real-time" {
		t.Errorf("headers %v, want Real-time right after the name", heads)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("table.bg-table tbody td.bg-asked").length`); n != len(want.Rows) {
		t.Errorf("%d marked cells, want one per row (%d)", n, len(want.Rows))
	}
	// Each row says why, in the catalog's words.
	got := eval[map[string][]string](t, ctx, `Object.fromEntries(Array.from(document.querySelectorAll("table.bg-table tbody tr")).map(tr =>
		[tr.id.replace(/^row-/, ""), Array.from(tr.querySelectorAll(".bg-why")).map(s => s.textContent)]))`)
	for _, r := range want.Rows {
		if w := grid.Why(r.Item, want.Asked); !reflect.DeepEqual(got[r.Item.ID], w) {
			t.Errorf("%s says %q, want %q", r.Item.ID, got[r.Item.ID], w)
		}
	}
	if first := got[want.Rows[0].Item.ID]; len(first) == 0 || !strings.HasPrefix(first[0], "Real-time: built in (") {
		t.Errorf("the first row says %q, want a built-in real-time line", first)
	}
	if s := eval[string](t, ctx, `document.querySelector(".bg-sorted").textContent`); !strings.Contains(s, "Real-time support, best first") {
		t.Errorf("sorted by %q", s)
	}
	screenshot(t, ctx, "search-which-have-realtime-1280")
	axeCheck(t, ctx, "a question about an attribute")
}

// TestSearchOffersTheFilter: "python orm" lists the Python frameworks by
// ORM support; its chips turn each attribute into a filter or a must-have,
// and the address shows it.
func TestSearchOffersTheFilter(t *testing.T) {
	ctx, want := searchFor(t, "python orm")
	chips := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-offers .bg-chip")).map(b => b.textContent)`)
	if !reflect.DeepEqual(chips, []string{"Filter: Language = Python", "Must-have: ORM / data layer, any support"}) {
		t.Fatalf("chips %q", chips)
	}
	screenshot(t, ctx, "search-python-orm-1280")
	axeCheck(t, ctx, "search chips")

	click(t, ctx, "#offer-language")
	waitState(t, ctx, "language=Python")
	if q := eval[string](t, ctx, `location.search`); !strings.Contains(q, "language=Python") || !strings.Contains(q, "q=orm") {
		t.Errorf("address %s, want the filter and the rest of the search", q)
	}
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "orm" {
		t.Errorf("search box holds %q, want orm", v)
	}
	if !eval[bool](t, ctx, `document.querySelector('input[name="language"][value="Python"]').checked`) {
		t.Errorf("the Python filter is not ticked")
	}
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, ids(want.Rows)) {
		t.Errorf("after the filter, rows %v, want %v", got, ids(want.Rows))
	}

	click(t, ctx, "#offer-orm")
	waitState(t, ctx, "need=orm:third-party")
	if q := eval[string](t, ctx, `location.search`); strings.Contains(q, "q=") || !strings.Contains(q, "need=orm:third-party") {
		t.Errorf("address %s, want the must-have and no search", q)
	}
	if !eval[bool](t, ctx, `document.getElementById("crit-orm") !== null`) {
		t.Errorf("Help me choose does not list the ORM criterion")
	}
}

// TestSearchSaysWhatIsMissing: a framework the catalog leaves out, and a
// language none of its frameworks uses, get a plain answer and no rows;
// the related frameworks are one click away.
func TestSearchSaysWhatIsMissing(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?q=fastapi")
	if n := eval[int](t, ctx, `document.querySelectorAll("table.bg-table tbody tr").length`); n != 0 {
		t.Errorf("%d rows for fastapi", n)
	}
	text := eval[string](t, ctx, `document.querySelector(".bg-empty").innerText`)
	for _, want := range []string{"FastAPI is not in this catalog.", "Frameworks with Language Python here: Django, Flask."} {
		if !strings.Contains(text, want) {
			t.Errorf("empty state %q lacks %q", text, want)
		}
	}
	screenshot(t, ctx, "search-fastapi-1280")
	axeCheck(t, ctx, "the empty state of a missing framework")
	click(t, ctx, "#related-0-0")
	waitState(t, ctx, "language=Python")
	if got := rowIDs(t, ctx); !sameSet(got, []string{"django", "flask"}) {
		t.Errorf("rows %v, want the Python frameworks", got)
	}
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != "" {
		t.Errorf("search box holds %q", v)
	}

	open(t, ctx, srv.URL+"/?q=go")
	if text := eval[string](t, ctx, `document.querySelector(".bg-empty").innerText`); !strings.Contains(text, "No framework here has Language Go.") {
		t.Errorf("empty state for go: %q", text)
	}
}

func ids(rows []grid.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Item.ID
	}
	return out
}
