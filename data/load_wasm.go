//go:build wasm

package data

// loadEmbedded decodes the catalog for the browser. Validation stays out of
// the wasm (about 15 kB of it compressed, and part of the start-up time):
// `make build` validates the catalog before it builds the wasm, and the
// server, which embeds the same file, validates it when it starts.
func loadEmbedded() (*Catalog, error) {
	return Decode(FileName, frameworksJSON)
}
