package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"html"
	"strings"

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
			app.A().ID("close-compare").Class("bg-back").Href(v.GridHref).
				Text("← All "+v.Catalog.Noun.Many).OnClick(v.back),
			app.Elem("h2").ID("compare-heading").TabIndex(-1).Text(names(c.Items)+" side by side"),
			app.Div().Class("bg-compare-tools").Body(
				app.Span().Class("bg-switch").Body(
					boolAttrs(app.Input().Type("checkbox").ID("only-diff").OnChange(v.toggleDiff), v.Diff, false),
					app.Label().For("only-diff").Text("Only differences"),
				),
				&downloadButtons{Ctl: v.Ctl},
				&copyButton{ID: "copy-link"},
			),
		),
		app.P().ID("compare-summary").Class("bg-compare-summary").Textf(
			"%d of %d attributes differ.%s", differing, total, hiddenNote(c.Same)),
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
		for i, cell := range r.Cells {
			b.WriteString(`<td class="bg-col-` + string(r.Column.Type) + `">`)
			b.WriteString(cellHTML(r.Column, c.Items[i], cell, nil))
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
