package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"time"

	"backendgrid/e2e/harness"
	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// measure runs both servers side by side (the idle one costs nothing):
// warm-ups, backendgrid's brotli run, then the comparison in alternating
// rounds, so that a change in the machine's other load during the run
// falls on both servers alike. Then SIGTERM must stop backendgrid cleanly.
func (rep *report) measure(root, tmp, site, domain string, files expected) error {
	o := rep.opts
	prof, debugArgs, err := newProfiler(o.profile)
	if err != nil {
		return err
	}
	defer func() {
		if prof != nil {
			rep.profileErrs = prof.errs
		}
	}()
	ours, err := startBackendgrid(root, rep.version, domain, debugArgs...)
	if err != nil {
		return err
	}
	base := ours.URL
	defer func() {
		if ours.Exited() && !rep.ours.stopped {
			rep.failures = append(rep.failures, fmt.Sprintf("backendgrid exited during the run: %v", ours.Err()))
		}
		cleanup(ours.Process)
		rep.ours.logs = ours.Logs()
	}()
	st, err := rep.startStock(tmp, site)
	if err != nil {
		return err
	}
	defer cleanup(st.proc)
	rep.ours.name = "backendgrid"
	rep.stock.name, rep.stock.note = st.name, st.note

	for _, c := range []struct {
		s     *serverReport
		p     *harness.Process
		base  string
		warm  *mix
		mixes []*mix
	}{
		{&rep.ours, ours.Process, base, rep.brMix, []*mix{rep.brMix, rep.gzMix}},
		{&rep.stock, st.proc, st.base, rep.gzMix, []*mix{rep.gzMix}},
	} {
		if c.s.idle, err = readMemory(c.p.Pid()); err != nil {
			return err
		}
		if c.p == ours.Process {
			prof.heap("heap-idle")
		}
		for _, m := range c.mixes {
			if err := preflight(c.base, m, files); err != nil {
				return fmt.Errorf("%s, %s: %w", c.s.name, m.name, err)
			}
		}
		progress("%s at %s: warm-up, %s for %s", c.s.name, c.base, c.warm.name, o.warmup)
		smp := sample(c.p.Pid())
		c.s.warmup = newResult(c.s.name+" warm-up", c.warm)
		tr, targets := c.warm.load(c.base)
		c.s.warmup.attack(c.base, tr, targets, files, o.conns, o.warmup, c.p.Done())
		if err := smp.finish(); err != nil {
			return err
		}
		c.s.warmupPeak = smp.peak
		if c.s.baseline, err = readMemory(c.p.Pid()); err != nil {
			return err
		}
		if c.p == ours.Process {
			prof.heap("heap-warm")
		}
	}

	progress("backendgrid: %s (%s) for %s", rep.brMix.name, rep.brMix.encoding, o.duration)
	br := newMeasured("backendgrid", rep.brMix)
	rep.ours.runs = append(rep.ours.runs, br)
	tr, targets := rep.brMix.load(base)
	if err := br.timed(base, tr, targets, files, o.conns, o.duration, ours.Process); err != nil {
		return err
	}

	oursGz, stockGz := newMeasured("backendgrid", rep.gzMix), newMeasured(st.name, rep.gzMix)
	rep.ours.runs = append(rep.ours.runs, oursGz)
	rep.stock.runs = append(rep.stock.runs, stockGz)
	slice := o.duration / time.Duration(o.rounds)
	for i := range o.rounds {
		for _, c := range []struct {
			base string
			p    *harness.Process
			m    *measured
		}{
			{base, ours.Process, oursGz},
			{st.base, st.proc, stockGz},
		} {
			progress("%s: %s (%s), round %d of %d, %s", c.m.label, rep.gzMix.name, rep.gzMix.encoding, i+1, o.rounds, slice)
			// The first round of ours is profiled (when asked): where
			// its CPU goes per request.
			wait := func() {}
			if i == 0 && c.p == ours.Process {
				wait = prof.cpu("cpu-gzip", slice)
			}
			tr, targets := rep.gzMix.load(c.base)
			err := c.m.timed(c.base, tr, targets, files, o.conns, slice, c.p)
			wait()
			if err != nil {
				return err
			}
		}
	}
	prof.heap("heap-runs")

	wait := prof.cpu("cpu-burst", 10*time.Second)
	err = rep.burst(base, files, ours.Process)
	wait()
	if err != nil {
		return err
	}
	prof.heap("heap-burst")
	if err := context.Cause(interrupted); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	// VmHWM now is the peak of the whole run, start-up included.
	if rep.ours.final, err = readMemory(ours.Pid()); err != nil {
		return err
	}
	progress("backendgrid: SIGTERM")
	t0 := time.Now()
	rep.ours.stopErr = ours.Stop(syscall.SIGTERM, 35*time.Second)
	rep.ours.stopTime = time.Since(t0)
	rep.ours.stopped = true
	rep.ours.stopLogged = strings.Contains(ours.Logs(), "stopped")
	rep.stock.stopErr = st.proc.Stop(st.stopSig, 15*time.Second)
	return nil
}

