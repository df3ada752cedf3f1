package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateBanner tells the reader that a new version has been downloaded in
// the background; Reload switches to it. It stays out of the way: a slim
// bar, announced politely, never a modal.
type updateBanner struct {
	app.Compo
}

func (b *updateBanner) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}

// Render draws the bar.
func (b *updateBanner) Render() app.UI {
	return app.Div().ID("update-banner").Class("bg-update").Role("status").Body(
		app.Elem("span").Text("A new version is available."),
		app.Elem("button").Attr("type", "button").ID("update-reload").Class("bg-secondary").Text("Reload").On("click", b.reload),
	)
}
