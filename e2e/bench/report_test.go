package main

import (
	"fmt"
	"strings"
	"testing"
)

// keysOf is a keystroke run whose every key took dom ms to the DOM and
// frame ms to the screen.
func keysOf(app int, catalog string, rows int, dom, frame float64) keyRun {
	k := keyRun{App: app, Catalog: catalog, Rows: rows, Rendered: min(rows, 50)}
	for range 60 {
		k.DOM = append(k.DOM, dom)
		k.Frame = append(k.Frame, frame)
	}
	return k
}

func readyVisits(ready ...float64) []visit {
	var vs []visit
	for _, r := range ready {
		vs = append(vs, visit{Ready: r, Visible: r / 2, FCP: r / 3})
	}
	return vs
}

// render runs one section of the report into a string.
func render(section func(writer)) string {
	var b strings.Builder
	section(func(format string, args ...any) { fmt.Fprintf(&b, format, args...) })
	return b.String()
}

func TestTargets(t *testing.T) {
	measured := func(grid, peer, large keyRun, gridReady, floorReady float64, audit *auditResult) *report {
		r := &report{runs: 1, keys: []keyRun{grid, peer, keysOf(appFloor, appNames[appFloor], 0, 10, 30), large}, audit: audit}
		r.sizes[0][2], r.sizes[1][2] = 1_300_000, 1_060_000
		r.cold[appGrid], r.warm[appGrid] = readyVisits(gridReady), readyVisits(gridReady)
		r.cold[appFloor], r.warm[appFloor] = readyVisits(floorReady), readyVisits(floorReady)
		r.cold[appPeer], r.warm[appPeer] = readyVisits(200), readyVisits(200)
		return r
	}
	good := &auditResult{Runs: 3, Date: "2026-12-02", Commit: "abc", Median: map[string]float64{"performance": 99, "tbt": 20}}
	bad := &auditResult{Runs: 3, Date: "2026-12-02", Commit: "abc", Median: map[string]float64{"performance": 77, "tbt": 230}}
	stopped := keysOf(appPeer, "real", 11, 2, 20)
	stopped.Aborted = "stopped at key 3 of 60"
	tests := []struct {
		name string
		r    *report
		want []string
	}{
		{
			"every new target met",
			measured(keysOf(appGrid, "real", 11, 10, 20), keysOf(appPeer, "real", 11, 3, 25), keysOf(appGrid, "synthetic 10000", 10_000, 40, 90), 520, 400, good),
			[]string{
				"| real catalog (11 rows): key → screen p95 at most 1.0× the plain-JS peer's | 20 ms vs 25 ms: 0.80× | met |",
				"| real catalog (11 rows): key → DOM p95 within 16 ms (the peer: 3.0 ms) | 10 ms | met |",
				"| 10,000 rows: key → screen p95 within 100 ms | 90 ms | met |",
				"| ready at most 1.3× the go-app hello floor's (cold, median [95 % CI]) | 520 ms [–] vs 400 ms [–]: 1.30× | met |",
				"| Lighthouse performance at least 98 (`make audit`, median of 3 runs, 2026-12-02, commit abc) | 99 | met |",
				"| Lighthouse Total Blocking Time within 50 ms (the same runs) | 20 ms | met |",
				"| brotli wasm within 1.340 MB (budget.BrotliWasm, which the budget test guards) | 1.300 MB | met |",
			},
		},
		{
			"every new target missed",
			measured(keysOf(appGrid, "real", 11, 36, 72), keysOf(appPeer, "real", 11, 3, 20), keysOf(appGrid, "synthetic 10000", 10_000, 187, 313), 745, 440, bad),
			[]string{
				"| 72 ms vs 20 ms: 3.60× | **missed** |",
				"(the peer: 3.0 ms) | 36 ms | **missed** |",
				"within 100 ms | 313 ms | **missed** |",
				"| 745 ms [–] vs 440 ms [–]: 1.69× | **missed** |",
				"commit abc) | 77 | **missed** |",
				"(the same runs) | 230 ms | **missed** |",
			},
		},
		{
			"the peer stopped early: no verdict on the ratio",
			measured(keysOf(appGrid, "real", 11, 10, 20), stopped, keysOf(appGrid, "synthetic 10000", 10_000, 40, 90), 500, 400, good),
			[]string{"| 20 ms vs 20 ms over 60 keys (stopped at key 3 of 60): 1.00× | not measured: the peer's run stopped early |"},
		},
		{
			"nothing measured in the browser, no audit",
			&report{auditErr: fmt.Errorf("no audit-results.md: run `make audit`")},
			[]string{
				"| real catalog (11 rows): key → screen p95 at most 1.0× the plain-JS peer's | not measured | not measured |",
				"| ready at most 1.3× the go-app hello floor's | not measured | |",
				"| Lighthouse performance at least 98, Total Blocking Time within 50 ms | not measured: no audit-results.md: run `make audit` | |",
				"| 10,000 rows: key → screen p95 within 100 ms | not measured | not measured |",
			},
		},
	}
	for _, tt := range tests {
		got := render(tt.r.targets)
		hasLines(t, tt.name, got, tt.want...)
		for _, old := range []string{"1.05×", "1.500 MB", "interactive within"} {
			if strings.Contains(got, old) {
				t.Errorf("%s: a superseded target (%s) is still there:\n%s", tt.name, old, got)
			}
		}
	}
}

