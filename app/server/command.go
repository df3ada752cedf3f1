//go:build !wasm

package server

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"backendgrid/app/grid"
)

// Main is the server half of the program: it reads the server's flags from
// the command line and does what they ask: write precompressed copies of
// the assets (-precompress), write a static export (-static), or serve
// until SIGINT or SIGTERM. On failure it logs the error and exits with
// status 1.
//
// The flags are read here rather than in main.go because package flag,
// linked into the wasm, would add 76 kB to it (9 to 18 kB of brotli).
func Main(ix *grid.Index) {
	c, err := parseFlags(flag.CommandLine, os.Args[1:])
	if err == nil {
		err = c.run(ix)
	}
	if err != nil {
		log.Fatal(err)
	}
}

// command is what the flags ask for.
type command struct {
	cfg         Config
	web         string // directory of the assets
	precompress bool
	static      string // directory to write a static export into, if any
	prefix      string // with static: the path the export will be served under
	// memoryLimit is the Go runtime's soft memory limit in MiB (0: none);
	// memoryLimitSet says the flag was given, so that it wins over GOMEMLIMIT.
	memoryLimit    int64
	memoryLimitSet bool
	debugAddr      string // where to serve net/http/pprof, if anywhere
}

// defaultMemoryLimit is -memory-limit's default, in MiB: with the binary's
// own pages (about 10 MiB resident) it keeps the process within a 64 MiB
// container, the smallest that platforms sell.
const defaultMemoryLimit = 48

// parseFlags defines the server's flags on fs and parses args. README's
// "Server flags" table lists them: keep the two in step.
func parseFlags(fs *flag.FlagSet, args []string) (command, error) {
	var c command
	fs.StringVar(&c.cfg.Addr, "addr", "localhost:8000", "address to listen on")
	fs.StringVar(&c.cfg.Version, "version", "", "app version; a new one makes open and installed copies update (default: the build's VCS revision)")
	fs.StringVar(&c.cfg.Domain, "domain", "", "public host name for og:url (default: the -addr host)")
	fs.StringVar(&c.web, "web", "web", "directory of the static assets")
	fs.StringVar(&c.cfg.FrameAncestors, "frame-ancestors", "*", "CSP frame-ancestors: who may embed the widget, e.g. \"'self' https://example.com\"")
	fs.StringVar(&c.cfg.TLSCert, "tls-cert", "", "TLS certificate file (with -tls-key: serve HTTPS and send HSTS)")
	fs.StringVar(&c.cfg.TLSKey, "tls-key", "", "TLS key file")
	fs.BoolVar(&c.precompress, "precompress", false, "write brotli and gzip copies of the web assets next to them, then exit")
	fs.StringVar(&c.static, "static", "", "write a static export of the site into this directory, then exit")
	fs.StringVar(&c.prefix, "prefix", "/", "with -static: the path the export will be served under")
	fs.Int64Var(&c.memoryLimit, "memory-limit", defaultMemoryLimit, "soft memory limit of the Go runtime in MiB, 0 for none (default: GOMEMLIMIT when set, else 48)")
	fs.StringVar(&c.debugAddr, "debug-addr", "", "serve net/http/pprof on this address (for profiling; keep it on loopback)")
	if err := fs.Parse(args); err != nil {
		return command{}, fmt.Errorf("reading the flags: %w", err)
	}
	fs.Visit(func(f *flag.Flag) { c.memoryLimitSet = c.memoryLimitSet || f.Name == "memory-limit" })
	if c.memoryLimit < 0 {
		return command{}, fmt.Errorf("-memory-limit %d: want MiB, 0 or more", c.memoryLimit)
	}
	return c, nil
}

// run does what the flags ask.
func (c command) run(ix *grid.Index) error {
	if c.precompress {
		return Precompress(c.web)
	}
	c.setMemoryLimit()
	// A running server answers at the root; -prefix is for exports that
	// another host serves under a sub-path.
	c.cfg.Prefix = "/"
	if c.static != "" {
		c.cfg.Prefix = c.prefix
	}
	site, err := New(c.cfg, ix, os.DirFS(c.web))
	if err != nil {
		return fmt.Errorf("-web %s: %w", c.web, err)
	}
	if c.static != "" {
		return site.Export(c.static)
	}
	if c.debugAddr != "" {
		if err := serveDebug(c.debugAddr); err != nil {
			return err
		}
	}
	// What building the site allocated (compressing go-app's files, the
	// first render) is garbage now: hand it back to the OS at once rather
	// than over the scavenger's minutes, so an idle server is small.
	debug.FreeOSMemory()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return site.ListenAndServe(ctx)
}

// setMemoryLimit gives the Go runtime its soft memory limit: the flag's,
// unless the flag was not given and GOMEMLIMIT was. Under the limit the
// garbage collector runs more often instead of letting the heap double,
// and freed memory goes back to the OS sooner.
func (c command) setMemoryLimit() {
	if !c.memoryLimitSet && os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := int64(math.MaxInt64) // the runtime's "no limit"
	if c.memoryLimit > 0 {
		limit = c.memoryLimit << 20
	}
	debug.SetMemoryLimit(limit)
}
