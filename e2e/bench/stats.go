package main

import (
	"fmt"
	"math"
	"slices"

	"golang.org/x/perf/benchmath"
)

// confidence is the level of the intervals the report gives for medians.
const confidence = 0.95

// summary is the median of a sample with a confidence interval for it, as
// benchmath computes them: no assumption about the distribution (timings
// on a shared machine are skewed), the interval from order statistics, so
// its ends are values that were measured. Below 6 values there is no 95 %
// interval: an end is then infinite.
type summary struct {
	Center, Lo, Hi float64
	N              int
}

// summarize is the median and its 95 % interval of xs; NaN when xs is
// empty.
func summarize(xs []float64) summary {
	if len(xs) == 0 {
		return summary{Center: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	}
	// NewSample sorts the values it is given.
	s := benchmath.NewSample(slices.Clone(xs), &benchmath.DefaultThresholds)
	sum := benchmath.AssumeNothing.Summary(s, confidence)
	return summary{Center: sum.Center, Lo: sum.Lo, Hi: sum.Hi, N: len(xs)}
}

// hasCI reports whether there were enough values for an interval.
func (s summary) hasCI() bool {
	return !math.IsInf(s.Lo, 0) && !math.IsInf(s.Hi, 0) && !math.IsNaN(s.Lo)
}

// ci writes the interval as "[lo–hi]" with f, "[–]" without one.
func (s summary) ci(f func(float64) string) string {
	if !s.hasCI() {
		return "[–]"
	}
	return fmt.Sprintf("[%s–%s]", f(s.Lo), f(s.Hi))
}

// percentile is the nearest-rank percentile (p in 0..100) of xs: a value
// that was actually measured, never an interpolation between two. NaN when
// xs is empty. It stays for the keystroke p95: benchmath summarises a
// sample by its median (or mean), and has no other quantile.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := int(math.Ceil(p / 100 * float64(len(s))))
	return s[min(max(rank, 1), len(s))-1]
}
