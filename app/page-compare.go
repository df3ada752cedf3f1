package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's side of side-by-side comparison: picking, opening (a new
// history entry), closing (Back when possible) and keyboard Escape.

func (p *Page) handleCompare(ctx app.Context) {
	ctx.Handle(actionPick, func(ctx app.Context, a app.Action) {
		id, _ := a.Value.(string)
		p.togglePick(ctx, id)
	})
	ctx.Handle(actionOpenCompare, func(ctx app.Context, a app.Action) {
		p.openCompare(ctx)
	})
	ctx.Handle(actionCloseCompare, func(ctx app.Context, a app.Action) {
		p.closeCompare(ctx)
	})
	ctx.Handle(actionRemoveCompared, func(ctx app.Context, a app.Action) {
		id, _ := a.Value.(string)
		p.removeCompared(ctx, id)
	})
	ctx.Handle(actionDiff, func(ctx app.Context, a app.Action) {
		on, _ := a.Value.(bool)
		p.set(ctx, p.state.WithDiff(on), true)
	})
	if p.keydown == nil {
		p.keydown = app.FuncOf(func(this app.Value, args []app.Value) any {
			if args[0].Get("key").String() == "Escape" {
				ctx.Dispatch(func(ctx app.Context) {
					if p.state.Comparing() {
						p.closeCompare(ctx)
					}
				})
			}
			return nil
		})
		app.Window().Call("addEventListener", "keydown", p.keydown)
	}
	if p.popstate == nil {
		// Back and Forward: go-app calls OnNav only when the address
		// differs from the last one it navigated to itself, which is not
		// always the case once the page replaces and pushes addresses on
		// its own. So the page follows the history itself too.
		p.popstate = app.FuncOf(func(this app.Value, args []app.Value) any {
			ctx.Dispatch(func(ctx app.Context) {
				p.Load(app.Window().URL())
				p.focusAfterNav(ctx)
			})
			return nil
		})
		app.Window().Call("addEventListener", "popstate", p.popstate)
	}
}

// focusAfterNav moves the focus where the last navigation wanted it.
func (p *Page) focusAfterNav(ctx app.Context) {
	if p.afterNav != "" {
		focusID(ctx, p.afterNav)
		p.afterNav = ""
	}
}

func (p *Page) togglePick(ctx app.Context, id string) {
	it := p.Index.Catalog.Item(id)
	if it == nil {
		return
	}
	st, ok := p.state.TogglePick(id)
	switch {
	case !ok:
		p.trayMessage = fmt.Sprintf("You can compare up to %d %s: remove one before adding %s.",
			grid.MaxPicks, p.Index.Catalog.Noun.Many, it.Name)
		// The click already ticked the box; the state says no.
		if box := app.Window().GetElementByID("pick-" + id); box.Truthy() {
			box.Set("checked", false)
		}
		ctx.Update()
		return
	case st.Picked(id):
		p.trayMessage = fmt.Sprintf("%s added: %d of %d picked.", it.Name, len(st.Picks), grid.MaxPicks)
	default:
		p.trayMessage = fmt.Sprintf("%s removed: %d of %d picked.", it.Name, len(st.Picks), grid.MaxPicks)
	}
	p.set(ctx, st, true)
}

// openCompare pushes the comparison as a new history entry, so Back
// returns to the grid as it was and Forward comes back here.
func (p *Page) openCompare(ctx app.Context) {
	st := p.state.OpenCompare()
	if !st.Comparing() {
		return
	}
	p.writeURL(ctx) // the grid entry must hold the latest grid state
	p.urlSeq++
	p.pushed = slices.Clone(st.Compare)
	p.trayMessage = ""
	u := *ctx.Page().URL()
	u.RawQuery = grid.EncodeQuery(st.Encode())
	// Pushed here rather than through ctx.NavigateTo: go-app ignores a
	// navigation to the address it last navigated to (a shared comparison
	// link, closed and opened again, would do nothing).
	app.Window().Get("history").Call("pushState", nil, "", u.String())
	p.Load(&u)
	ctx.Update()
	focusID(ctx, "compare-heading")
}

// closeCompare goes back to the grid: a history Back when this page opened
// the comparison and nothing was removed since, a replaced entry otherwise
// (a deep link has no grid behind it).
func (p *Page) closeCompare(ctx app.Context) {
	if p.pushed != nil && slices.Equal(p.pushed, p.state.Compare) {
		p.pushed = nil
		p.afterNav = "open-compare"
		app.Window().Get("history").Call("back")
		return
	}
	p.pushed = nil
	p.set(ctx, p.state.CloseCompare(), true)
	focusID(ctx, "open-compare")
}

func (p *Page) removeCompared(ctx app.Context, id string) {
	st := p.state.RemoveCompared(id)
	if !st.Comparing() {
		p.pushed = nil
		p.set(ctx, st, true)
		focusID(ctx, "compare-tray")
		return
	}
	p.set(ctx, st, true)
	focusID(ctx, "compare-heading")
}

// The page's side of the view tools: columns, downloads and the theme.
func (p *Page) handleViewTools(ctx app.Context) {
	cat := p.Index.Catalog
	ctx.Handle(actionToggleColumn, func(ctx app.Context, a app.Action) {
		id, _ := a.Value.(string)
		p.set(ctx, p.state.ToggleColumn(cat, id), true)
	})
	ctx.Handle(actionMoveColumn, func(ctx app.Context, a app.Action) {
		if m, ok := a.Value.(columnMove); ok {
			p.set(ctx, p.state.MoveColumn(cat, m.ID, m.Delta), true)
		}
	})
	ctx.Handle(actionResetColumns, func(ctx app.Context, a app.Action) {
		p.set(ctx, p.state.ResetColumns(), true)
		focusID(ctx, "columns-toggle")
	})
	ctx.Handle(actionExport, func(ctx app.Context, a app.Action) {
		export := grid.ExportCSV
		if a.Value == "json" {
			export = grid.ExportJSON
		}
		x, err := export(cat, p.state, p.result, p.compare)
		if err != nil {
			app.Log("export failed:", err)
			return
		}
		download(x)
	})
	ctx.Handle(actionTheme, func(ctx app.Context, a app.Action) {
		v, _ := a.Value.(string)
		p.themePref = v
		saveTheme(v)
		st := p.state
		st.Theme = "" // the reader's pick replaces the link's
		p.set(ctx, st, true)
	})
	ctx.Handle(actionAddCriterion, func(ctx app.Context, a app.Action) {
		if c, ok := a.Value.(criterionChange); ok {
			p.set(ctx, p.state.SetCriterion(c.Criterion, c.Must), true)
		}
	})
	ctx.Handle(actionRemoveCriterion, func(ctx app.Context, a app.Action) {
		col, _ := a.Value.(string)
		p.set(ctx, p.state.RemoveCriterion(col), true)
	})
	ctx.Handle(actionHideUnfit, func(ctx app.Context, a app.Action) {
		hide, _ := a.Value.(bool)
		p.set(ctx, p.state.WithHideUnfit(hide), true)
	})
	ctx.Handle(actionCompareTop, func(ctx app.Context, a app.Action) {
		if top := grid.TopFits(p.result.Rows); len(top) >= 2 {
			p.state = p.state.WithPicks(top)
			p.openCompare(ctx) // the grid entry behind it keeps the picks
		}
	})
	if app.IsClient && p.themePref == "" {
		p.themePref = savedTheme()
		p.syncAppearance()
	}
}

// themeChoice is what the switch shows.
func (p *Page) themeChoice() string {
	if t := p.theme(); t != "" {
		return t
	}
	return "auto"
}
