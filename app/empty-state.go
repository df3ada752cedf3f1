package ui

import (
	"backendgrid/app/grid"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// emptyState replaces the grid when nothing matches: it says what matched
// nothing and offers the ways out.
type emptyState struct {
	app.Compo

	// Query is the search text.
	Query string
	// Filters describes the active filters ("Language: Go").
	Filters []string
	// Noun names the items.
	Noun data.Noun
	// Unfit counts the items hidden for missing a must-have.
	Unfit int
	// Ctl is the page, whose search and filters the buttons clear.
	Ctl controller
}

func (e *emptyState) showUnfit(ctx app.Context, ev app.Event) {
	e.Ctl.set(ctx, hideUnfit(false))
}

func (e *emptyState) clearSearch(ctx app.Context, ev app.Event) {
	e.Ctl.set(ctx, clearSearch())
}

func (e *emptyState) clearAll(ctx app.Context, ev app.Event) {
	e.Ctl.set(ctx, clearAll())
}

// Render draws the message and the clear buttons that apply.
func (e *emptyState) Render() app.UI {
	var what []string
	if e.Query != "" {
		what = append(what, "the search “"+e.Query+"”")
	}
	if len(e.Filters) > 0 {
		what = append(what, "the filters "+strings.Join(e.Filters, "; "))
	}
	why := "Nothing matches " + strings.Join(what, " together with ") + "."
	if len(what) == 0 {
		why = "Nothing meets every must-have."
	}
	if e.Unfit > 0 {
		why += " " + e.Noun.Of(e.Unfit) + " that miss a must-have " + isAre(e.Unfit) + " hidden."
	}
	return app.Div().Class("bg-empty").Body(
		app.Elem("h2").Textf("No %s match", e.Noun.Many),
		app.P().Text(why),
		app.Div().Class("bg-empty-actions").Body(
			app.If(e.Unfit > 0, func() app.UI {
				return app.Button().Type("button").ID("empty-show-unfit").Text("Show those that miss a must-have").OnClick(e.showUnfit)
			}),
			app.If(e.Query != "" && len(e.Filters) > 0, func() app.UI {
				return app.Button().Type("button").ID("empty-clear-search").Text("Clear the search").OnClick(e.clearSearch)
			}),
			app.If(len(what) > 0, func() app.UI {
				return app.Button().Type("button").ID("empty-clear-all").Text("Clear search and filters").OnClick(e.clearAll)
			}),
		),
	)
}

// filterSummary describes the selected facet values, one entry per facet.
func filterSummary(facets []grid.Facet) []string {
	var out []string
	for _, f := range facets {
		var sel []string
		for _, v := range f.Values {
			if v.Selected {
				sel = append(sel, v.Label)
			}
		}
		if len(sel) > 0 {
			out = append(out, f.Column.Label+": "+strings.Join(sel, " or "))
		}
	}
	return out
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
