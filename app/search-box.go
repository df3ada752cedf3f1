package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// SearchID is the id of the search input (web/boot.js focuses it on "/").
const SearchID = "search"

// searchBox is the search form. It also carries the facet checkboxes (they
// point at it with form=) so that without JavaScript a GET submit of this
// form reproduces the whole view.
type searchBox struct {
	app.Compo

	// Query is the current search text.
	Query string
	// Keep are the parameters of the view that the form has no control
	// for (sort, cols, only, embed, theme, need...): hidden inputs carry
	// them through a plain submit.
	Keep url.Values
	// Label is the visible label of the input.
	Label string
	// Ctl is the page: typing changes its State.
	Ctl controller

	// pending are values typed here whose echo (the parent's Query) has
	// not come back yet: actions are asynchronous, so the parent can lag
	// several keystrokes behind the input.
	pending []string
	// last is the Query of the previous update.
	last string
}

// OnMount writes the query into the input. In the browser the input's
// value is never part of a render: re-setting it from a render that lags
// behind the user would eat characters.
func (b *searchBox) OnMount(ctx app.Context) {
	b.pending = nil
	b.last = b.Query
	b.write()
}

// OnUpdate writes the value only when it changed from outside (Escape,
// "Clear search", Back), not when it echoes what was typed here.
func (b *searchBox) OnUpdate(ctx app.Context) {
	if b.Query == b.last {
		return // another field changed
	}
	b.last = b.Query
	for i, v := range b.pending {
		if grid.CleanQuery(v) == b.Query {
			b.pending = b.pending[i+1:]
			return
		}
	}
	b.pending = nil
	b.write()
}

func (b *searchBox) write() {
	if input := app.Window().GetElementByID(SearchID); input.Truthy() && grid.CleanQuery(input.Get("value").String()) != b.Query {
		setProp(input, "value", b.Query)
	}
}

func (b *searchBox) send(ctx app.Context, v string) {
	b.pending = append(b.pending, v)
	b.Ctl.set(ctx, typing(v))
}

func (b *searchBox) onInput(ctx app.Context, e app.Event) {
	b.send(ctx, ctx.JSSrc().Get("value").String())
}

func (b *searchBox) onKeyDown(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Escape" {
		return
	}
	e.PreventDefault()
	if ctx.JSSrc().Get("value").String() == "" {
		return
	}
	setProp(ctx.JSSrc(), "value", "")
	b.send(ctx, "")
}

func (b *searchBox) onSubmit(ctx app.Context, e app.Event) {
	// With the wasm running every change is already applied.
	e.PreventDefault()
}

// Render draws the labelled search field and the hidden inputs that keep
// the sort and the columns in a plain form submit.
func (b *searchBox) Render() app.UI {
	var input app.UI = app.ElemSelfClosing("input").
		ID(SearchID).
		Attr("type", "search").
		Attr("name", "q").
		Attr("maxlength", grid.MaxQuery).
		Attr("autocomplete", "off").
		Spellcheck(false).
		Aria("describedby", "search-hint").
		Attr("enterkeyhint", "search").
		Attr("placeholder", searchPlaceholder).
		On("input", b.onInput).
		On("keydown", b.onKeyDown)
	if app.IsServer {
		input = prerenderedInput(b.Query)
	}
	return app.Elem("form").
		ID(FormID).
		Class("bg-search").
		Role("search").
		Attr("method", "get").
		On("submit", b.onSubmit).
		Body(
			app.Elem("label").Attr("for", SearchID).Text(b.Label),
			app.Div().Class("bg-search-row").Body(
				input,
				app.Elem("button").Attr("type", "submit").Class("bg-nojs").Text("Apply"),
			),
			app.P().ID("search-hint").Class("bg-hint").Body(
				app.Text("Press "),
				app.Elem("kbd").Text("/"),
				app.Text(" to search, "),
				app.Elem("kbd").Text("Esc"),
				app.Text(" to clear. Typos and abbreviations are fine: try “rials” or “aspnet”."),
			),
			app.Raw(hiddenInputs(b.Keep)),
		)
}

const searchPlaceholder = "Name, language, ORM, license…"

// prerenderedInput writes the search input of the prerendered page by hand.
// go-app quotes attribute values Go-style (\"), which HTML does not
// understand: a quote in the query would end the attribute and let the rest
// of the address write markup. Here the value is escaped as HTML.
func prerenderedInput(q string) app.UI {
	return app.Raw(fmt.Sprintf(`<input id="%s" type="search" name="q" value="%s" maxlength="%d" autocomplete="off" spellcheck="false" aria-describedby="search-hint" enterkeyhint="search" placeholder="%s">`,
		SearchID, html.EscapeString(q), grid.MaxQuery, searchPlaceholder))
}

// hiddenInputs writes one hidden input per kept parameter, escaped as HTML
// (a raw element: no go-app attribute quoting, and no handlers needed).
func hiddenInputs(v url.Values) string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(`<span class="bg-kept" hidden>`)
	for _, k := range keys {
		for _, val := range v[k] {
			fmt.Fprintf(&b, `<input type="hidden" name="%s" value="%s">`, html.EscapeString(k), html.EscapeString(val))
		}
	}
	b.WriteString(`</span>`)
	return b.String()
}

// keptParams are the view's parameters that the search form does not
// control: everything but the search, the facets and the picks.
func keptParams(cat *data.Catalog, s grid.State) url.Values {
	v := s.Encode()
	v.Del("q")
	v.Del("pick")
	for _, c := range cat.Columns {
		if c.Facet {
			v.Del(c.ID)
		}
	}
	return v
}
