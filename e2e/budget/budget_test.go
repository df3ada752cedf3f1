package budget

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBrotliWasm fails when the brotli wasm that the server sends grows over
// the budget. It reads the build output, so `make build` must run first
// (`make test` does).
func TestBrotliWasm(t *testing.T) {
	// Issue 17: the budget stays at 1.34 MB or below.
	const target = 1_340_000
	if BrotliWasm > target {
		t.Fatalf("the budget (%d bytes) is over the 1.34 MB target (%d): the target is what the budget must keep", BrotliWasm, target)
	}
	web := filepath.Join("..", "..", "web")
	wasm, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		t.Fatalf("web/app.wasm is missing: run `make build` first: %v", err)
	}
	br, err := os.Stat(filepath.Join(web, "app.wasm.br"))
	if err != nil {
		t.Fatalf("web/app.wasm.br is missing: run `make build` first: %v", err)
	}
	if br.ModTime().Before(wasm.ModTime()) {
		t.Fatalf("web/app.wasm.br is older than web/app.wasm: run `make build` to recompress it")
	}
	if got := br.Size(); got > BrotliWasm {
		t.Errorf("web/app.wasm.br is %d bytes (%.3f MB), over the %d-byte budget by %d bytes (raw wasm: %d bytes)",
			got, float64(got)/1e6, BrotliWasm, got-BrotliWasm, wasm.Size())
	} else {
		t.Logf("web/app.wasm.br is %d bytes, %d under the budget", got, BrotliWasm-got)
	}
}
