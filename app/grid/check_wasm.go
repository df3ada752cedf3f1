//go:build wasm

package grid

import "backendgrid/data"

// checkCatalog trusts the catalog in the browser: the build and the server,
// which embed the same file, have run the checks (check.go). They stay out
// of the wasm's size and start-up.
func checkCatalog(*data.Catalog) error { return nil }
