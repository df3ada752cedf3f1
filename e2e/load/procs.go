package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"time"
)

// proc is a server process that the run started and must stop.
type proc struct {
	name string
	cmd  *exec.Cmd
	logs *logBuffer
	done chan struct{} // closed when the process has exited
	err  error         // Wait's result, once done is closed
}

// logBuffer keeps a process's output, up to a limit, and signals lines
// that match a pattern.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	partial []byte
	match   *regexp.Regexp
	found   chan string
}

const logLimit = 1 << 20

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Len() < logLimit {
		l.buf.Write(p[:min(len(p), logLimit-l.buf.Len())])
	}
	if l.match == nil {
		return len(p), nil
	}
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		if m := l.match.FindSubmatch(l.partial[:i]); m != nil {
			select {
			case l.found <- string(m[1]):
			default:
			}
		}
		l.partial = l.partial[i+1:]
	}
	if len(l.partial) > 64<<10 {
		l.partial = nil
	}
	return len(p), nil
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func start(name string, dir string, match *regexp.Regexp, exe string, args ...string) (*proc, error) {
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	logs := &logBuffer{match: match, found: make(chan string, 1)}
	cmd.Stdout, cmd.Stderr = logs, logs
	// Wait also waits for the output to close, which a leftover child
	// could hold open for ever.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, logs: logs, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

// stop sends sig and waits for the exit; after the grace period the
// process is killed and that is an error.
func (p *proc) stop(sig os.Signal, grace time.Duration) error {
	select {
	case <-p.done:
		return fmt.Errorf("%s had already exited: %v", p.name, p.err)
	default:
	}
	if err := p.cmd.Process.Signal(sig); err != nil {
		return err
	}
	select {
	case <-p.done:
		return p.err
	case <-time.After(grace):
		p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("%s did not stop within %s of %v, killed", p.name, grace, sig)
	}
}

// kill is the clean-up for a run that broke off. A master process
// (nginx) is asked to stop its workers first; only if it does not, it
// and the workers it had are killed, by their ids, so that none is left
// holding the port or the output pipe.
func (p *proc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	kids := children(p.pid())
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return
	case <-time.After(5 * time.Second):
	}
	p.cmd.Process.Kill()
	for _, k := range kids {
		syscall.Kill(k, syscall.SIGKILL)
	}
	<-p.done
}

var servingRegex = regexp.MustCompile(`serving on (http://\S+)`)

// startBackendgrid runs the real server binary as `make run` does, on a
// free loopback port, and returns its base URL.
func startBackendgrid(root, version, domain string) (*proc, string, error) {
	p, err := start("backendgrid", root, servingRegex, filepath.Join(root, "bin", "backendgrid"),
		"-addr", "127.0.0.1:0", "-version", version, "-domain", domain)
	if err != nil {
		return nil, "", err
	}
	select {
	case u := <-p.logs.found:
		return p, u, nil
	case <-p.done:
		return nil, "", fmt.Errorf("backendgrid exited at start (%v):\n%s", p.err, p.logs)
	case <-time.After(30 * time.Second):
		p.kill()
		return nil, "", fmt.Errorf("backendgrid did not log its address within 30s:\n%s", p.logs)
	}
}

// freePort asks the kernel for an unused loopback port. Another process
// could take it before the server binds it; on this machine that is
// unlikely enough, and the server's start fails loudly if it happens.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitListening polls until addr accepts connections or the process exits.
func waitListening(p *proc, addr string) error {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			return fmt.Errorf("%s exited at start (%v):\n%s", p.name, p.err, p.logs)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.kill()
	return fmt.Errorf("%s does not accept connections on %s after 15s:\n%s", p.name, addr, p.logs)
}

// sigterm is the signal a service manager stops a server with.
var sigterm os.Signal = syscall.SIGTERM
