package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// columnChooser shows, hides and reorders the grid's columns; the choice
// lives in the URL (cols=).
type columnChooser struct {
	app.Compo

	// Visible are the shown columns, in order.
	Visible []*data.Column
	// All are the schema's columns.
	All []*data.Column
	// Default is true when the schema's default set is shown.
	Default bool
	// Catalog resolves the columns' ids.
	Catalog *data.Catalog
	// Ctl is the page: the columns are part of its State.
	Ctl controller

	open bool
}

func (c *columnChooser) toggleOpen(ctx app.Context, e app.Event) {
	c.open = !c.open
}

func (c *columnChooser) toggle(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.Ctl.set(ctx, toggleColumn(c.Catalog, id))
	}
}

func (c *columnChooser) move(id string, delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		// The keyboard stays on the same button as the row moves.
		c.Ctl.set(ctx, moveColumn(c.Catalog, id, delta, e.Get("currentTarget").Get("id").String()))
	}
}

func (c *columnChooser) reset(ctx app.Context, e app.Event) {
	c.Ctl.set(ctx, resetColumns())
}

// Render draws a disclosure button and, when open, the list: visible
// columns first in their order, then the hidden ones.
func (c *columnChooser) Render() app.UI {
	hidden := []*data.Column{}
	for _, col := range c.All {
		if !containsColumn(c.Visible, col.ID) {
			hidden = append(hidden, col)
		}
	}
	ordered := append(append([]*data.Column{}, c.Visible...), hidden...)
	return app.Div().Class("bg-columns").Body(
		app.Elem("button").Attr("type", "button").ID("columns-toggle").Class("bg-secondary").
			Aria("expanded", fmt.Sprint(c.open)).Aria("controls", "columns-panel").
			Textf("Columns (%d of %d)", len(c.Visible), len(c.All)).
			OnClick(c.toggleOpen),
		app.If(c.open, func() app.UI {
			return app.Div().ID("columns-panel").Class("bg-columns-panel").Body(
				app.Elem("ul").Body(
					app.Range(ordered).Slice(func(i int) app.UI {
						return c.item(ordered[i], i)
					}),
				),
				app.If(!c.Default, func() app.UI {
					return app.Elem("button").Attr("type", "button").ID("columns-reset").Class("bg-link-button").
						Text("Reset to default columns").On("click", c.reset)
				}),
			)
		}),
	)
}

func (c *columnChooser) item(col *data.Column, i int) app.UI {
	shown := containsColumn(c.Visible, col.ID)
	id := "col-" + col.ID
	return app.Elem("li").Class("bg-columns-item").Body(
		boolAttrs(app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).
			OnChange(c.toggle(col.ID), app.EventScope(col.ID)), shown, shown && len(c.Visible) == 1),
		app.Elem("label").Attr("for", id).Text(col.Label),
		app.If(shown, func() app.UI {
			return app.Elem("span").Class("bg-columns-move").Body(
				buttonDisabled(app.Elem("button").Attr("type", "button").ID("up-"+col.ID).Class("bg-icon-button").
					Aria("label", "Move "+col.Label+" left").Text("↑").
					OnClick(c.move(col.ID, -1), app.EventScope(col.ID)), i == 0),
				buttonDisabled(app.Elem("button").Attr("type", "button").ID("down-"+col.ID).Class("bg-icon-button").
					Aria("label", "Move "+col.Label+" right").Text("↓").
					OnClick(c.move(col.ID, 1), app.EventScope(col.ID)), i == len(c.Visible)-1),
			)
		}),
	)
}

func containsColumn(cols []*data.Column, id string) bool {
	for _, c := range cols {
		if c.ID == id {
			return true
		}
	}
	return false
}

// buttonDisabled sets disabled on a button the way boolAttrs does on inputs.
func buttonDisabled(b app.HTMLElem, disabled bool) app.HTMLElem {
	if disabled || app.IsClient {
		b = b.Attr("disabled", disabled)
	}
	return b
}
