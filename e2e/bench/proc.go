package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"backendgrid/e2e/harness"
)

// server is one running server process (backendgrid or hello) with a
// byte-counting proxy in front of it.
type server struct {
	*harness.Server
	name     string
	proxy    *proxy
	stopping atomic.Bool
}

// URL is where the browser goes: the proxy, so that every byte is counted,
// service worker traffic included (the page's network events miss it). The
// server's own address is s.Server.URL.
func (s *server) URL() string { return "http://" + s.proxy.ln.Addr().String() + "/" }

// startServer runs exe in dir on a free loopback port. The process runs
// from a copy of exe named after name: on a shared machine other people's
// scripts stop servers by the name "backendgrid", and a benchmark must not
// lose its server halfway.
func startServer(tmp, name, dir, exe string, args ...string) (*server, error) {
	run := filepath.Join(tmp, "run", "bench-"+name)
	if err := copyFile(exe, run); err != nil {
		return nil, err
	}
	if err := os.Chmod(run, 0o755); err != nil {
		return nil, err
	}
	hs, err := harness.StartServer(harness.ServerConfig{Name: name, Root: dir, Exe: run, Args: args, Timeout: 2 * time.Minute})
	if err != nil {
		return nil, err
	}
	s := &server{Server: hs, name: name}
	go func() {
		<-s.Done()
		if !s.stopping.Load() {
			log.Printf("%s exited while measured (%v); its log:\n%s", name, s.Err(), s.Logs())
		}
	}()
	if s.proxy, err = newProxy(s.Addr); err != nil {
		s.stop()
		return nil, err
	}
	// A server renders a page on its first request and then serves it from
	// memory: the cold visits measure a cold browser, not a cold server.
	start := time.Now()
	req, _ := http.NewRequest(http.MethodGet, s.Server.URL+"/", nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.stop()
		return nil, fmt.Errorf("%s: first request: %w", name, err)
	}
	n, _ := io.Copy(io.Discard, res.Body)
	res.Body.Close()
	log.Printf("%s: first page request took %s (%d bytes sent)", name, time.Since(start).Round(time.Millisecond), n)
	return s, nil
}

func (s *server) stop() {
	s.stopping.Store(true)
	if s.proxy != nil {
		s.proxy.ln.Close()
	}
	s.Kill()
}

// watch returns a context that ends when ctx does or the server dies, so
// that a wait on the page fails at once, naming the cause.
func (s *server) watch(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	go func() {
		select {
		case <-s.Done():
			cancel(fmt.Errorf("%s exited: %v", s.name, s.Err()))
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(nil) }
}

// proxy forwards TCP connections to a server and counts the bytes each way:
// what "transferred" means on the wire, headers included.
type proxy struct {
	ln     net.Listener
	target string
	down   atomic.Int64 // server to browser
	up     atomic.Int64 // browser to server
	last   atomic.Int64 // unix nanoseconds of the last byte either way
}

func newProxy(target string) (*proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &proxy{ln: ln, target: target}
	go p.accept()
	return p, nil
}

func (p *proxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.serve(c)
	}
}

func (p *proxy) serve(c net.Conn) {
	defer c.Close()
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer s.Close()
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn, n *atomic.Int64) {
		buf := make([]byte, 64<<10)
		for {
			k, err := src.Read(buf)
			if k > 0 {
				n.Add(int64(k))
				p.last.Store(time.Now().UnixNano())
				if _, werr := dst.Write(buf[:k]); werr != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		// Half-close so the other side sees the end, as without a proxy.
		if tc, ok := dst.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
		done <- struct{}{}
	}
	go pipe(c, s, &p.down)
	go pipe(s, c, &p.up)
	<-done
	<-done
}

// reset zeroes the counters before a measured visit.
func (p *proxy) reset() {
	p.down.Store(0)
	p.up.Store(0)
	p.last.Store(time.Now().UnixNano())
}

// waitIdle returns once no byte has passed for quiet, or after max.
func (p *proxy) waitIdle(quiet, max time.Duration) {
	deadline := time.Now().Add(max)
	for time.Now().Before(deadline) {
		if time.Since(time.Unix(0, p.last.Load())) >= quiet {
			return
		}
		time.Sleep(quiet / 5)
	}
}

// cause is err, or the reason ctx ended when that says more (the server
// died).
func cause(ctx context.Context, err error) error {
	if c := context.Cause(ctx); err != nil && c != nil && c != ctx.Err() {
		return fmt.Errorf("%w (%v)", err, c)
	}
	return err
}
