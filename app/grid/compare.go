package grid

import (
	"slices"
	"strconv"
	"strings"

	"backendgrid/data"
)

// Comparison is the side-by-side view: the grid transposed, one column per
// compared item and one row per schema column.
type Comparison struct {
	// Items are the compared items, in the order picked.
	Items []*data.Item
	// Rows are the attributes, in schema order; with Diff on, only those
	// that differ.
	Rows []CompareRow
	// Same counts the rows hidden because every item agrees on them.
	Same int
}

// CompareRow is one attribute across the compared items.
type CompareRow struct {
	// Column is the attribute.
	Column *data.Column
	// Cells holds one cell per compared item, in item order.
	Cells []*data.Cell
	// Differs is true when the items do not all have the same value.
	Differs bool
}

// Compare builds the comparison of s.Compare. Rows that agree are dropped
// when s.Diff is set.
func Compare(cat *data.Catalog, s State) Comparison {
	c := Comparison{Items: cat.ItemsOf(s.Compare)}
	for _, col := range cat.Columns {
		row := CompareRow{Column: col}
		for _, it := range c.Items {
			row.Cells = append(row.Cells, it.Cells[col.ID])
		}
		row.Differs = differs(col, row.Cells)
		if s.Diff && !row.Differs {
			c.Same++
			continue
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// differs reports whether the cells disagree on the column's value. Links
// are identities, not properties (every project has its own website), so
// they never count as a difference.
func differs(col *data.Column, cells []*data.Cell) bool {
	if col.Type == data.Link || len(cells) < 2 {
		return false
	}
	first := compareKey(col, cells[0])
	for _, c := range cells[1:] {
		if compareKey(col, c) != first {
			return true
		}
	}
	return false
}

// compareKey is the part of a cell that decides sameness: the support level
// (not the component's name: Eloquent and Active Record are both built in),
// the set of list values in any order, the year, or the text ignoring case.
func compareKey(col *data.Column, c *data.Cell) string {
	if c == nil {
		return ""
	}
	switch col.Type {
	case data.List:
		vals := make([]string, len(c.List()))
		for i, v := range c.List() {
			vals[i] = strings.ToLower(v)
		}
		slices.SortFunc(vals, strings.Compare)
		return strings.Join(vals, "\x00")
	case data.Year:
		return strconv.Itoa(c.Year())
	case data.Releases:
		return releasesText(c) + "\x00" + c.Detail
	}
	return strings.ToLower(strings.TrimSpace(c.Text()))
}
