package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// showMore renders the next page of a long result.
type showMore struct {
	app.Compo

	// Shown is how many rows are on screen.
	Shown int
	// Total is how many rows match.
	Total int
	// Step is how many more a click shows.
	Step int
	// Ctl is the page, which renders the rows.
	Ctl controller
}

func (s *showMore) click(ctx app.Context, e app.Event) {
	s.Ctl.showMore(ctx)
}

// Render draws the button with what it will do.
func (s *showMore) Render() app.UI {
	return app.P().Class("bg-more").Body(
		app.Elem("button").Attr("type", "button").ID("show-more").Class("bg-secondary").
			Textf("Show %d more (%d of %d shown)", min(s.Step, s.Total-s.Shown), s.Shown, s.Total).
			OnClick(s.click),
	)
}
