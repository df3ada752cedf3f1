package grid

import (
	"net/url"
	"slices"
	"sort"
	"strings"

	"backendgrid/data"
)

// Limits on what the URL may carry. Anything longer is cut with a notice.
const (
	// MaxQuery is the longest search text, in characters.
	MaxQuery = 200
	// maxValue bounds one facet value or id read from the URL.
	maxValue = 100
	// maxShown bounds how much of a bad value a notice repeats.
	maxShown = 40
	// maxNotices bounds how many notices one URL can produce.
	maxNotices = 8
)

// State is everything a user can change. It lives in the URL query.
type State struct {
	// Query is the search text.
	Query string
	// Filters maps a facet column id to its selected values, in the
	// column's value order. A facet with no selection is absent.
	Filters map[string][]string
	// Sort is the column the rows are ordered by; zero means by relevance
	// when searching, by name otherwise.
	Sort SortKey
	// Cols are the visible columns in order; nil means the schema default.
	Cols []string
	// Picks are the items chosen for comparison (the tray), at most MaxPicks.
	Picks []string
	// Compare lists the items of the side-by-side view; empty means the
	// grid. It has 2 to MaxPicks ids.
	Compare []string
	// Diff makes the side-by-side view show only rows that differ.
	Diff bool
	// Only restricts the catalog to these items (embeds show a subset).
	Only []string
	// Embed is compact mode for iframes.
	Embed bool
	// Theme is "light" or "dark", "auto" to follow the system whatever
	// the reader picked before, or "" for the reader's pick (else auto).
	Theme string
	// Accent is a colour as 6 lower-case hex digits, or "".
	Accent string
	// Need and Want are the "Help me choose" must-haves and nice-to-haves.
	Need, Want []Criterion
	// HideUnfit hides the items that miss a must-have (else they sink).
	HideUnfit bool
}

// MaxPicks is how many items can be compared side by side.
const MaxPicks = 4

// SortKey names a sort column and direction.
type SortKey struct {
	// Column is a column id, "name", or "" for the default order.
	Column string
	// Desc sorts descending.
	Desc bool
}

// NameColumn is the sort key of the row header (the item name).
const NameColumn = "name"

// String is the URL form: the column id, prefixed with "-" when descending.
func (k SortKey) String() string {
	if k.Column == "" {
		return ""
	}
	if k.Desc {
		return "-" + k.Column
	}
	return k.Column
}

// Notice is a message about something the widget could not use as given.
type Notice struct {
	// Param is the URL parameter concerned, if any.
	Param string
	// Message says what happened, in plain words.
	Message string
}

// Parse reads a State from URL values. It never fails: whatever it cannot
// use is dropped and reported as a Notice.
func Parse(cat *data.Catalog, v url.Values) (State, []Notice) {
	p := parser{cat: cat}
	var s State

	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	for _, key := range keys {
		vals := v[key]
		if pm := paramNamed(key); pm != nil {
			if pm.read != nil {
				pm.read(&p, &s, vals)
			}
			continue
		}
		if Tracking(key) {
			continue
		}
		col := cat.Column(key)
		switch {
		case col != nil && col.Facet:
			if sel := p.facet(col, vals); len(sel) > 0 {
				if s.Filters == nil {
					s.Filters = map[string][]string{}
				}
				s.Filters[col.ID] = sel
			}
		case col != nil:
			p.add(key, "“%s” cannot be filtered; ignored it.", col.Label)
		default:
			p.add(key, "Ignored the unknown parameter “%s”.", shorten(key))
		}
	}
	s.normalize(&p)
	return s, p.done()
}

// normalize settles what depends on several parameters: picks and
// comparisons live inside only=, a comparison needs two items, diff needs
// a comparison, a column both needed and wanted is needed.
func (s *State) normalize(p *parser) {
	if s.Only != nil {
		s.Picks = p.within("pick", s.Picks, s.Only)
		s.Compare = p.within("compare", s.Compare, s.Only)
	}
	switch {
	case len(s.Compare) == 1:
		p.add("compare", "Pick at least 2 %s to compare side by side.", p.cat.Noun.Many)
		s.Picks = mergeIDs(s.Picks, s.Compare)
		s.Compare = nil
	case len(s.Compare) > 0 && s.Picks == nil:
		s.Picks = s.Compare
	}
	if s.Diff && s.Compare == nil {
		s.Diff = false
	}
	s.Want = slices.DeleteFunc(s.Want, func(w Criterion) bool {
		return slices.ContainsFunc(s.Need, func(n Criterion) bool { return n.Column == w.Column })
	})
	if len(s.Want) == 0 {
		s.Want = nil
	}
	if s.HideUnfit && len(s.Need) == 0 {
		s.HideUnfit = false
	}
}

// mergeIDs appends the ids of b missing from a, up to MaxPicks.
func mergeIDs(a, b []string) []string {
	out := slices.Clone(a)
	for _, id := range b {
		if len(out) < MaxPicks && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Encode writes the State as URL values; Parse(Encode(s)) == s.
func (s State) Encode() url.Values {
	v := url.Values{}
	for id, sel := range s.Filters {
		if len(sel) > 0 {
			v.Set(id, strings.Join(sel, ","))
		}
	}
	for i := range params {
		if params[i].write != nil {
			params[i].write(s, v)
		}
	}
	return v
}

// VisibleColumns resolves s.Cols against the catalog: the chosen columns in
// order, or every column the schema does not hide.
func (s State) VisibleColumns(cat *data.Catalog) []*data.Column {
	var cols []*data.Column
	if s.Cols == nil {
		for _, c := range cat.Columns {
			if !c.Hidden {
				cols = append(cols, c)
			}
		}
		return cols
	}
	for _, id := range s.Cols {
		if c := cat.Column(id); c != nil {
			cols = append(cols, c)
		}
	}
	return cols
}

// EncodeQuery writes URL values like url.Values.Encode (keys sorted) but
// keeps the separators of our syntax readable: "language=Python,Ruby" and
// "need=orm:built-in" rather than %2C and %3A. Both forms parse the same.
func EncodeQuery(v url.Values) string {
	return queryUnescaper.Replace(v.Encode())
}

var queryUnescaper = strings.NewReplacer("%2C", ",", "%3A", ":", "%7C", "|")

// Href is the relative link to the view of s, for plain anchors that work
// without JavaScript.
func (s State) Href() string {
	if q := EncodeQuery(s.Encode()); q != "" {
		return "?" + q
	}
	return "."
}
