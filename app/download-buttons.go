package ui

import (
	"backendgrid/app/grid"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// downloadButtons export the current view (grid or comparison) as CSV or
// JSON; the page builds the file, the browser saves it.
type downloadButtons struct {
	app.Compo
}

func (d *downloadButtons) export(format string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionExport, format)
	}
}

// Render draws the two buttons.
func (d *downloadButtons) Render() app.UI {
	return app.Span().Class("bg-downloads").Body(
		app.Button().Type("button").ID("download-csv").Class("bg-secondary").
			Aria("label", "Download this view as CSV").Text("CSV").OnClick(d.export("csv"), app.EventScope("csv")),
		app.Button().Type("button").ID("download-json").Class("bg-secondary").
			Aria("label", "Download this view as JSON").Text("JSON").OnClick(d.export("json"), app.EventScope("json")),
	)
}

// download hands a file to the browser: a Blob behind a temporary link
// with the download attribute (go-app leaves such links alone).
func download(x grid.Export) {
	win := app.Window()
	doc := win.Get("document")
	bytes := win.Get("Uint8Array").New(len(x.Body))
	app.CopyBytesToJS(bytes, x.Body)
	blob := win.Get("Blob").New([]any{bytes}, map[string]any{"type": x.Type})
	url := win.Get("URL").Call("createObjectURL", blob)
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", x.Name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		win.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	win.Call("setTimeout", revoke, 10000)
}
