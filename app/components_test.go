package ui

import (
	"backendgrid/app/grid"
	"backendgrid/data/fixture"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// mount renders a component in go-app's test engine.
func mount(t *testing.T, c app.Composer) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

func match(t *testing.T, expected app.UI, root app.UI, path ...int) {
	t.Helper()
	if err := app.Match(expected, root, path...); err != nil {
		t.Errorf("at %v: %v", path, err)
	}
}

func TestGridTableMarkup(t *testing.T) {
	cat := fixture.Small(t)
	ix := grid.NewIndex(cat)
	st := grid.State{Query: "alp", Sort: grid.SortKey{Column: "released", Desc: true}, Picks: []string{"alpha"}}
	res := grid.View(ix, st)
	g := &gridTable{Rows: res.Rows, Columns: res.Columns, State: st, Catalog: cat}
	mount(t, g)

	// The wrapper handles the table's controls by delegation.
	noop := func(app.Context, app.Event) {}
	match(t, app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "grid-caption").On("click", noop).On("change", noop), g, 0)
	root := parseTable(t, app.HTMLString(g))
	table := find(t, root, "table.bg-table")
	caption := find(t, table, "caption#grid-caption.bg-visually-hidden")
	if got, want := textOf(caption), "Test tools compared, sorted by First release, descending. Facts as of 2026-01-31; each value opens its details and source."; got != want {
		t.Errorf("caption %q, want %q", got, want)
	}
	// Header row: the name column, then the visible schema columns; the
	// sorted column, and only it, carries aria-sort.
	heads := findAll(table, "thead th")
	wantHeads := []string{"col bg-col-name ", "col bg-col-list ", "col bg-col-enum ", "col bg-col-support ", "col bg-col-year descending"}
	if len(heads) != len(wantHeads) {
		t.Fatalf("%d column headers, want %d", len(heads), len(wantHeads))
	}
	for i, th := range heads {
		if got := attr(th, "scope") + " " + attr(th, "class") + " " + attr(th, "aria-sort"); got != wantHeads[i] {
			t.Errorf("header %d is %q, want %q", i, got, wantHeads[i])
		}
	}
	// The next click on the sorted column goes ascending, as a real link
	// and for the delegated handler.
	sortLink := find(t, heads[4], "a.bg-sort#sort-released")
	if attr(sortLink, "href") != "?pick=alpha&q=alp&sort=released" || attr(sortLink, "data-sort") != "released" || attr(sortLink, "title") != "Sort by First release, ascending" {
		t.Errorf("sort link %v", attrs(sortLink))
	}
	// One row per match, its first cell a row header with the compare
	// checkbox (ticked: alpha is picked), its label and the name.
	row := find(t, table, "tbody tr#row-alpha")
	th := find(t, row, "th.bg-col-name")
	if attr(th, "scope") != "row" {
		t.Errorf("row header scope %q", attr(th, "scope"))
	}
	box := find(t, th, "input#pick-alpha.bg-pick")
	for k, v := range map[string]string{"type": "checkbox", "name": "pick", "value": "alpha", "form": FormID, "title": "Compare Alpha", "aria-label": "Compare Alpha", "checked": ""} {
		if a, ok := attrOK(box, k); !ok || a != v {
			t.Errorf("checkbox %s=%q (present %v), want %q", k, a, ok, v)
		}
	}
	name := find(t, th, "a.bg-name")
	if attr(name, "href") != "https://example.com/alpha" || attr(name, "target") != "_blank" || attr(name, "rel") != "noopener" || attr(name, "title") != "Alpha website (opens in a new tab)" {
		t.Errorf("name link %v", attrs(name))
	}
	if mark := find(t, name, "span.bg-hl mark"); textOf(mark) != "Alp" {
		t.Errorf("name highlight %q", textOf(mark))
	}
	if got := len(findAll(row, "td")); got != 4 {
		t.Errorf("%d cells, want 4", got)
	}
	// A value is one control that opens its details; the support mark is
	// a class (a shape in CSS) and a word.
	value := find(t, row, "td.bg-col-support button.bg-cell")
	for k, v := range map[string]string{"type": "button", "class": "bg-cell bg-lv bg-lv-built-in", "data-i": "alpha", "data-c": "orm",
		"aria-haspopup": "dialog", "data-src": "https://example.com/alpha"} {
		if a, ok := attrOK(value, k); !ok || a != v {
			t.Errorf("value %s=%q (present %v), want %q", k, a, ok, v)
		}
	}
	// The search found "alp" in the component's name, so the value shows
	// it, marked, instead of the short word.
	if textOf(value) != "AlphaORM" || textOf(find(t, value, "mark")) != "Alp" {
		t.Errorf("value %q", textOf(value))
	}
	if n := len(findAll(row, "details")); n != 0 {
		t.Errorf("%d details elements in a row", n)
	}
	// The details: the full value, the detail and the source.
	pop := parseTable(t, detailsHTML(cat, cat.Item("alpha"), cat.Column("orm"), grid.Timeline{}))
	if got := textOf(find(t, pop, "h2#pop-title")); got != "AlphaORM" {
		t.Errorf("details title %q", got)
	}
	if got := textOf(find(t, pop, "p.bg-pop-value")); got != "Built in AlphaORM" {
		t.Errorf("details value %q", got)
	}
	if a := find(t, pop, "p.bg-pop-src a"); attr(a, "href") != "https://example.com/alpha" || attr(a, "target") != "_blank" {
		t.Errorf("details source %v", attrs(a))
	}
}

