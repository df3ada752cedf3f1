package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// compareTray lists the picked items under the grid, with a remove button
// each and the button that opens the side-by-side view.
type compareTray struct {
	app.Compo

	// Picks are the picked items, in pick order.
	Picks []*data.Item
	// Noun names the items.
	Noun data.Noun
	// CompareHref is the address of the comparison, for a plain link.
	CompareHref string
	// Message is the latest refusal or hint, announced politely.
	Message string
	// Catalog names the picks in announcements.
	Catalog *data.Catalog
	// Ctl is the page: the picks are part of its State.
	Ctl controller
}

func (c *compareTray) remove(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.Ctl.set(ctx, pick(c.Catalog, id))
	}
}

func (c *compareTray) open(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation")
	c.Ctl.set(ctx, openCompare())
}

// Render draws the tray; it sticks to the bottom of the window once
// something is picked.
func (c *compareTray) Render() app.UI {
	class := "bg-tray"
	if len(c.Picks) > 0 {
		class += " has-picks"
	}
	n := len(c.Picks)
	label := fmt.Sprintf("Compare (%d)", n)
	return app.Elem("section").Class(class).ID("compare-tray").Aria("labelledby", "tray-heading").Body(
		app.Elem("h2").ID("tray-heading").Class("bg-visually-hidden").Text("Compare side by side"),
		app.If(n == 0, func() app.UI {
			return app.P().Class("bg-tray-hint").Textf("Tick 2 to %d %s to compare them side by side.", grid.MaxPicks, c.Noun.Many)
		}).Else(func() app.UI {
			return app.Elem("ul").Class("bg-tray-picks").Body(
				app.Range(c.Picks).Slice(func(i int) app.UI {
					it := c.Picks[i]
					return app.Elem("li").Body(
						app.Elem("span").Text(it.Name),
						app.Elem("button").Attr("type", "button").Class("bg-remove").
							Aria("label", "Remove "+it.Name+" from the comparison").
							Text("×").
							OnClick(c.remove(it.ID), app.EventScope(it.ID)),
					)
				}),
			)
		}),
		app.If(n >= 2, func() app.UI {
			return app.Elem("a").ID("open-compare").Class("bg-button").Attr("href", c.CompareHref).Text(label).On("click", c.open)
		}).ElseIf(n == 1, func() app.UI {
			return app.Elem("button").Attr("type", "button").ID("open-compare").Attr("disabled", true).
				Aria("describedby", "tray-status").Text(label)
		}),
		app.P().ID("tray-status").Class("bg-tray-status").Role("status").Aria("live", "polite").Text(c.Message),
	)
}

// names joins item names for headings: "A, B and C".
func names(items []*data.Item) string {
	var n []string
	for _, it := range items {
		n = append(n, it.Name)
	}
	if len(n) < 2 {
		return strings.Join(n, "")
	}
	return strings.Join(n[:len(n)-1], ", ") + " and " + n[len(n)-1]
}
