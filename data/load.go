//go:build !wasm

package data

// MustLoad is Load for program start-up: the build's tests guarantee the
// embedded catalog is valid, so a failure here is a broken build. The
// server checks the catalog in full when it starts, so it never serves a
// page for a catalog that fails.
func MustLoad() *Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}
