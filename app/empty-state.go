package ui

import (
	"backendgrid/app/grid"
	"fmt"
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
	// Absent say what the search named that the catalog lacks.
	Absent []absentNote
	// Catalog resolves related values.
	Catalog *data.Catalog
	// Ctl is the page, whose search and filters the buttons clear.
	Ctl controller
}

func (e *emptyState) showUnfit(ctx app.Context, ev app.Event) {
	e.Ctl.set(ctx, hideUnfit(false))
}

func (e *emptyState) showRelated(r relatedNote) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e.Ctl.set(ctx, showRelated(e.Catalog, r.Query, r.Related))
	}
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
	if len(e.Absent) > 0 {
		why = ""
	}
	return app.Div().Class("bg-empty").Body(
		app.Elem("h2").Textf("No %s match", e.Noun.Many),
		app.Range(e.Absent).Slice(func(i int) app.UI {
			n := e.Absent[i]
			return app.Div().Class("bg-absent").Body(
				app.P().Text(n.Text),
				app.Range(n.Related).Slice(func(j int) app.UI {
					r := n.Related[j]
					return app.P().Body(
						app.Text(r.Text+" "),
						app.Elem("button").Attr("type", "button").Class("bg-secondary").ID(fmt.Sprintf("related-%d-%d", i, j)).
							Text(r.Button).On("click", e.showRelated(r), app.EventScope(r.Query, r.Related.Column.ID, r.Related.Value)),
					)
				}),
			)
		}),
		app.If(why != "", func() app.UI { return app.P().Text(why) }),
		app.Div().Class("bg-empty-actions").Body(
			app.If(e.Unfit > 0, func() app.UI {
				return app.Elem("button").Attr("type", "button").ID("empty-show-unfit").Text("Show those that miss a must-have").On("click", e.showUnfit)
			}),
			app.If(e.Query != "" && len(e.Filters) > 0, func() app.UI {
				return app.Elem("button").Attr("type", "button").ID("empty-clear-search").Text("Clear the search").On("click", e.clearSearch)
			}),
			app.If(len(what) > 0, func() app.UI {
				return app.Elem("button").Attr("type", "button").ID("empty-clear-all").Text("Clear search and filters").On("click", e.clearAll)
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

// absentNote says plainly that the catalog lacks something the search
// named, and offers the items related to it.
type absentNote struct {
	// Text is the sentence: "FastAPI is not in this catalog."
	Text string
	// Related are the items that share one of its values.
	Related []relatedNote
}

// relatedNote is a group of items related to what the catalog lacks.
type relatedNote struct {
	// Text names them: "Here with Language Python: Django, Flask."
	Text string
	// Button is the label of the button that shows them.
	Button string
	// Query is the search once they are shown: without the absent term.
	Query   string
	Related grid.Related
}

// absentNotes words what the search named that no item has.
func absentNotes(cat *data.Catalog, absent []grid.Absent) []absentNote {
	var out []absentNote
	for _, a := range absent {
		n := absentNote{Text: a.Name + " is not in this catalog."}
		if a.Column != nil {
			n.Text = fmt.Sprintf("No %s here has %s %s.", cat.Noun.One, a.Column.Label, a.Name)
		}
		for _, r := range a.Related {
			var names []string
			for _, i := range r.Items {
				names = append(names, cat.Items[i].Name)
			}
			n.Related = append(n.Related, relatedNote{
				Text:    fmt.Sprintf("%s with %s %s here: %s.", capitalize(cat.Noun.Many), r.Column.Label, r.Value, strings.Join(names, ", ")),
				Button:  fmt.Sprintf("Show the %s %s", r.Value, cat.Noun.Many),
				Query:   a.Rest,
				Related: r,
			})
		}
		out = append(out, n)
	}
	return out
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
