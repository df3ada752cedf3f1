package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/data"
)

// choosePanel is "Help me choose": the reader lists what the project needs
// (must-haves) and would like (nice-to-haves); the grid ranks by fit and
// each row explains itself. Criteria live in the URL (need=, want=).
type choosePanel struct {
	app.Compo

	// Catalog provides the columns and their values.
	Catalog *data.Catalog
	// Need and Want are the current criteria.
	Need, Want []grid.Criterion
	// HideUnfit hides rows that miss a must-have.
	HideUnfit bool
	// Unfit counts the hidden rows.
	Unfit int
	// Top are the best matches that meet every must-have (2 to 4).
	Top []*data.Item
	// Ctl is the page: criteria change its State.
	Ctl controller

	// toggled is set once the reader opens or closes the panel; until
	// then it is open exactly when there are criteria (the same on the
	// server and in the browser).
	toggled bool
	open    bool
	column  string
	level   string
	values  []string
	op      string
	year    string
}

func (c *choosePanel) OnInit() {
	c.reset()
}

func (c *choosePanel) isOpen() bool {
	if c.toggled {
		return c.open
	}
	return len(c.Need)+len(c.Want) > 0
}

func (c *choosePanel) reset() {
	if cols := grid.CriterionColumns(c.Catalog); len(cols) > 0 && c.column == "" {
		c.column = cols[0].ID
	}
	c.level, c.values, c.op, c.year = data.BuiltIn, nil, "<", "2012"
}

func (c *choosePanel) toggleOpen(ctx app.Context, e app.Event) {
	c.open, c.toggled = !c.isOpen(), true
}

func (c *choosePanel) pickColumn(ctx app.Context, e app.Event) {
	c.column = ctx.JSSrc().Get("value").String()
	c.values = nil
	if col := c.Catalog.Column(c.column); col != nil && col.Type == data.Releases {
		// Support windows run into the future: a first guess two years on.
		c.op, c.year = ">", strconv.Itoa(time.Now().Year()+2)
	}
}

func (c *choosePanel) pickLevel(ctx app.Context, e app.Event) {
	c.level = ctx.JSSrc().Get("value").String()
}

func (c *choosePanel) pickOp(ctx app.Context, e app.Event) { c.op = ctx.JSSrc().Get("value").String() }

func (c *choosePanel) pickYear(ctx app.Context, e app.Event) {
	c.year = ctx.JSSrc().Get("value").String()
}

func (c *choosePanel) toggleValue(v string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if i := slices.Index(c.values, v); i >= 0 {
			c.values = slices.Delete(c.values, i, i+1)
			return
		}
		c.values = append(c.values, v)
	}
}

// built is the criterion the builder describes, if it is complete.
func (c *choosePanel) built() (grid.Criterion, bool) {
	col := c.Catalog.Column(c.column)
	if col == nil {
		return grid.Criterion{}, false
	}
	raw := c.column + ":"
	switch {
	case col.Type == data.Year || col.Type == data.Releases:
		raw += c.op + c.year
	case col.Type == data.Support:
		raw += c.level
	default:
		if len(c.values) == 0 {
			return grid.Criterion{}, false
		}
		for i, v := range c.values {
			if i > 0 {
				raw += "|"
			}
			raw += v
		}
	}
	cr, err := grid.ParseCriterion(c.Catalog, raw)
	return cr, err == nil
}

func (c *choosePanel) add(must bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		cr, ok := c.built()
		if !ok {
			return
		}
		c.Ctl.set(ctx, setCriterion(cr, must))
		c.values = nil
		// The boxes were ticked in the DOM; a render that lagged behind the
		// clicks would see no change to make, so they are cleared here.
		for _, box := range all(".bg-builder-values input") {
			setProp(box, "checked", false)
		}
	}
}

func (c *choosePanel) remove(column string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.Ctl.set(ctx, removeCriterion(column))
	}
}

func (c *choosePanel) swap(cr grid.Criterion, toMust bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.Ctl.set(ctx, setCriterion(cr, toMust))
	}
}

func (c *choosePanel) hideUnfit(ctx app.Context, e app.Event) {
	c.Ctl.set(ctx, hideUnfit(ctx.JSSrc().Get("checked").Bool()))
}

func (c *choosePanel) compareTop(ctx app.Context, e app.Event) {
	ids := make([]string, len(c.Top))
	for i, it := range c.Top {
		ids[i] = it.ID
	}
	c.Ctl.set(ctx, compareThese(ids))
}

// Render draws the disclosure, the criteria, the builder and the actions.
func (c *choosePanel) Render() app.UI {
	n := len(c.Need) + len(c.Want)
	title := "Help me choose"
	if n > 0 {
		title = fmt.Sprintf("Help me choose (%d criteria)", n)
	}
	return app.Elem("section").Class("bg-choose").Aria("labelledby", "choose-heading").Body(
		app.Elem("h2").ID("choose-heading").Body(
			app.Elem("button").Attr("type", "button").ID("choose-toggle").Class("bg-choose-toggle").
				Aria("expanded", strconv.FormatBool(c.isOpen())).Aria("controls", "choose-body").
				Text(title).On("click", c.toggleOpen),
		),
		app.If(c.isOpen(), func() app.UI {
			return app.Div().ID("choose-body").Class("bg-choose-body").Body(
				app.P().Class("bg-hint").Text("Say what your project needs. Must-haves rule frameworks out; nice-to-haves rank the rest. An official add-on earns half credit where built in was asked."),
				app.If(n > 0, func() app.UI {
					return app.Elem("ul").Class("bg-criteria").Body(
						app.Range(c.Need).Slice(func(i int) app.UI { return c.criterion(c.Need[i], true) }),
						app.Range(c.Want).Slice(func(i int) app.UI { return c.criterion(c.Want[i], false) }),
					)
				}),
				c.builder(),
				app.If(len(c.Need) > 0, func() app.UI {
					return app.Elem("span").Class("bg-switch").Body(
						boolAttrs(app.ElemSelfClosing("input").Attr("type", "checkbox").ID("hide-unfit").On("change", c.hideUnfit), c.HideUnfit, false),
						app.Elem("label").Attr("for", "hide-unfit").Textf("Hide frameworks that miss a must-have%s", hiddenCount(c.Unfit)),
					)
				}),
				app.If(len(c.Top) >= 2, func() app.UI {
					return app.Elem("button").Attr("type", "button").ID("compare-top").Class("bg-button").
						Textf("Compare the top %d: %s", len(c.Top), names(c.Top)).On("click", c.compareTop)
				}),
			)
		}),
	)
}

