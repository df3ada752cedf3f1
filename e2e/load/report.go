package main

import (
	"fmt"
	"strings"
	"time"
)

// report is everything one `make load` measured.
type report struct {
	opts         options
	version      string
	started      time.Time
	loadBefore   string
	loadAfter    string
	brMix, gzMix *mix
	ours         serverReport
	stock        serverReport
	generatorHWM int64
	profileErrs  []string // profiles that could not be saved (-profile)
	failures     []string
}

// serverReport is one server's share of the run.
type serverReport struct {
	name, note string
	idle       memory // just started
	baseline   memory // after the warm-up
	warmupPeak memory // the highest reading during the warm-up
	final      memory // just before SIGTERM: its hwm is the whole run's peak
	warmup     *result
	runs       []*measured
	bursts     []*measured // new addresses from few, then many connections
	stopped    bool        // the run got as far as the SIGTERM
	stopErr    error
	stopTime   time.Duration
	stopLogged bool
	logs       string
}

// measured is one timed run (or the rounds of one) with the server's memory
// around it.
type measured struct {
	*result
	after   memory
	peak    memory
	samples []int64
	cpu     time.Duration // the server's CPU time (user + system) during the run
	conns   int           // for a step of the burst: its connections
}

// cpuPer1000 is the server's CPU time per thousand requests.
func (m *measured) cpuPer1000() time.Duration {
	if m.requests() == 0 {
		return 0
	}
	return m.cpu * 1000 / time.Duration(m.requests())
}

// growth is how far VmRSS rose during the measured runs above its
// highest point in the warm-up: peak against peak, so the garbage
// collector's saw-tooth cancels out and what is left is growth.
func (s *serverReport) growth() int64 {
	var peak int64
	for _, r := range s.runs {
		peak = max(peak, r.peak.rss, r.after.rss)
	}
	return peak - max(s.warmupPeak.rss, s.baseline.rss)
}

// peak is the highest VmRSS of the whole run: the kernel's high-water
// mark (which sees the peaks between two samples, and start-up's) or the
// highest sample, whichever is higher.
func (s *serverReport) peak() int64 {
	p := max(s.idle.rss, s.idle.hwm, s.warmupPeak.rss, s.warmupPeak.hwm, s.baseline.hwm, s.final.rss, s.final.hwm)
	for _, r := range append(s.runs, s.bursts...) {
		p = max(p, r.peak.rss, r.peak.hwm, r.after.rss, r.after.hwm)
	}
	return p
}

// requests counts the measured runs' requests.
func (s *serverReport) requests() uint64 {
	var n uint64
	for _, r := range s.runs {
		n += r.requests()
	}
	return n
}

// judge lists what makes the run fail.
func (rep *report) judge() {
	for _, s := range []*serverReport{&rep.ours, &rep.stock} {
		all := []*result{s.warmup}
		for _, r := range append(s.runs, s.bursts...) {
			all = append(all, r.result)
		}
		for _, r := range all {
			if r != nil && r.stats.errors() > 0 {
				rep.failures = append(rep.failures, fmt.Sprintf("%d errors in %s, %s (%s)", r.stats.errors(), r.label, r.mix.name, r.mix.encoding))
			}
		}
	}
	if s := &rep.ours; s.idle.procs > 0 {
		if s.idle.rss > rep.opts.maxIdle<<20 {
			rep.failures = append(rep.failures, fmt.Sprintf("backendgrid's VmRSS was %.1f MiB just after start, more than the %d MiB bound", mib(s.idle.rss), rep.opts.maxIdle))
		}
		if p := s.peak(); p > rep.opts.maxRSS<<20 {
			rep.failures = append(rep.failures, fmt.Sprintf("backendgrid's VmRSS peaked at %.1f MiB, more than the %d MiB bound", mib(p), rep.opts.maxRSS))
		}
	}
	if len(rep.profileErrs) > 0 {
		rep.failures = append(rep.failures, "profiles not saved: "+strings.Join(rep.profileErrs, "; "))
	}
	if g := rep.ours.growth(); g > rep.opts.maxGrowth<<20 {
		rep.failures = append(rep.failures, fmt.Sprintf("backendgrid's VmRSS peaked %.1f MiB above its warm-up peak, more than the %d MiB bound", mib(g), rep.opts.maxGrowth))
	}
	if b := rep.ours.bursts; len(b) == 3 && b[2].peak.rss-b[1].peak.rss > rep.opts.maxGrowth<<20 {
		rep.failures = append(rep.failures, fmt.Sprintf("backendgrid's memory grows with the connections: new addresses from %d connections "+
			"peaked at %.0f MiB of VmRSS, from %d at %.0f MiB (bound: %d MiB more)", b[2].conns,
			mib(b[2].peak.rss), b[1].conns, mib(b[1].peak.rss), rep.opts.maxGrowth))
	}
	switch {
	case !rep.ours.stopped:
	case rep.ours.stopErr != nil:
		rep.failures = append(rep.failures, fmt.Sprintf("backendgrid did not exit cleanly on SIGTERM: %v", rep.ours.stopErr))
	case !rep.ours.stopLogged:
		rep.failures = append(rep.failures, `backendgrid exited on SIGTERM without logging "stopped"`)
	}
	if rep.opts.duration < 30*time.Second {
		rep.failures = append(rep.failures, fmt.Sprintf("measured runs of %s are shorter than the 30 s the load test asks for", rep.opts.duration))
	}
}
