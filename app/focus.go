package ui

import (
	"backendgrid/app/grid"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// restoreFocus puts the caret back where the reader left it on the
// prerendered page (recorded by web/boot.js) when the element that had it
// is not focused any more: the wasm adopts the prerendered nodes, so the
// focus and the selection normally stay where they are, but a part the
// wasm had to draw anew (a state the server did not draw) loses them.
//
// Nothing here may stop the program: a JavaScript exception is a Go panic,
// and a panic in the wasm ends it for good, so it is recovered and the
// focus is simply not restored.
func restoreFocus(ctx app.Context) {
	defer func() {
		if r := recover(); r != nil {
			app.Log("restoring the focus failed:", r)
		}
	}()
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
	if !el.Truthy() || el.Equal(app.Window().Get("document").Get("activeElement")) {
		return
	}
	el.Call("focus")
	// Only text fields take a selection: checkboxes and buttons throw.
	start, end := boot.Get("start"), boot.Get("end")
	if start.Type() == app.TypeNumber && end.Type() == app.TypeNumber && el.Get("selectionStart").Type() == app.TypeNumber {
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

// keepFocus keeps the keyboard focus through an update that replaces the
// markup inside the element matching within (a table or a panel drawn as
// one HTML string): on the control with the same id, or, when that one is
// gone, on the one instead names (instead may be nil).
func keepFocus(ctx app.Context, within string, instead func(id string) string) {
	active := app.Window().Get("document").Get("activeElement")
	if !active.Truthy() || !active.Call("closest", within).Truthy() {
		return
	}
	id := active.Get("id").String()
	if id == "" {
		return
	}
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(id)
		if !el.Truthy() && instead != nil {
			if other := instead(id); other != "" {
				el = app.Window().GetElementByID(other)
			}
		}
		if el.Truthy() && !el.Equal(app.Window().Get("document").Get("activeElement")) {
			el.Call("focus")
		}
	})
}

// applyAppearance puts the theme and the accent on the document itself,
// so the page background follows too (web/boot.js does the same before the
// wasm starts). The accent goes through the CSSOM: the CSP forbids inline
// style attributes, and the value was checked to be six hex digits.
func applyAppearance(theme, accent string) {
	if !app.IsClient {
		return
	}
	root := app.Window().Get("document").Get("documentElement")
	if theme != "" {
		setAttr(root, "data-theme", theme)
	} else {
		removeAttr(root, "data-theme")
	}
	custom, text := "", ""
	if accent != "" {
		custom, text = "#"+accent, grid.AccentText(accent)
	}
	setStyleProp(root, "--accent-custom", custom)
	setStyleProp(root, "--accent-custom-text", text)
}
