package grid

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"backendgrid/data"
)

// ordering holds what sorting needs, worked out per catalog instead of per
// View: the name order, and per column a rank of every item by its sort
// key. Sorting then compares small integers, never strings.
type ordering struct {
	// byName lists the item indexes by name, then id: View walks the
	// items in this order, so rows come out sorted by name for free.
	byName []int32
	// nameRank is each item's rank by name alone (equal names share one).
	nameRank []int32
	// columns ranks the items by each column's sort key, in catalog
	// column order; a column's ranks are made the first time it sorts.
	columns []columnRank
}

type columnRank struct {
	once sync.Once
	rank []int32
}

func newOrdering(cat *data.Catalog) ordering {
	byName, nameRank := rankItems(cat, func(it *data.Item) sortValue {
		return sortValue{text: it.SortName()}
	})
	return ordering{byName: byName, nameRank: nameRank, columns: make([]columnRank, len(cat.Columns))}
}

// sortValue is what one item sorts by in one column.
type sortValue struct {
	num  int    // year, enum or support rank
	text string // text key
}

func (a sortValue) compare(b sortValue) int {
	return cmp.Or(cmp.Compare(a.num, b.num), strings.Compare(a.text, b.text))
}

// rankItems orders the items by key, then name, then id, and gives each
// its dense rank by key alone.
func rankItems(cat *data.Catalog, key func(*data.Item) sortValue) (order, rank []int32) {
	keys := make([]sortValue, len(cat.Items))
	order = make([]int32, len(cat.Items))
	for i, it := range cat.Items {
		keys[i], order[i] = key(it), int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		x, y := cat.Items[a], cat.Items[b]
		return cmp.Or(keys[a].compare(keys[b]),
			strings.Compare(x.SortName(), y.SortName()),
			strings.Compare(x.ID, y.ID))
	})
	rank = make([]int32, len(cat.Items))
	r := int32(0)
	for n, i := range order {
		if n > 0 && keys[i].compare(keys[order[n-1]]) != 0 {
			r++
		}
		rank[i] = r
	}
	return order, rank
}

// columnRanks returns the items' ranks by the sort key of column c (an
// index into the catalog's columns).
func (ix *Index) columnRanks(c int) []int32 {
	cr := &ix.order.columns[c]
	cr.once.Do(func() {
		col := ix.Catalog.Columns[c]
		_, cr.rank = rankItems(ix.Catalog, func(it *data.Item) sortValue { return columnKey(col, it) })
	})
	return cr.rank
}

// columnKey is what an item sorts by in a column: the year, the rank of
// an enum value in its declared order or of a support level (best first),
// else the cell's case-folded text.
func columnKey(col *data.Column, it *data.Item) sortValue {
	cell := it.Cells[col.ID]
	switch col.Type {
	case data.Year:
		return sortValue{num: cell.Year()}
	case data.Enum:
		return sortValue{num: slices.Index(col.Values, cell.Text())}
	case data.Support:
		return sortValue{num: slices.Index(data.SupportLevels, cell.Text())}
	}
	return sortValue{text: cell.SortKey()}
}

// packable is set where an int holds a key and a position side by side
// (64-bit ints: the wasm and the usual servers).
const packable = math.MaxInt == math.MaxInt64

// sortRows orders rows, which arrive in name order with at[i] the catalog
// index of rows[i], by the sort key; ties keep the name order (then id).
// With no key, criteria rank by fit (missed must-haves last, then
// nice-to-have credit, then search score), a search ranks by score and a
// plain listing stays by name.
func (ix *Index) sortRows(rows []Row, at []int32, k SortKey, searching, choosing bool) {
	var key func(j int) [3]int32
	col := slices.IndexFunc(ix.Catalog.Columns, func(c *data.Column) bool { return c.ID == k.Column })
	switch {
	case k.Column == NameColumn:
		key = func(j int) [3]int32 { return [3]int32{ix.order.nameRank[at[j]]} }
	case col >= 0:
		rank := ix.columnRanks(col)
		key = func(j int) [3]int32 { return [3]int32{rank[at[j]]} }
	case choosing:
		key = func(j int) [3]int32 {
			r := &rows[j]
			if r.Fit == nil {
				return [3]int32{}
			}
			return [3]int32{int32(boolRank(r.Fit.Failed)), -int32(r.Fit.Want * 2), -int32(r.Score)}
		}
	case searching:
		key = func(j int) [3]int32 { return [3]int32{-int32(rows[j].Score)} }
	}
	if key == nil || (k.Column == NameColumn && !k.Desc) {
		return // already in name order
	}
	sign := int32(1)
	if k.Desc {
		sign = -1
	}
	order := make([]int32, len(rows))
	if packable && (!choosing || col >= 0 || k.Column == NameColumn) {
		// One key: each row's key and position packed into one integer,
		// so the sort compares plain integers, with no comparison
		// function. (An int, not an int64: the wasm already has the sort
		// for ints, and a second instantiation costs 12 kB.)
		packed := make([]int, len(rows))
		for j := range rows {
			packed[j] = int(int64(sign*key(j)[0])<<32) | j
		}
		slices.Sort(packed)
		for j, e := range packed {
			order[j] = int32(uint32(e)) // the low half: the position
		}
	} else {
		// Several keys: the positions sorted by their keys (an int32
		// sort, which the wasm already has: a sort of key structs would
		// cost 18 kB more).
		keys := make([][3]int32, len(rows))
		for j := range rows {
			keys[j] = key(j)
			for n := range keys[j] {
				keys[j][n] *= sign
			}
			order[j] = int32(j)
		}
		slices.SortFunc(order, func(a, b int32) int {
			x, y := &keys[a], &keys[b]
			return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1]), cmp.Compare(x[2], y[2]), cmp.Compare(a, b))
		})
	}
	sorted := make([]Row, len(rows))
	for j, pos := range order {
		sorted[j] = rows[pos]
	}
	copy(rows, sorted)
}
