package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedBar replaces the page header in embed mode: a slim line with the
// name and a way out to the full page, in a new tab, with the same view.
type embedBar struct {
	app.Compo

	// FullHref is the same view without embed=1.
	FullHref string
}

// Render draws the bar.
func (b *embedBar) Render() app.UI {
	return app.Div().Class("bg-embed-bar").Body(
		app.Elem("h1").Class("bg-visually-hidden").Text("backendgrid: compare backend frameworks"),
		app.Elem("span").Class("bg-embed-brand").Text("backendgrid"),
		app.Elem("a").ID("open-full").Class("bg-embed-full").Attr("href", b.FullHref).Attr("target", "_blank").Attr("rel", "noopener").
			Text("Open full comparison ↗").Title("Opens in a new tab"),
	)
}
