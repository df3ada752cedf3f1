//go:build !wasm

package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

// ListenAndServe listens on the configured address (HTTPS when TLSCert is
// set) and serves the site until ctx is done; then it stops accepting
// connections and lets in-flight responses finish, for up to 30 seconds.
func (s *Site) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	return s.serve(ctx, ln)
}

// serve is ListenAndServe on a listener it takes over.
func (s *Site) serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		// The wasm is megabytes: leave slow connections time to take it.
		WriteTimeout:   2 * time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: maxHeaderBytes,
		ErrorLog:       log.New(os.Stderr, "http: ", log.LstdFlags),
	}
	scheme := "http"
	if s.cfg.TLSCert != "" {
		scheme = "https"
	}
	// The real address matters when the address asks for port 0 (the
	// browser tests read it from this line).
	log.Printf("backendgrid %s serving on %s://%s", s.cfg.Version, scheme, ln.Addr())

	errc := make(chan error, 1)
	go func() {
		if s.cfg.TLSCert != "" {
			errc <- srv.ServeTLS(ln, s.cfg.TLSCert, s.cfg.TLSKey)
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Printf("shutting down: finishing in-flight requests")
	// ctx is done: the grace period needs a context of its own.
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Printf("stopped")
	return nil
}
