package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// memory is what /proc says about a server's resident memory, summed over
// its processes (nginx has a master and workers).
type memory struct {
	rss, hwm int64 // bytes
	procs    int
}

func (m memory) String() string {
	return fmt.Sprintf("%.1f MiB (VmHWM %.1f MiB)", mib(m.rss), mib(m.hwm))
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

// readMemory reads VmRSS and VmHWM of pid and of its children.
func readMemory(pid int) (memory, error) {
	m, err := readStatus(pid)
	if err != nil {
		return m, err
	}
	for _, c := range children(pid) {
		if cm, err := readStatus(c); err == nil { // a worker may just have gone away
			m.rss += cm.rss
			m.hwm += cm.hwm
			m.procs++
		}
	}
	return m, nil
}

// readStatus reads one process's VmRSS and VmHWM.
func readStatus(pid int) (memory, error) {
	m := memory{procs: 1}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return m, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		var dst *int64
		switch k {
		case "VmRSS":
			dst = &m.rss
		case "VmHWM":
			dst = &m.hwm
		default:
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		if err != nil {
			return m, fmt.Errorf("/proc/%d/status: %s: %w", pid, k, err)
		}
		*dst = kb << 10
	}
	if m.rss == 0 {
		return m, fmt.Errorf("/proc/%d/status has no VmRSS: the process has exited", pid)
	}
	return m, nil
}

// children lists the processes whose parent is pid.
func children(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", child))
		if err != nil {
			continue
		}
		// The command name (2nd field) may hold spaces: the fields after
		// the last ')' are "state ppid ...".
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			out = append(out, child)
		}
	}
	return out
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

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat's times: 100 on
// every Linux architecture Go runs on.
const clockTicks = 100

// readCPU is the user plus system CPU time of pid and its children.
func readCPU(pid int) (time.Duration, error) {
	var total time.Duration
	for _, p := range append([]int{pid}, children(pid)...) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			if p == pid {
				return 0, err
			}
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		f := strings.Fields(string(b[i+1:]))
		if i < 0 || len(f) < 13 {
			return 0, fmt.Errorf("/proc/%d/stat: unexpected format", p)
		}
		// After the command: state(3) ... utime(14) stime(15), 1-based.
		for _, s := range f[11:13] {
			t, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return 0, fmt.Errorf("/proc/%d/stat: %w", p, err)
			}
			total += time.Duration(t) * time.Second / clockTicks
		}
	}
	return total, nil
}
