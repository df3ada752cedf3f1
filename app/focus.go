package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// restoreFocus puts the caret back where the reader left it on the
// prerendered page (recorded by web/boot.js), since the wasm replaces that
// DOM wholesale.
func restoreFocus(ctx app.Context) {
	boot := app.Window().Get("backendgridBoot")
	if !boot.Truthy() {
		return
	}
	boot.Set("ready", true)
	id := boot.Get("focus")
	if !id.Truthy() {
		return
	}
	el := app.Window().GetElementByID(id.String())
	if !el.Truthy() {
		return
	}
	el.Call("focus")
	if start, end := boot.Get("start"), boot.Get("end"); start.Type() == app.TypeNumber && end.Type() == app.TypeNumber {
		el.Call("setSelectionRange", start.Int(), end.Int())
	}
}

// focusID moves the keyboard focus to the element with the given id, once
// the current render is on screen.
func focusID(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}
