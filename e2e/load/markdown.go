package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"
)

func ms(d time.Duration) string {
	switch {
	case d >= 100*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f ms", float64(d)/1e6)
}

func (rep *report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	o := rep.opts
	p("# Load test results")
	p("")
	p("Written by `make load` (`e2e/load`) on %s, backendgrid version `%s`: %d keep-alive connections, "+
		"%s per measured run after a %s warm-up, on loopback. %d CPUs, shared by the load generator and the server "+
		"(load average before %s, after %s).", rep.started.UTC().Format("2006-01-02 15:04 MST"), rep.version, o.conns,
		o.duration, o.warmup, runtime.NumCPU(), rep.loadBefore, rep.loadAfter)
	p("")
	if len(rep.failures) == 0 {
		p("**Verdict: pass.** No errors, memory within bounds (VmRSS at most %.1f MiB, bound %d; %.1f MiB just after start, bound %d), clean shutdown.",
			mib(rep.ours.peak()), o.maxRSS, mib(rep.ours.idle.rss), o.maxIdle)
	} else {
		p("**Verdict: FAIL.**")
		p("")
		for _, f := range rep.failures {
			p("- %s", f)
		}
	}

	if len(rep.ours.runs) == 2 && len(rep.stock.runs) == 1 && rep.ours.runs[1].requests() > 0 && rep.stock.runs[0].requests() > 0 {
		br, gz, st := rep.ours.runs[0], rep.ours.runs[1], rep.stock.runs[0]
		p("")
		p("## Against a stock static server")
		p("")
		p("The same exported files (`bin/backendgrid -static`), the same %s (popular pages, the wasm, assets, worker) "+
			"with `Accept-Encoding: gzip`, the two servers taking turns. %s: %s.", rep.gzMix.name, rep.stock.name, rep.stock.note)
		p("")
		p("| server | requests/s | p50 | p99 | errors | MB/s | server CPU per 1000 requests | VmRSS after |")
		p("|---|---:|---:|---:|---:|---:|---:|---:|")
		row := func(name string, r *measured) {
			p("| %s | %.0f | %s | %s | %d | %.0f | %s | %.1f MiB |", name, r.rps(), ms(quantile(&r.stats.all, 0.5)),
				ms(quantile(&r.stats.all, 0.99)), r.stats.errors(), r.mbps(), ms(r.cpuPer1000()), mib(r.after.rss))
		}
		row("backendgrid, gzip", gz)
		row(rep.stock.name+", gzip", st)
		row("backendgrid, brotli, "+rep.brMix.name+" (not comparable: see below)", br)
		p("")
		p("**Throughput ratio backendgrid / %s: %.2f× in requests/s** (target: at least 0.95×; %.2f× in MB/s), "+
			"**%.2f× the server CPU per request** (target: at most 1.2×), gzip, same mix, %d alternating rounds of %s each.",
			rep.stock.name, gz.rps()/st.rps(), gz.mbps()/st.mbps(), gz.cpuPer1000().Seconds()/st.cpuPer1000().Seconds(),
			o.rounds, o.duration/time.Duration(o.rounds))
		if o.profile != "" {
			p("")
			p("The server was profiled during this run (`-profile %s`), which costs it CPU: these timings are not comparable with an unprofiled run's.", o.profile)
		}
	}

	for _, s := range []*serverReport{&rep.ours, &rep.stock} {
		for _, r := range s.runs {
			if r.elapsed == 0 {
				continue // the run broke off before it
			}
			p("")
			p("## %s, %s (`Accept-Encoding: %s`)", r.label, r.mix.name, r.mix.encoding)
			p("")
			p("%d requests in %.1f s; %d connections opened, %d of them closed by the server; server CPU %.1f s.",
				r.requests(), r.elapsed.Seconds(), r.dials, r.closed, r.cpu.Seconds())
			p("")
			p("| class | requests | requests/s | p50 | p99 | max | MB/s |")
			p("|---|---:|---:|---:|---:|---:|---:|")
			for c := range nClasses {
				h := &r.stats.byClass[c]
				if h.Requests == 0 {
					continue
				}
				p("| %s | %d | %.0f | %s | %s | %s | %.1f |", c, h.Requests, r.perSecond(float64(h.Requests)),
					ms(quantile(h, 0.5)), ms(quantile(h, 0.99)), ms(h.Latencies.Max), r.perSecond(float64(h.BytesIn.Total)/1e6))
			}
			h := &r.stats.all
			p("| **all** | %d | %.0f | %s | %s | %s | %.1f |", h.Requests, r.rps(), ms(quantile(h, 0.5)), ms(quantile(h, 0.99)), ms(h.Latencies.Max), r.mbps())
			if r.stats.redirect > 0 {
				p("")
				p("%d responses were redirects (counted as successes).", r.stats.redirect)
			}
		}
	}

	p("")
	p("## Memory")
	p("")
	if len(rep.ours.runs) == 0 {
		p("Not measured: the run broke off before.")
		p("")
	}
	p("VmRSS (nginx: master and workers added up), read every %s during the warm-ups and the runs and once after each. "+
		"backendgrid's must be at most %d MiB just after start (idle) and at most %d MiB at any moment of the whole run, bursts "+
		"included: the peak is the kernel's high-water mark (VmHWM, which also sees start-up and the moments between two "+
		"samples), read just before the SIGTERM. "+
		"Growth is the peak during the measured runs less the peak during the warm-up (peak against peak, so that the garbage "+
		"collector's saw-tooth cancels out); for backendgrid it must stay under %d MiB. Over the %d requests of its measured "+
		"runs, that catches a leak of more than %d bytes per request.", sampleEvery, o.maxIdle, o.maxRSS, o.maxGrowth, rep.ours.requests(),
		(o.maxGrowth<<20)/int64(max(rep.ours.requests(), 1)))
	p("")
	p("| server | idle | warm-up peak | peak during runs | after runs | growth | peak of the whole run (VmHWM) |")
	p("|---|---:|---:|---:|---:|---:|---:|")
	for _, s := range []*serverReport{&rep.ours, &rep.stock} {
		if len(s.runs) == 0 {
			continue
		}
		var peak int64
		for _, r := range s.runs {
			peak = max(peak, r.peak.rss)
		}
		hwm := s.peak()
		last := s.runs[len(s.runs)-1].after
		name := s.name
		if s.baseline.procs > 1 {
			name += fmt.Sprintf(" (%d processes)", s.baseline.procs)
		}
		p("| %s | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %+.1f MiB | %.1f MiB |", name, mib(s.idle.rss), mib(s.warmupPeak.rss),
			mib(peak), mib(last.rss), mib(s.growth()), mib(hwm))
	}
	for _, r := range rep.ours.runs {
		p("")
		p("backendgrid's VmRSS every 5 s of the %s run (MiB): %s.", r.mix.name, trend(r.samples, int(5*time.Second/sampleEvery)))
	}
	if b := rep.ours.bursts; len(b) > 0 {
		p("")
		p("### A burst of new addresses")
		p("")
		p("After the runs, backendgrid is asked for full-size pages it has never rendered (`?burst=b<n>`: the whole grid, with a notice), "+
			"%d per step: twice from one connection per CPU (the first step fills the page cache with such pages), then from %d "+
			"connections. The renders cost the same either way, so a higher peak in the last step than in the second is memory "+
			"that grows with the number of connections (bound: %d MiB more).", burstPages, o.conns, o.maxGrowth)
		p("")
		p("| step | connections | pages | pages/s | p50 | p99 | server CPU per page | VmRSS peak |")
		p("|---:|---:|---:|---:|---:|---:|---:|---:|")
		for i, m := range b {
			perPage := time.Duration(0)
			if m.requests() > 0 {
				perPage = m.cpu / time.Duration(m.requests())
			}
			p("| %d | %d | %d | %.0f | %s | %s | %s | %.1f MiB |", i+1, m.conns, m.requests(), m.rps(), ms(quantile(&m.stats.all, 0.5)),
				ms(quantile(&m.stats.all, 0.99)), ms(perPage), mib(m.peak.rss))
		}
	}
	p("")
	p("The load generator's own peak (VmHWM): %.1f MiB.", mib(rep.generatorHWM))

	p("")
	p("## Shutdown")
	p("")
	switch {
	case !rep.ours.stopped:
		p("Not reached: the run broke off before.")
	case rep.ours.stopErr == nil:
		p("SIGTERM after the runs: backendgrid exited with status 0 in %s and logged \"stopped\": %v.", ms(rep.ours.stopTime), rep.ours.stopLogged)
	default:
		p("SIGTERM after the runs: %v.", rep.ours.stopErr)
	}
	if rep.stock.stopErr != nil {
		p("")
		p("%s on stop: %v.", rep.stock.name, rep.stock.stopErr)
	}

	p("")
	p("## Errors")
	p("")
	any := false
	for _, s := range []*serverReport{&rep.ours, &rep.stock} {
		all := []*result{s.warmup}
		for _, r := range append(s.runs, s.bursts...) {
			all = append(all, r.result)
		}
		for _, r := range all {
			if r == nil || r.stats.errors() == 0 {
				continue
			}
			any = true
			var kinds []string
			for k, n := range r.stats.errs {
				kinds = append(kinds, fmt.Sprintf("%s: %d", k, n))
			}
			sort.Strings(kinds)
			p("- %s, %s: %s. First ones:", r.label, r.mix.name, strings.Join(kinds, ", "))
			for _, m := range r.stats.samples {
				p("  - `%s`", m)
			}
		}
	}
	switch {
	case any:
	case !rep.ours.stopped:
		p("None in what was measured before the run broke off.")
	default:
		p("None: every response had a 2xx status, the coding asked for, its full length, and for static files exactly the exported bytes (warm-ups included).")
	}

	if len(rep.failures) > 0 && rep.ours.logs != "" {
		lines := strings.Split(strings.TrimSpace(rep.ours.logs), "\n")
		p("")
		p("## backendgrid's log (last %d lines)", min(len(lines), 40))
		p("")
		p("```")
		for _, l := range lines[max(len(lines)-40, 0):] {
			p("%s", l)
		}
		p("```")
	}

	p("")
	p("## Request mix")
	p("")
	p("A class is drawn by weight, then one of its addresses, all equally likely. "+
		"Every request sends `Accept-Encoding: br, gzip` (%s) or `gzip` (%s).", rep.brMix.name, rep.gzMix.name)
	p("")
	p("| class | weight (per 100) | addresses | checked |")
	p("|---|---:|---:|---|")
	for _, g := range rep.brMix.groups {
		check := "status, coding, length; every 32nd page decoded and looked at"
		if g.targets[0].file != "" {
			check = "status, coding, every byte against the export"
		}
		p("| %s | %d | %d | %s |", g.class, g.weight, len(g.targets), check)
	}
	p("")
	tail := rep.brMix.targets(classLongTail)
	p("The long tail (browser mix only) is %d distinct addresses, %d distinct pages (the server keys its page cache "+
		"without campaign parameters such as `utm_*`, so the campaign links among them are one page), more pages than the server's "+
		"page cache holds, so a share of requests is prerendered on the spot; in the comparison mix its weight goes to the popular "+
		"pages, since a static server answers every query string with the same index.html.", len(tail), distinctPages(tail))
	return b.String()
}

// trend shows every step-th sample in MiB.
func trend(samples []int64, step int) string {
	var out []string
	for i := 0; i < len(samples); i += step {
		out = append(out, fmt.Sprintf("%.0f", mib(samples[i])))
	}
	if n := len(samples); n > 0 && (n-1)%step != 0 {
		out = append(out, fmt.Sprintf("%.0f", mib(samples[n-1])))
	}
	return strings.Join(out, ", ")
}
