package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"backendgrid/e2e/harness"
	"github.com/shirou/gopsutil/v4/process"
)

// startBackendgrid runs the real server binary as `make run` does, on a
// free loopback port, with more flags if any.
func startBackendgrid(root, version, domain string, more ...string) (*harness.Server, error) {
	args := append([]string{"-version", version, "-domain", domain}, more...)
	return harness.StartServer(harness.ServerConfig{Root: root, Args: args})
}

// cleanup is the end of a process whose run broke off: asked to stop (a
// master process such as nginx stops its workers), then killed with its
// children if it does not.
func cleanup(p *harness.Process) {
	if !p.Exited() {
		_ = p.Stop(syscall.SIGTERM, 5*time.Second)
	}
}

// memory is a server's resident memory, summed over its processes (nginx
// has a master and workers).
type memory struct {
	rss   int64 // VmRSS, bytes
	hwm   int64 // VmHWM, the high-water mark of rss, bytes
	procs int
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// readMemory reads the resident memory of pid and of its children.
func readMemory(pid int) (memory, error) {
	p, err := process.NewProcess(int32(pid))
	if err != nil {
		return memory{}, fmt.Errorf("process %d: %w", pid, err)
	}
	ps := []*process.Process{p}
	kids, _ := p.Children()
	var m memory
	for i, q := range append(ps, kids...) {
		mi, err := q.MemoryInfo()
		if err != nil {
			if i == 0 {
				return memory{}, fmt.Errorf("process %d: %w", pid, err)
			}
			continue // a worker may just have gone away
		}
		m.rss += int64(mi.RSS)
		m.hwm += readHWM(int(q.Pid))
		m.procs++
	}
	return m, nil
}

// readHWM reads a process's VmHWM, 0 if it cannot. gopsutil v4.26.10 parses
// /proc/<pid>/status but does not return this line (its MemoryInfo reads
// /proc/<pid>/statm, which lacks it, and leaves HWM zero), and getrusage's
// peak of a child is no substitute: it counts the memory of the parent
// that forked it. So this one line is read here.
func readHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	return parseHWM(string(b))
}

// parseHWM finds "VmHWM:  1234 kB" in the text of /proc/<pid>/status.
func parseHWM(status string) int64 {
	for _, line := range strings.Split(status, "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// readCPU is the user plus system CPU time of pid and its children.
func readCPU(pid int) (time.Duration, error) {
	p, err := process.NewProcess(int32(pid))
	if err != nil {
		return 0, fmt.Errorf("process %d: %w", pid, err)
	}
	t, err := p.Times()
	if err != nil {
		return 0, fmt.Errorf("process %d: %w", pid, err)
	}
	total := t.User + t.System
	kids, _ := p.Children()
	for _, k := range kids {
		if t, err := k.Times(); err == nil {
			total += t.User + t.System
		}
	}
	return time.Duration(total * float64(time.Second)), nil
}

// sampleEvery is how often a run reads the server's memory: often enough
// to catch the peaks of the garbage collector's cycles.
const sampleEvery = 200 * time.Millisecond

// sampler reads a server's memory during a run.
type sampler struct {
	stop    chan struct{}
	done    chan struct{}
	peak    memory
	samples []int64 // RSS, one per sampleEvery, at most 100000
	err     error
}

func sample(pid int) *sampler {
	s := &sampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-tick.C:
			}
			m, err := readMemory(pid)
			if err != nil {
				s.err = err
				return
			}
			if m.rss > s.peak.rss {
				s.peak = m
			}
			if len(s.samples) < 100000 {
				s.samples = append(s.samples, m.rss)
			}
		}
	}()
	return s
}

func (s *sampler) finish() error {
	close(s.stop)
	<-s.done
	return s.err
}
