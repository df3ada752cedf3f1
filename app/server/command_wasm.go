//go:build wasm

package server

import "backendgrid/app/grid"

// Main is never reached in the browser (app.RunWhenOnBrowser blocks): this
// stub keeps the server, net/http and flag out of the wasm binary.
func Main(*grid.Index) {}
