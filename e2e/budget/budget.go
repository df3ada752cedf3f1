// Package budget holds the size budget of what a first visit downloads. The
// budget test enforces it after `make build`; `make bench` reports against it.
package budget

// BrotliWasm is the most web/app.wasm.br may weigh, in bytes. The wasm is
// nearly all of a first visit: on a 10 Mbit/s mobile link every 100 kB
// more is 80 ms more before search responds.
//
// It is also the target make bench reports against (1.34 MB, issue 17). The
// wasm meets it (1.338 MB on 2026-12-02) because it is compiled against a
// copy of go-app without go-app's server half and without Go's own random
// generator (tools/wasmgoapp/patches). The budget sits a little above
// today's size so that it stops growth: lower it as the size comes down,
// and never raise it (or drop a patch) without saying why.
const BrotliWasm = 1_340_000