// startStock starts nginx, or Go's file server when nginx is missing
// (or asked for).
func (rep *report) startStock(tmp, site string) (*stockServer, error) {
	exe := findNginx()
	switch {
	case rep.opts.stock == "fileserver" || (rep.opts.stock == "auto" && exe == ""):
		return startFileServer(site)
	case rep.opts.stock != "nginx" && rep.opts.stock != "auto":
		return nil, fmt.Errorf("-stock %q: want nginx, fileserver or auto", rep.opts.stock)
	case exe == "":
		return nil, errors.New("-stock nginx: nginx is not installed (make load installs it with apt-get)")
	}
	return startNginx(exe, tmp, site)
}

// load is what an attack with the mix on base needs: its targeter, and
// the targets by address.
func (m *mix) load(base string) (vegeta.Targeter, map[string]*target) {
	return m.targeter(base), index(base, m.all()...)
}

func newMeasured(label string, m *mix) *measured {
	return &measured{result: newResult(label, m)}
}

// timed adds a leg of d to m, with the server's memory sampled and its
// CPU time counted. If the server is gone by the end, what the leg
// counted is kept, and the error returned.
func (m *measured) timed(base string, tr vegeta.Targeter, targets map[string]*target, files expected, conns int, d time.Duration, p *harness.Process) error {
	cpu0, err := readCPU(p.Pid())
	if err != nil {
		return err
	}
	s := sample(p.Pid())
	m.attack(base, tr, targets, files, conns, d, p.Done())
	err = s.finish()
	if s.peak.rss > m.peak.rss {
		m.peak = s.peak
	}
	m.samples = append(m.samples, s.samples...)
	if err != nil {
		return err
	}
	if m.after, err = readMemory(p.Pid()); err != nil {
		return err
	}
	// The reading at the end counts too: a burst can be over before the
	// first sample.
	if m.after.rss > m.peak.rss {
		m.peak = m.after
	}
	cpu1, err := readCPU(p.Pid())
	m.cpu += cpu1 - cpu0
	return err
}

// burstPages is how many new addresses each step of the burst asks for:
// about the page cache's size, so that each step ends with a cache full
// of the same kind of page.
const burstPages = 500

// burst asks for addresses the server has never seen, all of them
// full-size pages (the whole grid, with a notice about the parameter it
// does not know: campaign parameters such as utm_* would not do, the
// server keys its page cache without them), as a crawler does: from one
// connection per CPU twice (the first fills the cache with such pages and
// lets the heap settle), then from all the connections. The renders cost
// the same CPU either way; if the heap peaks higher in the last step than
// in the second, the server's memory grows with the number of connections.
func (rep *report) burst(base string, files expected, p *harness.Process) error {
	for i, conns := range []int{runtime.NumCPU(), runtime.NumCPU(), rep.opts.conns} {
		progress("backendgrid: burst of %d new addresses from %d connections", burstPages, conns)
		pages := make([]target, burstPages)
		for j := range pages {
			pages[j] = target{class: classLongTail, path: fmt.Sprintf("/?burst=b%d", i*burstPages+j)}
		}
		b := newMeasured(fmt.Sprintf("backendgrid burst, %d connections", conns), rep.brMix)
		b.conns = conns
		rep.ours.bursts = append(rep.ours.bursts, b)
		tr := listTargeter(base, rep.brMix.encoding, pages)
		if err := b.timed(base, tr, index(base, pages), files, conns, 5*time.Minute, p); err != nil {
			return err
		}
	}
	return nil
}
