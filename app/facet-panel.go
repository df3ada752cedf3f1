package ui

import (
	"backendgrid/app/grid"
	"backendgrid/data"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// facetPanel is the filter panel: one fieldset of checkboxes per facet
// column, each value with its live count.
//
// The groups are one escaped HTML string, as the grid is: counts change
// with every keystroke, and one string costs the wasm one DOM call instead
// of a few hundred. The checkboxes and the Clear buttons are handled by
// delegation on the panel.
type facetPanel struct {
	app.Compo

	// Facets are the filter groups with counts.
	Facets []grid.Facet
	// Filtered is true when any value is selected.
	Filtered bool
	// Catalog orders a facet's values when one is ticked.
	Catalog *data.Catalog
	// Ctl is the page: ticking a value changes its State.
	Ctl controller

	// open shows the filters on narrow screens, where they fold away
	// behind a "Filters (N)" button.
	open bool

	// In the browser, a keystroke mostly changes counts only. Then the
	// groups keep their last markup (raw), whose shape (the markup without
	// the counts and the disabled states that follow them) is unchanged,
	// and syncCounts sets what changed: about 1 ms of the browser's time
	// instead of 4.5 for new markup.
	raw, shape string
	shown      []int     // the counts on screen, in document order
	patch      bool      // Render kept raw: syncCounts has counts to set
	node       app.Value // the groups' element that shown describes
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

// onChange applies a ticked or unticked value.
func (f *facetPanel) onChange(ctx app.Context, e app.Event) {
	box := e.Get("target")
	if !box.Call("closest", ".bg-facet").Truthy() {
		return
	}
	col, value := box.Get("name").String(), box.Get("value").String()
	if f.known(col) {
		f.Ctl.set(ctx, toggleValue(f.Catalog, col, value))
	}
}

// onClick clears a facet from its Clear button.
func (f *facetPanel) onClick(ctx app.Context, e app.Event) {
	button := e.Get("target").Call("closest", "button[data-clear]")
	if !button.Truthy() {
		return
	}
	if col := button.Call("getAttribute", "data-clear").String(); f.known(col) {
		f.Ctl.set(ctx, clearFacet(col))
	}
}

func (f *facetPanel) known(col string) bool {
	for _, facet := range f.Facets {
		if facet.Column.ID == col {
			return true
		}
	}
	return false
}

func (f *facetPanel) clearAll(ctx app.Context, e app.Event) {
	f.Ctl.set(ctx, clearAll())
}

// OnMount brings the groups in line with the state the wasm started in.
// The prerendered groups stay on the page as they are (go-app adopts
// them), but a reader who typed or ticked before the wasm started has
// made a state the server did not draw: the groups' hash then differs
// from the markup's, and their content is drawn again, the focus kept.
func (f *facetPanel) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		node := app.Window().GetElementByID("filter-groups")
		if !node.Truthy() || f.raw == "" {
			return
		}
		f.node = node
		inner := f.groupsInner(true)
		if h := hashOf(inner); attrText(node, "data-h") != h {
			active := app.Window().Get("document").Get("activeElement")
			id := ""
			if node.Call("contains", active).Bool() {
				id = active.Get("id").String()
			}
			setHTML(node, inner)
			setAttr(node, "data-h", h)
			if el := app.Window().GetElementByID(id); id != "" && el.Truthy() {
				el.Call("focus")
			}
		}
	})
}

// OnUpdate sets the counts that changed when the groups kept their markup,
// and keeps the keyboard focus in the groups when they are redrawn: on the
// same checkbox, or, when a facet's Clear button goes away with its
// selection, on the facet's first value.
func (f *facetPanel) OnUpdate(ctx app.Context) {
	// OnUpdate runs before Render: the counts are set once the update
	// is done.
	ctx.Defer(func(app.Context) {
		if f.patch {
			f.syncCounts()
			return
		}
		f.node = app.Window().Get("document").Call("getElementById", "filter-groups")
	})
	keepFocus(ctx, "#filter-groups", func(id string) string {
		if col, ok := strings.CutPrefix(id, "clear-"); ok {
			return "f-" + col + "-0"
		}
		return ""
	})
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
	return app.Elem("aside").Class(class).Aria("labelledby", "filters-heading").TabIndex(0).
		OnChange(f.onChange).
		OnClick(f.onClick).
		Body(
			app.Div().Class("bg-filters-head").Body(
				app.Elem("h2").ID("filters-heading").Body(
					app.Elem("span").Class("bg-filters-title").Text(label),
					app.Elem("button").Attr("type", "button").ID("filters-toggle").Class("bg-filters-toggle").
						Aria("expanded", fmt.Sprint(f.open)).
						Aria("controls", "filter-groups").
						Text(label).
						OnClick(f.toggleOpen),
				),
				app.If(f.Filtered, func() app.UI {
					return app.Elem("button").Attr("type", "button").Class("bg-link-button").ID("clear-all").
						Text("Clear all filters").On("click", f.clearAll)
				}),
			),
			app.Raw(f.groups()),
		)
}