// TestGridTableEscapes checks that text from the catalog and the address
// cannot write markup into the table.
func TestGridTableEscapes(t *testing.T) {
	cat := fixture.Small(t)
	evil := `"><img src=x onerror=alert(1)>`
	it := cat.Item("alpha")
	saved := it.Name
	it.Name = "Alpha" + evil
	defer func() { it.Name = saved }()
	st := grid.State{Query: "alpha " + evil}
	res := grid.View(grid.NewIndex(cat), grid.State{})
	g := &gridTable{Rows: res.Rows, Columns: res.Columns, State: st, Catalog: cat}
	root := parseTable(t, g.html(true))
	if imgs := findAll(root, "img"); len(imgs) > 0 {
		t.Fatalf("the table holds %d injected elements", len(imgs))
	}
	if box := find(t, root, "input#pick-alpha"); attr(box, "title") != "Compare Alpha"+evil {
		t.Errorf("title %q", attr(box, "title"))
	}
}

func TestGridTableShowsNotesAndHiddenMatches(t *testing.T) {
	cat := fixture.Small(t)
	st := grid.State{Query: "hopper"}
	res := grid.View(grid.NewIndex(cat), st)
	g := &gridTable{Rows: res.Rows, Columns: res.Columns, State: st, Catalog: cat}
	mount(t, g)
	html := app.HTMLString(g)
	for _, want := range []string{
		`Creator: Grace <mark>Hopper</mark>`, // the creator column is hidden by default
		`A runtime, not a framework.`,        // Beta's kind note
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestFacetPanelMarkup(t *testing.T) {
	cat := fixture.Small(t)
	st := grid.State{Filters: map[string][]string{"language": {"Python"}}}
	res := grid.View(grid.NewIndex(cat), st)
	f := &facetPanel{Facets: res.Facets, Filtered: true}
	mount(t, f)

	noop := func(app.Context, app.Event) {}
	match(t, app.Elem("aside").Class("bg-filters").Aria("labelledby", "filters-heading").TabIndex(0).On("change", noop).On("click", noop), f, 0)
	match(t, app.Elem("span").Class("bg-filters-title"), f, 0, 0, 0, 0)
	match(t, app.Text("Filters (1)"), f, 0, 0, 0, 0, 0)
	groups := find(t, parseTable(t, f.groupsHTML(true)), "div#filter-groups.bg-filter-groups")
	set := find(t, groups, "fieldset.bg-facet")
	if attr(set, "aria-describedby") != "facet-language-desc" || textOf(find(t, set, "p#facet-language-desc")) == "" {
		t.Errorf("fieldset %v lacks its description", attrs(set))
	}
	if got := textOf(find(t, set, "legend#facet-language")); got != "Language1 selected" {
		t.Errorf("legend %q", got)
	}
	python := find(t, set, "li.bg-facet-value input#f-language-2")
	for k, v := range map[string]string{"type": "checkbox", "name": "language", "value": "Python", "form": FormID, "checked": ""} {
		if a, ok := attrOK(python, k); !ok || a != v {
			t.Errorf("Python checkbox %s=%q (present %v), want %q", k, a, ok, v)
		}
	}
	if label := find(t, set, "label"); attr(label, "for") != "f-language-0" {
		t.Errorf("first label for=%q", attr(label, "for"))
	}
	if clear := find(t, set, "button#clear-language"); attr(clear, "data-clear") != "language" || attr(clear, "type") != "button" {
		t.Errorf("clear button %v", attrs(clear))
	}
	if n := len(findAll(groups, "fieldset")); n != len(res.Facets) {
		t.Errorf("%d fieldsets, want %d", n, len(res.Facets))
	}

	html := app.HTMLString(f)
	for _, want := range []string{
		`aria-label="Clear Language filter"`,
		`id="clear-all"`,
		`<span class="bg-facet-label">Official add-on</span>`,
		`aria-expanded="false"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("panel HTML lacks %s", want)
		}
	}
	// Zero-count values are disabled; the server never writes ="false".
	if strings.Contains(html, `checked="false"`) || strings.Contains(html, `disabled="false"`) {
		t.Errorf("boolean attributes written as false:\n%s", html)
	}
	if !hasTag(html, `value="Runtime"`, ` disabled`) {
		t.Errorf("zero-count values should be disabled")
	}
}

func TestSearchBoxMarkup(t *testing.T) {
	b := &searchBox{Query: "rails", Keep: keptParams(fixture.Small(t), grid.State{Sort: grid.SortKey{Column: "released", Desc: true}, Query: "x", Embed: true}), Label: "Search tools"}
	mount(t, b)
	match(t, app.Elem("form").ID(FormID).Class("bg-search").Role("search").Attr("method", "get").On("submit", func(app.Context, app.Event) {}), b, 0)
	match(t, app.Elem("label").Attr("for", SearchID), b, 0, 0)
	match(t, app.Text("Search tools"), b, 0, 0, 0)
	html := app.HTMLString(b)
	for _, want := range []string{`type="search"`, `value="rails"`, `name="q"`, `maxlength="200"`, `name="sort" value="-released"`, `name="embed" value="1"`} {
		if !strings.Contains(html, want) {
			t.Errorf("search box HTML lacks %s:\n%s", want, html)
		}
	}

	// The prerendered value is escaped as HTML: go-app's attribute encoder
	// would let a quote in the query end the attribute.
	hostile := &searchBox{Query: `x" autofocus onfocus="alert(1)`, Label: "Search"}
	mount(t, hostile)
	html = app.HTMLString(hostile)
	if !strings.Contains(html, `value="x&#34; autofocus onfocus=&#34;alert(1)"`) {
		t.Errorf("hostile query not escaped:\n%s", html)
	}
}

func TestResultSummaryAndNotices(t *testing.T) {
	cat := fixture.Small(t)
	r := &resultSummary{Shown: 2, Total: 3, Noun: cat.Noun, Corrected: []string{"alhpa"}, SortedBy: "name"}
	mount(t, r)
	match(t, app.P().ID("result-count").Role("status").Aria("live", "polite"), r, 0, 0)
	match(t, app.Text(2), r, 0, 0, 0, 0)
	match(t, app.Text(" of 3 tools"), r, 0, 0, 1)
	if html := app.HTMLString(r); !strings.Contains(html, "no exact match for “alhpa”") || !strings.Contains(html, "Sorted by name.") {
		t.Errorf("summary HTML: %s", html)
	}

	n := &noticeList{Notices: []grid.Notice{{Param: "foo", Message: "Ignored the unknown parameter “foo”."}}}
	mount(t, n)
	match(t, app.Div().Class("bg-notices").Role("status").Aria("live", "polite"), n, 0)
	match(t, app.Elem("li").Class("bg-notice"), n, 0, 0, 0)
	match(t, app.Text("Ignored the unknown parameter “foo”."), n, 0, 0, 0, 0, 0)
}

func TestEmptyStateMarkup(t *testing.T) {
	cat := fixture.Small(t)
	st := grid.State{Query: "zzz", Filters: map[string][]string{"language": {"Go", "C"}}}
	e := &emptyState{Query: st.Query, Filters: filterSummary(grid.View(grid.NewIndex(cat), st).Facets), Noun: cat.Noun}
	mount(t, e)
	match(t, app.Elem("h2"), e, 0, 0)
	match(t, app.Text("No tools match"), e, 0, 0, 0)
	match(t, app.Text("Nothing matches the search “zzz” together with the filters Language: C or Go."), e, 0, 1, 0)
	html := app.HTMLString(e)
	if !strings.Contains(html, `id="empty-clear-search"`) || !strings.Contains(html, `id="empty-clear-all"`) {
		t.Errorf("empty state lacks its buttons: %s", html)
	}
}

// pageAt renders the page of an address of the small catalog.
func pageAt(t *testing.T, address string) string {
	t.Helper()
	p := &Page{Index: grid.NewIndex(fixture.Small(t))}
	u, err := url.Parse(address)
	if err != nil {
		t.Fatal(err)
	}
	p.load(u)
	mount(t, p)
	return app.HTMLString(p)
}

func TestPageRendersTheURLState(t *testing.T) {
	cat := fixture.Small(t)
	html := pageAt(t, "/?q=alp&bogus=1")
	for _, want := range []string{`id="row-alpha"`, `<mark>Alp</mark>`, `Ignored the unknown parameter “bogus”.`, `value="alp"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page HTML lacks %s", want)
		}
	}
	if strings.Contains(html, `id="row-beta"`) {
		t.Errorf("beta does not match alp but is rendered")
	}

	// Without a URL the page shows everything (no empty first paint).
	p2 := &Page{Index: grid.NewIndex(cat)}
	mount(t, p2)
	if html := app.HTMLString(p2); strings.Count(html, `<tr id="row-`) != 3 {
		t.Errorf("default page should list all 3 rows")
	}
}

func TestCompareViewMarkup(t *testing.T) {
	cat := fixture.Small(t)
	st := grid.State{Picks: []string{"alpha", "gamma"}, Compare: []string{"alpha", "gamma"}, Diff: true}
	v := &compareView{Comparison: grid.Compare(cat, st), Diff: true, Catalog: cat, GridHref: st.CloseCompare().Href()}
	mount(t, v)
	match(t, app.Elem("section").Class("bg-compare").Aria("labelledby", "compare-heading"), v, 0)
	match(t, app.Elem("h2").ID("compare-heading").TabIndex(-1), v, 0, 0, 1)
	match(t, app.Text("Alpha and Gamma side by side"), v, 0, 0, 1, 0)
	match(t, app.Text("3 of 6 attributes differ. 3 identical attributes are hidden."), v, 0, 1, 0)
	// Transposed: items are column headers, attributes are row headers.
	noop := func(app.Context, app.Event) {}
	match(t, app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "compare-caption").On("click", noop), v, 0, 3)
	table := find(t, parseTable(t, v.html()), "table.bg-table.bg-compare-table")
	if got := textOf(find(t, table, "caption#compare-caption")); !strings.HasPrefix(got, "Alpha and Gamma compared attribute by attribute.") {
		t.Errorf("caption %q", got)
	}
	heads := findAll(table, "thead th")
	if len(heads) != 3 || attr(heads[0], "class") != "bg-col-name" || attr(heads[1], "class") != "bg-compare-item" || attr(heads[1], "scope") != "col" {
		t.Fatalf("column headers %d: %v %v", len(heads), attrs(heads[0]), attrs(heads[1]))
	}
	if remove := find(t, heads[2], "button.bg-remove"); attr(remove, "data-id") != "gamma" || attr(remove, "type") != "button" {
		t.Errorf("remove button %v", attrs(remove))
	}
	row := find(t, table, "tbody tr#attr-language.bg-differs")
	if th := find(t, row, "th.bg-col-name"); attr(th, "scope") != "row" || textOf(find(t, th, "span.bg-differs-badge")) != "differs" {
		t.Errorf("row header %v", attrs(th))
	}
	if n := len(findAll(row, "td")); n != 2 {
		t.Errorf("%d cells in a row, want 2", n)
	}

	html := app.HTMLString(v)
	for _, want := range []string{
		`aria-label="Remove Gamma from the comparison"`,
		`href="?pick=alpha,gamma"`, // back to the grid keeps the picks
		`data-i="gamma" data-c="orm" aria-haspopup="dialog" data-src="https://example.com/gamma"`,
		`id="copy-link"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("compare HTML lacks %s", want)
		}
	}
	if !hasTag(html, `id="only-diff"`, ` checked`) {
		t.Errorf("Only differences is not ticked")
	}
	if strings.Contains(html, `id="attr-kind"`) {
		t.Errorf("identical row kind shown with only differences on")
	}
}

func TestCompareTrayMarkup(t *testing.T) {
	cat := fixture.Small(t)
	one := &compareTray{Picks: cat.ItemsOf([]string{"beta"}), Noun: cat.Noun, CompareHref: "?compare=beta"}
	mount(t, one)
	html := app.HTMLString(one)
	if !hasTag(html, `id="open-compare"`, ` disabled`) {
		t.Errorf("with one pick the Compare button must be disabled: %s", html)
	}
	if !strings.Contains(html, "Compare (1)") || !strings.Contains(html, `aria-label="Remove Beta from the comparison"`) {
		t.Errorf("tray HTML: %s", html)
	}

	two := &compareTray{Picks: cat.ItemsOf([]string{"beta", "alpha"}), Noun: cat.Noun, CompareHref: "?compare=beta,alpha", Message: "Alpha added: 2 of 4 picked."}
	mount(t, two)
	match(t, app.Elem("section").Class("bg-tray has-picks").ID("compare-tray").Aria("labelledby", "tray-heading"), two, 0)
	match(t, app.Elem("a").ID("open-compare").Class("bg-button").Attr("href", "?compare=beta,alpha").On("click", func(app.Context, app.Event) {}), two, 0, 2)
	match(t, app.Text("Compare (2)"), two, 0, 2, 0)
	match(t, app.P().ID("tray-status").Class("bg-tray-status").Role("status").Aria("live", "polite"), two, 0, 3)
	match(t, app.Text("Alpha added: 2 of 4 picked."), two, 0, 3, 0)
}

func TestPageRendersCompareFromURL(t *testing.T) {
	html := pageAt(t, "/?compare=alpha,beta&q=x")
	if !strings.Contains(html, `class="bg-compare"`) || strings.Contains(html, `class="bg-table-wrap" tabindex="0" role="region" aria-labelledby="grid-caption"`) {
		t.Errorf("compare= should prerender the side-by-side view, not the grid")
	}
}

// hasTag reports whether one start tag in html holds every fragment; go-app
// writes attributes in map order, so a whole-tag comparison would be flaky.
func hasTag(html string, fragments ...string) bool {
	for _, tag := range strings.SplitAfter(html, ">") {
		if i := strings.LastIndex(tag, "<"); i >= 0 {
			tag = tag[i:]
		}
		all := true
		for _, f := range fragments {
			if !strings.Contains(tag, f) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// TestPageShowsALongResultAPageAtATime checks that a big catalog renders
// its first page of rows with a button for the next, while the summary
// and the counts cover every row.
func TestPageShowsALongResultAPageAtATime(t *testing.T) {
	cat := fixture.Synthetic(t, rowsPerPage*2+7, 5)
	ix := grid.NewIndex(cat)
	p := &Page{Index: ix}
	mount(t, p)
	html := app.HTMLString(p)
	if got := strings.Count(html, `<tr id="row-`); got != rowsPerPage {
		t.Errorf("%d rows drawn, want %d", got, rowsPerPage)
	}
	total := len(cat.Items)
	if want := fmt.Sprintf("Show %d more (%d of %d shown)", rowsPerPage, rowsPerPage, total); !strings.Contains(html, want) {
		t.Errorf("page lacks %q", want)
	}
	more := &Page{Index: ix, local: local{rows: 2 * rowsPerPage}}
	mount(t, more)
	html = app.HTMLString(more)
	if got := strings.Count(html, `<tr id="row-`); got != 2*rowsPerPage {
		t.Errorf("after one more page: %d rows drawn, want %d", got, 2*rowsPerPage)
	}
	if want := fmt.Sprintf("Show 7 more (%d of %d shown)", 2*rowsPerPage, total); !strings.Contains(html, want) {
		t.Errorf("page lacks %q", want)
	}
	// A new search starts again at the first page.
	p.show(p.view.state.WithQuery("ka"))
	if p.limit() != rowsPerPage {
		t.Errorf("a new query keeps %d rows shown", p.limit())
	}
}

