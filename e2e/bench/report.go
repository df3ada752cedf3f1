package main

import (
	"fmt"
	"strings"

	"backendgrid/e2e/budget"
)

// The targets of the performance issue. They are reported against, not
// asserted: a miss is a finding for the README, not a failed build.
const (
	targetFloorRatio   = 1.05 // brotli wasm at most this times the hello floor's
	targetVisibleMS    = 300  // grid on screen, cold and warm
	targetInteractive  = 1000 // cold: mounted and search responds
	targetKeySmallMS   = 16   // keystroke p95 on the real catalog (11 rows)
	targetKeyLargeMS   = 50   // keystroke p95 at 10,000 rows
	targetKeyLargeRows = 10_000
	targetViewMS       = 5 // View at 10,000 rows, native, worst state
	// growthTolerance lets timing noise pass: 1 is exactly n·log n.
	growthTolerance = 1.10
)

// report gathers every measurement and renders the Markdown.
type report struct {
	env        env
	runs       int
	sizes      [2][3]int64 // backendgrid, hello × raw, gzip, brotli
	stock      [2][3]int64 // the same with go-app as published (no tools/wasmgoapp)
	cold, warm [2][]visit
	retries    [2]int // cold and warm pairs run again after an error
	keys       []keyRun
	views      []viewBench
	layout     [2]*wasmLayout
}

var appNames = [2]string{"backendgrid", "go-app hello (floor)"}

func (r *report) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	e := r.env
	w("# backendgrid performance\n\n")
	w("Written by `make bench` on %s. Machine: %s, %d CPUs; 1-minute load average %s at the start, %s at the end",
		e.date.Format("2006-01-02 15:04 UTC"), e.cpu, e.cpus, e.loadStart, e.loadEnd)
	w(" (other work on the machine slows timings down, never up). %s, %s, commit %s, wasm built with `%s`. ",
		e.goVersion, orDash(e.chromium), orDash(e.commit), e.wasmFlags)
	w("Headless Chromium at %d×%d on loopback through a byte-counting proxy. The README's performance section explains each measurement.\n\n", viewW, viewH)

	r.targets(w)
	r.bytes(w)
	r.loads(w)
	r.keystrokes(w)
	r.viewTables(w)
	r.layoutTables(w)
	return b.String()
}

type writer = func(format string, args ...any)

func (r *report) targets(w writer) {
	w("## Targets\n\n| target | measured | status |\n|---|---|---|\n")
	bg, floor := r.sizes[0][2], r.sizes[1][2]
	ratio := float64(bg) / float64(floor)
	w("| brotli wasm at most %.2f× the go-app hello floor | %s vs %s: %.3f× | %s |\n", targetFloorRatio, mb(bg), mb(floor), ratio, status(ratio <= targetFloorRatio))
	w("| brotli wasm under %s (the target; the budget test guards %s) | %s | %s |\n", mb(budget.TargetBrotliWasm), mb(budget.BrotliWasm), mb(bg), status(bg <= budget.TargetBrotliWasm))
	if len(r.cold[0]) > 0 {
		cv, wv := summaryOf(r.cold[0], visibleOf), summaryOf(r.warm[0], visibleOf)
		w("| grid visible within %d ms (cold / warm, median [95 %% CI]) | %s / %s | %s |\n", targetVisibleMS, msCI(cv), msCI(wv), status(cv.Center <= targetVisibleMS && wv.Center <= targetVisibleMS))
		ci := summaryOf(r.cold[0], interactiveOf)
		w("| interactive within %s cold (median [95 %% CI]) | %s | %s |\n", ms(targetInteractive), msCI(ci), status(ci.Center <= targetInteractive))
	} else {
		w("| grid visible within %d ms | not measured | |\n| interactive within %s cold | not measured | |\n", targetVisibleMS, ms(targetInteractive))
	}
	small, large := r.keyRun(11), r.keyRun(targetKeyLargeRows)
	w("| keystroke p95 within %d ms at 11 rows (key to screen; the floor's echo: %s) | %s | %s |\n", targetKeySmallMS, keyP95(r.floorKeys()), keyP95(small), keyStatus(small, targetKeySmallMS))
	w("| keystroke p95 within %d ms at 10,000 rows (key to screen) | %s | %s |\n", targetKeyLargeMS, keyP95(large), keyStatus(large, targetKeyLargeMS))
	if worst, ok := r.worstView(targetKeyLargeRows); ok {
		w("| View under %d ms at 10,000 rows, natively (slowest state) | %s (%s) | %s |\n", targetViewMS, dur(worst.NsOp), worst.State, status(worst.NsOp <= targetViewMS*1e6))
	} else {
		w("| View under %d ms at 10,000 rows | not measured | |\n", targetViewMS)
	}
	if g, at, ok := r.worstGrowth(); ok {
		w("| View grows no worse than n·log n from 1,000 rows up (1 = exactly n·log n; up to %.2f passes as noise) | worst %.2f (%s) | %s |\n", growthTolerance, g, at, status(g <= growthTolerance))
	} else {
		w("| View grows no worse than n·log n | not measured | |\n")
	}
	w("\n")
}

