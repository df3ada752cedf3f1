package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Yield hands the browser's main thread back to its event loop for a
// moment, in the browser only: a Go program that sleeps with nothing else
// to run returns from the wasm, and the timer resumes it in a task of its
// own. main calls it between the steps of the start (the Go runtime's
// start, decoding the catalog, building the search index, adopting the
// page), so that the start is several tasks the browser can paint and take
// input between, rather than one that blocks it for all of them.
func Yield() {
	if app.IsClient {
		time.Sleep(time.Millisecond)
	}
}
