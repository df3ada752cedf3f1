//go:build wasm

package data

// loadEmbedded decodes the catalog for the browser. The checks stay out of
// the wasm (about 15 kB of it compressed, and part of the start-up time):
// `make build` validates the catalog before it builds the wasm, and the
// server, which embeds the same file, checks it in full when it starts.
// TestTrustedDecodeMatchesParse keeps the two decodings the same.
func loadEmbedded() (*Catalog, error) {
	return decodeTrusted(FileName, frameworksJSON)
}
