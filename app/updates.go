package ui

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

// savedTheme is the theme picked earlier with the switch, as web/boot.js
// read it from localStorage (it guards the access: storage can be blocked,
// in third-party iframes for one, and then the access throws).
func savedTheme() string {
	boot := app.Window().Get("backendgridBoot")
	if !boot.Truthy() || !boot.Get("theme").Truthy() {
		return ""
	}
	return boot.Get("theme").String()
}

// saveTheme remembers the theme through web/boot.js, which guards the
// storage access the same way.
func saveTheme(v string) {
	if boot := app.Window().Get("backendgridBoot"); boot.Truthy() && boot.Get("saveTheme").Truthy() {
		boot.Call("saveTheme", v)
	}
}
