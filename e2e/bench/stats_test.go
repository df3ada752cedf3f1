package main

import (
	"math"
	"slices"
	"testing"
)

func TestPercentile(t *testing.T) {
	hundred := make([]float64, 100)
	for i := range hundred {
		hundred[i] = float64(100 - i) // 100..1, unsorted on purpose
	}
	tests := []struct {
		name string
		xs   []float64
		p    float64
		want float64
	}{
		{"p50 of 1..100", hundred, 50, 50},
		{"p95 of 1..100", hundred, 95, 95},
		{"p100 is the maximum", hundred, 100, 100},
		{"p0 is the minimum", hundred, 0, 1},
		{"one value", []float64{7}, 95, 7},
		{"p95 of 50 values is the 48th", seq(50), 95, 48},
	}
	for _, tt := range tests {
		if got := percentile(tt.xs, tt.p); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	if !math.IsNaN(percentile(nil, 50)) {
		t.Error("percentile of nothing should be NaN")
	}
}

func TestSummarize(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name           string
		xs             []float64
		center, lo, hi float64
	}{
		{"odd", []float64{5, 1, 3}, 3, -inf, inf},
		{"even: the mean of the middle two", []float64{4, 1, 3, 2}, 2.5, -inf, inf},
		{"one", []float64{9}, 9, -inf, inf},
		{"5 runs: no 95 % interval yet", seq(5), 3, -inf, 5},
		{"6 runs: the first interval", seq(6), 3.5, 1, 6},
		{"7 runs: the interval is the fastest to the slowest", []float64{7, 3, 1, 5, 2, 6, 4}, 4, 1, 7},
		{"9 runs: it leaves out one at each end", seq(9), 5, 2, 8},
		{"60 keys", seq(60), 30.5, 22, 38},
		{"all the same", []float64{3, 3, 3, 3, 3, 3, 3}, 3, 3, 3},
	}
	for _, tt := range tests {
		xs := slices.Clone(tt.xs)
		got := summarize(tt.xs)
		if got.Center != tt.center || got.Lo != tt.lo || got.Hi != tt.hi || got.N != len(tt.xs) {
			t.Errorf("%s: got %+v, want median %v in [%v, %v] of %d", tt.name, got, tt.center, tt.lo, tt.hi, len(tt.xs))
		}
		if !slices.Equal(xs, tt.xs) {
			t.Errorf("%s: summarize reordered its argument", tt.name)
		}
	}
	if got := summarize(nil); !math.IsNaN(got.Center) || got.hasCI() {
		t.Errorf("nothing: got %+v, want NaN and no interval", got)
	}
}

func TestCIText(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want string
	}{
		{"an interval", seq(7), "[1.0–7.0]"},
		{"too few runs", seq(3), "[–]"},
		{"none", nil, "[–]"},
	}
	for _, tt := range tests {
		if got := summarize(tt.xs).ci(msBare); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func seq(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i + 1)
	}
	return out
}

func TestWithCI(t *testing.T) {
	same := []float64{1.5e6, 1.5e6, 1.5e6, 1.5e6, 1.5e6, 1.5e6, 1.5e6}
	tests := []struct {
		name    string
		s       summary
		f, bare func(float64) string
		want    string
	}{
		{"times of 7 runs", summarize([]float64{300, 310, 290, 350, 320, 305, 299}), ms, msBare, "305 ms [290–350]"},
		{"too few runs for an interval", summarize([]float64{300, 310}), ms, msBare, "305 ms [–]"},
		{"every run the same: no interval to show", summarize(same), kb, kb, "1.500 MB"},
		{"bytes that differ", summarize([]float64{1000, 1100, 1200, 1300, 1400, 1500}), kb, kb, "1.2 kB [1.0 kB–1.5 kB]"},
		{"nothing measured", summarize(nil), ms, msBare, "–"},
	}
	for _, tt := range tests {
		if got := withCI(tt.s, tt.f, tt.bare); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSpread(t *testing.T) {
	visits := func(xs ...float64) []visit {
		var vs []visit
		for _, x := range xs {
			vs = append(vs, visit{Visible: x})
		}
		return vs
	}
	tests := []struct {
		name string
		vs   []visit
		want string
	}{
		{"7 runs: the interval is the range, said once", visits(300, 310, 290, 350, 320, 305, 299), "305 ms [290–350]"},
		{"9 runs: the range is wider", visits(300, 310, 290, 350, 320, 305, 299, 400, 280), "305 ms [290–350] (280–400)"},
		{"3 runs: no interval, the range", visits(300, 310, 290), "300 ms [–] (290–310)"},
		{"none", nil, "–"},
	}
	for _, tt := range tests {
		if got := spread(tt.vs, visibleOf); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
