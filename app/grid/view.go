package grid

import (
	"slices"
	"strings"

	"backendgrid/data"
)

// Result is everything the page renders for one State.
type Result struct {
	// Rows are the matching items, in display order.
	Rows []Row
	// Total is the number of items in the catalog.
	Total int
	// Columns are the visible columns, in order.
	Columns []*data.Column
	// Facets are the filter groups with live counts, in schema order.
	Facets []Facet
	// Corrected lists search terms that only matched after a typo fix.
	Corrected []string
	// Asked are the attributes the search named: their columns come
	// first among the visible ones, and each row says how it has them.
	Asked []Asked
	// Absent are the things the search named that no item has.
	Absent []Absent
	// Unfit counts the rows hidden for missing a must-have.
	Unfit int
}

// Row is one matching item.
type Row struct {
	// Item is the catalog item.
	Item *data.Item
	// Score is the search score (0 without a query).
	Score int
	// Marks are the search highlights per field.
	Marks Marks
	// Fit is how the item meets the "Help me choose" criteria, if any.
	Fit *Fit
}

// Facet is one filter group.
type Facet struct {
	// Column is the facet column.
	Column *data.Column
	// Values are the column's values with their counts, in display order.
	Values []FacetValue
	// Selected counts the selected values.
	Selected int
}

// FacetValue is one choice in a facet.
type FacetValue struct {
	// Value is the raw value, as used in the URL.
	Value string
	// Label is the value as shown.
	Label string
	// Count is how many items the current search and the other facets'
	// selections leave with this value: what ticking it would add.
	Count int
	// Selected is true when the value is ticked.
	Selected bool
}

// View computes the Result of a State: search, facet counts, filtering and
// sorting. It is pure: same index and state, same result.
func View(ix *Index, s State) Result {
	cat := ix.Catalog
	found := ix.Search(s.Query)
	res := Result{
		Total:     len(cat.Items),
		Columns:   askedFirst(s.VisibleColumns(cat), found.Asked),
		Corrected: found.Corrected,
		Asked:     found.Asked,
		Absent:    found.Absent,
	}

	fx := &ix.facets
	nf := len(fx.cols)
	// Per facet: which values are selected, and the counts, by value index.
	selected := make([][]bool, nf)
	counts := make([][]int, nf)
	active := make([]bool, nf)
	for f, col := range fx.cols {
		selected[f] = make([]bool, len(fx.values[f]))
		counts[f] = make([]int, len(fx.values[f]))
		for v, value := range fx.values[f] {
			if s.Selected(col.ID, value) {
				selected[f][v], active[f] = true, true
			}
		}
	}
	// With a restricted catalog (only=), values no item of it has are left
	// out of the panel: they could never match.
	var possible [][]int
	if s.Only != nil {
		res.Total = 0
		possible = make([][]int, nf)
		for f := range possible {
			possible[f] = make([]int, len(fx.values[f]))
		}
	}
	// Items are walked in name order: rows come out sorted by name, which
	// is the listing's order and every sort's tie-break.
	// The facet index is laid out in the same order: p is the position.
	// The walk notes the positions that count towards facet values; the
	// counting is done facet by facet afterwards, each facet's arrays read
	// in one pass.
	capacity := len(ix.order.byName)
	if found.Hits != nil {
		capacity = found.matches
	}
	res.Rows = make([]Row, 0, capacity)
	at := make([]int32, 0, capacity)   // item index of each row
	pass := make([]int32, 0, capacity) // position of each row
	near := make([][]int32, nf)        // per facet: positions that fail only it
	var inOnly []int32                 // positions of the only= items
	for p, i32 := range ix.order.byName {
		i := int(i32)
		if s.Only != nil {
			if !slices.Contains(s.Only, cat.Items[i].ID) {
				continue
			}
			res.Total++
			inOnly = append(inOnly, int32(p))
		}
		if !found.matched(i) {
			continue
		}
		// A row counts towards a facet's values when it passes every other
		// facet: that is the standard OR-within, AND-across rule.
		failed, failedAt := 0, -1
		for f := range fx.cols {
			if active[f] && !fx.passes(selected[f], f, p) {
				failed++
				failedAt = f
				if failed > 1 {
					break
				}
			}
		}
		switch failed {
		case 0:
			it := cat.Items[i]
			row := Row{Item: it}
			if found.Hits != nil {
				row.Score, row.Marks = found.Hits[i].Score, found.Hits[i].Marks
			}
			if s.Choosing() {
				fit := FitOf(cat, it, s.Need, s.Want)
				if fit.Failed && s.HideUnfit {
					res.Unfit++
					continue
				}
				row.Fit = &fit
			}
			res.Rows = append(res.Rows, row)
			at = append(at, i32)
			pass = append(pass, int32(p))
		case 1:
			// With misfits hidden, ticking the value would not show this
			// row either, so it does not count.
			if s.HideUnfit && FitOf(cat, cat.Items[i], s.Need, s.Want).Failed {
				continue
			}
			near[failedAt] = append(near[failedAt], int32(p))
		}
	}
	for f := range fx.cols {
		fx.count(counts[f], f, pass)
		fx.count(counts[f], f, near[f])
	}
	for f := range possible {
		fx.count(possible[f], f, inOnly)
	}

	for f, col := range fx.cols {
		facet := Facet{Column: col}
		for v, value := range fx.values[f] {
			if possible != nil && possible[f][v] == 0 && !selected[f][v] {
				continue
			}
			fv := FacetValue{Value: value, Label: valueLabel(col, value), Count: counts[f][v], Selected: selected[f][v]}
			if fv.Selected {
				facet.Selected++
			}
			facet.Values = append(facet.Values, fv)
		}
		res.Facets = append(res.Facets, facet)
	}

	ix.sortRows(res.Rows, at, s.Sort, s.Query != "", s.Choosing())
	return res
}

