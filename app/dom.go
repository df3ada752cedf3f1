package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The one way to write the DOM behind go-app's back.
//
// go-app renders the page and applies the differences between renders.
// A few writes it cannot make, or not fast enough, and those go through
// this file (and dom-rows.go, the grid's rows) and nowhere else
// (TestDOMWritesGoThroughDOMGo holds every other file to that):
//
//   - Inside raw regions. The grid and the filter groups are each one
//     app.Raw node: one DOM call instead of thousands when they change.
//     What changes inside them without new markup (a compare box ticked,
//     a count, a sort link's address) is patched in place here, after
//     go-app's render of the same update (ctx.Defer), so that go-app never
//     finds a region in a state it did not leave it in except for these
//     properties and texts.
//   - Properties go-app does not own: the search input's value (never
//     rendered, so that a lagging render cannot eat keys), and boxes a
//     reader ticked that a render batched with the click would not see.
//   - Outside go-app's tree: the document element (theme and accent) and
//     short-lived elements (a download link, a field to copy from).
//
// Every write first reads the DOM and leaves alone what is already right:
// a write of the same value still costs the browser style work.

// setProp sets a DOM property (checked, disabled, value) if it differs.
func setProp(el app.Value, name string, v any) {
	if !el.Truthy() {
		return
	}
	if cur := el.Get(name); cur.Equal(app.ValueOf(v)) {
		return
	}
	el.Set(name, v)
}

// setAttr sets an attribute if it differs.
func setAttr(el app.Value, name, v string) {
	if !el.Truthy() {
		return
	}
	if cur := el.Call("getAttribute", name); cur.Truthy() && cur.String() == v {
		return
	}
	el.Call("setAttribute", name, v)
}

// removeAttr removes an attribute.
func removeAttr(el app.Value, name string) {
	if el.Truthy() && el.Call("hasAttribute", name).Bool() {
		el.Call("removeAttribute", name)
	}
}

// setText sets the text of a text node if it differs.
func setText(node app.Value, s string) {
	if node.Truthy() && node.Get("data").String() != s {
		node.Set("data", s)
	}
}

// setStyleProp sets (or, for "", removes) a custom CSS property on an
// element's style: through the CSSOM, which the CSP allows where an inline
// style attribute is refused.
func setStyleProp(el app.Value, name, v string) {
	style := el.Get("style")
	if v == "" {
		style.Call("removeProperty", name)
		return
	}
	if style.Call("getPropertyValue", name).String() != v {
		style.Call("setProperty", name, v)
	}
}

// all lists the elements matching a CSS selector in the document.
func all(selector string) []app.Value {
	list := app.Window().Get("document").Call("querySelectorAll", selector)
	out := make([]app.Value, list.Length())
	for i := range out {
		out[i] = list.Index(i)
	}
	return out
}

// temporary adds an element to the end of the body, hands it to use, and
// removes it: for the browser features that need an element in the
// document for a moment (a download link to click, a field to copy from).
func temporary(tag string, use func(el app.Value)) {
	doc := app.Window().Get("document")
	el := doc.Call("createElement", tag)
	doc.Get("body").Call("appendChild", el)
	defer el.Call("remove")
	use(el)
}

// setHTML replaces an element's content with markup built by this
// package (every text in it escaped): the popover's details.
func setHTML(el app.Value, markup string) {
	if el.Truthy() && el.Get("innerHTML").String() != markup {
		el.Set("innerHTML", markup)
	}
}

// openPopover shows a popover (the top layer: over everything, closed by
// Escape and by a click outside, natively) below anchor, or above it when
// there is no room below, kept inside the window.
func openPopover(pop, anchor app.Value) {
	if !pop.Truthy() {
		return
	}
	if !pop.Call("matches", ":popover-open").Bool() {
		pop.Call("showPopover")
	}
	win := app.Window()
	vw, vh := win.Get("innerWidth").Float(), win.Get("innerHeight").Float()
	a := anchor.Call("getBoundingClientRect")
	p := pop.Call("getBoundingClientRect")
	w, h := p.Get("width").Float(), p.Get("height").Float()
	left := min(max(8, a.Get("left").Float()), vw-w-8)
	top := a.Get("bottom").Float() + 4
	if top+h > vh-8 && a.Get("top").Float()-h-4 >= 8 {
		top = a.Get("top").Float() - h - 4
	}
	setStyleProp(pop, "--pop-left", fmt.Sprintf("%.0fpx", max(8, left)))
	setStyleProp(pop, "--pop-top", fmt.Sprintf("%.0fpx", max(8, top)))
}

// closePopover hides a popover if it is open.
func closePopover(pop app.Value) {
	if pop.Truthy() && pop.Call("matches", ":popover-open").Bool() {
		pop.Call("hidePopover")
	}
}
