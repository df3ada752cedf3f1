package main

import (
	"math/bits"
	"time"
)

// subBits sets the histogram's precision: 2^subBits buckets per power of
// two of microseconds, so a percentile is off by at most 1/64 (1.6 %).
const subBits = 6

const sub = 1 << subBits

// hist is a log-linear latency histogram in the manner of HdrHistogram:
// fixed size (about 20 KB) whatever the run's length, so a longer run
// costs no memory.
type hist struct {
	counts [38 * sub]uint64
	n      uint64
	sum    time.Duration
	max    time.Duration
}

func bucketOf(us uint64) int {
	if us < sub {
		return int(us)
	}
	shift := bits.Len64(us) - subBits - 1
	i := shift*sub + int(us>>shift)
	if i >= len(hist{}.counts) {
		return len(hist{}.counts) - 1
	}
	return i
}

// bucketValue is the middle of bucket i, in microseconds.
func bucketValue(i int) float64 {
	if i < sub {
		return float64(i) + 0.5
	}
	shift := i/sub - 1
	mant := uint64(i - shift*sub)
	return float64(mant<<shift) + float64(uint64(1)<<shift)/2
}

func (h *hist) record(d time.Duration) {
	us := d.Microseconds()
	if us < 0 {
		us = 0
	}
	h.counts[bucketOf(uint64(us))]++
	h.n++
	h.sum += d
	h.max = max(h.max, d)
}

func (h *hist) merge(o *hist) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.n += o.n
	h.sum += o.sum
	h.max = max(h.max, o.max)
}

// quantile returns the latency below which a fraction q of requests fell.
func (h *hist) quantile(q float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q*float64(h.n) + 0.5)
	rank = max(rank, 1)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			d := time.Duration(bucketValue(i) * float64(time.Microsecond))
			return min(d, h.max)
		}
	}
	return h.max
}