func (r *report) bytes(w writer) {
	w("## 1. Bytes\n\n")
	w("The wasm as built (`make build` for backendgrid; the same flags, the same copy of go-app without its server half (tools/wasmgoapp) and the same precompressor for the floor: a go-app page with one component saying Hello). ")
	w("The last three size rows build both with go-app as published, for what the copy saves. ")
	w("A first visit's bytes: the page's own requests as Chromium counts them (headers and encoded bodies), and everything the server sent as the proxy counts it, which adds the service worker's precache. Medians of %d runs, with the 95 %% confidence interval of the median where the runs differ.\n\n", r.runs)
	w("| | %s | %s | ratio |\n|---|---|---|---|\n", appNames[0], appNames[1])
	for i, name := range []string{"app.wasm raw", "app.wasm gzip (level 9)", "app.wasm brotli (level 11)"} {
		a, h := r.sizes[0][i], r.sizes[1][i]
		w("| %s | %s | %s | %.3f× |\n", name, mb(a), mb(h), float64(a)/float64(h))
	}
	for i, name := range []string{"raw", "gzip", "brotli"} {
		a, h := r.stock[0][i], r.stock[1][i]
		w("| app.wasm %s, go-app as published | %s | %s | %.3f× |\n", name, mb(a), mb(h), float64(a)/float64(h))
	}
	if len(r.cold[0]) == 0 {
		w("\n")
		return
	}
	rows := []struct {
		name string
		f    func(visit) float64
		warm bool
	}{
		{"first visit: page requests (browser)", func(v visit) float64 { return v.PageBytes }, false},
		{"first visit: all bytes sent (proxy, with the service worker)", func(v visit) float64 { return float64(v.WireBytes) }, false},
		{"second visit: all bytes sent (proxy)", func(v visit) float64 { return float64(v.WireBytes) }, true},
		{"first visit: requests", func(v visit) float64 { return float64(v.Requests) }, false},
	}
	for _, row := range rows {
		src := r.cold
		if row.warm {
			src = r.warm
		}
		a, h := summaryOf(src[0], row.f), summaryOf(src[1], row.f)
		f := kb
		if strings.HasSuffix(row.name, "requests") {
			f = func(x float64) string { return fmt.Sprintf("%.0f", x) }
		}
		w("| %s | %s | %s | %s |\n", row.name, withCI(a, f, f), withCI(h, f, f), ratioText(a.Center, h.Center))
	}
	w("| app.wasm sent as | %s | %s | |\n\n", r.cold[0][0].WasmEncoding, r.cold[1][0].WasmEncoding)
}

func (r *report) loads(w writer) {
	if len(r.cold[0]) == 0 {
		return
	}
	w("## 2. Page loads\n\n")
	w("Milliseconds from the start of the navigation; median of %d runs [its 95 %% confidence interval, from benchmath: distribution-free, so with 6 to 8 runs it spans the fastest to the slowest; – with fewer than 6] (fastest–slowest, where that is wider). Cold: a fresh browser context (no cache, no service worker). ", r.runs)
	w("Warm: a second navigation in the same context once its service worker is installed. ")
	w("Visible: the first frame in which the grid's first row (the hello text) is what is on screen at its place. ")
	w("Interactive: the wasm has mounted (its ready flag) plus the time one typed character takes to change the count (the hello page echoes it).\n\n")
	w("| | %s | %s | ratio | target |\n|---|---|---|---|---|\n", appNames[0], appNames[1])
	metrics := []struct {
		name   string
		f      func(visit) float64
		target string
	}{
		{"first contentful paint", func(v visit) float64 { return v.FCP }, ""},
		{"visible", visibleOf, fmt.Sprintf("≤ %d ms", targetVisibleMS)},
		{"wasm mounted", func(v visit) float64 { return v.Ready }, ""},
		{"first key to count on screen", func(v visit) float64 { return v.FirstKey }, ""},
		{"interactive", interactiveOf, fmt.Sprintf("≤ %s cold", ms(targetInteractive))},
	}
	for _, phase := range []struct {
		name string
		v    [2][]visit
	}{{"cold", r.cold}, {"warm", r.warm}} {
		for _, m := range metrics {
			a, h := medianOf(phase.v[0], m.f), medianOf(phase.v[1], m.f)
			target := m.target
			if phase.name == "warm" && m.name == "interactive" {
				target = ""
			}
			w("| %s: %s | %s | %s | %s | %s |\n", phase.name, m.name, spread(phase.v[0], m.f), spread(phase.v[1], m.f), ratioText(a, h), target)
		}
	}
	w("\n")
	for i, n := range r.retries {
		if n > 0 {
			w("- %s: %d cold and warm pair(s) failed (the page went away under the probe) and were run again.\n", appNames[i], n)
		}
	}
	if r.retries != [2]int{} {
		w("\n")
	}
}

