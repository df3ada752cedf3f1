package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// searchOffers shows what the search understood as attributes, each as a
// chip that turns it into a filter or a must-have: "Filter: Language =
// Python", "Must-have: Real-time, any support".
type searchOffers struct {
	app.Compo

	// Asked are the attributes the search named.
	Asked []grid.Asked
	// Catalog resolves the values.
	Catalog *data.Catalog
	// Ctl is the page, whose State a chip changes.
	Ctl controller
}

func (o *searchOffers) take(a grid.Asked) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		o.Ctl.set(ctx, takeAsked(o.Catalog, a))
	}
}

// Render draws the chips, or nothing.
func (o *searchOffers) Render() app.UI {
	return app.Div().ID("search-offers").Class("bg-offers").Body(
		app.If(len(o.Asked) > 0, func() app.UI {
			return app.P().Body(
				app.Elem("span").Class("bg-offers-label").Text("The search understood: "),
				app.Range(o.Asked).Slice(func(i int) app.UI {
					a := o.Asked[i]
					return app.Elem("button").Attr("type", "button").Class("bg-chip").ID("offer-"+a.Column.ID).
						Title(offerHint(a)).
						Text(OfferLabel(a)).
						OnClick(o.take(a), app.EventScope(a.Column.ID, a.Term, a.Rest))
				}),
			)
		}),
	)
}

// OfferLabel is a chip's text.
func OfferLabel(a grid.Asked) string {
	if a.Values == nil {
		return "Must-have: " + a.Column.Label + ", " + leastLevelWords(a.Level)
	}
	return "Filter: " + a.Column.Label + " = " + strings.Join(a.Values, " or ")
}

func offerHint(a grid.Asked) string {
	if a.Values == nil {
		return "Add to Help me choose and take “" + a.Term + "” out of the search"
	}
	return "Tick it in the filters and take “" + a.Term + "” out of the search"
}

// leastLevelWords says what a least support level lets in.
func leastLevelWords(level int) string {
	switch data.SupportLevels[level] {
	case data.BuiltIn:
		return "built in"
	case data.Official:
		return "built in or official add-on"
	}
	return "any support"
}
