package harness

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shirou/gopsutil/v4/process"
)

// startFake runs this test binary as a server in the given mode.
func startFake(t *testing.T, mode string, timeout time.Duration, args ...string) (*Server, error) {
	t.Helper()
	t.Setenv("HARNESS_FAKE", mode)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s, err := StartServer(ServerConfig{Root: t.TempDir(), Exe: exe, Args: args, Timeout: timeout, Name: "fake"})
	if s != nil {
		t.Cleanup(s.Kill)
	}
	return s, err
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestStartServer(t *testing.T) {
	fixed := freeAddr(t)
	tests := []struct {
		name     string
		mode     string
		args     []string
		wantAddr string // "" for any loopback port
		wantErr  string // "" for a server that starts
	}{
		{name: "serves on a free loopback port", mode: "serve"},
		{name: "a later -addr wins", mode: "serve", args: []string{"-addr", fixed}, wantAddr: fixed},
		{name: "exits at start, with its log", mode: "exit", wantErr: "exited at start (exit status 3):\ncannot read the catalog"},
		{name: "never logs its address", mode: "silent", wantErr: "did not log its address within 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := startFake(t, tt.mode, 300*time.Millisecond, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(s.URL, "http://127.0.0.1:") || s.URL != "http://"+s.Addr {
				t.Errorf("got URL %q and Addr %q, want http://127.0.0.1:<port> and its host:port", s.URL, s.Addr)
			}
			if tt.wantAddr != "" && s.Addr != tt.wantAddr {
				t.Errorf("got Addr %q, want %q", s.Addr, tt.wantAddr)
			}
			res, err := http.Get(s.URL)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if string(body) != "ok" {
				t.Errorf("got body %q, want ok", body)
			}
		})
	}
}

func TestStop(t *testing.T) {
	tests := []struct {
		name       string
		mode       string
		wantErr    string // "" for a clean exit
		wantLogged string
	}{
		{name: "SIGTERM ends it cleanly", mode: "serve", wantLogged: "stopped"},
		{name: "one that ignores SIGTERM is killed after the grace", mode: "deaf", wantErr: "did not stop within 300ms of terminated, killed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := startFake(t, tt.mode, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			err = s.Stop(syscall.SIGTERM, 300*time.Millisecond)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("got error %v, want %q", err, tt.wantErr)
			}
			if !s.Exited() || s.State() == nil {
				t.Fatal("the process runs on after Stop")
			}
			if !strings.Contains(s.Logs(), tt.wantLogged) {
				t.Errorf("got log %q, want it to hold %q", s.Logs(), tt.wantLogged)
			}
			if err := s.Stop(syscall.SIGTERM, time.Second); err == nil || !strings.Contains(err.Error(), "had already exited") {
				t.Errorf("a second Stop: got %v, want an error saying it had already exited", err)
			}
		})
	}
}

func TestWaitLog(t *testing.T) {
	s, err := startFake(t, "serve", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WaitLog("shutting down", 100*time.Millisecond); err == nil {
		t.Fatal("WaitLog found a line not written yet")
	}
	if err := s.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := s.WaitLog("shutting down", 10*time.Second); err != nil {
		t.Fatal(err)
	}
	<-s.Done()
	if s.Err() != nil {
		t.Errorf("got exit %v, want status 0", s.Err())
	}
}

// Kill takes the children too: nginx's workers must not outlive a run.
func TestKillTakesTheChildren(t *testing.T) {
	s, err := startFake(t, "parent", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	kids := Children(s.Pid())
	if len(kids) != 1 {
		t.Fatalf("got children %v, want the one the fake started (log: %q)", kids, s.Logs())
	}
	s.Kill()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		p, err := process.NewProcess(int32(kids[0]))
		if err != nil {
			break // gone
		}
		if st, err := p.Status(); err == nil && len(st) > 0 && st[0] == process.Zombie {
			break // dead, waiting for its new parent to reap it
		}
		if time.Now().After(deadline) {
			t.Fatalf("child %d still runs after Kill", kids[0])
		}
	}
}

func TestWaitListening(t *testing.T) {
	t.Setenv("HARNESS_FAKE", "serve")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	p, err := Start("fake", t.TempDir(), exe, "-addr", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Kill()
	if err := p.WaitListening(addr, 10*time.Second); err != nil {
		t.Fatal(err)
	}

	t.Setenv("HARNESS_FAKE", "exit")
	q, err := Start("fake", t.TempDir(), exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.WaitListening(freeAddr(t), 10*time.Second); err == nil || !strings.Contains(err.Error(), "exited at start") {
		t.Errorf("got %v, want an error saying it exited at start", err)
	}
}

func TestCheckBuild(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, Binary), nil, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		files   []string
		wantErr string
	}{
		{"all there", []string{Binary}, ""},
		{"the first missing one is named", []string{Binary, "web/app.wasm", "web/app.wasm.br"}, "web/app.wasm is missing: run `make build` first"},
	}
	for _, tt := range tests {
		err := CheckBuild(root, tt.files...)
		if got := fmt.Sprint(err); tt.wantErr == "" && err != nil || tt.wantErr != "" && got != tt.wantErr {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}
