package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// viewBench is one sub-benchmark of app.BenchmarkView.
type viewBench struct {
	Catalog string // "real" or "synthetic"
	Rows    int
	State   string
	NsOp    float64
	BOp     float64
	Allocs  float64
	Shown   float64
	Runs    int // how many -count results this is the fastest of
}

var benchLine = regexp.MustCompile(`^BenchmarkView/catalog=(\w+)/rows=(\d+)/state=(\w+)(?:-\d+)?\s+\d+\s+(.+)$`)

// runViewBench runs the Go benchmarks of View in the root module, echoing
// their output, and keeps the fastest of the -count runs of each: other
// work on the machine can only make a run slower, never faster.
func runViewBench(root string, count int, benchtime string) ([]viewBench, error) {
	args := []string{"test", "./app/grid", "-run", "^$", "-bench", "^BenchmarkView$", "-benchmem", "-count", strconv.Itoa(count), "-timeout", "60m"}
	if benchtime != "" {
		args = append(args, "-benchtime", benchtime)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	benches, perr := parseViewBench(io.TeeReader(out, os.Stderr))
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return benches, perr
}

// parseViewBench reads `go test -bench` output, one result per
// sub-benchmark, the fastest when there are several.
func parseViewBench(r io.Reader) ([]viewBench, error) {
	var out []viewBench
	index := map[string]int{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		rows, _ := strconv.Atoi(m[2])
		b := viewBench{Catalog: m[1], Rows: rows, State: m[3], NsOp: math.NaN(), Runs: 1}
		f := strings.Fields(m[4])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("benchmark line %q: %w", sc.Text(), err)
			}
			switch f[i+1] {
			case "ns/op":
				b.NsOp = v
			case "B/op":
				b.BOp = v
			case "allocs/op":
				b.Allocs = v
			case "rows-shown":
				b.Shown = v
			}
		}
		key := m[1] + "/" + m[2] + "/" + m[3]
		if i, ok := index[key]; ok {
			runs := out[i].Runs + 1
			if b.NsOp < out[i].NsOp {
				out[i] = b
			}
			out[i].Runs = runs
			continue
		}
		index[key] = len(out)
		out = append(out, b)
	}
	return out, sc.Err()
}

// growth compares the cost of View between two sizes with n·log n: 1 means
// it grew exactly like n·log n, below 1 slower (better), above 1 faster.
func growth(t0, t1 float64, n0, n1 int) float64 {
	nlogn := func(n int) float64 { return float64(n) * math.Log2(float64(n)) }
	return (t1 / t0) / (nlogn(n1) / nlogn(n0))
}
