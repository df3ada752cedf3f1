package ui

import (
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
}

// Render draws the tools.
func (v *viewTools) Render() app.UI {
	return app.Div().Class("bg-tools").Body(
		&columnChooser{Visible: v.Visible, All: v.All, Default: v.DefaultColumns, Catalog: v.Catalog, Ctl: v.Ctl},
		&downloadButtons{Ctl: v.Ctl},
		&copyButton{ID: "copy-grid-link"},
	)
}