func (r *report) keystrokes(w writer) {
	if len(r.keys) == 0 {
		return
	}
	w("## 3. Keystroke latency\n\n")
	w("The search box gets %d real key events (words typed, then erased with Backspace), one at a time: each key is sent once the app has finished with the previous one. ", len(typingScript()))
	w("Latency runs from the keydown's event time to the last DOM change the key caused (DOM), and to the end of the frame after it (screen: what the reader sees). ")
	w("Synthetic catalogs have the real schema and facet values; the app is built on them unchanged. ")
	w("The floor gets the same keys: its page echoes the input into a paragraph, the least a go-app key can do. ")
	w("p50 is the median with its 95 %% confidence interval (benchmath); p95 is the nearest-rank 95th percentile, a measured key, with no interval (benchmath summarises by the median only).\n\n")
	w("| catalog | rows | rows in the table | wasm mounted | keys measured | DOM p50 / p95 | screen p50 / p95 | target (screen p95) |\n|---|---|---|---|---|---|---|---|\n")
	for _, k := range r.keys {
		target := ""
		switch k.Rows {
		case 11:
			target = fmt.Sprintf("≤ %d ms: %s", targetKeySmallMS, keyStatus(&k, targetKeySmallMS))
		case targetKeyLargeRows:
			target = fmt.Sprintf("≤ %d ms: %s", targetKeyLargeMS, keyStatus(&k, targetKeyLargeMS))
		}
		rows, rendered := count(k.Rows), count(k.Rendered)
		if k.Floor {
			rows, rendered = "", ""
		}
		w("| %s | %s | %s | %s | %d | %s / %s | %s / %s | %s |\n", k.Catalog, rows, rendered, ms(k.Mounted), len(k.Frame),
			msCI(summarize(k.DOM)), ms(percentile(k.DOM, 95)), msCI(summarize(k.Frame)), ms(percentile(k.Frame, 95)), target)
	}
	w("\n")
	for _, k := range r.keys {
		var notes []string
		if k.NoChange > 0 {
			notes = append(notes, fmt.Sprintf("%d keys changed nothing on screen", k.NoChange))
		}
		if k.Bursts > 0 {
			notes = append(notes, fmt.Sprintf("%d keys updated the DOM in more than one step", k.Bursts))
		}
		if k.Aborted != "" {
			notes = append(notes, k.Aborted)
		}
		if len(notes) > 0 {
			w("- %s: %s.\n", k.Catalog, strings.Join(notes, "; "))
		}
	}
	w("\n")
}

// keyRun is the keystroke run of backendgrid on a catalog of n rows, or nil.
func (r *report) keyRun(n int) *keyRun {
	for i := range r.keys {
		if r.keys[i].Rows == n && !r.keys[i].Floor {
			return &r.keys[i]
		}
	}
	return nil
}

// floorKeys is the keystroke run of the hello page, or nil.
func (r *report) floorKeys() *keyRun {
	for i := range r.keys {
		if r.keys[i].Floor {
			return &r.keys[i]
		}
	}
	return nil
}

func keyP95(k *keyRun) string {
	if k == nil {
		return "not measured"
	}
	if len(k.Frame) == 0 {
		return "no key measured: " + k.Aborted
	}
	s := ms(percentile(k.Frame, 95))
	if k.Aborted != "" {
		s += fmt.Sprintf(" over %d keys (%s)", len(k.Frame), k.Aborted)
	}
	return s
}

func keyStatus(k *keyRun, target float64) string {
	if k == nil {
		return "not measured"
	}
	if len(k.Frame) == 0 || k.Aborted != "" {
		return status(false)
	}
	return status(percentile(k.Frame, 95) <= target)
}
