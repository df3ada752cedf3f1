package grid

import (
	"backendgrid/data/fixture"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"backendgrid/data"
)

// TestSortMatchesComparator checks the rank-based sort against the plain
// definition (compare the two rows' keys, then name, then id) on a
// synthetic catalog big enough to have many ties, for every column in both
// directions, with and without a query.
func TestSortMatchesComparator(t *testing.T) {
	cat := fixture.Synthetic(t, 600, 7)
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
	for _, tc := range []struct {
		name  string
		ix    *Index
		query string
	}{
		{"real", real(t), "a"},
		{"synthetic", NewIndex(fixture.Synthetic(t, 600, 7)), "ka"},
	} {
		rows := View(tc.ix, State{Query: tc.query}).Rows
		if len(rows) < 3 {
			t.Fatalf("%s: only %d rows for %q", tc.name, len(rows), tc.query)
		}
		for i := 1; i < len(rows); i++ {
			a, b := rows[i-1], rows[i]
			if c := cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Item.SortName(), b.Item.SortName()), strings.Compare(a.Item.ID, b.Item.ID)); c > 0 {
				t.Errorf("%s: %s (score %d) before %s (score %d)", tc.name, a.Item.ID, a.Score, b.Item.ID, b.Score)
			}
		}
	}
}
