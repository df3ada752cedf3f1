package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
)

// FormID is the id of the form that carries the controls, so that without
// JavaScript a plain GET submit still filters (the server prerenders it).
const FormID = "controls"

// rowsPerPage is how many grid rows are rendered before "Show more".
const rowsPerPage = 50

// Page is the root component. It owns the State and renders its View
// (page-layout.go); the address is the State (address.go); components
// change it only through set, with a typed change (change.go).
type Page struct {
	app.Compo

	// Index is the searchable catalog; set by the route.
	Index *grid.Index

	view   pageView
	addr   address
	local  local
	env    environment
	loaded bool // the State has been read from an address
}

// pageView is the State and what the page computed from it.
type pageView struct {
	// today starts the time axes of the support windows.
	today   time.Time
	state   grid.State
	notices []grid.Notice
	result  grid.Result
	compare grid.Comparison
}

// local is what the reader changed that the address does not carry.
type local struct {
	// say is the compare tray's latest announcement.
	say string
	// rows is how many grid rows are rendered: a big catalog is shown a
	// page at a time, while search and counts always cover all of it.
	rows int
	// theme is the theme picked with the switch ("auto", "light",
	// "dark"), remembered in the browser; a theme= in the URL wins.
	theme string
}

// environment is the page's side of the browser: listeners, the document's
// appearance and new versions of the app.
type environment struct {
	// ctx is the page's own context, from OnMount: work deferred after a
	// render must not depend on the component that asked for it, which the
	// render may remove (the tray, when the comparison opens).
	ctx         app.Context
	booted      bool // the focus of the prerendered page was given back
	keydown     app.Func
	stopUpdates func()
	// appearance is the theme and accent last put on the document.
	appearance string
	// updateReady is set when a new version waits behind a reload.
	updateReady bool
	// installSeen is set once the first worker activation of a page that
	// started without one (the install) has been passed over.
	installSeen bool
	// invoker is the value whose details the popover shows; popToggle
	// and popClick follow the popover (details.go).
	invoker             app.Value
	popToggle, popClick app.Func
}

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

// OnInit computes the view before the first render: in the browser from
// the address, so the wasm's first paint matches the prerendered page
// instead of flashing an empty result until OnNav.
func (p *Page) OnInit() {
	switch {
	case p.loaded:
	case app.IsClient:
		p.load(app.Window().URL())
	default:
		p.show(grid.State{})
	}
}

// OnNav runs on the server before prerendering and in the browser on every
// navigation go-app sees (including some Backs and Forwards): the address
// is the source of truth.
func (p *Page) OnNav(ctx app.Context) {
	if app.IsServer {
		p.load(ctx.Page().URL())
		return
	}
	p.loadCurrent(ctx)
}

// OnMount starts listening to the browser and, on the first start, gives
// back the focus the reader had on the prerendered page and opens the
// details the reader asked for before the wasm started.
func (p *Page) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	p.env.ctx = ctx
	p.listen(ctx)
	p.watchPopover()
	if p.env.keydown == nil {
		p.env.keydown = app.FuncOf(func(this app.Value, args []app.Value) any {
			if args[0].Get("key").String() == "Escape" {
				ctx.Dispatch(func(ctx app.Context) {
					if p.view.state.Comparing() {
						p.set(ctx, closeCompare())
					}
				})
			}
			return nil
		})
		app.Window().Call("addEventListener", "keydown", p.env.keydown)
	}
	if p.env.stopUpdates == nil {
		p.env.stopUpdates = watchUpdates()
	}
	if p.local.theme == "" {
		p.local.theme = savedTheme()
		p.syncAppearance()
	}
	if !p.env.booted {
		p.env.booted = true
		ctx.Defer(func(ctx app.Context) {
			restoreFocus(ctx)
			p.openPending(ctx)
		})
	}
}

// openPending opens the details of the value the reader clicked before
// the wasm started (recorded by web/boot.js), if it is still on the page.
func (p *Page) openPending(ctx app.Context) {
	boot := app.Window().Get("backendgridBoot")
	if !boot.Truthy() {
		return
	}
	if el := boot.Get("open"); el.Truthy() && el.Get("isConnected").Bool() {
		p.details(ctx, attrText(el, "data-i"), attrText(el, "data-c"), el)
	}
}

