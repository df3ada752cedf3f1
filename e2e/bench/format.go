package main

import (
	"fmt"
	"math"
	"slices"
)

func visibleOf(v visit) float64     { return v.Visible }
func interactiveOf(v visit) float64 { return v.Interactive }

func values(vs []visit, f func(visit) float64) []float64 {
	xs := make([]float64, len(vs))
	for i, v := range vs {
		xs[i] = f(v)
	}
	return xs
}

// summaryOf is the median of f over the runs, with its interval.
func summaryOf(vs []visit, f func(visit) float64) summary {
	return summarize(values(vs, f))
}

// medianOf is the median of f over the runs.
func medianOf(vs []visit, f func(visit) float64) float64 {
	return summaryOf(vs, f).Center
}

// spread is "median [95 % interval] (fastest–slowest)" in milliseconds,
// without the range when it is the interval.
func spread(vs []visit, f func(visit) float64) string {
	xs := values(vs, f)
	if len(xs) == 0 {
		return "–"
	}
	s := summarize(xs)
	out := msCI(s)
	// With 6 to 8 runs the interval is the whole range: no need to say it twice.
	if r := fmt.Sprintf("%s–%s", msBare(slices.Min(xs)), msBare(slices.Max(xs))); s.ci(msBare) != "["+r+"]" {
		out += " (" + r + ")"
	}
	return out
}

// withCI is "median [95 % interval]", the median alone when the interval's
// ends read the same, and "median [–]" when there were too few values for
// an interval.
func withCI(s summary, f, bare func(float64) string) string {
	switch {
	case math.IsNaN(s.Center):
		return "–"
	case s.hasCI() && bare(s.Lo) == bare(s.Hi):
		return f(s.Center)
	}
	return f(s.Center) + " " + s.ci(bare)
}

// msCI is withCI in milliseconds.
func msCI(s summary) string { return withCI(s, ms, msBare) }

func status(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

func ratioText(a, b float64) string {
	if b <= 0 || a < 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func mb(n int64) string { return fmt.Sprintf("%.3f MB", float64(n)/1e6) }

func kb(n float64) string {
	if n >= 1e6 {
		return fmt.Sprintf("%.3f MB", n/1e6)
	}
	return fmt.Sprintf("%.1f kB", n/1e3)
}

func signedKB(n int) string {
	if n >= 0 {
		return "+" + kb(float64(n))
	}
	return "−" + kb(float64(-n))
}

func ms(x float64) string {
	switch {
	case math.IsNaN(x):
		return "–"
	case x >= 10_000:
		return msBare(x)
	}
	return msBare(x) + " ms"
}

func msBare(x float64) string {
	switch {
	case x < 10:
		return fmt.Sprintf("%.1f", x)
	case x >= 10_000:
		return fmt.Sprintf("%.1f s", x/1000)
	}
	return fmt.Sprintf("%.0f", x)
}

func dur(ns float64) string {
	switch {
	case math.IsNaN(ns):
		return "–"
	case ns < 1e3:
		return fmt.Sprintf("%.0f ns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	}
	return fmt.Sprintf("%.2f s", ns/1e9)
}

// count writes 10000 as 10,000.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func short(n int) string {
	if n >= 1000 && n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