// facetIndex holds every item's facet values as small integers, packed per
// facet: counting and filtering then touch compact arrays instead of
// walking maps of cells item by item (at 10,000 rows that walk, all cache
// misses, was most of View's time).
type facetIndex struct {
	cols   []*data.Column
	values [][]string // per facet: its values, in display order
	// per facet: the value indexes of every item, the one at position p's
	// at vals[f][off[f][p]:off[f][p+1]]
	vals [][]uint32
	off  [][]uint32
}

// Items are stored in the given order (View walks them by name), so that
// the walk reads each array from start to end.
func newFacetIndex(cat *data.Catalog, order []int32) facetIndex {
	var fx facetIndex
	for _, c := range cat.Columns {
		if !c.Facet {
			continue
		}
		values := cat.FacetValues(c)
		pos := make(map[string]uint32, len(values))
		for v, value := range values {
			pos[value] = uint32(v)
		}
		var vals []uint32
		off := make([]uint32, 0, len(cat.Items)+1)
		for _, i := range order {
			off = append(off, uint32(len(vals)))
			for _, value := range cat.Items[i].Cells[c.ID].List() {
				vals = append(vals, pos[value])
			}
		}
		off = append(off, uint32(len(vals)))
		fx.cols = append(fx.cols, c)
		fx.values = append(fx.values, values)
		fx.vals = append(fx.vals, vals)
		fx.off = append(fx.off, off)
	}
	return fx
}

// passes reports whether the item at position p has one of the selected
// values of facet f.
func (fx *facetIndex) passes(selected []bool, f, p int) bool {
	for _, v := range fx.vals[f][fx.off[f][p]:fx.off[f][p+1]] {
		if selected[v] {
			return true
		}
	}
	return false
}

// of is the facet number of column id, or -1.
func (fx *facetIndex) of(id string) int {
	for f, c := range fx.cols {
		if c.ID == id {
			return f
		}
	}
	return -1
}

// valueIndex is the number of value in facet f, or -1.
func (fx *facetIndex) valueIndex(f int, value string) int {
	for v, x := range fx.values[f] {
		if x == value {
			return v
		}
	}
	return -1
}

// has reports whether the item at position p has value v of facet f.
func (fx *facetIndex) has(f, p, v int) bool {
	for _, x := range fx.vals[f][fx.off[f][p]:fx.off[f][p+1]] {
		if int(x) == v {
			return true
		}
	}
	return false
}

// count adds the values of facet f of the items at positions ps to
// counts.
func (fx *facetIndex) count(counts []int, f int, ps []int32) {
	vals, off := fx.vals[f], fx.off[f]
	for _, p := range ps {
		for _, v := range vals[off[p]:off[p+1]] {
			counts[v]++
		}
	}
}

// valueLabel is how a facet value reads in the filter panel.
func valueLabel(col *data.Column, v string) string {
	if col.Type == data.Support {
		return data.SupportLabel(v)
	}
	return v
}

// askedFirst puts the columns a search asks about first, shown even when
// the view hides them: "orm" is about the ORM column.
func askedFirst(cols []*data.Column, asked []Asked) []*data.Column {
	if len(asked) == 0 {
		return cols
	}
	var out []*data.Column
	for _, a := range asked {
		if !slices.Contains(out, a.Column) {
			out = append(out, a.Column)
		}
	}
	for _, c := range cols {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Why says how an item has the support columns the search asked about,
// one line each: "Real-time: built in (Action Cable)". (Facet values need
// no line: their column comes first, with the value marked.)
func Why(it *data.Item, asked []Asked) []string {
	var out []string
	for _, a := range asked {
		if a.Values != nil {
			continue
		}
		cell := it.Cells[a.Column.ID]
		line := a.Column.Label + ": " + strings.ToLower(data.SupportLabel(cell.Text()))
		if cell.Detail != "" {
			line += " (" + cell.Detail + ")"
		}
		out = append(out, line)
	}
	return out
}
