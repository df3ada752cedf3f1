//go:build wasm

package main

import ui "backendgrid/app"

// serve is never reached in the browser (RunWhenOnBrowser blocks); the
// server lives in server.go, out of the wasm binary.
func serve(*ui.Index) {}