func hiddenCount(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d hidden)", n)
}

func (c *choosePanel) criterion(cr grid.Criterion, must bool) app.UI {
	kind, other := "Must-have", "nice-to-have"
	if !must {
		kind, other = "Nice-to-have", "must-have"
	}
	desc := cr.Describe(c.Catalog)
	return app.Elem("li").Class("bg-criterion").ID("crit-"+cr.Column).Body(
		app.Elem("span").Class("bg-crit-kind bg-crit-"+map[bool]string{true: "must", false: "want"}[must]).Text(kind),
		app.Elem("span").Class("bg-crit-text").Text(desc),
		app.Elem("button").Attr("type", "button").Class("bg-link-button").
			Aria("label", "Make "+other+": "+desc).Text("Make "+other).
			// The whole criterion is in the scope: the closure holds it,
			// and go-app keeps a handler whose code and scope are unchanged.
			OnClick(c.swap(cr, !must), app.EventScope(cr.String(), must)),
		app.Elem("button").Attr("type", "button").Class("bg-remove").
			Aria("label", "Remove criterion: "+desc).Text("×").
			OnClick(c.remove(cr.Column), app.EventScope(cr.Column)),
	)
}

func (c *choosePanel) builder() app.UI {
	cols := grid.CriterionColumns(c.Catalog)
	col := c.Catalog.Column(c.column)
	_, complete := c.built()
	return app.Div().Class("bg-builder").Body(
		app.Div().Class("bg-builder-field").Body(
			app.Elem("label").Attr("for", "crit-column").Text("Criterion"),
			app.Elem("select").ID("crit-column").On("change", c.pickColumn).Body(
				app.Range(cols).Slice(func(i int) app.UI {
					return option(cols[i].ID, cols[i].Label, cols[i].ID == c.column)
				}),
			),
		),
		app.If(col != nil && col.Type == data.Support, func() app.UI {
			return app.Div().Class("bg-builder-field").Body(
				app.Elem("label").Attr("for", "crit-level").Text("Level"),
				app.Elem("select").ID("crit-level").On("change", c.pickLevel).Body(
					option(data.BuiltIn, "Built in", c.level == data.BuiltIn),
					option(data.Official, "Built in or official add-on", c.level == data.Official),
					option(data.ThirdParty, "Any, third-party included", c.level == data.ThirdParty),
				),
			)
		}).ElseIf(col != nil && (col.Type == data.Year || col.Type == data.Releases), func() app.UI {
			when := "When"
			if col.Type == data.Releases {
				when = "Ends"
			}
			return app.Div().Class("bg-builder-field").Body(
				app.Elem("label").Attr("for", "crit-op").Text(when),
				app.Elem("select").ID("crit-op").On("change", c.pickOp).Body(
					option("<", "Before", c.op == "<"),
					option(">", "After", c.op == ">"),
				),
				app.Elem("label").Attr("for", "crit-year").Class("bg-visually-hidden").Text("Year"),
				app.ElemSelfClosing("input").Attr("type", "number").ID("crit-year").Attr("min", 1950).Attr("max", 2100).Attr("value", c.year).On("input", c.pickYear),
			)
		}).ElseIf(col != nil, func() app.UI {
			vals := c.Catalog.FacetValues(col)
			return app.Elem("fieldset").Class("bg-builder-values").Body(
				app.Elem("legend").Text("Any of"),
				app.Range(vals).Slice(func(i int) app.UI {
					id := fmt.Sprintf("crit-v-%d", i)
					return app.Elem("span").Class("bg-builder-value").Body(
						boolAttrs(app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).
							OnChange(c.toggleValue(vals[i]), app.EventScope(c.column, vals[i])), slices.Contains(c.values, vals[i]), false),
						app.Elem("label").Attr("for", id).Text(vals[i]),
					)
				}),
			)
		}),
		app.Div().Class("bg-builder-actions").Body(
			buttonDisabled(app.Elem("button").Attr("type", "button").ID("add-need").Class("bg-secondary").
				Text("Add as must-have").On("click", c.add(true)), !complete),
			buttonDisabled(app.Elem("button").Attr("type", "button").ID("add-want").Class("bg-secondary").
				Text("Add as nice-to-have").On("click", c.add(false)), !complete),
		),
	)
}

// option is a select option whose selected state renders right on both
// sides (see boolAttrs).
func option(value, label string, selected bool) app.UI {
	o := app.Elem("option").Attr("value", value).Text(label)
	if selected || app.IsClient {
		o = o.Attr("selected", selected)
	}
	return o
}
