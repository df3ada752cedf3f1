package grid

import (
	"slices"

	"backendgrid/data"
)

// The changes a user can make, each returning a new State: components and
// the page never edit a State in place.

// Selected reports whether value is selected in the facet column id.
func (s State) Selected(id, value string) bool {
	return slices.Contains(s.Filters[id], value)
}

// WithQuery returns a copy of s searching for q.
func (s State) WithQuery(q string) State {
	s.Query = CleanQuery(q)
	return s
}

// Toggle returns a copy of s with value added to or removed from the facet
// column's selection, kept in the column's value order.
func (s State) Toggle(cat *data.Catalog, id, value string) State {
	col := cat.Column(id)
	if col == nil || !col.Facet {
		return s
	}
	on := !s.Selected(id, value)
	var sel []string
	for _, v := range cat.FacetValues(col) {
		if (v == value && on) || (v != value && s.Selected(id, v)) {
			sel = append(sel, v)
		}
	}
	return s.withFilter(id, sel)
}

// ClearFilter returns a copy of s without any selection in column id.
func (s State) ClearFilter(id string) State { return s.withFilter(id, nil) }

// ClearAll returns a copy of s with no search text and no filters.
func (s State) ClearAll() State {
	s.Query = ""
	s.Filters = nil
	return s
}

// WithSort returns a copy of s sorted by k.
func (s State) WithSort(k SortKey) State {
	s.Sort = k
	return s
}

// NextSort is the sort a click on column id's header asks for: ascending
// first, then descending, then ascending again.
func (s State) NextSort(id string) SortKey {
	if s.Sort.Column == id && !s.Sort.Desc {
		return SortKey{Column: id, Desc: true}
	}
	return SortKey{Column: id}
}

// SortLabel describes the order in words: "relevance", "name" or
// "First release, descending".
func (s State) SortLabel(cat *data.Catalog) string {
	k := s.Sort
	label := "name"
	switch col := cat.Column(k.Column); {
	case k.Column == "" && s.Choosing():
		return "fit with your criteria"
	case k.Column == "" && s.Query != "":
		return "relevance"
	case k.Column == "":
		return "name"
	case col != nil:
		label = col.Label
	}
	if k.Desc {
		return label + ", descending"
	}
	return label + ", ascending"
}

// Filtered reports whether any facet value is selected.
func (s State) Filtered() bool { return len(s.Filters) > 0 }

func (s State) withFilter(id string, sel []string) State {
	filters := make(map[string][]string, len(s.Filters)+1)
	for k, v := range s.Filters {
		if k != id {
			filters[k] = v
		}
	}
	if len(sel) > 0 {
		filters[id] = sel
	}
	if len(filters) == 0 {
		filters = nil
	}
	s.Filters = filters
	return s
}

// Picked reports whether item id is in the compare tray.
func (s State) Picked(id string) bool { return slices.Contains(s.Picks, id) }

// TogglePick adds id to the picks or removes it. Adding beyond MaxPicks is
// refused: ok is false and s is returned unchanged.
func (s State) TogglePick(id string) (State, bool) {
	if i := slices.Index(s.Picks, id); i >= 0 {
		s.Picks = slices.Delete(slices.Clone(s.Picks), i, i+1)
		if len(s.Picks) == 0 {
			s.Picks = nil
		}
		return s, true
	}
	if len(s.Picks) >= MaxPicks {
		return s, false
	}
	s.Picks = append(slices.Clone(s.Picks), id)
	return s, true
}

// CanCompare reports whether enough items are picked to compare.
func (s State) CanCompare() bool { return len(s.Picks) >= 2 }

// OpenCompare returns s showing its picks side by side.
func (s State) OpenCompare() State {
	if !s.CanCompare() {
		return s
	}
	s.Compare = slices.Clone(s.Picks)
	return s
}

// CloseCompare returns s back in the grid, picks kept.
func (s State) CloseCompare() State {
	s.Compare = nil
	s.Diff = false
	return s
}

