package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// viewTools sits above the grid: the column chooser, downloads of the
// current view, and the copy-link button.
type viewTools struct {
	app.Compo

	// Visible are the shown columns, in order.
	Visible []*data.Column
	// All are the schema's columns.
	All []*data.Column
	// DefaultColumns is true when the schema's default set is shown.
	DefaultColumns bool
	// Catalog resolves the columns' ids.
	Catalog *data.Catalog
	// Ctl is the page.
	Ctl controller

	// open shows the tools on narrow screens, where they fold away.
	open bool
}

func (v *viewTools) toggle(ctx app.Context, e app.Event) {
	v.open = !v.open
}

// Render draws the tools: in a row on wide screens, behind one "Tools"
// button on narrow ones.
func (v *viewTools) Render() app.UI {
	class := "bg-tools"
	if v.open {
		class += " is-open"
	}
	return app.Div().Class(class).Body(
		app.Elem("button").Attr("type", "button").ID("tools-toggle").Class("bg-secondary bg-tools-toggle").
			Aria("expanded", strconv.FormatBool(v.open)).Aria("controls", "tools-menu").
			Text("Tools").On("click", v.toggle),
		app.Div().ID("tools-menu").Class("bg-tools-menu").Body(
			&columnChooser{Visible: v.Visible, All: v.All, Default: v.DefaultColumns, Catalog: v.Catalog, Ctl: v.Ctl},
			&downloadButtons{Ctl: v.Ctl},
			&copyButton{ID: "copy-grid-link"},
		),
	)
}
