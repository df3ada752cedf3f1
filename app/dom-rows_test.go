package ui

import (
	"testing"

	"backendgrid/app/grid"
	"backendgrid/data/fixture"
)

// TestLongestRun checks the rows a patch leaves in place: a longest run
// already in order, so that a reorder moves as few rows as it can.
func TestLongestRun(t *testing.T) {
	for _, tc := range []struct {
		name string
		pos  []int
		want int // rows that stay
	}{
		{"none", nil, 0},
		{"all new", []int{-1, -1, -1}, 0},
		{"same order", []int{0, 1, 2, 3}, 4},
		{"one left", []int{0, 2, 3}, 3},
		{"one entered", []int{0, -1, 1, 2}, 3},
		{"last to first", []int{3, 0, 1, 2}, 3},
		{"first to last", []int{1, 2, 3, 0}, 3},
		{"reversed", []int{3, 2, 1, 0}, 1},
		{"two swapped", []int{0, 2, 1, 3}, 3},
		{"interleaved", []int{4, 0, 5, 1, 6, 2}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stay := longestRun(tc.pos)
			last, n := -1, 0
			for i, s := range stay {
				if !s {
					continue
				}
				if tc.pos[i] < 0 || tc.pos[i] <= last {
					t.Fatalf("stay %v: row %d (old %d) is not on an increasing run", stay, i, tc.pos[i])
				}
				last = tc.pos[i]
				n++
			}
			if n != tc.want {
				t.Errorf("%d rows stay, want %d (%v)", n, tc.want, stay)
			}
		})
	}
}

// TestRowsCarryTheirHashes checks that the prerendered table says of each
// row what the browser would draw (picks aside), so that the browser adopts
// it without redrawing, and that a pick does not change a row's hashes.
func TestRowsCarryTheirHashes(t *testing.T) {
	cat := fixture.Small(t)
	st := grid.State{Query: "alpha", Picks: []string{"alpha"}}
	res := grid.View(grid.NewIndex(cat), st)
	g := &gridTable{Rows: res.Rows, Columns: res.Columns, State: st, Catalog: cat}
	root := parseTable(t, g.html(true))
	rows := findAll(root, "tbody tr")
	if len(rows) != len(res.Rows) || len(rows) == 0 {
		t.Fatalf("%d rows drawn, %d in the result", len(rows), len(res.Rows))
	}
	for i, tr := range rows {
		r := res.Rows[i]
		if attr(tr, "id") != "row-"+r.Item.ID {
			t.Errorf("row %d id %q", i, attr(tr, "id"))
		}
		if got, want := attr(tr, "data-h"), hashCells(g.cells(r, false)); got != want {
			t.Errorf("row %s data-h %q, want %q", r.Item.ID, got, want)
		}
		if n, cells := len(findAll(tr, "th, td")), len(g.cells(r, false)); n != cells {
			t.Errorf("row %s has %d cells drawn, %d hashed", r.Item.ID, n, cells)
		}
	}
	if _, ticked := attrOK(find(t, root, "input#pick-alpha"), "checked"); !ticked {
		t.Errorf("the prerendered pick is not ticked")
	}
	head := find(t, root, "thead")
	if attr(head, "data-h") != hashOf(g.head(false)) {
		t.Errorf("thead data-h %q", attr(head, "data-h"))
	}
}
