package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// compareView is the side-by-side view: one column per compared item, one
// row per attribute, rows that differ marked in colour and in words.
type compareView struct {
	app.Compo

	// Comparison holds the items and rows.
	Comparison grid.Comparison
	// Diff is true when only differing rows are shown.
	Diff bool
	// Catalog names the items and links their names.
	Catalog *data.Catalog
	// GridHref is the address of the grid, for the Back link.
	GridHref string
	// Ctl is the page: the comparison is part of its State.
	Ctl controller
	// Today starts the time axis of the support windows.
	Today time.Time
}

func (v *compareView) back(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation")
	v.Ctl.set(ctx, closeCompare())
}

func (v *compareView) toggleDiff(ctx app.Context, e app.Event) {
	v.Ctl.set(ctx, onlyDifferences(ctx.JSSrc().Get("checked").Bool()))
}

// onClick removes the item whose remove button (in the table, written as
// HTML) was clicked.
func (v *compareView) onClick(ctx app.Context, e app.Event) {
	if onValue(ctx, e, v.Ctl) {
		return
	}
	button := e.Get("target").Call("closest", "button.bg-remove")
	if !button.Truthy() {
		return
	}
	if id := button.Call("getAttribute", "data-id").String(); v.Catalog.Item(id) != nil {
		v.Ctl.set(ctx, removeCompared(id))
	}
}

// Render draws the toolbar and the transposed table.
func (v *compareView) Render() app.UI {
	c := v.Comparison
	differing := 0
	for _, r := range c.Rows {
		if r.Differs {
			differing++
		}
	}
	total := len(c.Rows) + c.Same
	return app.Elem("section").Class("bg-compare").Aria("labelledby", "compare-heading").Body(
		app.Div().Class("bg-compare-bar").Body(
			app.Elem("a").ID("close-compare").Class("bg-back").Attr("href", v.GridHref).
				Text("← All "+v.Catalog.Noun.Many).On("click", v.back),
			app.Elem("h2").ID("compare-heading").TabIndex(-1).Text(names(c.Items)+" side by side"),
			app.Div().Class("bg-compare-tools").Body(
				app.Elem("span").Class("bg-switch").Body(
					boolAttrs(app.ElemSelfClosing("input").Attr("type", "checkbox").ID("only-diff").On("change", v.toggleDiff), v.Diff, false),
					app.Elem("label").Attr("for", "only-diff").Text("Only differences"),
				),
				&downloadButtons{Ctl: v.Ctl},
				&copyButton{ID: "copy-link"},
			),
		),
		app.P().ID("compare-summary").Class("bg-compare-summary").Textf(
			"%d of %d attributes differ.%s", differing, total, hiddenNote(c.Same)),
		app.Raw(windowsHTML(v.Catalog, c.Items, v.Today)),
		// The table is one escaped HTML string, as the grid's is.
		app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "compare-caption").
			OnClick(v.onClick).
			Body(app.Raw(v.html())),
	)
}

// html writes the transposed table: items are column headers, attributes
// are row headers.
func (v *compareView) html() string {
	c := v.Comparison
	var b strings.Builder
	b.WriteString(`<table class="bg-table bg-compare-table"><caption id="compare-caption" class="bg-visually-hidden">`)
	b.WriteString(html.EscapeString(names(c.Items) + " compared attribute by attribute. Rows whose values differ say “differs” after the attribute name."))
	b.WriteString(`</caption><thead><tr><th scope="col" class="bg-col-name">Attribute</th>`)
	for _, it := range c.Items {
		b.WriteString(`<th scope="col" class="bg-compare-item"><div class="bg-compare-head">`)
		b.WriteString(nameLinkHTML(it, it.Cells[v.Catalog.NameLink], nil))
		b.WriteString(`<button type="button" class="bg-remove" data-id="` + html.EscapeString(it.ID) + `" aria-label="` +
			html.EscapeString("Remove "+it.Name+" from the comparison") + `">×</button></div></th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range c.Rows {
		class, badge := "bg-same", ""
		if r.Differs {
			class, badge = "bg-differs", `<span class="bg-differs-badge">differs</span>`
		}
		b.WriteString(`<tr class="` + class + `" id="attr-` + html.EscapeString(r.Column.ID) + `"><th scope="row" class="bg-col-name"><span>` +
			html.EscapeString(r.Column.Label) + `</span>` + badge + `</th>`)
		tl := grid.Timeline{}
		if r.Column.Type == data.Releases {
			tl = grid.NewTimeline(v.Catalog, r.Column, v.Today)
		}
		for i, cell := range r.Cells {
			b.WriteString(`<td class="bg-col-` + string(r.Column.Type) + `">`)
			b.WriteString(cellHTML(r.Column, c.Items[i], cell, nil, tl))
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}

func hiddenNote(same int) string {
	switch same {
	case 0:
		return ""
	case 1:
		return " 1 identical attribute is hidden."
	}
	return fmt.Sprintf(" %d identical attributes are hidden.", same)
}

// windowsHTML draws the support windows of the compared items on one time
// axis, from today: a bar per release line, its dates in words beside it
// (the bars' text alternative), and what a project publishes when it
// publishes no dates. Nothing when the catalog has no releases column.
func windowsHTML(cat *data.Catalog, items []*data.Item, today time.Time) string {
	var col *data.Column
	for _, c := range cat.Columns {
		if c.Type == data.Releases {
			col = c
			break
		}
	}
	if col == nil {
		return ""
	}
	tl := grid.NewTimeline(cat, col, today)
	const w = 600 // the bars' viewBox width; CSS stretches them alike
	var b strings.Builder
	b.WriteString(`<figure class="bg-windows" aria-labelledby="windows-title"><figcaption id="windows-title">` +
		html.EscapeString(col.Label+": each release line from today ("+tl.From.Format("2 Jan 2006")+") to the end of its security fixes") +
		`</figcaption><div class="bg-windows-grid"><span></span>`)
	// The axis: a tick and a label at each new year.
	fmt.Fprintf(&b, `<svg class="bg-axis" viewBox="0 0 %d 18" aria-hidden="true">`, w)
	for _, y := range tl.Years() {
		x := tl.Share(y.Format(time.DateOnly)) * w
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="12" y2="18"></line><text x="%.1f" y="10">%d</text>`, x, x, x+2, y.Year())
	}
	b.WriteString(`</svg><span></span>`)
	for _, it := range items {
		cell := it.Cells[col.ID]
		lines := cell.Lines()
		if len(lines) == 0 {
			b.WriteString(`<span class="bg-windows-name">` + html.EscapeString(it.Name) + `</span><span class="bg-windows-none">` +
				html.EscapeString(cell.Detail) + `</span><span></span>`)
			continue
		}
		for i, r := range lines {
			name := ""
			if i == 0 {
				name = html.EscapeString(it.Name)
			}
			b.WriteString(`<span class="bg-windows-name">` + name + `</span>`)
			fmt.Fprintf(&b, `<svg class="bg-bar bg-windows-bar" viewBox="0 0 %d 10" preserveAspectRatio="none" aria-hidden="true"><rect class="bg-bar-fill" width="%.1f" height="10" rx="2"></rect></svg>`,
				w, tl.Share(r.Until)*w)
			b.WriteString(`<span class="bg-windows-text">` + html.EscapeString(r.Line+": until "+grid.HumanDate(r.Until)) + `</span>`)
		}
	}
	b.WriteString(`</div></figure>`)
	return b.String()
}
