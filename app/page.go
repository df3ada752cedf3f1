package ui

import (
	"backendgrid/app/grid"
	"net/url"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Action names: child components post these, the page turns them into a
// new State.
const (
	actionQuery       = "bg/query"
	actionToggle      = "bg/toggle"
	actionClearFacet  = "bg/clear-facet"
	actionClearAll    = "bg/clear-all"
	actionClearSearch = "bg/clear-search"
	actionSort        = "bg/sort"
	actionDismiss     = "bg/dismiss"

	actionPick           = "bg/pick"
	actionOpenCompare    = "bg/open-compare"
	actionCloseCompare   = "bg/close-compare"
	actionRemoveCompared = "bg/remove-compared"
	actionDiff           = "bg/diff"
	actionShowMore       = "bg/show-more"

	actionToggleColumn = "bg/toggle-column"
	actionMoveColumn   = "bg/move-column"
	actionResetColumns = "bg/reset-columns"
	actionExport       = "bg/export"
	actionTheme        = "bg/theme"

	actionAddCriterion    = "bg/add-criterion"
	actionRemoveCriterion = "bg/remove-criterion"
	actionHideUnfit       = "bg/hide-unfit"
	actionCompareTop      = "bg/compare-top"
)

// FormID is the id of the form that carries the controls, so that without
// JavaScript a plain GET submit still filters (the server prerenders it).
const FormID = "controls"

// urlDelay batches URL updates while the user types: browsers throttle
// history.replaceState when it is called on every keystroke.
const urlDelay = 300 * time.Millisecond

// toggleValue is the payload of actionToggle.
type toggleValue struct {
	Column, Value string
}

// Page is the root component: it owns the State, mirrors it in the URL and
// renders the View of it.
type Page struct {
	app.Compo

	// Index is the searchable catalog; set by the route.
	Index *grid.Index

	state   grid.State
	result  grid.Result
	compare grid.Comparison
	notices []grid.Notice
	loaded  bool
	urlSeq  int
	booted  bool

	// trayMessage is the compare tray's latest announcement.
	trayMessage string
	// pushed holds the picks with which this page pushed the comparison
	// onto the history: closing it unchanged is then a plain Back.
	pushed   []string
	keydown  app.Func
	popstate app.Func
	// afterNav is the id of the element to focus once the next navigation
	// (opening or closing the comparison) has rendered.
	afterNav string

	// updateReady is set when a new version waits behind a reload.
	updateReady bool
	// installSeen is set once the first worker activation of a page that
	// started without one (the install) has been passed over.
	installSeen bool
	stopUpdates func()
	// themePref is the theme picked with the switch ("auto", "light",
	// "dark"), remembered in localStorage; a theme= in the URL wins.
	themePref string
	// appearance is the theme and accent last put on the document.
	appearance string
	// shown is how many grid rows are rendered: a big catalog is shown a
	// page at a time, while search and counts always cover all of it.
	shown int
}

// rowsPerPage is how many grid rows are rendered before "Show more".
const rowsPerPage = 50

// NewPage returns a page over the index, for app.Route.
func NewPage(ix *grid.Index) func() app.Composer {
	return func() app.Composer { return &Page{Index: ix} }
}

// OnPreRender starts the wasm download from the page's head: the loader
// script only asks for it once the whole document is parsed.
func (p *Page) OnPreRender(ctx app.Context) {
	ctx.Page().SetPreloads(app.Preload{
		Href:          "/web/app.wasm crossorigin=anonymous", // fetch() requests are CORS-mode
		As:            "fetch",
		Type:          "application/wasm",
		FetchPriority: "high",
	})
}

// OnNav runs on the server before prerendering and in the browser on every
// navigation (including Back and Forward): the URL is the source of truth.
func (p *Page) OnNav(ctx app.Context) {
	p.Load(ctx.Page().URL())
	if app.IsClient {
		p.writeURL(ctx)
	}
	p.focusAfterNav(ctx)
}

// OnInit computes the view before the first render: in the browser from
// the address, so the wasm's first paint matches the prerendered page
// instead of flashing an empty result until OnNav.
func (p *Page) OnInit() {
	switch {
	case p.loaded:
	case app.IsClient:
		p.Load(app.Window().URL())
	default:
		p.apply(grid.State{})
	}
}

// Load sets the State from a URL and recomputes the View.
func (p *Page) Load(u *url.URL) {
	st, notices := grid.Parse(p.Index.Catalog, u.Query())
	p.notices = notices
	p.apply(st)
	p.loaded = true
}

func (p *Page) apply(st grid.State) {
	if st.Query != p.state.Query || !sameFilters(st.Filters, p.state.Filters) {
		p.shown = 0 // a new result starts at its first page
	}
	p.state = st
	p.result = grid.View(p.Index, st)
	p.compare = grid.Compare(p.Index.Catalog, st)
	p.syncAppearance()
}

// syncAppearance puts the theme and accent on the document when they
// changed: apply runs on every keystroke, they rarely change.
func (p *Page) syncAppearance() {
	if key := p.theme() + "/" + p.state.Accent; key != p.appearance {
		p.appearance = key
		applyAppearance(p.theme(), p.state.Accent)
	}
}

// theme is the effective theme: the URL's, else (outside embeds) the one
// picked with the switch, else "" to follow the system.
func (p *Page) theme() string {
	switch {
	case p.state.Theme == "auto":
		return ""
	case p.state.Theme != "":
		return p.state.Theme
	case !p.state.Embed && (p.themePref == "light" || p.themePref == "dark"):
		return p.themePref
	}
	return ""
}

// OnMount wires the child components' actions and, on the first start,
// gives back the focus the reader had on the prerendered page.
func (p *Page) OnMount(ctx app.Context) {
	ctx.Handle(actionQuery, func(ctx app.Context, a app.Action) {
		q, _ := a.Value.(string)
		p.set(ctx, p.state.WithQuery(q), false)
	})
	ctx.Handle(actionClearSearch, func(ctx app.Context, a app.Action) {
		p.set(ctx, p.state.WithQuery(""), true)
	})
	ctx.Handle(actionToggle, func(ctx app.Context, a app.Action) {
		if v, ok := a.Value.(toggleValue); ok {
			p.set(ctx, p.state.Toggle(p.Index.Catalog, v.Column, v.Value), true)
		}
	})
	ctx.Handle(actionClearFacet, func(ctx app.Context, a app.Action) {
		id, _ := a.Value.(string)
		p.set(ctx, p.state.ClearFilter(id), true)
	})
	ctx.Handle(actionClearAll, func(ctx app.Context, a app.Action) {
		p.set(ctx, p.state.ClearAll(), true)
	})
	ctx.Handle(actionSort, func(ctx app.Context, a app.Action) {
		if k, ok := a.Value.(grid.SortKey); ok {
			p.set(ctx, p.state.WithSort(k), true)
		}
	})
	ctx.Handle(actionDismiss, func(ctx app.Context, a app.Action) {
		i, _ := a.Value.(int)
		if i >= 0 && i < len(p.notices) {
			p.notices = append(p.notices[:i:i], p.notices[i+1:]...)
		}
		ctx.Update()
	})
	p.handleCompare(ctx)
	p.handleViewTools(ctx)
	ctx.Handle(actionShowMore, func(ctx app.Context, a app.Action) {
		p.shown += rowsPerPage
		ctx.Update()
	})
	if app.IsClient && p.stopUpdates == nil {
		p.stopUpdates = watchUpdates()
	}
	if !p.booted {
		p.booted = true
		ctx.Defer(restoreFocus)
	}
}

// OnAppUpdate is called by go-app once a new version has been installed
// in the background.
func (p *Page) OnAppUpdate(ctx app.Context) {
	if !p.installSeen && !startedControlled() {
		// A first visit: this activation installed the worker; the page
		// already runs the only version there is.
		p.installSeen = true
		return
	}
	p.updateReady = ctx.AppUpdateAvailable()
}

// OnDismount releases the window's listeners.
func (p *Page) OnDismount() {
	if p.stopUpdates != nil {
		p.stopUpdates()
		p.stopUpdates = nil
	}
	if p.keydown != nil {
		app.Window().Call("removeEventListener", "keydown", p.keydown)
		p.keydown.Release()
		p.keydown = nil
	}
	if p.popstate != nil {
		app.Window().Call("removeEventListener", "popstate", p.popstate)
		p.popstate.Release()
		p.popstate = nil
	}
}

// set applies a new State from a user action and updates the URL, at once
// for clicks and after a pause for typing.
func (p *Page) set(ctx app.Context, st grid.State, now bool) {
	p.apply(st)
	ctx.Update()
	if now {
		p.urlSeq++
		p.writeURL(ctx)
		return
	}
	p.urlSeq++
	seq := p.urlSeq
	ctx.After(urlDelay, func(ctx app.Context) {
		if seq == p.urlSeq {
			p.writeURL(ctx)
		}
	})
}

// writeURL replaces the address with the canonical form of the State, so
// a reload or a shared link shows the same view and bad parameters vanish.
func (p *Page) writeURL(ctx app.Context) {
	u := *ctx.Page().URL()
	want := grid.EncodeQuery(p.state.Encode())
	if u.RawQuery == want {
		return
	}
	u.RawQuery = want
	ctx.Page().ReplaceURL(&u)
}

// limit is how many rows the grid renders now.
func (p *Page) limit() int {
	return max(p.shown, rowsPerPage)
}

func sameFilters(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
