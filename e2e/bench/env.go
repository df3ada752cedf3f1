package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// env describes the machine and the build, so that numbers from two runs
// can be told apart for the right reason.
type env struct {
	date      time.Time
	cpu       string
	cpus      int
	goVersion string
	commit    string
	chromium  string
	wasmFlags string
	loadStart string
	loadEnd   string
}

func environment(root string) env {
	e := env{date: time.Now().UTC(), cpus: runtime.NumCPU(), cpu: cpuModel(), loadStart: loadAverage()}
	if out, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		e.goVersion = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output(); err == nil {
		e.commit = strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
			e.commit += " with uncommitted changes"
		}
	}
	return e
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// loadAverage is the 1-minute load average: on a shared machine it says how
// much the timings below were disturbed.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}

// wasmSizes reads app.wasm and its precompressed copies in a web directory.
func wasmSizes(web string) ([3]int64, error) {
	var s [3]int64
	for i, name := range []string{"app.wasm", "app.wasm.gz", "app.wasm.br"} {
		st, err := os.Stat(filepath.Join(web, name))
		if err != nil {
			return s, err
		}
		s[i] = st.Size()
	}
	return s, nil
}

// layouts builds both wasm binaries with their function names and breaks
// them down by package.
func (b *builder) layouts() (*wasmLayout, *wasmLayout, error) {
	dir := filepath.Join(b.tmp, "layout")
	var out [2]*wasmLayout
	for i, t := range []struct{ dir, pkg, name string }{
		{b.root, ".", "backendgrid.wasm"},
		{b.e2e, "./bench/hello", "hello.wasm"},
	} {
		file := filepath.Join(dir, t.name)
		if err := b.goBuild(t.dir, file, t.pkg, wasmNames); err != nil {
			return nil, nil, err
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, err
		}
		if out[i], err = parseWasm(raw); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return out[0], out[1], nil
}

// countChangingKey is a letter that, typed into the empty search box,
// changes the count of cat: typing it proves search responds.
func countChangingKey(cat *data.Catalog) string {
	ix := grid.NewIndex(cat)
	for c := 'a'; c <= 'z'; c++ {
		if res := grid.View(ix, grid.State{Query: string(c)}); len(res.Rows) < res.Total {
			return string(c)
		}
	}
	return "q"
}