// TestSearchOffersMarkup: each understood attribute is a chip with its
// label; nothing is drawn without one.
func TestSearchOffersMarkup(t *testing.T) {
	ix := grid.NewIndex(fixture.Small(t))
	res := grid.View(ix, grid.State{Query: "python orm"})
	o := &searchOffers{Asked: res.Asked, Catalog: ix.Catalog}
	mount(t, o)
	match(t, app.Div().ID("search-offers").Class("bg-offers"), o, 0)
	html := app.HTMLString(o)
	for _, want := range []string{`id="offer-language"`, `Filter: Language = Python`, `id="offer-orm"`, `Must-have: ORM, any support`} {
		if !strings.Contains(html, want) {
			t.Errorf("offers lack %s: %s", want, html)
		}
	}
	empty := &searchOffers{Catalog: ix.Catalog}
	mount(t, empty)
	if strings.Contains(app.HTMLString(empty), "bg-chip") {
		t.Errorf("chips without anything understood")
	}
}

// TestEmptyStateSaysWhatIsMissing: a value no item has is named plainly.
func TestEmptyStateSaysWhatIsMissing(t *testing.T) {
	cat := fixture.Small(t)
	cat.Column("language").OtherValues = []string{"Rust"}
	ix := grid.NewIndex(cat)
	res := grid.View(ix, grid.State{Query: "rust"})
	e := &emptyState{Query: "rust", Noun: cat.Noun, Absent: absentNotes(cat, res.Absent), Catalog: cat}
	mount(t, e)
	if html := app.HTMLString(e); !strings.Contains(html, "No tool here has Language Rust.") {
		t.Errorf("empty state: %s", html)
	}
}

// Under a row's name, what else matched is said only when the name does
// not explain the row: "djan" shows Django alone, "mvc" (a word of notes
// and text columns) says where each row has it.
func TestWhereElseMatched(t *testing.T) {
	cat := fixture.Real(t)
	ix := grid.NewIndex(cat)
	also := func(q string) map[string]string {
		st := grid.State{Query: q}
		res := grid.View(ix, st)
		g := &gridTable{Rows: res.Rows, Columns: res.Columns, State: st, Catalog: cat}
		got := map[string]string{}
		for _, tr := range findAll(parseTable(t, g.html(false)), "tbody tr") {
			id, _ := tr.Attr("id")
			got[id] = tr.Find("th .bg-also").Text()
		}
		return got
	}
	for id, text := range also("djan") {
		if text != "" {
			t.Errorf("djan: %s says %q although its name matched", id, text)
		}
	}
	said := 0
	for _, text := range also("mvc") {
		if text != "" {
			said++
		}
	}
	if said == 0 {
		t.Error("mvc: no row says where it matched")
	}
	if got := also("RoR")["row-rails"]; !strings.Contains(got, "RoR") {
		t.Errorf("RoR: the Rails row says %q, want the alias that matched", got)
	}
}
