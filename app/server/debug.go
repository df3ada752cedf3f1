//go:build !wasm

package server

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// serveDebug serves the runtime's profiles (net/http/pprof) on a listener
// of their own, apart from the site: nothing of it is reachable through
// the site's address, and it is off unless -debug-addr asks for it. The
// load test uses it to take heap and CPU profiles of the running server.
func serveDebug(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("-debug-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Printf("debug: profiles on http://%s/debug/pprof/", ln.Addr())
	go func() { log.Printf("debug: %v", srv.Serve(ln)) }()
	return nil
}
