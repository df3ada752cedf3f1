package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"
)

// measure runs both servers side by side (the idle one costs nothing):
// warm-ups, backendgrid's brotli run, then the comparison in alternating
// rounds, so that a change in the machine's other load during the run
// falls on both servers alike. Then SIGTERM must stop backendgrid cleanly.
func (rep *report) measure(root, tmp, site, domain string, files expected) error {
	o := rep.opts
	ours, base, err := startBackendgrid(root, rep.version, domain)
	if err != nil {
		return err
	}
	defer func() {
		select {
		case <-ours.done:
			if !rep.ours.stopped {
				rep.failures = append(rep.failures, fmt.Sprintf("backendgrid exited during the run: %v", ours.err))
			}
		default:
		}
		ours.kill()
		rep.ours.logs = ours.logs.String()
	}()
	st, err := rep.startStock(tmp, site)
	if err != nil {
		return err
	}
	defer st.proc.kill()
	rep.ours.name = "backendgrid"
	rep.stock.name, rep.stock.note = st.name, st.note

	for _, c := range []struct {
		s     *serverReport
		p     *proc
		base  string
		warm  *mix
		mixes []*mix
	}{
		{&rep.ours, ours, base, rep.brMix, []*mix{rep.brMix, rep.gzMix}},
		{&rep.stock, st.proc, st.base, rep.gzMix, []*mix{rep.gzMix}},
	} {
		if c.s.idle, err = readMemory(c.p.pid()); err != nil {
			return err
		}
		for _, m := range c.mixes {
			if err := preflight(c.base, m, files); err != nil {
				return fmt.Errorf("%s, %s: %w", c.s.name, m.name, err)
			}
		}
		progress("%s at %s: warm-up, %s for %s", c.s.name, c.base, c.warm.name, o.warmup)
		smp := sample(c.p.pid())
		c.s.warmup = runLoad(c.s.name+" warm-up", c.base, c.warm, files, o.conns, o.warmup)
		if err := smp.finish(); err != nil {
			return err
		}
		c.s.warmupPeak = smp.peak
		if c.s.baseline, err = readMemory(c.p.pid()); err != nil {
			return err
		}
	}

	progress("backendgrid: %s (%s) for %s", rep.brMix.name, rep.brMix.encoding, o.duration)
	br, err := timed("backendgrid", base, rep.brMix, files, o.conns, o.duration, ours.pid())
	rep.ours.runs = append(rep.ours.runs, br)
	if err != nil {
		return err
	}

	var oursGz, stockGz *measured
	slice := o.duration / time.Duration(o.rounds)
	for i := range o.rounds {
		for _, c := range []struct {
			name, base string
			pid        int
			acc        **measured
		}{
			{"backendgrid", base, ours.pid(), &oursGz},
			{st.name, st.base, st.proc.pid(), &stockGz},
		} {
			progress("%s: %s (%s), round %d of %d, %s", c.name, rep.gzMix.name, rep.gzMix.encoding, i+1, o.rounds, slice)
			m, err := timed(c.name, c.base, rep.gzMix, files, o.conns, slice, c.pid)
			if *c.acc == nil {
				*c.acc = m
			} else {
				(*c.acc).add(m)
			}
			if err != nil {
				rep.ours.runs = append(rep.ours.runs, oursGz)
				if stockGz != nil {
					rep.stock.runs = append(rep.stock.runs, stockGz)
				}
				return err
			}
		}
	}
	rep.ours.runs = append(rep.ours.runs, oursGz)
	rep.stock.runs = append(rep.stock.runs, stockGz)

	if err := rep.burst(base, files, ours.pid()); err != nil {
		return err
	}
	if err := context.Cause(interrupted); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	progress("backendgrid: SIGTERM")
	t0 := time.Now()
	rep.ours.stopErr = ours.stop(sigterm, 35*time.Second)
	rep.ours.stopTime = time.Since(t0)
	rep.ours.stopped = true
	rep.ours.stopLogged = strings.Contains(ours.logs.String(), "stopped")
	rep.stock.stopErr = st.proc.stop(st.stopSig, 15*time.Second)
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

// timed is one run with the server's memory sampled and its CPU time
// counted. If the server is gone by the end, the run's counts are still
// returned, with the error.
func timed(label, base string, m *mix, files expected, conns int, d time.Duration, pid int) (*measured, error) {
	cpu0, err := readCPU(pid)
	if err != nil {
		return &measured{result: &result{label: label, mix: m, stats: newStats()}}, err
	}
	s := sample(pid)
	r := runLoad(label, base, m, files, conns, d)
	err = s.finish()
	out := &measured{result: r, peak: s.peak, samples: s.samples}
	if err != nil {
		return out, err
	}
	if out.after, err = readMemory(pid); err != nil {
		return out, err
	}
	cpu1, err := readCPU(pid)
	out.cpu = cpu1 - cpu0
	return out, err
}

// add folds a later round into m.
func (m *measured) add(o *measured) {
	m.stats.merge(o.stats)
	m.elapsed += o.elapsed
	m.dials += o.dials
	m.closed += o.closed
	m.after = o.after
	if o.peak.rss > m.peak.rss {
		m.peak = o.peak
	}
	m.samples = append(m.samples, o.samples...)
	m.cpu += o.cpu
}

// burstPages is how many new addresses each step of the burst asks for:
// about the page cache's size, so that each step ends with a cache full
// of the same kind of page.
const burstPages = 500

// burst asks for addresses the server has never seen, all of them
// full-size pages, as a crawler or a mailing's clicks do: from one
// connection per CPU twice (the first fills the cache with such pages and
// lets the heap settle), then from all the connections. The renders cost
// the same CPU either way; if the heap peaks higher in the last step than
// in the second, the server's memory grows with the number of connections.
func (rep *report) burst(base string, files expected, pid int) error {
	for i, conns := range []int{runtime.NumCPU(), runtime.NumCPU(), rep.opts.conns} {
		progress("backendgrid: burst of %d new addresses from %d connections", burstPages, conns)
		pages := make([]target, burstPages)
		for j := range pages {
			pages[j] = target{class: classLongTail, path: fmt.Sprintf("/?utm_source=burst&utm_campaign=b%d", i*burstPages+j)}
		}
		cpu0, err := readCPU(pid)
		if err != nil {
			return err
		}
		smp := sample(pid)
		r := runList(fmt.Sprintf("backendgrid burst, %d connections", conns), base, rep.brMix, files, conns, pages)
		err = smp.finish()
		b := &measured{result: r, peak: smp.peak, samples: smp.samples, conns: conns}
		rep.ours.bursts = append(rep.ours.bursts, b)
		if err != nil {
			return err
		}
		cpu1, err := readCPU(pid)
		if err != nil {
			return err
		}
		b.cpu = cpu1 - cpu0
		if b.after, err = readMemory(pid); err != nil {
			return err
		}
	}
	return nil
}
