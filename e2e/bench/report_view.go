package main

import (
	"fmt"
	"slices"
	"strings"
)

func (r *report) viewTables(w writer) {
	if len(r.views) == 0 {
		return
	}
	w("## 4. View (Go benchmarks, native)\n\n")
	w("`go test ./app/grid -run '^$' -bench View -benchmem` (app/grid/view_bench_test.go): search, facet counts and sort for one state, on the real catalog and on synthetic ones (data/synthetic). ")
	w("Each figure is the fastest of %d runs. Growth compares two sizes with n·log n: (time ratio) / (n·log n ratio); 1 is exactly n·log n, above 1 is worse.\n\n", r.views[0].Runs)
	cols := r.viewColumns()
	w("| state |")
	for _, c := range cols {
		w(" %s |", c.label)
	}
	steps := r.growthSteps()
	for _, s := range steps {
		w(" growth %s→%s |", short(s[0]), short(s[1]))
	}
	w("\n|---|%s\n", strings.Repeat("---|", len(cols)+len(steps)))
	for _, state := range r.viewStates() {
		w("| %s |", state)
		for _, c := range cols {
			if v, ok := r.view(c.catalog, c.rows, state); ok {
				w(" %s |", dur(v.NsOp))
			} else {
				w(" – |")
			}
		}
		for _, s := range steps {
			a, ok1 := r.view("synthetic", s[0], state)
			b, ok2 := r.view("synthetic", s[1], state)
			if ok1 && ok2 {
				w(" %.2f |", growth(a.NsOp, b.NsOp, s[0], s[1]))
			} else {
				w(" – |")
			}
		}
		w("\n")
	}
	w("\nAllocations per View (count, bytes) and rows shown:\n\n| state |")
	for _, c := range cols {
		w(" %s |", c.label)
	}
	w("\n|---|%s\n", strings.Repeat("---|", len(cols)))
	for _, state := range r.viewStates() {
		w("| %s |", state)
		for _, c := range cols {
			if v, ok := r.view(c.catalog, c.rows, state); ok {
				w(" %s, %s (%s rows) |", count(int(v.Allocs)), kb(v.BOp), count(int(v.Shown)))
			} else {
				w(" – |")
			}
		}
		w("\n")
	}
	w("\n")
}

func (r *report) layoutTables(w writer) {
	bg, h := r.layout[0], r.layout[1]
	if bg == nil || h == nil {
		return
	}
	w("## 5. What the wasm is made of\n\n")
	w("Both apps built with `-trimpath` only, so the function names stay (the shipped wasm drops them with `-s -w`; nothing else changes). Raw bytes, before compression.\n\n")
	w("| | %s | %s | difference |\n|---|---|---|---|\n", appNames[0], appNames[1])
	w("| whole file | %s | %s | %s |\n", mb(int64(bg.Total)), mb(int64(h.Total)), signedKB(bg.Total-h.Total))
	for _, s := range []string{"code", "data", "custom name"} {
		w("| %s section | %s | %s | %s |\n", s, mb(int64(bg.Sections[s])), mb(int64(h.Sections[s])), signedKB(bg.Sections[s]-h.Sections[s]))
	}
	bm, hm := byModule(bg), byModule(h)
	for _, m := range []string{"Go runtime and standard library", "go-app", "backendgrid", "other modules", "other"} {
		w("| code: %s | %s | %s | %s |\n", m, mb(int64(bm[m])), mb(int64(hm[m])), signedKB(bm[m]-hm[m]))
	}
	w("\nThe packages whose code differs most between the two (what backendgrid adds to the floor):\n\n| package | %s | %s | difference |\n|---|---|---|---|\n", appNames[0], appNames[1])
	diff := map[string]int{}
	for k, v := range bg.Packages {
		diff[k] += v
	}
	for k, v := range h.Packages {
		diff[k] -= v
	}
	abs := map[string]int{}
	for k, v := range diff {
		abs[k] = max(v, -v)
	}
	for _, e := range top(abs, 15) {
		w("| %s | %s | %s | %s |\n", e.k, kb(float64(bg.Packages[e.k])), kb(float64(h.Packages[e.k])), signedKB(diff[e.k]))
	}
	w("\nThe largest packages of backendgrid's wasm:\n\n| package | code |\n|---|---|\n")
	for _, e := range top(bg.Packages, 15) {
		w("| %s | %s |\n", e.k, kb(float64(e.v)))
	}
	w("\n")
}

func byModule(l *wasmLayout) map[string]int {
	m := map[string]int{}
	for k, v := range l.Packages {
		m[moduleOf(k)] += v
	}
	return m
}

type viewColumn struct {
	catalog string
	rows    int
	label   string
}

func (r *report) viewColumns() []viewColumn {
	var cols []viewColumn
	seen := map[string]bool{}
	for _, v := range r.views {
		key := fmt.Sprint(v.Catalog, v.Rows)
		if seen[key] {
			continue
		}
		seen[key] = true
		label := count(v.Rows) + " rows"
		if v.Catalog == "real" {
			label = "real catalog (" + count(v.Rows) + ")"
		}
		cols = append(cols, viewColumn{v.Catalog, v.Rows, label})
	}
	return cols
}

func (r *report) viewStates() []string {
	var states []string
	for _, v := range r.views {
		if !slices.Contains(states, v.State) {
			states = append(states, v.State)
		}
	}
	return states
}

// growthSteps are the consecutive synthetic sizes.
func (r *report) growthSteps() [][2]int {
	var sizes []int
	for _, v := range r.views {
		if v.Catalog == "synthetic" && !slices.Contains(sizes, v.Rows) {
			sizes = append(sizes, v.Rows)
		}
	}
	slices.Sort(sizes)
	var steps [][2]int
	for i := 1; i < len(sizes); i++ {
		steps = append(steps, [2]int{sizes[i-1], sizes[i]})
	}
	return steps
}

func (r *report) view(catalog string, rows int, state string) (viewBench, bool) {
	for _, v := range r.views {
		if v.Catalog == catalog && v.Rows == rows && v.State == state {
			return v, true
		}
	}
	return viewBench{}, false
}

func (r *report) worstView(rows int) (viewBench, bool) {
	var worst viewBench
	found := false
	for _, v := range r.views {
		if v.Catalog == "synthetic" && v.Rows == rows && (!found || v.NsOp > worst.NsOp) {
			worst, found = v, true
		}
	}
	return worst, found
}

// worstGrowth is the largest growth factor over the steps from 1,000 rows
// up: below that, fixed costs hide how View scales.
func (r *report) worstGrowth() (float64, string, bool) {
	worst, at, found := 0.0, "", false
	for _, s := range r.growthSteps() {
		if s[0] < 1000 {
			continue
		}
		for _, state := range r.viewStates() {
			a, ok1 := r.view("synthetic", s[0], state)
			b, ok2 := r.view("synthetic", s[1], state)
			if !ok1 || !ok2 {
				continue
			}
			if g := growth(a.NsOp, b.NsOp, s[0], s[1]); !found || g > worst {
				worst, at, found = g, fmt.Sprintf("%s, %s→%s rows", state, count(s[0]), count(s[1])), true
			}
		}
	}
	return worst, at, found
}
