package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// gridTable is the comparison grid: one row per matching item, one column
// per visible schema column, the item name as the row header.
type gridTable struct {
	app.Compo

	// Result holds the rows and the visible columns.
	Result Result
	// State gives the current sort and the links for re-sorting.
	State State
	// Catalog resolves column ids of matches in hidden columns.
	Catalog *data.Catalog
	// Limit is how many rows to render; the rest wait for "Show more".
	Limit int
}

func (g *gridTable) sortBy(k SortKey) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		// The header is a real link for readers without JavaScript; here
		// the page applies the sort itself and replaces the URL.
		e.PreventDefault()
		e.Call("stopPropagation")
		ctx.NewActionWithValue(actionSort, k)
	}
}

func (g *gridTable) pick(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionPick, id)
	}
}

// Render draws the table inside a scroll container whose header row and
// name column stay in view.
func (g *gridTable) Render() app.UI {
	return app.Div().Class("bg-table-wrap").TabIndex(0).Role("region").Aria("labelledby", "grid-caption").Body(
		app.Table().Class("bg-table").Body(
			// The caption is for assistive technology; the same facts are
			// on screen above the scrolling box, where they stay readable.
			app.Caption().ID("grid-caption").Class("bg-visually-hidden").Textf(
				"%s compared, sorted by %s. Facts as of %s; each cell links to its source.",
				g.Catalog.Title, g.State.SortLabel(g.Catalog), g.Catalog.AsOf),
			app.THead().Body(
				app.Tr().Body(
					g.header(NameColumn, "Name", "bg-col-name"),
					app.If(g.State.Choosing(), func() app.UI {
						return app.Th().Scope("col").Class("bg-col-fit").Text("Fit")
					}),
					app.Range(g.Result.Columns).Slice(func(i int) app.UI {
						col := g.Result.Columns[i]
						return g.header(col.ID, col.Label, "bg-col-"+string(col.Type))
					}),
				),
			),
			app.TBody().Body(
				app.Range(g.rows()).Slice(func(i int) app.UI {
					return g.row(g.Result.Rows[i])
				}),
			),
		),
	)
}

func (g *gridTable) rows() []Row {
	if g.Limit > 0 && len(g.Result.Rows) > g.Limit {
		return g.Result.Rows[:g.Limit]
	}
	return g.Result.Rows
}

// header draws a sortable column header with aria-sort on the sorted one.
func (g *gridTable) header(id, label, class string) app.UI {
	next := g.State.NextSort(id)
	th := app.Th().Scope("col").Class(class)
	switch {
	case g.State.Sort.Column == id && g.State.Sort.Desc:
		th = th.Aria("sort", "descending")
	case g.State.Sort.Column == id:
		th = th.Aria("sort", "ascending")
	}
	direction := "ascending"
	if next.Desc {
		direction = "descending"
	}
	return th.Body(
		app.A().
			Class("bg-sort").
			Href(g.State.WithSort(next).Href()).
			Title("Sort by "+label+", "+direction).
			// The scope tells go-app the handler changed: closures from one
			// literal look equal to it, and the old sort would stick.
			OnClick(g.sortBy(next), app.EventScope(next.String())).
			Text(label),
	)
}

func (g *gridTable) row(r Row) app.UI {
	it := r.Item
	website := it.Cells[g.Catalog.NameLink]
	pickID := "pick-" + it.ID
	return app.Tr().ID("row-"+it.ID).Body(
		app.Th().Scope("row").Class("bg-col-name").Body(
			app.Div().Class("bg-rowhead").Body(
				boolAttrs(app.Input().
					Type("checkbox").
					ID(pickID).
					Class("bg-pick").
					Name("pick").
					Value(it.ID).
					Attr("form", FormID).
					Title("Compare "+it.Name).
					OnChange(g.pick(it.ID), app.EventScope(it.ID)), g.State.Picked(it.ID), false),
				app.Label().For(pickID).Class("bg-visually-hidden").Text("Compare "+it.Name),
				app.Div().Body(
					nameLink(it, website, r.Marks[Field{Column: NameField}]),
					matchedAliases(it, r.Marks),
					hiddenMatches(g.Catalog, g.Result.Columns, it, r.Marks),
				),
			),
		),
		app.If(r.Fit != nil, func() app.UI {
			return fitCell(r.Fit)
		}),
		app.Range(g.Result.Columns).Slice(func(i int) app.UI {
			col := g.Result.Columns[i]
			return app.Td().Class("bg-col-" + string(col.Type)).Body(
				cellView(col, it, it.Cells[col.ID], r.Marks),
			)
		}),
	)
}

// nameLink is the item name, linked to its website when the catalog has a
// website column.
func nameLink(it *data.Item, website *data.Cell, marks []Span) app.UI {
	name := markedText(it.Name, marks)
	if website == nil || website.Text() == "" {
		return app.Span().Class("bg-name").Body(name)
	}
	return app.A().Class("bg-name").
		Href(website.Text()).
		Target("_blank").
		Rel("noopener").
		Title(it.Name + " website (opens in a new tab)").
		Body(name)
}

// fitCell shows how a row meets the criteria: a verdict, then the reasons.
func fitCell(f *Fit) app.UI {
	class := "bg-fit-yes"
	if f.Failed {
		class = "bg-fit-no"
	}
	return app.Td().Class("bg-col-fit").Body(
		app.Span().Class("bg-fit "+class).Text(fitVerdict(f)),
		app.P().Class("bg-fit-why").Text(f.Explanation),
	)
}
