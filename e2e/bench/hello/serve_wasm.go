//go:build wasm

package main

// serve is never reached in the browser; like backendgrid, the wasm carries
// no server code.
func serve() {}