// OnAppUpdate is called by go-app once a new version has been installed
// in the background.
func (p *Page) OnAppUpdate(ctx app.Context) {
	if !p.env.installSeen && !startedControlled() {
		// A first visit: this activation installed the worker; the page
		// already runs the only version there is.
		p.env.installSeen = true
		return
	}
	p.env.updateReady = ctx.AppUpdateAvailable()
}

// OnDismount releases the window's listeners.
func (p *Page) OnDismount() {
	p.addr.release()
	if p.env.stopUpdates != nil {
		p.env.stopUpdates()
		p.env.stopUpdates = nil
	}
	if p.env.keydown != nil {
		app.Window().Call("removeEventListener", "keydown", p.env.keydown)
		p.env.keydown.Release()
		p.env.keydown = nil
	}
	for _, f := range []*app.Func{&p.env.popToggle, &p.env.popClick} {
		if *f != nil {
			(*f).Release()
			*f = nil
		}
	}
}

// set applies a change: the new State is shown, the address follows, and
// the focus moves where the change says.
func (p *Page) set(ctx app.Context, c change) grid.State {
	s := c(p.view.state)
	if p.leaveByBack(s) {
		return p.view.state
	}
	p.show(s.state)
	switch {
	case s.say != "":
		p.local.say = s.say
	case s.nav == pushEntry:
		p.local.say = ""
	}
	p.follow(s)
	if s.focus != "" {
		if p.env.ctx.Src() != nil {
			ctx = p.env.ctx
		}
		focusID(ctx, s.focus)
	}
	return s.state
}

// show makes st the State and computes its view.
func (p *Page) show(st grid.State) {
	old := p.view.state
	if st.Query != old.Query || !grid.SameFilters(st.Filters, old.Filters) {
		p.local.rows = 0 // a new result starts at its first page
	}
	if p.view.today.IsZero() {
		p.view.today = time.Now()
	}
	p.view.state = st
	p.view.result = grid.View(p.Index, st)
	p.view.compare = grid.Compare(p.Index.Catalog, st)
	p.syncAppearance()
}

// dismiss removes the i-th notice.
func (p *Page) dismiss(ctx app.Context, i int) {
	if n := p.view.notices; i >= 0 && i < len(n) {
		p.view.notices = append(n[:i:i], n[i+1:]...)
	}
}

// showMore renders the next page of rows.
func (p *Page) showMore(ctx app.Context) {
	p.local.rows = p.limit() + rowsPerPage
}

// download saves the view as it is, rows and columns as shown.
func (p *Page) download(format string) {
	export := grid.ExportCSV
	if format == "json" {
		export = grid.ExportJSON
	}
	x, err := export(p.Index.Catalog, p.view.state, p.view.result, p.view.compare)
	if err != nil {
		app.Log("export failed:", err)
		return
	}
	saveFile(x)
}

// pickTheme applies and remembers the reader's theme; it replaces the
// one a link set.
func (p *Page) pickTheme(ctx app.Context, theme string) {
	p.local.theme = theme
	saveTheme(theme)
	p.set(ctx, to(func(s grid.State) grid.State {
		s.Theme = ""
		return s
	}))
	p.syncAppearance()
}

// limit is how many rows the grid renders now.
func (p *Page) limit() int {
	return max(p.local.rows, rowsPerPage)
}

// syncAppearance puts the theme and accent on the document when they
// changed: show runs on every key, they rarely change.
func (p *Page) syncAppearance() {
	if key := p.theme() + "/" + p.view.state.Accent; key != p.env.appearance {
		p.env.appearance = key
		applyAppearance(p.theme(), p.view.state.Accent)
	}
}

// theme is the effective theme: the URL's, else (outside embeds) the one
// picked with the switch, else "" to follow the system.
func (p *Page) theme() string {
	st := p.view.state
	switch {
	case st.Theme == "auto":
		return ""
	case st.Theme != "":
		return st.Theme
	case !st.Embed && (p.local.theme == "light" || p.local.theme == "dark"):
		return p.local.theme
	}
	return ""
}

// themeChoice is what the switch shows.
func (p *Page) themeChoice() string {
	if t := p.theme(); t != "" {
		return t
	}
	return "auto"
}