func TestInstant(t *testing.T) {
	r := &report{runs: 1, keys: []keyRun{
		keysOf(appGrid, "real", 11, 36, 72),
		keysOf(appPeer, "real", 11, 2, 20),
		keysOf(appFloor, appNames[appFloor], 0, 16, 30),
		keysOf(appGrid, "synthetic 10000", 10_000, 187, 313), // not in this table
	}}
	r.cold[appGrid], r.cold[appPeer], r.cold[appFloor] = readyVisits(750), readyVisits(250), readyVisits(500)
	r.blocks[appGrid] = []block{{TBT: 300, Tasks: 3, Longest: 280}}
	r.blocks[appPeer] = []block{{TBT: 0, Tasks: 0}}
	r.blocks[appFloor] = []block{{TBT: 100, Tasks: 2, Longest: 150}}
	hasLines(t, "all measured", render(r.instant),
		"| | backendgrid | plain JS peer | go-app hello (floor) | backendgrid / peer | backendgrid / floor |",
		"| key → DOM p95 | 36 ms | 2.0 ms | 16 ms | 18.00× | 2.25× |",
		"| key → screen p50 | 72 ms | 20 ms | 30 ms | 3.60× | 2.40× |",
		"| key → screen p95 | 72 ms | 20 ms | 30 ms | 3.60× | 2.40× |",
		"| ready, cold | 750 ms [–] | 250 ms [–] | 500 ms [–] | 3.00× | 1.50× |",
		"| Total Blocking Time, cold | 300 ms [–] | 0.0 ms [–] | 100 ms [–] | – | 3.00× |",
		"| long tasks in a cold load | 3 [–] | 0 [–] | 2 [–] | – | 1.50× |",
	)

	// Keys only (-skip loads): the load rows show dashes.
	r = &report{keys: []keyRun{keysOf(appGrid, "real", 11, 36, 72)}}
	hasLines(t, "keys only", render(r.instant),
		"| key → screen p95 | 72 ms | – | – | – | – |",
		"| ready, cold | – | – | – | – | – |",
	)
	if got := render((&report{}).instant); got != "" {
		t.Errorf("nothing measured: got a section:\n%s", got)
	}
}

func TestKeysTableLabels(t *testing.T) {
	r := &report{keys: []keyRun{
		keysOf(appGrid, "real", 11, 36, 72),
		keysOf(appPeer, "real", 11, 2, 20),
		keysOf(appFloor, appNames[appFloor], 0, 16, 30),
		keysOf(appGrid, "synthetic 10000", 10_000, 187, 313),
	}}
	hasLines(t, "keys table", render(r.keystrokes),
		"| real | 11 | 11 |",
		"| DOM ≤ 16 ms: **missed**; screen ≤ 1.0× peer: **missed** |",
		"| plain JS peer, real catalog | 11 | 11 |",
		"| go-app hello (floor) |  |  |",
		"| synthetic 10000 | 10,000 | 50 |",
		"| screen ≤ 100 ms: **missed** |",
	)
}

// hasLines reports each line that a rendered section lacks.
func hasLines(t *testing.T, what, got string, lines ...string) {
	t.Helper()
	for _, line := range lines {
		if !strings.Contains(got, line) {
			t.Errorf("%s: no %q in\n%s", what, line, got)
		}
	}
}
