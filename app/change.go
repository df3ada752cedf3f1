package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"backendgrid/app/grid"
	"backendgrid/data"
)

// A change is one thing a reader does to the view: from the current State
// it computes the next step. It is the only way the State changes once the
// address has been read (address.go); the page applies it (Page.set).
type change func(cur grid.State) step

// step is what a change leads to.
type step struct {
	// state is the new State.
	state grid.State
	// nav says how the address follows the new State.
	nav nav
	// focus is the id of the element to focus once the step is on screen.
	focus string
	// say is the compare tray's announcement, for changes of the picks.
	say string
}

// nav is how the address and the history follow a step.
type nav int

const (
	// replaceNow replaces the address at once (a click).
	replaceNow nav = iota
	// replaceLater replaces it after a pause (typing): browsers throttle
	// history.replaceState when it is called on every key.
	replaceLater
	// pushEntry adds a history entry (opening the comparison), so that
	// Back returns to the grid as it was.
	pushEntry
	// leaveEntry goes back to the grid: a history Back when the page
	// pushed the comparison itself, else a replaced address.
	leaveEntry
)

// controller is the page as its components see it: how they change what
// is shown. Components hold it in a field; go-app compares fields on every
// render, and the same page compares equal at no cost.
type controller interface {
	// set applies a change of the State and returns the State shown.
	set(ctx app.Context, c change) grid.State
	// dismiss removes the i-th notice about the address.
	dismiss(ctx app.Context, i int)
	// showMore renders the next page of a long result.
	showMore(ctx app.Context)
	// download saves the current view as "csv" or "json".
	download(format string)
	// pickTheme sets and remembers the reader's theme: "auto", "light" or
	// "dark".
	pickTheme(ctx app.Context, theme string)
	// details opens the details of a cell (item id, column id) next to
	// the value that asked for them.
	details(ctx app.Context, id, col string, invoker app.Value)
}

// to makes a change that only replaces the State, at once.
func to(next func(grid.State) grid.State) change {
	return func(cur grid.State) step { return step{state: next(cur)} }
}

// typing searches for q; the address follows after a pause.
func typing(q string) change {
	return func(cur grid.State) step { return step{state: cur.WithQuery(q), nav: replaceLater} }
}

// clearSearch empties the search at once.
func clearSearch() change {
	return to(func(s grid.State) grid.State { return s.WithQuery("") })
}

// toggleValue ticks or unticks a facet value.
func toggleValue(cat *data.Catalog, column, value string) change {
	return to(func(s grid.State) grid.State { return s.Toggle(cat, column, value) })
}

// clearFacet unticks every value of a facet.
func clearFacet(column string) change {
	return to(func(s grid.State) grid.State { return s.ClearFilter(column) })
}

// clearAll empties the search and the filters.
func clearAll() change {
	return to(grid.State.ClearAll)
}

// sortBy orders the rows by k.
func sortBy(k grid.SortKey) change {
	return to(func(s grid.State) grid.State { return s.WithSort(k) })
}

// pick adds an item to the compare tray or removes it, and says so. A pick
// beyond grid.MaxPicks is refused, with the reason.
func pick(cat *data.Catalog, id string) change {
	return func(cur grid.State) step {
		it := cat.Item(id)
		if it == nil {
			return step{state: cur}
		}
		next, ok := cur.TogglePick(id)
		switch {
		case !ok:
			return step{state: cur, say: fmt.Sprintf("You can compare up to %d %s: remove one before adding %s.",
				grid.MaxPicks, cat.Noun.Many, it.Name)}
		case next.Picked(id):
			return step{state: next, say: fmt.Sprintf("%s added: %d of %d picked.", it.Name, len(next.Picks), grid.MaxPicks)}
		}
		return step{state: next, say: fmt.Sprintf("%s removed: %d of %d picked.", it.Name, len(next.Picks), grid.MaxPicks)}
	}
}

// openCompare shows the picks side by side, as a new history entry.
func openCompare() change {
	return func(cur grid.State) step {
		next := cur.OpenCompare()
		if !next.Comparing() {
			return step{state: cur}
		}
		return step{state: next, nav: pushEntry, focus: "compare-heading"}
	}
}

// compareThese picks ids (the best fits) and shows them side by side.
func compareThese(ids []string) change {
	return func(cur grid.State) step {
		return openCompare()(cur.WithPicks(ids))
	}
}

// closeCompare goes back to the grid, picks kept.
func closeCompare() change {
	return func(cur grid.State) step {
		return step{state: cur.CloseCompare(), nav: leaveEntry, focus: "open-compare"}
	}
}

// removeCompared drops an item from the comparison; with fewer than two
// left, the grid comes back.
func removeCompared(id string) change {
	return func(cur grid.State) step {
		next := cur.RemoveCompared(id)
		if !next.Comparing() {
			return step{state: next, focus: "compare-tray"}
		}
		return step{state: next, focus: "compare-heading"}
	}
}

// onlyDifferences shows only the rows that differ, or all.
func onlyDifferences(on bool) change {
	return to(func(s grid.State) grid.State { return s.WithDiff(on) })
}

// toggleColumn shows or hides a column.
func toggleColumn(cat *data.Catalog, id string) change {
	return to(func(s grid.State) grid.State { return s.ToggleColumn(cat, id) })
}

// moveColumn moves a visible column by delta places; the keyboard stays on
// the button that moved it.
func moveColumn(cat *data.Catalog, id string, delta int, button string) change {
	return func(cur grid.State) step {
		return step{state: cur.MoveColumn(cat, id, delta), focus: button}
	}
}

// resetColumns brings back the schema's default columns.
func resetColumns() change {
	return func(cur grid.State) step {
		return step{state: cur.ResetColumns(), focus: "columns-toggle"}
	}
}

// setCriterion adds a criterion as a must-have or a nice-to-have, or moves
// it from one list to the other.
func setCriterion(c grid.Criterion, must bool) change {
	return to(func(s grid.State) grid.State { return s.SetCriterion(c, must) })
}

// removeCriterion drops the criterion on a column.
func removeCriterion(column string) change {
	return to(func(s grid.State) grid.State { return s.RemoveCriterion(column) })
}

// hideUnfit hides or shows the items that miss a must-have.
func hideUnfit(hide bool) change {
	return to(func(s grid.State) grid.State { return s.WithHideUnfit(hide) })
}

// takeAsked turns what the search understood into a filter (facet
// values) or a must-have (a support column), and takes its words out of
// the search: "python orm" becomes Language = Python and "orm".
func takeAsked(cat *data.Catalog, a grid.Asked) change {
	return to(func(s grid.State) grid.State {
		s = s.WithQuery(a.Rest)
		if a.Values == nil {
			return s.SetCriterion(grid.Criterion{Column: a.Column.ID, Values: []string{data.SupportLevels[a.Level]}}, true)
		}
		for _, v := range a.Values {
			if !s.Selected(a.Column.ID, v) {
				s = s.Toggle(cat, a.Column.ID, v)
			}
		}
		return s
	})
}

// showRelated replaces a search for something the catalog lacks with the
// items that share one of its values: FastAPI's Python frameworks.
func showRelated(cat *data.Catalog, query string, r grid.Related) change {
	return to(func(s grid.State) grid.State {
		s = s.WithQuery(query)
		if !s.Selected(r.Column.ID, r.Value) {
			s = s.Toggle(cat, r.Column.ID, r.Value)
		}
		return s
	})
}
