package ui

import (
	"backendgrid/app/grid"
	"backendgrid/data"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's layout: what Page renders for its State.

// Render lays out the header (or the slim embed bar), the notices, the
// grid or the comparison, and the footer.
func (p *Page) Render() app.UI {
	cat := p.Index.Catalog
	class := "bg-page"
	if p.view.state.Embed {
		class += " bg-embed"
	}
	root := app.Div().Class(class)
	if t := p.theme(); t != "" {
		root = root.DataSet("theme", t)
	}
	full := p.view.state
	full.Embed = false
	return root.Body(
		app.Elem("a").Class("skip-link").Attr("href", "#results").Text("Skip to results"),
		app.If(p.view.state.Embed, func() app.UI {
			return &embedBar{FullHref: full.Href()}
		}).Else(func() app.UI {
			return app.Elem("header").Class("bg-header").Body(
				app.Div().Class("bg-brand").Body(
					app.Elem("h1").Text("backendgrid"),
				),
				app.P().Class("bg-tagline").Textf(
					"Compare %s side by side: every fact sourced, checked as of %s.",
					cat.Noun.Of(len(cat.Items)), cat.AsOf),
				&themeSwitch{Current: p.themeChoice(), Ctl: p},
			)
		}),
		app.If(p.view.state.Comparing(), func() app.UI {
			return app.Div().Body(
				&noticeList{Notices: p.view.notices, Ctl: p},
				app.Elem("main").ID("results").Class("bg-results").TabIndex(-1).DataSet("state", grid.EncodeQuery(p.view.state.Encode())).Body(
					&compareView{
						Comparison: p.view.compare,
						Diff:       p.view.state.Diff,
						Catalog:    cat,
						GridHref:   p.view.state.CloseCompare().Href(),
						Ctl:        p,
						Today:      p.view.today,
					},
				),
			)
		}).Else(func() app.UI {
			return p.renderGrid()
		}),
		app.If(!p.view.state.Embed, func() app.UI {
			return app.Elem("footer").Class("bg-footer").Body(
				app.P().Textf("Facts as of %s. Every value opens its details and the official page or file it comes from.", cat.AsOf),
				app.P().ID("app-version").Textf("Version %s", Version()),
			)
		}),
		app.If(p.env.updateReady, func() app.UI { return &updateBanner{} }),
		detailsPopover(),
	)
}

// renderGrid is the default view: search, filters, the grid and the
// compare tray.
func (p *Page) renderGrid() app.UI {
	cat := p.Index.Catalog
	st, res := p.view.state, p.view.result
	return app.Div().Body(
		&searchBox{Query: st.Query, Keep: keptParams(cat, st), Label: "Search " + cat.Noun.Many, Ctl: p},
		&noticeList{Notices: p.view.notices, Ctl: p},
		app.Div().Class("bg-layout").Body(
			&facetPanel{Facets: res.Facets, Filtered: st.Filtered(), Catalog: cat, Ctl: p},
			// data-state is the rendered state's canonical query: tests (and
			// anyone automating the page) can wait for a view to be on screen.
			// has-picks leaves room for the sticky compare tray.
			app.Elem("main").ID("results").Class(resultsClass(len(st.Picks) > 0)).TabIndex(-1).DataSet("state", grid.EncodeQuery(p.view.state.Encode())).Body(
				// The count and the tools share a line above the grid.
				app.Div().Class("bg-toolbar").Body(
					&resultSummary{
						Shown:     len(res.Rows),
						Total:     res.Total,
						Noun:      cat.Noun,
						Query:     st.Query,
						Corrected: res.Corrected,
						SortedBy:  sortedBy(cat, st, res),
					},
					&viewTools{
						Visible:        res.Columns,
						All:            cat.Columns,
						DefaultColumns: st.Cols == nil,
						Catalog:        cat,
						Ctl:            p,
					},
				),
				&searchOffers{Asked: res.Asked, Catalog: cat, Ctl: p},
				&choosePanel{
					Catalog:   cat,
					Need:      st.Need,
					Want:      st.Want,
					HideUnfit: st.HideUnfit,
					Unfit:     res.Unfit,
					Top:       cat.ItemsOf(grid.TopFits(res.Rows)),
					Ctl:       p,
				},
				app.If(len(res.Rows) == 0, func() app.UI {
					return &emptyState{Query: st.Query, Filters: filterSummary(res.Facets), Noun: cat.Noun, Unfit: res.Unfit, Absent: absentNotes(cat, res.Absent), Catalog: cat, Ctl: p}
				}).Else(func() app.UI {
					return &gridTable{Rows: res.Rows[:min(len(res.Rows), p.limit())], Columns: res.Columns, State: st, Catalog: cat, Asked: res.Asked, Today: p.view.today, Ctl: p}
				}),
				app.If(len(res.Rows) > p.limit(), func() app.UI {
					return &showMore{Shown: p.limit(), Total: len(res.Rows), Step: rowsPerPage, Ctl: p}
				}),
				app.If(hasSupport(res.Columns), func() app.UI { return app.Raw(legendHTML) }),
				&compareTray{
					Picks:       cat.ItemsOf(st.Picks),
					Noun:        cat.Noun,
					CompareHref: st.OpenCompare().Href(),
					Message:     p.local.say,
					Catalog:     cat,
					Ctl:         p,
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

// sortedBy says how the rows are ordered: by the State's sort, or, when the
// search asks about support columns, by that support, best first.
func sortedBy(cat *data.Catalog, st grid.State, res grid.Result) string {
	if st.Sort.Column != "" || st.Choosing() {
		return st.SortLabel(cat)
	}
	var cols []string
	for _, a := range res.Asked {
		if a.Values == nil {
			cols = append(cols, a.Column.Label)
		}
	}
	if len(cols) == 0 {
		return st.SortLabel(cat)
	}
	return strings.Join(cols, " and ") + " support, best first"
}

// legendHTML explains the support marks, under the grid.
const legendHTML = `<p class="bg-legend" id="legend"><span class="bg-lv bg-lv-built-in">Built in: part of the core package</span>` +
	`<span class="bg-lv bg-lv-official">Official: an add-on from the same maintainers</span>` +
	`<span class="bg-lv bg-lv-third-party">3rd-party: from others</span><span class="bg-lv bg-lv-none">None</span>` +
	`<span>* has a note. Select a value for its details and source.</span></p>`

// hasSupport reports whether any of the columns shows support marks.
func hasSupport(cols []*data.Column) bool {
	for _, c := range cols {
		if c.Type == data.Support {
			return true
		}
	}
	return false
}