// RemoveCompared drops id from the comparison and the picks; with fewer
// than two left, the view goes back to the grid.
func (s State) RemoveCompared(id string) State {
	s.Compare = slices.DeleteFunc(slices.Clone(s.Compare), func(x string) bool { return x == id })
	s.Picks = slices.DeleteFunc(slices.Clone(s.Picks), func(x string) bool { return x == id })
	if len(s.Compare) < 2 {
		if len(s.Picks) == 0 {
			s.Picks = nil
		}
		return s.CloseCompare()
	}
	if len(s.Picks) == 0 {
		// A comparison always has picks behind it (Parse gives it the
		// compared ones): keep the state what its URL parses back to.
		s.Picks = slices.Clone(s.Compare)
	}
	return s
}

// WithDiff returns s with "only differences" on or off.
func (s State) WithDiff(on bool) State {
	s.Diff = on && len(s.Compare) > 0
	return s
}

// Comparing reports whether the side-by-side view is open.
func (s State) Comparing() bool { return len(s.Compare) > 0 }

// ToggleColumn shows or hides column id. The last visible column stays.
func (s State) ToggleColumn(cat *data.Catalog, id string) State {
	if cat.Column(id) == nil {
		return s
	}
	ids := columnIDs(s.VisibleColumns(cat))
	if i := slices.Index(ids, id); i >= 0 {
		if len(ids) == 1 {
			return s
		}
		ids = slices.Delete(ids, i, i+1)
	} else {
		ids = append(ids, id)
	}
	return s.withCols(cat, ids)
}

// MoveColumn moves visible column id by delta places (-1 left, +1 right).
func (s State) MoveColumn(cat *data.Catalog, id string, delta int) State {
	ids := columnIDs(s.VisibleColumns(cat))
	i := slices.Index(ids, id)
	j := i + delta
	if i < 0 || j < 0 || j >= len(ids) {
		return s
	}
	ids[i], ids[j] = ids[j], ids[i]
	return s.withCols(cat, ids)
}

// ResetColumns returns s with the schema's default columns.
func (s State) ResetColumns() State {
	s.Cols = nil
	return s
}

// withCols sets the visible columns; the default set is written as nil so
// the URL stays short and canonical.
func (s State) withCols(cat *data.Catalog, ids []string) State {
	if slices.Equal(ids, columnIDs((State{}).VisibleColumns(cat))) {
		s.Cols = nil
	} else {
		s.Cols = ids
	}
	return s
}

func columnIDs(cols []*data.Column) []string {
	ids := make([]string, len(cols))
	for i, c := range cols {
		ids[i] = c.ID
	}
	return ids
}

// SetCriterion adds c as a must-have or a nice-to-have, replacing any
// criterion on the same column (so it also moves one between the lists).
func (s State) SetCriterion(c Criterion, must bool) State {
	s = s.RemoveCriterion(c.Column)
	if must {
		s.Need = append(slices.Clone(s.Need), c)
	} else {
		s.Want = append(slices.Clone(s.Want), c)
	}
	return s
}

// RemoveCriterion drops the criterion on column, wherever it is.
func (s State) RemoveCriterion(column string) State {
	other := func(c Criterion) bool { return c.Column == column }
	s.Need = slices.DeleteFunc(slices.Clone(s.Need), other)
	s.Want = slices.DeleteFunc(slices.Clone(s.Want), other)
	if len(s.Need) == 0 {
		s.Need, s.HideUnfit = nil, false
	}
	if len(s.Want) == 0 {
		s.Want = nil
	}
	return s
}

// WithHideUnfit returns s hiding (or sinking) the rows that miss a must-have.
func (s State) WithHideUnfit(hide bool) State {
	s.HideUnfit = hide && len(s.Need) > 0
	return s
}

// WithPicks returns s with ids in the compare tray (the best matches).
func (s State) WithPicks(ids []string) State {
	s.Picks = slices.Clone(ids)
	return s
}

// SameFilters reports whether two filter selections are the same.
func SameFilters(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
