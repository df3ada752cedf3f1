//go:build wasm

package main

import "backendgrid/app/grid"

// serve is never reached in the browser (RunWhenOnBrowser blocks); the
// server lives in server.go, out of the wasm binary.
func serve(*grid.Index) {}
