// Package harness starts what the browser tests, the benchmark (bench/) and
// the load test (load/) run against: the backendgrid server binary, any other
// server process (nginx), and headless Chromium. It is an ordinary package,
// not a test file, so that the two commands share it with the tests.
package harness

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/shirou/gopsutil/v4/process"
)

// Process is a child process whose output is kept and whose end is watched.
type Process struct {
	// Name says which process it is in messages.
	Name string
	cmd  *exec.Cmd
	logs *logBuffer
	done chan struct{} // closed when the process has exited
	err  error         // Wait's result, set before done closes
}

// Start runs exe with args in dir. Its output (stdout and stderr) is kept:
// see Logs.
func Start(name, dir, exe string, args ...string) (*Process, error) {
	return start(name, dir, nil, exe, args...)
}

// start is Start that also reports the first submatch of the first output
// line that match matches, on the log buffer's found channel.
func start(name, dir string, match *regexp.Regexp, exe string, args ...string) (*Process, error) {
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	logs := newLogBuffer(match)
	// Output goes through exec's own copying, so once Wait returns every
	// line is in the buffer.
	cmd.Stdout, cmd.Stderr = logs, logs
	// Wait also waits for the output to close, which a leftover child
	// could hold open for ever.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	p := &Process{Name: name, cmd: cmd, logs: logs, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

// Pid is the process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Logs is what the process has written so far (the last 4 MiB of it).
func (p *Process) Logs() string { return p.logs.String() }

// Done is closed when the process has exited.
func (p *Process) Done() <-chan struct{} { return p.done }

// Exited reports whether the process has exited.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Err is how the process ended (nil for status 0); nil while it runs.
func (p *Process) Err() error {
	if !p.Exited() {
		return nil
	}
	return p.err
}

// State is the exited process's state, with its resource usage; nil while
// it runs.
func (p *Process) State() *os.ProcessState {
	if !p.Exited() {
		return nil
	}
	return p.cmd.ProcessState
}

// Signal sends sig to the process.
func (p *Process) Signal(sig os.Signal) error { return p.cmd.Process.Signal(sig) }

// WaitLog waits until the output holds s.
func (p *Process) WaitLog(s string, timeout time.Duration) error {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(p.Logs(), s) {
			return nil
		}
	}
	return fmt.Errorf("%s did not log %q within %s", p.Name, s, timeout)
}

// WaitListening waits until addr accepts connections, for a server that
// does not log its address. It fails at once if the process exits.
func (p *Process) WaitListening(addr string, timeout time.Duration) error {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if p.Exited() {
			return fmt.Errorf("%s exited at start (%v):\n%s", p.Name, p.err, p.Logs())
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return nil
		}
	}
	return fmt.Errorf("%s does not accept connections on %s after %s:\n%s", p.Name, addr, timeout, p.Logs())
}

// Stop sends sig and waits for the process to exit; Wait's error, if any,
// is returned. After grace it kills the process and the children it had,
// and that is an error too, as is a process that had already exited.
func (p *Process) Stop(sig os.Signal, grace time.Duration) error {
	if p.Exited() {
		return fmt.Errorf("%s had already exited: %v", p.Name, p.err)
	}
	if err := p.Signal(sig); err != nil {
		return err
	}
	select {
	case <-p.done:
		return p.err
	case <-time.After(grace):
		p.Kill()
		return fmt.Errorf("%s did not stop within %s of %v, killed", p.Name, grace, sig)
	}
}

// Kill kills the process and its children now (nginx's workers, say, so
// that none is left holding the port or the output) and waits for it.
func (p *Process) Kill() {
	if p.Exited() {
		return
	}
	// The children are listed first: once their parent is gone they are
	// no longer its children.
	kids := Children(p.Pid())
	_ = p.cmd.Process.Kill()
	for _, k := range kids {
		_ = syscall.Kill(k, syscall.SIGKILL)
	}
	<-p.done
}

// Children lists the processes whose parent is pid.
func Children(pid int) []int {
	parent, err := process.NewProcess(int32(pid))
	if err != nil {
		return nil
	}
	kids, err := parent.Children()
	if err != nil {
		return nil
	}
	out := make([]int, len(kids))
	for i, k := range kids {
		out[i] = int(k.Pid)
	}
	return out
}
