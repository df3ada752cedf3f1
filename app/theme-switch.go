package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// themeSwitch picks light, dark or auto (follow the system) for the full
// page; the choice is remembered in the browser.
type themeSwitch struct {
	app.Compo

	// Current is the effective choice: "auto", "light" or "dark".
	Current string
	// Ctl is the page, which applies and remembers the choice.
	Ctl controller
}

var themeChoices = []struct{ value, label string }{
	{"auto", "Auto"},
	{"light", "Light"},
	{"dark", "Dark"},
}

func (t *themeSwitch) pick(v string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		t.Ctl.pickTheme(ctx, v)
	}
}

// Render draws a labelled group of radio buttons.
func (t *themeSwitch) Render() app.UI {
	return app.Elem("fieldset").Class("bg-theme").Body(
		app.Elem("legend").Text("Theme"),
		app.Range(themeChoices).Slice(func(i int) app.UI {
			c := themeChoices[i]
			id := "theme-" + c.value
			return app.Elem("span").Class("bg-theme-choice").Body(
				boolAttrs(app.ElemSelfClosing("input").Attr("type", "radio").ID(id).Attr("name", "theme-choice").Attr("value", c.value).
					OnChange(t.pick(c.value), app.EventScope(c.value)), t.Current == c.value, false),
				app.Elem("label").Attr("for", id).Text(c.label),
			)
		}),
	)
}
