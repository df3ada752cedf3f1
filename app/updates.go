package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateInterval is how often an open page asks for a new version. go-app
// v10 never checks on its own; the browser checks on navigation only.
const updateInterval = 15 * time.Minute

// watchUpdates asks the service worker to look for a new version on a
// timer and whenever the tab becomes visible again; a found version
// arrives as OnAppUpdate. It returns the function that stops watching.
func watchUpdates() (stop func()) {
	check := app.FuncOf(func(this app.Value, args []app.Value) any {
		if app.Window().Get("document").Get("visibilityState").String() == "visible" {
			app.TryUpdate()
		}
		return nil
	})
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "visibilitychange", check)
	timer := app.Window().Call("setInterval", check, updateInterval.Milliseconds())
	return func() {
		doc.Call("removeEventListener", "visibilitychange", check)
		app.Window().Call("clearInterval", timer)
		check.Release()
	}
}

// Version is the running version, as the server set it (-version).
func Version() string {
	if v := app.Getenv("GOAPP_VERSION"); v != "" {
		return v
	}
	return "dev"
}

// startedControlled reports whether a service worker served this page
// (recorded by web/boot.js before the wasm started).
func startedControlled() bool {
	boot := app.Window().Get("backendgridBoot")
	return boot.Truthy() && boot.Get("controlled").Truthy()
}
