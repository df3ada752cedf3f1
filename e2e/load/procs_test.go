package main

import (
	"os"
	"testing"
)

func TestReadMemoryAndCPU(t *testing.T) {
	m, err := readMemory(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if m.rss < 1<<20 || m.hwm < m.rss || m.procs != 1 {
		t.Errorf("got VmRSS %d, VmHWM %d in %d processes, want this test's resident memory and its peak, in one", m.rss, m.hwm, m.procs)
	}
	busy := 0
	for i := range 50_000_000 {
		busy ^= i
	}
	_ = busy
	cpu, err := readCPU(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if cpu <= 0 {
		t.Errorf("got %s of CPU time, want some", cpu)
	}
	if _, err := readMemory(1 << 30); err == nil {
		t.Error("reading a process that does not exist gave no error")
	}
}

func TestParseHWM(t *testing.T) {
	tests := []struct {
		name   string
		status string
		want   int64
	}{
		{"a process", "Name:\tbackendgrid\nVmPeak:\t 1299964 kB\nVmHWM:\t  203900 kB\nVmRSS:\t  155996 kB\n", 203900 << 10},
		{"a kernel thread has none", "Name:\tkthreadd\nState:\tS (sleeping)\n", 0},
		{"garbled", "VmHWM:\tlots kB\n", 0},
	}
	for _, tt := range tests {
		if got := parseHWM(tt.status); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}
