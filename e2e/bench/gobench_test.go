package main

import (
	"math"
	"strings"
	"testing"
)

func TestParseViewBench(t *testing.T) {
	out := `goos: linux
BenchmarkView/catalog=real/rows=11/state=all-2         	    5083	     22718 ns/op	        11.00 rows-shown	   15296 B/op	     278 allocs/op
BenchmarkView/catalog=synthetic/rows=1000/state=query-2   	      22	   5746276 ns/op	       203.0 rows-shown	  755624 B/op	    6208 allocs/op
BenchmarkView/catalog=synthetic/rows=1000/state=query-2   	      30	   4000000 ns/op	       203.0 rows-shown	  755000 B/op	    6200 allocs/op
BenchmarkView/catalog=synthetic/rows=1000/state=query-2   	      25	   4500000 ns/op	       203.0 rows-shown	  755100 B/op	    6201 allocs/op
PASS
`
	got, err := parseViewBench(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []viewBench{
		{Catalog: "real", Rows: 11, State: "all", NsOp: 22718, BOp: 15296, Allocs: 278, Shown: 11, Runs: 1},
		{Catalog: "synthetic", Rows: 1000, State: "query", NsOp: 4000000, BOp: 755000, Allocs: 6200, Shown: 203, Runs: 3},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestGrowth(t *testing.T) {
	tests := []struct {
		name   string
		t0, t1 float64
		n0, n1 int
		want   float64
	}{
		{"exactly n log n", 1000 * math.Log2(1000), 10000 * math.Log2(10000), 1000, 10000, 1},
		{"linear is below n log n", 1, 10, 1000, 10000, 10 / (10 * math.Log2(10000) / math.Log2(1000))},
		{"quadratic is above", 1, 100, 1000, 10000, 100 / (10 * math.Log2(10000) / math.Log2(1000))},
	}
	for _, tt := range tests {
		if got := growth(tt.t0, tt.t1, tt.n0, tt.n1); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSplitFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`-trimpath -ldflags="-s -w"`, []string{"-trimpath", "-ldflags=-s -w"}},
		{`  -trimpath   `, []string{"-trimpath"}},
		{`-ldflags='-X main.v=1' -tags wasm`, []string{"-ldflags=-X main.v=1", "-tags", "wasm"}},
		{``, nil},
	}
	for _, tt := range tests {
		got := splitFlags(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("splitFlags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPackageOf(t *testing.T) {
	tests := []struct{ sym, want string }{
		{"github.com_maxence_charriere_go_app_v10_pkg_app.__htmlA_.ID", "github.com/maxence-charriere/go-app/v10/pkg/app"},
		{"encoding_json.__decodeState_.object", "encoding/json"},
		{"crypto_internal_fips140_nistec.__P384Point_.Select", "crypto/internal/fips140/nistec"},
		{"runtime.mallocgc", "runtime"},
		{"backendgrid_app.View", "backendgrid/app"},
		{"type_.eq.runtime.untracedG_7", "(type and runtime tables)"},
		{"github.com/sahilm/fuzzy.FindFromIterNoSort", "github.com/sahilm/fuzzy"},
		{"slices.SortFunc[go.shape.string]", "slices"},
		{"", "(unnamed)"},
	}
	for _, tt := range tests {
		if got := packageOf(tt.sym); got != tt.want {
			t.Errorf("packageOf(%q) = %q, want %q", tt.sym, got, tt.want)
		}
	}
}
