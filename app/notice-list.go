package ui

import (
	"backendgrid/app/grid"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// noticeList shows what the widget could not use from the address (unknown
// parameters or values, an overlong search), each dismissible.
type noticeList struct {
	app.Compo

	// Notices are the messages to show.
	Notices []grid.Notice
	// Ctl is the page, which holds the notices.
	Ctl controller
}

func (n *noticeList) dismiss(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		n.Ctl.dismiss(ctx, i)
	}
}

// Render draws the notices in a polite live region; nothing when empty.
func (n *noticeList) Render() app.UI {
	return app.Div().Class("bg-notices").Role("status").Aria("live", "polite").Body(
		app.If(len(n.Notices) > 0, func() app.UI {
			return app.Elem("ul").Body(
				app.Range(n.Notices).Slice(func(i int) app.UI {
					// The message quotes the address, so it stays out of
					// attributes: the button points at it by id.
					id := fmt.Sprintf("notice-%d", i)
					return app.Elem("li").Class("bg-notice").Body(
						app.Elem("span").ID(id).Text(n.Notices[i].Message),
						app.Elem("button").Attr("type", "button").Class("bg-dismiss").
							Aria("label", "Dismiss notice").
							Aria("describedby", id).
							Text("×").
							OnClick(n.dismiss(i)),
					)
				}),
			)
		}),
	)
}
