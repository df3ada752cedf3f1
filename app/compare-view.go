package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// compareView is the side-by-side view: one column per compared item, one
// row per attribute, rows that differ marked in colour and in words.
type compareView struct {
	app.Compo

	// Comparison holds the items and rows.
	Comparison Comparison
	// Diff is true when only differing rows are shown.
	Diff bool
	// Catalog names the items and links their names.
	Catalog *data.Catalog
	// GridHref is the address of the grid, for the Back link.
	GridHref string
}

func (v *compareView) back(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation")
	ctx.NewAction(actionCloseCompare)
}

func (v *compareView) toggleDiff(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionDiff, ctx.JSSrc().Get("checked").Bool())
}

func (v *compareView) remove(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionRemoveCompared, id)
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
	return app.Section().Class("bg-compare").Aria("labelledby", "compare-heading").Body(
		app.Div().Class("bg-compare-bar").Body(
			app.A().ID("close-compare").Class("bg-back").Href(v.GridHref).
				Text("← All "+v.Catalog.Noun.Many).OnClick(v.back),
			app.H2().ID("compare-heading").TabIndex(-1).Text(names(c.Items)+" side by side"),
			app.Div().Class("bg-compare-tools").Body(
				app.Span().Class("bg-switch").Body(
					boolAttrs(app.Input().Type("checkbox").ID("only-diff").OnChange(v.toggleDiff), v.Diff, false),
					app.Label().For("only-diff").Text("Only differences"),
				),
				&downloadButtons{},
				&copyButton{ID: "copy-link"},
			),
		),
		app.P().ID("compare-summary").Class("bg-compare-summary").Textf(
			"%d of %d attributes differ.%s", differing, total, hiddenNote(c.Same)),
		app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "compare-caption").Body(
			app.Table().Class("bg-table bg-compare-table").Body(
				app.Caption().ID("compare-caption").Class("bg-visually-hidden").Textf(
					"%s compared attribute by attribute. Rows whose values differ say “differs” after the attribute name.",
					names(c.Items)),
				app.THead().Body(
					app.Tr().Body(
						app.Th().Scope("col").Class("bg-col-name").Text("Attribute"),
						app.Range(c.Items).Slice(func(i int) app.UI {
							return v.itemHeader(c.Items[i])
						}),
					),
				),
				app.TBody().Body(
					app.Range(c.Rows).Slice(func(i int) app.UI {
						return v.row(c.Rows[i], c.Items)
					}),
				),
			),
		),
	)
}

func (v *compareView) itemHeader(it *data.Item) app.UI {
	return app.Th().Scope("col").Class("bg-compare-item").Body(
		app.Div().Class("bg-compare-head").Body(
			nameLink(it, it.Cells[v.Catalog.NameLink], nil),
			app.Button().Type("button").Class("bg-remove").
				Aria("label", "Remove "+it.Name+" from the comparison").
				Text("×").
				OnClick(v.remove(it.ID), app.EventScope(it.ID)),
		),
	)
}

func (v *compareView) row(r CompareRow, items []*data.Item) app.UI {
	class := "bg-same"
	if r.Differs {
		class = "bg-differs"
	}
	return app.Tr().Class(class).ID("attr-"+r.Column.ID).Body(
		app.Th().Scope("row").Class("bg-col-name").Body(
			app.Span().Text(r.Column.Label),
			app.If(r.Differs, func() app.UI {
				return app.Span().Class("bg-differs-badge").Text("differs")
			}),
		),
		app.Range(r.Cells).Slice(func(i int) app.UI {
			return app.Td().Class("bg-col-" + string(r.Column.Type)).Body(
				cellView(r.Column, items[i], r.Cells[i], nil),
			)
		}),
	)
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
