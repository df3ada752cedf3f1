package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// The details popover: one for the page, filled with a cell's full value,
// detail, note and source when its value is clicked (or Enter or Space is
// pressed on it). It is a native popover: in the top layer, and closed by
// Escape or a click outside without help; the focus moves into it when it
// opens and back to the value when it closes.

// popID is the id of the page's details popover.
const popID = "cell-pop"

// detailsPopover is the empty popover the page renders once; details.go
// fills it.
func detailsPopover() app.UI {
	return app.Div().ID(popID).Class("bg-pop").Attr("popover", "auto").Role("dialog").Aria("labelledby", "pop-title").
		Body(app.Div().ID("pop-body"))
}

// details opens the popover for the cell of item id in column col, next
// to invoker (the value's button), or closes it when it already shows
// that cell.
func (p *Page) details(ctx app.Context, id, col string, invoker app.Value) {
	cat := p.Index.Catalog
	it := cat.Item(id)
	if it == nil {
		return
	}
	pop := app.Window().GetElementByID(popID)
	if p.env.invoker != nil && p.env.invoker.Equal(invoker) && pop.Call("matches", ":popover-open").Bool() {
		closePopover(pop)
		return
	}
	var markup string
	switch c := cat.Column(col); {
	case col == fitColumn && p.view.state.Choosing():
		markup = fitDetailsHTML(it, grid.FitOf(cat, it, p.view.state.Need, p.view.state.Want))
	case c != nil && c.Type != data.Link:
		markup = detailsHTML(cat, it, c, grid.NewTimeline(cat, c, p.view.today))
	default:
		return
	}
	p.env.invoker = invoker
	setHTML(app.Window().GetElementByID("pop-body"), markup)
	openPopover(pop, invoker)
	setAttr(invoker, "aria-expanded", "true")
	if title := app.Window().GetElementByID("pop-title"); title.Truthy() {
		title.Call("focus")
	}
}

// watchPopover follows the popover closing (Escape, a click outside, its
// close button): the value that opened it says so and takes the focus
// back when the focus was in the popover.
func (p *Page) watchPopover() {
	pop := app.Window().GetElementByID(popID)
	if !pop.Truthy() || p.env.popToggle != nil {
		return
	}
	p.env.popToggle = app.FuncOf(func(this app.Value, args []app.Value) any {
		if args[0].Get("newState").String() != "closed" || p.env.invoker == nil {
			return nil
		}
		inv := p.env.invoker
		p.env.invoker = nil
		if !inv.Get("isConnected").Bool() {
			// A key redrew the value's cell: its twin takes the focus back.
			sel := focusSelector(inv)
			if sel == "" {
				return nil
			}
			if inv = app.Window().Get("document").Call("querySelector", sel); !inv.Truthy() {
				return nil
			}
		}
		setAttr(inv, "aria-expanded", "false")
		active := app.Window().Get("document").Get("activeElement")
		if !active.Truthy() || pop.Call("contains", active).Bool() || active.Equal(app.Window().Get("document").Get("body")) {
			inv.Call("focus")
		}
		return nil
	})
	pop.Call("addEventListener", "toggle", p.env.popToggle)
	p.env.popClick = app.FuncOf(func(this app.Value, args []app.Value) any {
		if args[0].Get("target").Call("closest", ".bg-pop-close").Truthy() {
			closePopover(pop)
		}
		return nil
	})
	pop.Call("addEventListener", "click", p.env.popClick)
}

// onValue opens the details of the value a click landed on, for the
// tables' delegated click handlers; it reports whether it did.
func onValue(ctx app.Context, e app.Event, ctl controller) bool {
	button := e.Get("target").Call("closest", "button.bg-cell")
	if !button.Truthy() {
		return false
	}
	ctl.details(ctx, button.Call("getAttribute", "data-i").String(), button.Call("getAttribute", "data-c").String(), button)
	return true
}
