// Package budget holds the size budget of what a first visit downloads. The
// budget test enforces it after `make build`; `make bench` reports against it.
package budget

// BrotliWasm is the most web/app.wasm.br may weigh, in bytes (1.5 MB). The
// wasm is nearly all of a first visit: on a 10 Mbit/s mobile link every
// 100 kB more is 80 ms more before search responds.
const BrotliWasm = 1_500_000
