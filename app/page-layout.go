package ui

import (
	"backendgrid/app/grid"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's layout: what Page renders for its State.

// Render lays out the header (or the slim embed bar), the notices, the
// grid or the comparison, and the footer.
func (p *Page) Render() app.UI {
	cat := p.Index.Catalog
	class := "bg-page"
	if p.state.Embed {
		class += " bg-embed"
	}
	root := app.Div().Class(class)
	if t := p.theme(); t != "" {
		root = root.DataSet("theme", t)
	}
	full := p.state
	full.Embed = false
	return root.Body(
		app.A().Class("skip-link").Href("#results").Text("Skip to results"),
		app.If(p.state.Embed, func() app.UI {
			return &embedBar{FullHref: full.Href()}
		}).Else(func() app.UI {
			return app.Elem("header").Class("bg-header").Body(
				app.Div().Class("bg-brand").Body(
					app.Elem("h1").Text("backendgrid"),
				),
				app.P().Class("bg-tagline").Textf(
					"Compare %s side by side: every fact sourced, checked as of %s.",
					cat.Noun.Of(len(cat.Items)), cat.AsOf),
				&themeSwitch{Current: p.themeChoice()},
			)
		}),
		app.If(p.state.Comparing(), func() app.UI {
			return app.Div().Body(
				&noticeList{Notices: p.notices},
				app.Elem("main").ID("results").Class("bg-results").TabIndex(-1).DataSet("state", grid.EncodeQuery(p.state.Encode())).Body(
					&compareView{
						Comparison: p.compare,
						Diff:       p.state.Diff,
						Catalog:    cat,
						GridHref:   p.state.CloseCompare().Href(),
					},
				),
			)
		}).Else(func() app.UI {
			return p.renderGrid()
		}),
		app.If(!p.state.Embed, func() app.UI {
			return app.Elem("footer").Class("bg-footer").Body(
				app.P().Textf("Facts as of %s. Each cell links to the official page or file it comes from.", cat.AsOf),
				app.P().ID("app-version").Textf("Version %s", Version()),
			)
		}),
		app.If(p.updateReady, func() app.UI { return &updateBanner{} }),
	)
}

// renderGrid is the default view: search, filters, the grid and the
// compare tray.
func (p *Page) renderGrid() app.UI {
	cat := p.Index.Catalog
	return app.Div().Body(
		&searchBox{Query: p.state.Query, Keep: keptParams(cat, p.state), Label: "Search " + cat.Noun.Many},
		&noticeList{Notices: p.notices},
		app.Div().Class("bg-layout").Body(
			&facetPanel{Facets: p.result.Facets, Filtered: p.state.Filtered()},
			// data-state is the rendered state's canonical query: tests (and
			// anyone automating the page) can wait for a view to be on screen.
			// has-picks leaves room for the sticky compare tray.
			app.Elem("main").ID("results").Class(resultsClass(len(p.state.Picks) > 0)).TabIndex(-1).DataSet("state", grid.EncodeQuery(p.state.Encode())).Body(
				&resultSummary{
					Shown:     len(p.result.Rows),
					Total:     p.result.Total,
					Noun:      cat.Noun,
					Query:     p.state.Query,
					Corrected: p.result.Corrected,
					SortedBy:  p.state.SortLabel(cat),
				},
				&choosePanel{
					Catalog:   cat,
					Need:      p.state.Need,
					Want:      p.state.Want,
					HideUnfit: p.state.HideUnfit,
					Unfit:     p.result.Unfit,
					Top:       cat.ItemsOf(grid.TopFits(p.result.Rows)),
				},
				&viewTools{
					Visible:        p.result.Columns,
					All:            cat.Columns,
					DefaultColumns: p.state.Cols == nil,
				},
				app.If(len(p.result.Rows) == 0, func() app.UI {
					return &emptyState{Query: p.state.Query, Filters: filterSummary(p.result.Facets), Noun: cat.Noun, Unfit: p.result.Unfit}
				}).Else(func() app.UI {
					return &gridTable{Rows: p.result.Rows[:min(len(p.result.Rows), p.limit())], Columns: p.result.Columns, State: p.state, Catalog: cat}
				}),
				app.If(len(p.result.Rows) > p.limit(), func() app.UI {
					return &showMore{Shown: p.limit(), Total: len(p.result.Rows), Step: rowsPerPage}
				}),
				&compareTray{
					Picks:       cat.ItemsOf(p.state.Picks),
					Noun:        cat.Noun,
					CompareHref: p.state.OpenCompare().Href(),
					Message:     p.trayMessage,
				},
			),
		),
	)
}

func resultsClass(picks bool) string {
	if picks {
		return "bg-results has-picks"
	}
	return "bg-results"
}