// groups is the markup of the groups: new markup when more than the counts
// changed (or on the server), else the last markup again, which go-app
// then leaves in place for syncCounts to update.
func (f *facetPanel) groups() string {
	if !app.IsClient {
		return f.groupsHTML(true)
	}
	shape := f.groupsHTML(false)
	if f.raw != "" && shape == f.shape {
		f.patch = true
		return f.raw
	}
	f.raw, f.shape, f.patch = f.groupsHTML(true), shape, false
	f.shown = f.counts(f.shown[:0])
	return f.raw
}

// counts appends the counts of every value, in document order.
func (f *facetPanel) counts(out []int) []int {
	for _, facet := range f.Facets {
		for _, v := range facet.Values {
			out = append(out, v.Count)
		}
	}
	return out
}

// syncCounts writes the counts that differ from those on screen, and
// disables or enables their checkboxes as groupsHTML would.
func (f *facetPanel) syncCounts() {
	// Should go-app ever have drawn the kept markup anew, its numbers are
	// raw's, not shown: then every count is set.
	if node := app.Window().GetElementByID("filter-groups"); f.node == nil || !node.Equal(f.node) {
		f.node, f.shown = node, nil
	}
	var counts, boxes []app.Value // fetched when a count differs
	want := make([]int, 0, len(f.shown))
	for _, facet := range f.Facets {
		for _, v := range facet.Values {
			i, n := len(want), v.Count
			want = append(want, n)
			if i < len(f.shown) && f.shown[i] == n {
				continue
			}
			if counts == nil {
				counts = all("#filter-groups .bg-count")
				boxes = all("#filter-groups input[type=checkbox]")
			}
			if i < min(len(counts), len(boxes)) {
				setText(counts[i].Get("lastChild"), strconv.Itoa(n))
				setProp(boxes[i], "disabled", n == 0 && !v.Selected)
			}
		}
	}
	f.shown, f.patch = want, false
}

// groupsHTML writes the groups' element, with the counts or (for
// comparing shapes) without; with the counts, its data-h is a hash of its
// content, so that the browser knows whether the prerendered groups are
// the ones it would draw.
func (f *facetPanel) groupsHTML(counts bool) string {
	inner := f.groupsInner(counts)
	h := ""
	if counts {
		h = ` data-h="` + hashOf(inner) + `"`
	}
	return `<div id="filter-groups" class="bg-filter-groups"` + h + `>` + inner + `</div>`
}

// groupsInner writes the facets. Every piece of text and every attribute
// value goes through html.EscapeString.
func (f *facetPanel) groupsInner(counts bool) string {
	var b strings.Builder
	for _, facet := range f.Facets {
		col := facet.Column
		id := html.EscapeString(col.ID)
		legendID := "facet-" + id
		b.WriteString(`<fieldset class="bg-facet" aria-describedby="` + legendID + `-desc"><legend id="` + legendID + `"><span>` +
			html.EscapeString(col.Label) + `</span>`)
		if facet.Selected > 0 {
			fmt.Fprintf(&b, `<span class="bg-facet-selected">%d selected</span>`, facet.Selected)
		}
		b.WriteString(`</legend><p id="` + legendID + `-desc" class="bg-visually-hidden">` + html.EscapeString(col.Description) + `</p><ul>`)
		for i, v := range facet.Values {
			boxID := fmt.Sprintf("f-%s-%d", id, i)
			b.WriteString(`<li class="bg-facet-value"><input type="checkbox" id="` + boxID + `" name="` + id + `" value="` +
				html.EscapeString(v.Value) + `" form="` + FormID + `"`)
			if v.Selected {
				b.WriteString(` checked`)
			}
			// A value with no results stays visible but disabled, unless
			// it is ticked: then it must stay untickable. (Part of the
			// counts: syncCounts sets it with them.)
			if counts && v.Count == 0 && !v.Selected {
				b.WriteString(` disabled`)
			}
			b.WriteString(`><label for="` + boxID + `"><span class="bg-facet-text"><span class="bg-facet-label">` + html.EscapeString(v.Label) +
				`</span><span class="bg-count"><span class="bg-visually-hidden">, results: </span>`)
			if counts {
				b.WriteString(strconv.Itoa(v.Count))
			}
			b.WriteString(`</span></span></label></li>`)
		}
		b.WriteString(`</ul>`)
		if facet.Selected > 0 {
			b.WriteString(`<button type="button" class="bg-link-button" id="clear-` + id + `" data-clear="` + id + `" aria-label="` +
				html.EscapeString("Clear "+col.Label+" filter") + `">Clear</button>`)
		}
		b.WriteString(`</fieldset>`)
	}
	b.WriteString(`<button type="submit" form="` + FormID + `" class="bg-nojs">Apply filters</button>`)
	return b.String()
}

// boolAttrs sets checked and disabled so that both renderings are right:
// go-app's prerender writes checked="false", which HTML reads as checked,
// while in the browser it sets the DOM property. So on the server a false
// value is left out, and in the browser it is always set.
func boolAttrs(in app.HTMLElemSelfClosing, checked, disabled bool) app.HTMLElemSelfClosing {
	if checked || app.IsClient {
		in = in.Attr("checked", checked)
	}
	if disabled || app.IsClient {
		in = in.Attr("disabled", disabled)
	}
	return in
}
