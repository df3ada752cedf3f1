package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"

	"backendgrid/data"
	"backendgrid/data/synthetic"
)

// TestSortMatchesComparator checks the rank-based sort against the plain
// definition (compare the two rows' keys, then name, then id) on a
// synthetic catalog big enough to have many ties, for every column in both
// directions, with and without a query.
func TestSortMatchesComparator(t *testing.T) {
	base := real(t).Catalog
	js, err := synthetic.JSON(base, 600, 7)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := data.Parse("synthetic.json", js)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(cat)
	byKey := func(col *data.Column) func(a, b Row) int {
		return func(a, b Row) int {
			if col == nil {
				return strings.Compare(a.Item.SortName(), b.Item.SortName())
			}
			ka, kb := columnKey(col, a.Item), columnKey(col, b.Item)
			return ka.compare(kb)
		}
	}
	keys := []*data.Column{nil}
	keys = append(keys, cat.Columns...)
	for _, col := range keys {
		for _, desc := range []bool{false, true} {
			for _, q := range []string{"", "ka", "mit"} {
				k := SortKey{Column: NameColumn, Desc: desc}
				if col != nil {
					k.Column = col.ID
				}
				t.Run(fmt.Sprintf("%s/desc=%v/q=%s", k.Column, desc, q), func(t *testing.T) {
					rows := View(ix, State{Query: q, Sort: k}).Rows
					if q == "" && len(rows) != len(cat.Items) {
						t.Fatalf("%d rows, want %d", len(rows), len(cat.Items))
					}
					key := byKey(col)
					want := slices.Clone(rows)
					slices.SortFunc(want, func(a, b Row) int {
						c := key(a, b)
						if desc {
							c = -c
						}
						return cmp.Or(c, strings.Compare(a.Item.SortName(), b.Item.SortName()), strings.Compare(a.Item.ID, b.Item.ID))
					})
					for i := range rows {
						if rows[i].Item != want[i].Item {
							t.Fatalf("row %d is %s, want %s", i, rows[i].Item.ID, want[i].Item.ID)
						}
					}
				})
			}
		}
	}
}

// TestSearchOrderIsByScore checks that a query without a sort lists the
// best score first and breaks ties by name, then id.
func TestSearchOrderIsByScore(t *testing.T) {
	ix := real(t)
	rows := View(ix, State{Query: "a"}).Rows
	if len(rows) < 3 {
		t.Fatalf("only %d rows for %q", len(rows), "a")
	}
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if c := cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Item.SortName(), b.Item.SortName()), strings.Compare(a.Item.ID, b.Item.ID)); c > 0 {
			t.Errorf("%s (score %d) before %s (score %d)", a.Item.ID, a.Score, b.Item.ID, b.Score)
		}
	}
}

// TestPairFilterKeepsAcceptableMatches checks that the cheap pair tests in
// front of the fuzzy matcher never drop a text the matcher and acceptable
// would take: every field of a synthetic catalog against terms of every
// length, with typos and non-ASCII letters.
func TestPairFilterKeepsAcceptableMatches(t *testing.T) {
	base := real(t).Catalog
	js, err := synthetic.JSON(base, 400, 3)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := data.Parse("synthetic.json", js)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(cat)
	// Texts from the catalog, and some with what folding and word starts
	// make tricky.
	texts := []searchText{}
	for _, x := range ix.texts {
		texts = append(texts, x)
	}
	for _, s := range []string{"Entity Framework Core", "ASP.NET Core", "Node.js", "camelCaseWord", "(parenthesized) word", "x_y-z/w", "naïve café élixir",
		"Kelvin \u212a sign", "mi\u017fs", "Phœnix LiveView", "20 years", "TypeScript", "rails/rails", "MIT", "Ruby on Rails"} {
		x := newSearchText(s)
		texts = append(texts, x)
		x.named = true
		texts = append(texts, x)
	}
	terms := []string{"r", "ra", "ral", "rails", "rials", "node", "nodejs", "aspnet", "kalo", "orm", "mit", "type script", "élixir", "phœnix", "zenlux", "spring boot", "framework", "ka lo",
		"s", "e", "o", "x", "1", "20", "js", "ts", "db", "Core", "api", "K", "ſ", "é", "k", "miss", "kel", "wor", "pw", "cc", "naive", "cafe", "live", "ye"}
	checked := 0
	for _, q := range terms {
		for _, term := range Terms(q) {
			q := newTermQuery(term)
			for i := range texts {
				x := &texts[i]
				m := fuzzy.Find(term, []string{x.text})
				if len(m) == 0 {
					continue
				}
				for _, weight := range []int{0, nameWeight} {
					if weight > 0 && !x.named {
						continue
					}
					if !acceptable(x.text, weight, m[0].MatchedIndexes, q.n) {
						continue
					}
					checked++
					if !q.mayMatch(x) {
						t.Errorf("%q in %q (weight %d) is acceptable but filtered out", term, x.text, weight)
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d acceptable matches checked", checked)
	}
}
