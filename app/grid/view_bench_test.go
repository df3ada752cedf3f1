package grid

import (
	"fmt"
	"net/url"
	"sync"
	"testing"

	"backendgrid/data"
	"backendgrid/data/synthetic"
)

// benchRows are the catalog sizes View is measured at: the real catalog's
// size, then each step ten times the last, so the growth between steps
// shows whether cost stays within n log n (`make bench` computes it).
var benchRows = []int{11, 1_000, 10_000, 100_000}

// benchStates are the states a reader produces most, as URLs so they go
// through Parse like a real visit.
var benchStates = []struct{ name, query string }{
	{"all", ""},
	{"query", "q=rails"},
	{"typo", "q=rials"},
	{"facets", "language=JavaScript,Python,Ruby&orm=built-in,official"},
	{"sort", "sort=-released"},
	{"combined", "q=node&language=JavaScript,TypeScript&sort=-released"},
}

// benchCatalogs are built once per process: with -count, BenchmarkView runs
// again, and 100,000 rows take seconds to generate and parse.
var benchCatalogs = sync.OnceValues(func() ([]benchCatalog, error) {
	base, err := data.Load()
	if err != nil {
		return nil, err
	}
	out := []benchCatalog{{"real", NewIndex(base)}}
	for _, n := range benchRows {
		js, err := synthetic.JSON(base, n, 1)
		if err != nil {
			return nil, err
		}
		cat, err := data.Parse(fmt.Sprintf("synthetic-%d.json", n), js)
		if err != nil {
			return nil, err
		}
		out = append(out, benchCatalog{"synthetic", NewIndex(cat)})
	}
	return out, nil
})

type benchCatalog struct {
	name string
	ix   *Index
}

// BenchmarkView measures search, facet counts and sorting on synthetic
// catalogs shaped like the real one (data/synthetic), and on the real one.
// Sub-benchmark names are parsed by `make bench`: keep catalog=, rows= and
// state=.
func BenchmarkView(b *testing.B) {
	catalogs, err := benchCatalogs()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range catalogs {
		cat := c.ix.Catalog
		for _, st := range benchStates {
			v, err := url.ParseQuery(st.query)
			if err != nil {
				b.Fatal(err)
			}
			state, notices := Parse(cat, v)
			if len(notices) > 0 {
				b.Fatalf("%s: %q gives notices %v", c.name, st.query, notices)
			}
			b.Run(fmt.Sprintf("catalog=%s/rows=%d/state=%s", c.name, len(cat.Items), st.name), func(b *testing.B) {
				b.ReportAllocs()
				var shown int
				for b.Loop() {
					shown = len(View(c.ix, state).Rows)
				}
				b.ReportMetric(float64(shown), "rows-shown")
			})
		}
	}
}
