package app

import (
	"cmp"
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
	Marks map[Field][]Span
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
		Columns:   s.VisibleColumns(cat),
		Corrected: found.Corrected,
	}

	facetCols := facetColumns(cat)
	counts := make([]map[string]int, len(facetCols))
	for i := range counts {
		counts[i] = map[string]int{}
	}
	// With a restricted catalog (only=), values no item of it has are left
	// out of the panel: they could never match.
	var possible []map[string]int
	if s.Only != nil {
		res.Total = 0
		possible = make([]map[string]int, len(facetCols))
		for i := range possible {
			possible[i] = map[string]int{}
		}
	}
	for i, it := range cat.Items {
		if s.Only != nil {
			if !slices.Contains(s.Only, it.ID) {
				continue
			}
			res.Total++
			for f, col := range facetCols {
				countValues(possible[f], it, col)
			}
		}
		hit := found.Hits[i]
		if !hit.Matched {
			continue
		}
		// A row counts towards a facet's values when it passes every other
		// facet: that is the standard OR-within, AND-across rule.
		failed, failedAt := 0, -1
		for f, col := range facetCols {
			if !passes(it, col, s.Filters[col.ID]) {
				failed++
				failedAt = f
			}
		}
		switch failed {
		case 0:
			row := Row{Item: it, Score: hit.Score, Marks: hit.Marks}
			if s.Choosing() {
				fit := FitOf(cat, it, s.Need, s.Want)
				if fit.Failed && s.HideUnfit {
					res.Unfit++
					continue
				}
				row.Fit = &fit
			}
			for f, col := range facetCols {
				countValues(counts[f], it, col)
			}
			res.Rows = append(res.Rows, row)
		case 1:
			// With misfits hidden, ticking the value would not show this
			// row either, so it does not count.
			if s.HideUnfit && FitOf(cat, it, s.Need, s.Want).Failed {
				continue
			}
			countValues(counts[failedAt], it, facetCols[failedAt])
		}
	}

	for f, col := range facetCols {
		facet := Facet{Column: col}
		for _, v := range cat.FacetValues(col) {
			if possible != nil && possible[f][v] == 0 && !s.Selected(col.ID, v) {
				continue
			}
			fv := FacetValue{Value: v, Label: valueLabel(col, v), Count: counts[f][v], Selected: s.Selected(col.ID, v)}
			if fv.Selected {
				facet.Selected++
			}
			facet.Values = append(facet.Values, fv)
		}
		res.Facets = append(res.Facets, facet)
	}

	sortRows(cat, res.Rows, s.Sort, s.Query != "", s.Choosing())
	return res
}

func facetColumns(cat *data.Catalog) []*data.Column {
	var cols []*data.Column
	for _, c := range cat.Columns {
		if c.Facet {
			cols = append(cols, c)
		}
	}
	return cols
}

// passes reports whether the item has one of the selected values (or the
// facet has no selection).
func passes(it *data.Item, col *data.Column, sel []string) bool {
	if len(sel) == 0 {
		return true
	}
	for _, v := range it.Cells[col.ID].List() {
		if slices.Contains(sel, v) {
			return true
		}
	}
	return false
}

func countValues(counts map[string]int, it *data.Item, col *data.Column) {
	for _, v := range it.Cells[col.ID].List() {
		counts[v]++
	}
}

// valueLabel is how a facet value reads in the filter panel.
func valueLabel(col *data.Column, v string) string {
	if col.Type == data.Support {
		return data.SupportLabel(v)
	}
	return v
}

// sortRows orders rows by the sort key, stably, ties broken by name. With
// no key, criteria rank by fit (missed must-haves last, then nice-to-have
// credit, then search score), a search ranks by score and a plain listing
// goes by name.
func sortRows(cat *data.Catalog, rows []Row, k SortKey, searching, choosing bool) {
	byName := func(a, b Row) int {
		return cmp.Or(
			strings.Compare(strings.ToLower(a.Item.Name), strings.ToLower(b.Item.Name)),
			strings.Compare(a.Item.ID, b.Item.ID),
		)
	}
	col := cat.Column(k.Column)
	slices.SortStableFunc(rows, func(a, b Row) int {
		var c int
		switch {
		case k.Column == NameColumn:
			c = byName(a, b)
		case col != nil:
			c = compareCells(col, a.Item.Cells[col.ID], b.Item.Cells[col.ID])
		case choosing:
			c = byFit(a, b)
		case searching:
			c = cmp.Compare(b.Score, a.Score)
		}
		if k.Desc {
			c = -c
		}
		return cmp.Or(c, byName(a, b))
	})
}

// compareCells orders two cells of a column: years by number, enums and
// support levels by their declared order, text case-insensitively.
func compareCells(col *data.Column, a, b *data.Cell) int {
	switch col.Type {
	case data.Year:
		return cmp.Compare(a.Year(), b.Year())
	case data.Enum:
		return cmp.Compare(slices.Index(col.Values, a.Text()), slices.Index(col.Values, b.Text()))
	case data.Support:
		return cmp.Compare(slices.Index(data.SupportLevels, a.Text()), slices.Index(data.SupportLevels, b.Text()))
	}
	return strings.Compare(strings.ToLower(a.Display(col.Type)), strings.ToLower(b.Display(col.Type)))
}
