// Command backendgrid is a fuzzy-searchable, filterable comparison grid of
// backend frameworks. The same main is built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm) and as the server that hosts the
// assets and prerenders every page (package app/server, left out of the
// wasm by its build tags).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "backendgrid/app"
	"backendgrid/app/grid"
	"backendgrid/app/server"
	"backendgrid/data"
)

func main() {
	// In the browser, each step is a task of its own (see ui.Yield).
	ui.Yield()
	catalog := data.MustLoad()
	ui.Yield()
	ix, err := grid.Open(catalog)
	ui.Yield()
	if err != nil {
		panic(err) // the build's tests check the catalog: this is a broken build
	}
	// One page, the grid, whose state is its query; it also answers as
	// /index.html, the name static hosts and links give it.
	app.Route("/", ui.NewPage(ix))
	app.Route("/index.html", ui.NewPage(ix))
	app.RunWhenOnBrowser()
	// Not reached in the browser. The server reads its own flags: package
	// flag in the wasm would add 76 kB to it (9 to 18 kB of brotli).
	server.Main(ix)
}
