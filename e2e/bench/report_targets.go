package main

import (
	"fmt"
	"math"

	"backendgrid/e2e/budget"
)

func (r *report) targets(w writer) {
	w("## Targets\n\n| target | measured | status |\n|---|---|---|\n")
	grid, peer, large := r.realKeys(appGrid), r.realKeys(appPeer), r.largeKeys()
	w("| real catalog (11 rows): key → screen p95 at most %.1f× the plain-JS peer's | %s | %s |\n", targetKeyPeerRatio, peerRatioText(grid, peer), peerStatus(grid, peer))
	w("| real catalog (11 rows): key → DOM p95 within %d ms (the peer: %s) | %s | %s |\n", targetKeyDOMMS, keyP95Of(peer, domOf(peer)), keyP95Of(grid, domOf(grid)), keyStatusOf(grid, domOf(grid), targetKeyDOMMS))
	w("| %s rows: key → screen p95 within %d ms | %s | %s |\n", count(targetKeyLargeRows), targetKeyLargeMS, keyP95(large), keyStatus(large, targetKeyLargeMS))
	if len(r.cold[appGrid]) > 0 && len(r.cold[appFloor]) > 0 {
		g, f := summaryOf(r.cold[appGrid], readyOf), summaryOf(r.cold[appFloor], readyOf)
		w("| ready at most %.1f× the go-app hello floor's (cold, median [95 %% CI]) | %s vs %s: %s | %s |\n", targetReadyRatio, msCI(g), msCI(f), ratioText(g.Center, f.Center), status(g.Center <= targetReadyRatio*f.Center))
	} else {
		w("| ready at most %.1f× the go-app hello floor's | not measured | |\n", targetReadyRatio)
	}
	if a := r.audit; a != nil {
		src := fmt.Sprintf("`make audit`, median of %d runs, %s, commit %s", a.Runs, orDash(a.Date), orDash(a.Commit))
		perf, tbt := a.Median["performance"], a.Median["tbt"]
		w("| Lighthouse performance at least %d (%s) | %.0f | %s |\n", targetPerfScore, src, perf, status(perf >= targetPerfScore))
		w("| Lighthouse Total Blocking Time within %d ms (the same runs) | %s | %s |\n", targetAuditTBTMS, ms(tbt), status(tbt <= targetAuditTBTMS))
	} else {
		w("| Lighthouse performance at least %d, Total Blocking Time within %d ms | not measured: %v | |\n", targetPerfScore, targetAuditTBTMS, r.auditErr)
	}
	bg := r.sizes[0][2]
	w("| brotli wasm within %s (budget.BrotliWasm, which the budget test guards) | %s | %s |\n", mb(budget.BrotliWasm), mb(bg), status(bg <= budget.BrotliWasm))
	if len(r.cold[appGrid]) > 0 {
		cv, wv := summaryOf(r.cold[appGrid], visibleOf), summaryOf(r.warm[appGrid], visibleOf)
		w("| grid visible within %d ms (cold / warm, median [95 %% CI]) | %s / %s | %s |\n", targetVisibleMS, msCI(cv), msCI(wv), status(cv.Center <= targetVisibleMS && wv.Center <= targetVisibleMS))
	} else {
		w("| grid visible within %d ms | not measured | |\n", targetVisibleMS)
	}
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

// instant is section 0: the three apps side by side, from the same run.
func (r *report) instant(w writer) {
	keys := [numApps]*keyRun{r.realKeys(appGrid), r.realKeys(appFloor), r.realKeys(appPeer)}
	if keys == [numApps]*keyRun{} && len(r.cold[appGrid]) == 0 {
		return
	}
	w("## 0. Instant: backendgrid, plain JS and the floor\n\n")
	w("One run, one machine. The plain-JS peer is the page backendgrid's server prerenders for `/` with its stylesheets, go-app's scripts and the wasm taken out, ")
	w("and `e2e/bench/peer/peer.js`: Fuse.js (pinned in `e2e/package-lock.json`) over the items' names and aliases, and on each input event the matching rows, as the prerendered page has them, written into the table's body in Fuse's order. ")
	w("Keys: the %d keys of section 3 on the real catalog (the floor echoes them). ", len(typingScript()))
	w("Ready: the app's ready flag, median [95 %% CI] of the %d cold visits of section 2. ", r.runs)
	w("Total Blocking Time: one more cold load per run, left alone until the app is ready and has run no long task for %.0f s; ", quietFor.Seconds())
	w("every task of 50 ms or more after the first contentful paint counts what it runs past 50 ms (Lighthouse's definition), from the Long Tasks API in the page. ")
	w("Ratios are of the figures shown.\n\n")
	w("| | %s | %s | %s | backendgrid / peer | backendgrid / floor |\n|---|---|---|---|---|---|\n", appNames[appGrid], appNames[appPeer], appNames[appFloor])
	row := func(name string, v [numApps]float64, f func(float64) string) {
		w("| %s | %s | %s | %s | %s | %s |\n", name, f(v[appGrid]), f(v[appPeer]), f(v[appFloor]), ratioText(v[appGrid], v[appPeer]), ratioText(v[appGrid], v[appFloor]))
	}
	for _, m := range []struct {
		name string
		xs   func(*keyRun) []float64
		p    float64
	}{
		{"key → DOM p50", domOf, 50},
		{"key → DOM p95", domOf, 95},
		{"key → screen p50", frameOf, 50},
		{"key → screen p95", frameOf, 95},
	} {
		var v [numApps]float64
		for i, k := range keys {
			v[i] = percentile(m.xs(k), m.p)
		}
		row(m.name, v, ms)
	}
	var ready, tbt, tasks, longest [numApps]summary
	for i := range numApps {
		ready[i] = summaryOf(r.cold[i], readyOf)
		tbt[i] = blockSummary(r.blocks[i], tbtOf)
		tasks[i] = blockSummary(r.blocks[i], func(b block) float64 { return float64(b.Tasks) })
		longest[i] = blockSummary(r.blocks[i], longestOf)
	}
	cis := func(name string, s [numApps]summary, f, bare func(float64) string) {
		w("| %s | %s | %s | %s | %s | %s |\n", name, withCI(s[appGrid], f, bare), withCI(s[appPeer], f, bare), withCI(s[appFloor], f, bare),
			ratioText(s[appGrid].Center, s[appPeer].Center), ratioText(s[appGrid].Center, s[appFloor].Center))
	}
	cis("ready, cold", ready, ms, msBare)
	cis("Total Blocking Time, cold", tbt, ms, msBare)
	n := func(x float64) string {
		if math.IsNaN(x) {
			return "–"
		}
		return fmt.Sprintf("%.0f", x)
	}
	cis("long tasks in a cold load", tasks, n, n)
	cis("longest task of a cold load", longest, ms, msBare)
	w("\n")
}

func domOf(k *keyRun) []float64 {
	if k == nil {
		return nil
	}
	return k.DOM
}

func frameOf(k *keyRun) []float64 {
	if k == nil {
		return nil
	}
	return k.Frame
}

func readyOf(v visit) float64 { return v.Ready }

// label names a keystroke run in the tables.
func (k *keyRun) label() string {
	switch k.App {
	case appFloor:
		return appNames[appFloor]
	case appPeer:
		return appNames[appPeer] + ", " + k.Catalog + " catalog"
	}
	return k.Catalog
}

// realKeys is app's keystroke run on the real catalog (the floor's only
// one), or nil.
func (r *report) realKeys(app int) *keyRun {
	for i := range r.keys {
		if k := &r.keys[i]; k.App == app && (app == appFloor || k.Catalog == "real") {
			return k
		}
	}
	return nil
}

// largeKeys is backendgrid's keystroke run on the synthetic catalog of the
// large target, or nil.
func (r *report) largeKeys() *keyRun {
	for i := range r.keys {
		if k := &r.keys[i]; k.App == appGrid && k.Catalog != "real" && k.Rows == targetKeyLargeRows {
			return k
		}
	}
	return nil
}

// complete reports whether k measured every key.
func (k *keyRun) complete() bool {
	return k != nil && len(k.Frame) > 0 && k.Aborted == ""
}

func keyP95(k *keyRun) string { return keyP95Of(k, frameOf(k)) }

// keyP95Of is the p95 of xs, a latency of k, with what stopped k early.
func keyP95Of(k *keyRun, xs []float64) string {
	if k == nil {
		return "not measured"
	}
	if len(xs) == 0 {
		return "no key measured: " + k.Aborted
	}
	s := ms(percentile(xs, 95))
	if k.Aborted != "" {
		s += fmt.Sprintf(" over %d keys (%s)", len(xs), k.Aborted)
	}
	return s
}

func keyStatus(k *keyRun, target float64) string { return keyStatusOf(k, frameOf(k), target) }

// keyStatusOf says whether the p95 of xs, a latency of k, is within
// target ms; a run that stopped early misses.
func keyStatusOf(k *keyRun, xs []float64, target float64) string {
	if k == nil {
		return "not measured"
	}
	if !k.complete() {
		return status(false)
	}
	return status(percentile(xs, 95) <= target)
}

// peerRatioText is "grid vs peer: ratio" for the key → screen p95.
func peerRatioText(grid, peer *keyRun) string {
	if grid == nil || peer == nil {
		return "not measured"
	}
	g, p := percentile(grid.Frame, 95), percentile(peer.Frame, 95)
	return fmt.Sprintf("%s vs %s: %s", keyP95(grid), keyP95(peer), ratioText(g, p))
}

// peerStatus says whether backendgrid's key → screen p95 is within the
// target ratio of the peer's.
func peerStatus(grid, peer *keyRun) string {
	switch {
	case grid == nil || peer == nil:
		return "not measured"
	case !peer.complete():
		return "not measured: the peer's run stopped early"
	case !grid.complete():
		return status(false)
	}
	return status(percentile(grid.Frame, 95) <= targetKeyPeerRatio*percentile(peer.Frame, 95))
}
