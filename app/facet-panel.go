package app

import (
	"fmt"
	"html"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// facetPanel is the filter panel: one fieldset of checkboxes per facet
// column, each value with its live count.
type facetPanel struct {
	app.Compo

	// Facets are the filter groups with counts.
	Facets []Facet
	// Filtered is true when any value is selected.
	Filtered bool

	// open shows the filters on narrow screens, where they fold away
	// behind a "Filters (N)" button.
	open bool
}

func (f *facetPanel) toggleOpen(ctx app.Context, e app.Event) {
	f.open = !f.open
}

func (f *facetPanel) selectedCount() int {
	n := 0
	for _, facet := range f.Facets {
		n += facet.Selected
	}
	return n
}

func (f *facetPanel) toggle(col, value string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionToggle, toggleValue{Column: col, Value: value})
	}
}

func (f *facetPanel) clear(col string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionClearFacet, col)
	}
}

func (f *facetPanel) clearAll(ctx app.Context, e app.Event) {
	ctx.NewAction(actionClearAll)
}

// Render draws the panel. Checkboxes belong to the search form (form=) so
// that a plain submit carries them.
func (f *facetPanel) Render() app.UI {
	class := "bg-filters"
	if f.open {
		class += " is-open"
	}
	label := "Filters"
	if n := f.selectedCount(); n > 0 {
		label = fmt.Sprintf("Filters (%d)", n)
	}
	// The panel scrolls on its own; when every value is disabled it holds
	// nothing focusable, so it takes the focus itself to stay scrollable.
	return app.Elem("aside").Class(class).Aria("labelledby", "filters-heading").TabIndex(0).Body(
		app.Div().Class("bg-filters-head").Body(
			app.Elem("h2").ID("filters-heading").Body(
				app.Span().Class("bg-filters-title").Text(label),
				app.Button().Type("button").ID("filters-toggle").Class("bg-filters-toggle").
					Aria("expanded", fmt.Sprint(f.open)).
					Aria("controls", "filter-groups").
					Text(label).
					OnClick(f.toggleOpen),
			),
			app.If(f.Filtered, func() app.UI {
				return app.Button().Type("button").Class("bg-link-button").ID("clear-all").
					Text("Clear all filters").OnClick(f.clearAll)
			}),
		),
		app.Div().ID("filter-groups").Class("bg-filter-groups").Body(
			app.Range(f.Facets).Slice(func(i int) app.UI {
				return f.renderFacet(f.Facets[i])
			}),
			app.Button().Type("submit").Attr("form", FormID).Class("bg-nojs").Text("Apply filters"),
		),
	)
}

func (f *facetPanel) renderFacet(facet Facet) app.UI {
	col := facet.Column
	legendID := "facet-" + col.ID
	return app.Elem("fieldset").Class("bg-facet").Aria("describedby", legendID+"-desc").Body(
		app.Elem("legend").ID(legendID).Body(
			app.Span().Text(col.Label),
			app.If(facet.Selected > 0, func() app.UI {
				return app.Span().Class("bg-facet-selected").Textf("%d selected", facet.Selected)
			}),
		),
		app.P().ID(legendID+"-desc").Class("bg-visually-hidden").Text(col.Description),
		app.Elem("ul").Body(
			app.Range(facet.Values).Slice(func(i int) app.UI {
				v := facet.Values[i]
				id := fmt.Sprintf("f-%s-%d", col.ID, i)
				// A value with no results stays visible but disabled,
				// unless it is ticked: then it must stay untickable.
				disabled := v.Count == 0 && !v.Selected
				return app.Elem("li").Class("bg-facet-value").Body(
					boolAttrs(app.Input().
						Type("checkbox").
						ID(id).
						Name(col.ID).
						Value(v.Value).
						Attr("form", FormID).
						OnChange(f.toggle(col.ID, v.Value), app.EventScope(col.ID, v.Value)), v.Selected, disabled),
					// The label's inside is one raw element (no handlers): fewer
					// DOM calls from the wasm for some fifty values.
					app.Label().For(id).Body(app.Raw(fmt.Sprintf(
						`<span class="bg-facet-text"><span class="bg-facet-label">%s</span><span class="bg-count"><span class="bg-visually-hidden">, results: </span>%d</span></span>`,
						html.EscapeString(v.Label), v.Count))),
				)
			}),
		),
		app.If(facet.Selected > 0, func() app.UI {
			return app.Button().Type("button").Class("bg-link-button").
				Aria("label", "Clear "+col.Label+" filter").
				Text("Clear").
				OnClick(f.clear(col.ID), app.EventScope(col.ID))
		}),
	)
}

// boolAttrs sets checked and disabled so that both renderings are right:
// go-app's prerender writes checked="false", which HTML reads as checked,
// while in the browser it sets the DOM property. So on the server a false
// value is left out, and in the browser it is always set.
func boolAttrs(in app.HTMLInput, checked, disabled bool) app.HTMLInput {
	if checked || app.IsClient {
		in = in.Checked(checked)
	}
	if disabled || app.IsClient {
		in = in.Disabled(disabled)
	}
	return in
}
