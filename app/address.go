package ui

import (
	"net/url"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
)

// The address is the State: every view has a URL, and the page keeps the
// address bar equal to the canonical encoding of what it shows. This file
// is the only place that reads the address (load) or writes it (replace,
// push, back); Page.set calls follow after each change.

// urlDelay batches address updates while the reader types: browsers
// throttle history.replaceState when it is called on every key.
const urlDelay = 300 * time.Millisecond

// address is the page's bookkeeping of the address bar and the history.
type address struct {
	// current is the query string the address bar holds, as last read or
	// written by the page.
	current string
	// pushed holds the compared ids with which this page pushed the
	// comparison onto the history: closing it unchanged is then a Back.
	pushed []string
	// afterNav is the id of the element to focus once the next history
	// move (Back, Forward) has rendered.
	afterNav string

	// pending is the query a replaceLater will write; timer is its
	// setTimeout, tick the callback they share.
	pending string
	timer   app.Value
	tick    app.Func
	// popstate follows Back and Forward.
	popstate app.Func
}

// load sets the State from an address and recomputes the view. It is how
// the page starts (OnInit, OnNav) and how it follows Back and Forward.
func (p *Page) load(u *url.URL) {
	st, notices := grid.Parse(p.Index.Catalog, u.Query())
	p.view.notices = notices
	p.show(st)
	p.addr.current = u.RawQuery
	p.loaded = true
}

// loadCurrent reads the browser's address when it is not what the page
// shows already: go-app's navigation and the page's own popstate listener
// both report a Back, and only the first needs to do anything.
func (p *Page) loadCurrent(ctx app.Context) {
	p.addr.cancelLater()
	if u := app.Window().URL(); u.RawQuery != p.addr.current || !p.loaded {
		p.load(u)
	}
	p.replace(p.view.state)
	if id := p.addr.afterNav; id != "" {
		p.addr.afterNav = ""
		focusID(ctx, id)
	}
}

// follow brings the address in line with a step the page has just
// applied.
func (p *Page) follow(s step) {
	if !app.IsClient {
		return
	}
	switch s.nav {
	case replaceLater:
		p.addr.replaceLater(grid.EncodeQuery(s.state.Encode()))
	case pushEntry:
		// The grid's entry keeps the grid as it was when the comparison
		// opened (with the picks that opened it); Back returns to it.
		p.replace(s.state.CloseCompare())
		p.addr.pushed = slices.Clone(s.state.Compare)
		p.addr.write("pushState", grid.EncodeQuery(s.state.Encode()))
	case replaceNow, leaveEntry:
		if !s.state.Comparing() {
			p.addr.pushed = nil
		}
		p.replace(s.state)
	}
}

// leaveByBack goes back in the history instead of applying a step that
// closes the comparison, when this page opened it and it is unchanged:
// the grid entry behind it is then exactly where the reader returns.
func (p *Page) leaveByBack(s step) bool {
	a := &p.addr
	if s.nav != leaveEntry || a.pushed == nil || !slices.Equal(a.pushed, p.view.state.Compare) {
		return false
	}
	a.pushed = nil
	a.afterNav = s.focus
	a.cancelLater()
	app.Window().Get("history").Call("back") // popstate then loads the grid
	return true
}

// replace writes st as the current history entry's address.
func (p *Page) replace(st grid.State) {
	if !app.IsClient {
		return
	}
	p.addr.cancelLater()
	if q := grid.EncodeQuery(st.Encode()); q != p.addr.current {
		p.addr.write("replaceState", q)
	}
}

// write replaces or pushes the address with query q, keeping the path.
func (a *address) write(method, q string) {
	u := app.Window().URL()
	u.RawQuery = q
	// Through the history API rather than go-app's navigation: go-app
	// ignores a navigation to the address it last navigated to, and would
	// render the page again for an address the page already shows.
	app.Window().Get("history").Call(method, nil, "", u.String())
	a.current = q
}

// replaceLater writes q once the reader pauses. It renders nothing: the
// page already shows the State whose address it writes.
func (a *address) replaceLater(q string) {
	a.cancelLater()
	if q == a.current {
		return
	}
	a.pending = q
	if a.tick == nil {
		a.tick = app.FuncOf(func(this app.Value, args []app.Value) any {
			a.timer = nil
			a.write("replaceState", a.pending)
			return nil
		})
	}
	a.timer = app.Window().Call("setTimeout", a.tick, urlDelay.Milliseconds())
}

// cancelLater drops a pending replaceLater: a write or a history move
// since makes it stale.
func (a *address) cancelLater() {
	if a.timer != nil {
		app.Window().Call("clearTimeout", a.timer)
		a.timer = nil
	}
}

// listen follows Back and Forward. go-app reports them too (OnNav), but
// not when the address equals the last one go-app itself navigated to,
// which is often the case once the page writes addresses on its own.
func (p *Page) listen(ctx app.Context) {
	if p.addr.popstate != nil {
		return
	}
	p.addr.popstate = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(p.loadCurrent)
		return nil
	})
	app.Window().Call("addEventListener", "popstate", p.addr.popstate)
}

// release removes the listeners and the pending write.
func (a *address) release() {
	a.cancelLater()
	if a.popstate != nil {
		app.Window().Call("removeEventListener", "popstate", a.popstate)
		a.popstate.Release()
		a.popstate = nil
	}
	if a.tick != nil {
		a.tick.Release()
		a.tick = nil
	}
}
