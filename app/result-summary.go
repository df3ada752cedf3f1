package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// resultSummary is the "7 of 11 frameworks" line. It is a live region, so
// screen readers hear the count change as the user types or filters.
type resultSummary struct {
	app.Compo

	// Shown is the number of matching items.
	Shown int
	// Total is the number of items in the catalog.
	Total int
	// Noun names the items.
	Noun data.Noun
	// Query is the search text.
	Query string
	// Corrected lists the terms matched only after a typo correction.
	Corrected []string
	// SortedBy describes the row order.
	SortedBy string
}

// Render draws the count and, when typos were corrected, says so.
func (r *resultSummary) Render() app.UI {
	return app.Div().Class("bg-summary").Body(
		app.P().ID("result-count").Role("status").Aria("live", "polite").Body(
			app.Elem("strong").Text(r.Shown),
			app.Textf(" of %s", r.Noun.Of(r.Total)),
			app.If(len(r.Corrected) > 0, func() app.UI {
				return app.Elem("span").Class("bg-corrected").Textf(
					" (no exact match for “%s”; showing close matches)", strings.Join(r.Corrected, "”, “"))
			}),
		),
		app.If(r.Shown > 1, func() app.UI {
			return app.P().Class("bg-sorted").Text("Sorted by " + r.SortedBy + ".")
		}),
	)
}
