package ui

import (
	"backendgrid/app/grid"
	"html"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// gridTable is the comparison grid: one row per matching item, one column
// per visible schema column, the item name as the row header.
//
// The table is escaped HTML, not a tree of go-app elements: thousands of
// calls through syscall/js would be most of a key's time. go-app renders it
// once; then sync keeps it row by row (dom-rows.go): a key adds and removes
// the rows that enter and leave, moves the rows that move, and redraws the
// cells whose highlights changed, and nothing else. Its controls (sort
// links, compare checkboxes, values) are handled by delegation on the
// wrapper.
type gridTable struct {
	app.Compo

	// Rows are the rows to draw: the result's first page or pages, not
	// all of it (go-app compares the fields on every update).
	Rows []grid.Row
	// Columns are the visible columns, in order.
	Columns []*data.Column
	// State gives the current sort and the links for re-sorting.
	State grid.State
	// Catalog resolves column ids of matches in hidden columns.
	Catalog *data.Catalog
	// Asked are the attributes the search named: their cells are marked
	// and each row says how it has them.
	Asked []grid.Asked
	// Today starts the time axis of the support windows.
	Today time.Time
	// Ctl is the page: sorting and picking change its State.
	Ctl controller

	// synced is set when the last syncPicks saw picks.
	synced bool
	// axes are the time axes of the releases columns, by column id.
	axes map[string]grid.Timeline
	// markup is the table as first rendered in the browser: go-app's raw
	// node keeps it, unchanged, and table keeps the rows after that.
	markup string
	table  *keyedTable
}

// onClick applies a sort link's sort in place. The links are real links
// for readers without JavaScript, and a click with a modifier key still
// opens one in a new tab or window.
func (g *gridTable) onClick(ctx app.Context, e app.Event) {
	if onValue(ctx, e, g.Ctl) {
		return
	}
	link := e.Get("target").Call("closest", "a.bg-sort")
	if !link.Truthy() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("shiftKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	raw := link.Call("getAttribute", "data-sort").String()
	id, desc := strings.CutPrefix(raw, "-")
	if id == grid.NameColumn || g.Catalog.Column(id) != nil {
		g.Ctl.set(ctx, sortBy(grid.SortKey{Column: id, Desc: desc}))
	}
}

// onChange picks or unpicks a row for comparison. When the page refuses
// (a fifth pick), the box the click ticked is unticked again.
func (g *gridTable) onChange(ctx app.Context, e app.Event) {
	box := e.Get("target")
	if !box.Get("classList").Call("contains", "bg-pick").Bool() {
		return
	}
	id := box.Get("value").String()
	shown := g.Ctl.set(ctx, pick(g.Catalog, id))
	setProp(box, "checked", shown.Picked(id))
}

// OnMount takes over the table go-app mounted (or adopted from the
// prerendered page), and ticks the picked rows' checkboxes, once go-app
// has applied the render in progress; in the browser only (a prerender
// has no DOM).
func (g *gridTable) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(ctx app.Context) {
		g.sync(ctx)
		g.syncPicks(ctx)
	})
}

// OnUpdate does the same after each update: the rows are brought in line
// (the focus stays on its control, or on its twin in a redrawn cell).
func (g *gridTable) OnUpdate(ctx app.Context) { g.OnMount(ctx) }

// syncPicks sets the compare checkboxes and the sort links' addresses from
// the State. In the browser the picks are not part of the table's markup,
// so that picking does not redraw the table (which would close the notes a
// reader opened); the links get them here, so that one opened in a new tab
// keeps the picks. With no picks, now or at the last sync, the markup is
// already right: a keystroke then costs no calls through syscall/js here.
func (g *gridTable) syncPicks(ctx app.Context) {
	picked := len(g.State.Picks) > 0
	if !picked && !g.synced {
		return
	}
	g.synced = picked
	for _, box := range all(".bg-table-wrap input.bg-pick") {
		setProp(box, "checked", g.State.Picked(box.Get("value").String()))
	}
	for _, link := range all(".bg-table-wrap a.bg-sort") {
		id, desc := strings.CutPrefix(link.Call("getAttribute", "data-sort").String(), "-")
		setAttr(link, "href", g.State.WithSort(grid.SortKey{Column: id, Desc: desc}).Href())
	}
}

