//go:build !wasm

package data

// loadEmbedded decodes and validates the catalog: the server does so when
// it starts, so it never serves a page for a catalog that fails.
func loadEmbedded() (*Catalog, error) {
	return Load()
}
