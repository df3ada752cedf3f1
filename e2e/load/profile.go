package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// profiler saves the server's runtime profiles (its -debug-addr) into a
// directory, for `go tool pprof`. A nil profiler saves nothing.
type profiler struct {
	base string // http://127.0.0.1:port of the server's -debug-addr
	dir  string
	errs []string
}

// newProfiler asks for a free port for the server's profiles; args are the
// server flags that serve them there.
func newProfiler(dir string) (*profiler, []string, error) {
	if dir == "" {
		return nil, nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	return &profiler{base: "http://" + addr, dir: dir}, []string{"-debug-addr", addr}, nil
}

// heap saves the heap profile as name.pb.gz (in use after a collection,
// and allocated since the start: `-sample_index=alloc_space`).
func (p *profiler) heap(name string) {
	if p != nil {
		p.save(name, "/debug/pprof/heap?gc=1", 30*time.Second)
	}
}

// cpu starts a CPU profile of d and returns a function that waits for it
// and saves it as name.pb.gz.
func (p *profiler) cpu(name string, d time.Duration) (wait func()) {
	if p == nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		p.save(name, fmt.Sprintf("/debug/pprof/profile?seconds=%d", int(d.Seconds())), d+30*time.Second)
	}()
	return func() { <-done }
}

func (p *profiler) save(name, path string, timeout time.Duration) {
	c := &http.Client{Timeout: timeout}
	res, err := c.Get(p.base + path)
	if err != nil {
		p.errs = append(p.errs, fmt.Sprintf("%s: %v", name, err))
		return
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", res.StatusCode, b)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(p.dir, name+".pb.gz"), b, 0o644)
	}
	if err != nil {
		p.errs = append(p.errs, fmt.Sprintf("%s: %v", name, err))
		return
	}
	progress("profile %s saved", filepath.Join(p.dir, name+".pb.gz"))
}
