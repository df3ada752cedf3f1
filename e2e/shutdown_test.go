package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestShutdownFinishesSlowResponse stops the server with SIGTERM while a
// slow client is half-way through app.wasm: the listener must close at
// once, the response must still arrive whole, and then the process must
// log "stopped" and exit with status 0.
func TestShutdownFinishesSlowResponse(t *testing.T) {
	p := startServer(t)
	want, err := os.ReadFile(filepath.Join(root, "web", "app.wasm"))
	must(t, err)
	wasmPath := "/web/" + appVersion(t, p.URL) + "/app.wasm"

	// A small receive buffer keeps most of the 8 MB body in the server's
	// handler rather than in the kernel's socket buffers, so the response
	// is truly in flight when the signal comes.
	conn := dialSmallWindow(t, p.Addr)
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nAccept-Encoding: identity\r\n\r\n", wasmPath, p.Addr)
	res, err := http.ReadResponse(bufio.NewReaderSize(conn, 4<<10), nil)
	must(t, err)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || res.ContentLength != int64(len(want)) {
		t.Fatalf("GET %s: status %d, Content-Encoding %q, Content-Length %d; want 200, none, %d",
			wasmPath, res.StatusCode, res.Header.Get("Content-Encoding"), res.ContentLength, len(want))
	}
	var body []byte
	readSlowly := func(chunks int) {
		t.Helper()
		buf := make([]byte, 4<<10)
		for range chunks {
			n, err := io.ReadFull(res.Body, buf)
			body = append(body, buf[:n]...)
			if err != nil {
				t.Fatalf("reading the body after %d of %d bytes: %v", len(body), len(want), err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	readSlowly(3)

	// The listener accepts before the signal...
	c, err := net.DialTimeout("tcp", p.Addr, 2*time.Second)
	must(t, err)
	c.Close()

	must(t, p.Signal(syscall.SIGTERM))
	must(t, p.WaitLog("shutting down", 10*time.Second))

	// ...and refuses after it, while the slow response goes on.
	refused := false
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", p.Addr, time.Second)
		if err == nil {
			c.Close()
			continue
		}
		if !errors.Is(err, syscall.ECONNREFUSED) {
			t.Fatalf("dialing during shutdown: %v; want connection refused", err)
		}
		refused = true
		break
	}
	if !refused {
		t.Fatal("new connections were still accepted 5s after SIGTERM")
	}

	readSlowly(5)
	if p.Exited() || strings.Contains(p.Logs(), "stopped") {
		t.Fatalf("the server stopped with the response in flight (%d of %d bytes read)", len(body), len(want))
	}

	rest, err := io.ReadAll(res.Body)
	body = append(body, rest...)
	if err != nil {
		t.Fatalf("reading the rest of the body after %d of %d bytes: %v", len(body), len(want), err)
	}
	if !bytes.Equal(body, want) {
		t.Fatalf("body: %d bytes, want the %d bytes of web/app.wasm", len(body), len(want))
	}
	conn.Close()

	select {
	case <-p.Done():
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not exit within 15s of the response's end")
	}
	if p.Err() != nil {
		t.Fatalf("the server exited with %v; want status 0", p.Err())
	}
	if !strings.Contains(p.Logs(), "stopped") {
		t.Fatal(`the server exited without logging "stopped"`)
	}
}

var wasmVersionRegex = regexp.MustCompile(`src="/web/([^/"]+)/app\.js"`)

// appVersion reads the app version from the page's script addresses.
func appVersion(t *testing.T, base string) string {
	t.Helper()
	res, err := http.Get(base + "/")
	must(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	must(t, err)
	m := wasmVersionRegex.FindSubmatch(b)
	if m == nil {
		t.Fatal("the page has no /web/<version>/app.js script")
	}
	return string(m[1])
}

// dialSmallWindow connects with a receive buffer of a few KB, set before
// the handshake so that the window the server sees stays small.
func dialSmallWindow(t *testing.T, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{
		Timeout: 5 * time.Second,
		Control: func(_, _ string, c syscall.RawConn) error {
			var serr error
			err := c.Control(func(fd uintptr) {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 8<<10)
			})
			return errors.Join(err, serr)
		},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := d.DialContext(ctx, "tcp", addr)
	must(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}
