// Package budget holds the size budget of what a first visit downloads. The
// budget test enforces it after `make build`; `make bench` reports against it.
package budget

// BrotliWasm is the most web/app.wasm.br may weigh, in bytes. The wasm is
// nearly all of a first visit: on a 10 Mbit/s mobile link every 100 kB
// more is 80 ms more before search responds.
//
// The target is 1.5 MB and it is NOT met: the go-app floor alone (a page
// that says Hello) is 1.40 MB, and backendgrid adds about 250 kB of its own
// (see the README's performance section). Until the wasm shrinks, this
// budget stops it from growing: 1.65 MB, about 0.6 % above today's
// 1.641 MB. Lower it as the size comes down; never raise it without saying
// why.
const BrotliWasm = 1_650_000

// TargetBrotliWasm is the goal make bench reports against.
const TargetBrotliWasm = 1_500_000
