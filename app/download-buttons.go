package ui

import (
	"backendgrid/app/grid"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// downloadButtons export the current view (grid or comparison) as CSV or
// JSON; the page builds the file, the browser saves it.
type downloadButtons struct {
	app.Compo

	// Ctl is the page, which holds the view to save.
	Ctl controller
}

func (d *downloadButtons) export(format string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		d.Ctl.download(format)
	}
}

// Render draws the two buttons.
func (d *downloadButtons) Render() app.UI {
	return app.Elem("span").Class("bg-downloads").Body(
		app.Elem("button").Attr("type", "button").ID("download-csv").Class("bg-secondary").
			Aria("label", "Download this view as CSV").Text("CSV").On("click", d.export("csv"), app.EventScope("csv")),
		app.Elem("button").Attr("type", "button").ID("download-json").Class("bg-secondary").
			Aria("label", "Download this view as JSON").Text("JSON").On("click", d.export("json"), app.EventScope("json")),
	)
}

// saveFile hands a file to the browser: a Blob behind a temporary link
// with the download attribute.
func saveFile(x grid.Export) {
	win := app.Window()
	bytes := win.Get("Uint8Array").New(len(x.Body))
	app.CopyBytesToJS(bytes, x.Body)
	blob := win.Get("Blob").New([]any{bytes}, map[string]any{"type": x.Type})
	url := win.Get("URL").Call("createObjectURL", blob)
	temporary("a", func(a app.Value) {
		setProp(a, "href", url)
		setProp(a, "download", x.Name)
		a.Call("click")
	})
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		win.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	win.Call("setTimeout", revoke, 10000)
}