// Render draws the table inside a scroll container whose header row and
// name column stay in view. In the browser the table is rendered once, as
// go-app first mounts (or adopts) it; after that its rows are kept by sync,
// row by row and cell by cell (dom-rows.go), so that a key touches only
// what changed.
func (g *gridTable) Render() app.UI {
	markup := g.markup
	switch {
	case app.IsServer:
		markup = g.html(true)
	case markup == "":
		markup = g.html(false)
		g.markup = markup
	}
	return app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "grid-caption").
		On("click", g.onClick).
		On("change", g.onChange).
		Body(app.Raw(markup))
}

// sync brings the table's rows, header and caption in line with the
// component's fields.
func (g *gridTable) sync(ctx app.Context) {
	if g.table == nil {
		g.table = adoptTable(ctx.JSSrc().Call("querySelector", "table"))
	}
	rows := make([]tableRow, len(g.Rows))
	for i, r := range g.Rows {
		rows[i] = tableRow{id: r.Item.ID, cells: g.cells(r, false)}
	}
	g.table.patch(g.caption(), g.head(false), rows)
}

// html writes the whole table: the first render in the browser, and the
// prerender, which also ticks the picked rows (withPicks). Every piece of
// text and every attribute value goes through html.EscapeString.
func (g *gridTable) html(withPicks bool) string {
	var b strings.Builder
	// The hash is of the head as the browser draws it (picks aside).
	head := g.head(withPicks)
	// The caption is for assistive technology; the same facts are on
	// screen above the scrolling box, where they stay readable.
	b.WriteString(`<table class="bg-table"><caption id="grid-caption" class="bg-visually-hidden">` + html.EscapeString(g.caption()) +
		`</caption><thead data-h="` + hashOf(g.head(false)) + `">` + head + `</thead><tbody>`)
	for _, r := range g.Rows {
		// The hash is of the row as the browser draws it (picks aside),
		// so that the browser knows a prerendered row it would draw the
		// same.
		cells := g.cells(r, false)
		shown := cells
		if withPicks {
			shown = g.cells(r, true)
		}
		writeRow(&b, r.Item.ID, hashCells(cells), shown)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}

func (g *gridTable) caption() string {
	return g.Catalog.Title + " compared, sorted by " + g.State.SortLabel(g.Catalog) +
		". Facts as of " + g.Catalog.AsOf + "; each value opens its details and source."
}

// head is the header row; its sort links keep the picks for the
// prerender (withPicks), and leave them to syncPicks in the browser.
func (g *gridTable) head(withPicks bool) string {
	var b strings.Builder
	b.WriteString(`<tr>`)
	g.header(&b, grid.NameColumn, "Name", "bg-col-name", withPicks)
	if g.State.Choosing() {
		b.WriteString(`<th scope="col" class="bg-col-fit">Fit</th>`)
	}
	for _, col := range g.Columns {
		g.header(&b, col.ID, col.Label, "bg-col-"+string(col.Type)+g.askedClass(col), withPicks)
	}
	b.WriteString(`</tr>`)
	return b.String()
}

// header writes a sortable column header with aria-sort on the sorted one.
func (g *gridTable) header(b *strings.Builder, id, label, class string, withPicks bool) {
	b.WriteString(`<th scope="col" class="` + class + `"`)
	switch {
	case g.State.Sort.Column == id && g.State.Sort.Desc:
		b.WriteString(` aria-sort="descending"`)
	case g.State.Sort.Column == id:
		b.WriteString(` aria-sort="ascending"`)
	}
	next := g.State.NextSort(id)
	st := g.State
	if !withPicks {
		st.Picks = nil
	}
	direction := "ascending"
	if next.Desc {
		direction = "descending"
	}
	b.WriteString(`><a class="bg-sort" id="sort-` + html.EscapeString(id) + `" href="` + html.EscapeString(st.WithSort(next).Href()) +
		`" title="` + html.EscapeString("Sort by "+label+", "+direction) + `" data-sort="` + html.EscapeString(next.String()) + `">`)
	b.WriteString(html.EscapeString(label))
	b.WriteString(`</a></th>`)
}

// cells are one item's cells: the row header with the compare checkbox
// and the name, the fit when choosing, then the values, each one line.
func (g *gridTable) cells(r grid.Row, withPicks bool) []tableCell {
	it := r.Item
	id := html.EscapeString(it.ID)
	compare := html.EscapeString("Compare " + it.Name)
	var b strings.Builder
	b.WriteString(`<input type="checkbox" id="pick-` + id + `" class="bg-pick" name="pick" value="` + id + `" form="` + FormID + `" title="` + compare + `" aria-label="` + compare + `"`)
	if withPicks && g.State.Picked(it.ID) {
		b.WriteString(` checked`)
	}
	b.WriteString(`>`)
	nameMarks := r.Marks.Of(grid.Field{Column: grid.NameField})
	b.WriteString(nameLinkHTML(it, it.Cells[g.Catalog.NameLink], nameMarks))
	// What else matched explains a row its name does not; a row whose
	// name matches ("djan") needs no list of every other place the query
	// occurs (the attributes asked for still say how the row has them).
	if len(nameMarks) == 0 {
		b.WriteString(matchedAliases(it, r.Marks))
		b.WriteString(hiddenMatches(g.Catalog, g.Columns, it, r.Marks))
	}
	for _, why := range grid.Why(it, g.Asked) {
		b.WriteString(`<span class="bg-why">` + html.EscapeString(why) + `</span>`)
	}
	cells := make([]tableCell, 0, len(g.Columns)+2)
	cells = append(cells, tableCell{head: true, class: "bg-col-name", html: b.String()})
	if r.Fit != nil {
		class := "bg-fit-yes"
		if r.Fit.Failed {
			class = "bg-fit-no"
		}
		cells = append(cells, tableCell{class: "bg-col-fit", html: `<span class="bg-fit ` + class + `">` + html.EscapeString(r.Fit.Verdict()) +
			`</span><button type="button" class="bg-cell bg-clamp bg-fit-why" data-i="` + id + `" data-c="` + fitColumn + `" aria-haspopup="dialog">` +
			html.EscapeString(r.Fit.Explanation) + `</button>`})
	}
	for _, col := range g.Columns {
		cells = append(cells, tableCell{class: "bg-col-" + string(col.Type) + g.askedClass(col),
			html: cellHTML(col, it, it.Cells[col.ID], r.Marks, g.timeline(col))})
	}
	return cells
}

// fitColumn is what the fit's details button names as its column.
const fitColumn = "fit"

// timeline is the axis of a releases column, from today: worked out once
// a day, not for every row of every render.
func (g *gridTable) timeline(col *data.Column) grid.Timeline {
	if col.Type != data.Releases {
		return grid.Timeline{}
	}
	if g.axes == nil {
		g.axes = map[string]grid.Timeline{}
	}
	tl, ok := g.axes[col.ID]
	if !ok || !tl.From.Equal(grid.Day(g.Today)) {
		tl = grid.NewTimeline(g.Catalog, col, g.Today)
		g.axes[col.ID] = tl
	}
	return tl
}

// nameLinkHTML is the item name, linked to its website when the catalog
// has a website column.
func nameLinkHTML(it *data.Item, website *data.Cell, marks []grid.Span) string {
	name := markedSpan(it.Name, marks)
	if website == nil || website.Text() == "" {
		return `<span class="bg-name">` + name + `</span>`
	}
	return `<a class="bg-name" href="` + html.EscapeString(website.Text()) + `" target="_blank" rel="noopener" title="` +
		html.EscapeString(it.Name+" website (opens in a new tab)") + `">` + name + `</a>`
}

// askedClass marks the cells of a column the search asked about.
func (g *gridTable) askedClass(col *data.Column) string {
	for _, a := range g.Asked {
		if a.Column == col {
			return " bg-asked"
		}
	}
	return ""
}
