// Command hello is the floor that `make bench` measures backendgrid
// against: the smallest go-app page (one component saying "Hello", with an
// input it echoes so that "interactive" means the same thing as in the
// grid), built with the same flags and served with the same encodings.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct {
	app.Compo
	text string
}

// OnMount raises the flag the benchmark waits for, as backendgrid does with
// window.backendgridBoot.ready.
func (h *hello) OnMount(ctx app.Context) {
	app.Window().Set("helloReady", true)
}

func (h *hello) Render() app.UI {
	return app.Main().Body(
		app.H1().ID("hello").Text("Hello"),
		app.Input().ID("search").OnInput(func(ctx app.Context, e app.Event) {
			h.text = ctx.JSSrc().Get("value").String()
		}),
		app.P().ID("result-count").Text(h.text),
	)
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	serve()
}
