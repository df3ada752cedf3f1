// Package budget holds the size budget of what a first visit downloads. The
// budget test enforces it after `make build`; `make bench` reports against it.
package budget

// BrotliWasm is the most web/app.wasm.br may weigh, in bytes. The wasm is
// nearly all of a first visit: on a 10 Mbit/s mobile link every 100 kB
// more is 80 ms more before search responds.
//
// The target is 1.5 MB (TargetBrotliWasm). The wasm meets it at 1.303 MB
// because it is compiled against a copy of go-app without go-app's server
// half (tools/wasmgoapp); with go-app as published it would be 1.648 MB.
// The budget sits a little above today's size so that it stops growth, not
// only a breach of the target: lower it as the size comes down, and never
// raise it (or drop the cut) without saying why.
const BrotliWasm = 1_340_000

// TargetBrotliWasm is the goal make bench reports against.
const TargetBrotliWasm = 1_500_000
