package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Binary is where `make build` puts the server, relative to the repository
// root.
const Binary = "bin/backendgrid"

// servingLine is the line the server logs once it listens.
var servingLine = regexp.MustCompile(`serving on (http://\S+)`)

// ServerConfig says how to run a backendgrid server.
type ServerConfig struct {
	// Root is the server's working directory (it serves Root/web) and
	// where Binary is.
	Root string
	// Exe runs another binary than Root/bin/backendgrid (a build of the
	// program with another catalog, or the go-app floor).
	Exe string
	// Args are more flags. They come after -addr 127.0.0.1:0, so a later
	// -addr wins.
	Args []string
	// Timeout is how long the server may take to log its address: 30 s
	// when zero.
	Timeout time.Duration
	// Name says which server it is in messages: "backendgrid" when empty.
	Name string
}

// Server is a running backendgrid server (or another program that logs
// "serving on http://..." the same way).
type Server struct {
	*Process
	// URL is the address it logged, such as http://127.0.0.1:41234.
	URL string
	// Addr is URL's host and port.
	Addr string
}

// StartServer runs the server on a free loopback port and waits for its
// "serving on" line. The caller stops it: Kill, or Stop for a graceful end.
func StartServer(c ServerConfig) (*Server, error) {
	if c.Exe == "" {
		c.Exe = filepath.Join(c.Root, Binary)
	}
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Name == "" {
		c.Name = "backendgrid"
	}
	args := append([]string{"-addr", "127.0.0.1:0"}, c.Args...)
	p, err := start(c.Name, c.Root, servingLine, c.Exe, args...)
	if err != nil {
		return nil, err
	}
	select {
	case u := <-p.logs.found:
		return &Server{Process: p, URL: u, Addr: strings.TrimPrefix(u, "http://")}, nil
	case <-p.done:
		return nil, fmt.Errorf("%s exited at start (%v):\n%s", c.Name, p.err, p.Logs())
	case <-time.After(c.Timeout):
		p.Kill()
		return nil, fmt.Errorf("%s did not log its address within %s:\n%s", c.Name, c.Timeout, p.Logs())
	}
}

// CheckBuild says which of files (relative to root) `make build` has not
// made yet, if any.
func CheckBuild(root string, files ...string) error {
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			return fmt.Errorf("%s is missing: run `make build` first", f)
		}
	}
	return nil
}
