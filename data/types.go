// Package data holds the catalog: the columns (the schema that drives the
// whole widget) and the items, with one sourced fact per column.
//
// The package has three parts: the types (this file), decoding (decode.go:
// JSON to typed values and lookups, what the browser runs) and validation
// (validate.go: every fact checked, what the server and the build run).
package data

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Catalog is the whole data set: its schema (Columns) and its rows (Items).
type Catalog struct {
	// Title names what the catalog compares, e.g. "Backend frameworks".
	Title string `json:"title"`
	// Noun is how one item and several items are called in counts.
	Noun Noun `json:"noun"`
	// AsOf is the date (YYYY-MM-DD) on which the facts were last checked.
	AsOf string `json:"asOf"`
	// NameLink is the id of the link column that item names point to
	// (the official website); empty for plain names.
	NameLink string `json:"nameLink,omitempty"`
	// Columns is the schema, in display order.
	Columns []*Column `json:"columns"`
	// Items are the compared things, in file order.
	Items []*Item `json:"items"`
	// Others are things readers search for that the catalog leaves out.
	Others []*Other `json:"others,omitempty"`

	// Filled by decoding: the file's name, lookups by id, and each facet's
	// values.
	file        string
	columnsByID map[string]*Column
	itemsByID   map[string]*Item
	facetValues map[string][]string
}

// Noun holds the singular and plural words for the catalog's items.
type Noun struct {
	// One is the singular, e.g. "framework".
	One string `json:"one"`
	// Many is the plural, e.g. "frameworks".
	Many string `json:"many"`
}

// Of returns "1 framework" or "7 frameworks".
func (n Noun) Of(count int) string {
	if count == 1 {
		return "1 " + n.One
	}
	return fmt.Sprintf("%d %s", count, n.Many)
}

// ColumnType says how a column's values are shaped, compared and shown.
type ColumnType string

// The known column types.
const (
	// Text is free text.
	Text ColumnType = "text"
	// List is one or more short strings; each is a facet value of its own.
	List ColumnType = "list"
	// Enum is one string out of the column's declared Values.
	Enum ColumnType = "enum"
	// Support is a nuanced availability: built in, official add-on,
	// third-party or none, with a detail naming the component.
	Support ColumnType = "support"
	// Year is a four-digit year.
	Year ColumnType = "year"
	// Link is an absolute http(s) URL.
	Link ColumnType = "link"
	// Releases are the release lines still getting security fixes, each
	// with the date the fixes stop; an empty list with a detail that says
	// what the project publishes instead ("only the latest release").
	Releases ColumnType = "releases"
)

func (t ColumnType) known() bool {
	switch t {
	case Text, List, Enum, Support, Year, Link, Releases:
		return true
	}
	return false
}

// Support levels, best first: the order is the sort order.
const (
	BuiltIn    = "built-in"
	Official   = "official"
	ThirdParty = "third-party"
	None       = "none"
)

// SupportLevels lists the support values in their sort order.
var SupportLevels = []string{BuiltIn, Official, ThirdParty, None}

// SupportLabel is the human wording of a support level.
func SupportLabel(level string) string {
	switch level {
	case BuiltIn:
		return "Built in"
	case Official:
		return "Official add-on"
	case ThirdParty:
		return "Third-party"
	case None:
		return "None"
	}
	return level
}

// Column describes one attribute of the items.
type Column struct {
	// ID is the column's key in cells and its URL parameter name.
	ID string `json:"id"`
	// Label is the header shown to users.
	Label string `json:"label"`
	// Type says how values are shaped.
	Type ColumnType `json:"type"`
	// Facet makes the column a filter in the facet panel.
	Facet bool `json:"facet"`
	// Search makes the column's text part of the fuzzy search.
	Search bool `json:"search"`
	// Hidden keeps the column out of the default table view.
	Hidden bool `json:"hidden"`
	// Description explains the column in one sentence.
	Description string `json:"description"`
	// Values are the allowed values of an enum column, in sort order.
	Values []string `json:"values,omitempty"`
	// Synonyms are other words readers use for a support column
	// ("websocket" for real-time): searching one ranks the items by the
	// column. The id and the label count without being listed.
	Synonyms []string `json:"synonyms,omitempty"`
	// ValueSynonyms are other words for a facet column's values ("js"
	// for JavaScript): searching one matches the items with the value, as
	// ticking it would.
	ValueSynonyms map[string][]string `json:"valueSynonyms,omitempty"`
	// OtherValues are values of a facet column that readers search for
	// but no item has (a language none of the items uses): search then
	// says so instead of guessing.
	OtherValues []string `json:"otherValues,omitempty"`
}

// Other is something readers search for that the catalog does not cover
// (a framework it leaves out): search says so, and suggests the items
// that share its facet values.
type Other struct {
	// Name is its name.
	Name string `json:"name"`
	// Aliases are other names people search for.
	Aliases []string `json:"aliases,omitempty"`
	// Values are its values in facet columns, by column id.
	Values map[string][]string `json:"values"`
	// Source is the official URL that supports the values.
	Source string `json:"source"`
}

// Item is one compared thing: a row of the grid.
type Item struct {
	// ID is the stable key used in URLs.
	ID string `json:"id"`
	// Name is the display name.
	Name string `json:"name"`
	// Aliases are other names people search for ("RoR", ".NET").
	Aliases []string `json:"aliases"`
	// Summary is one neutral sentence about the item.
	Summary string `json:"summary"`
	// Cells holds one fact per column id.
	Cells map[string]*Cell `json:"cells"`

	sortName string
}

// SortName is the name as sorting compares it (lower case), computed once.
func (it *Item) SortName() string { return it.sortName }

// Cell is one sourced fact.
type Cell struct {
	// Value is the raw JSON value; use the typed accessors.
	Value json.RawMessage `json:"value"`
	// Detail names the component for support values ("Entity Framework Core").
	Detail string `json:"detail,omitempty"`
	// Note corrects a common mistake or explains a nuance; shown in the UI.
	Note string `json:"note,omitempty"`
	// Source is the official URL that supports the fact.
	Source string `json:"source"`

	text    string
	list    []string
	year    int
	sortKey string
	lines   []Release
}

// Release is one release line of a releases cell.
type Release struct {
	// Line names it as the project does ("10.0 (LTS)", "8.1").
	Line string `json:"line"`
	// Released is the date of its first release (YYYY-MM-DD or YYYY-MM),
	// when the source gives it.
	Released string `json:"released,omitempty"`
	// Until is the date its security fixes stop, as precise as the source
	// gives it: YYYY-MM-DD, or YYYY-MM when it names only the month.
	Until string `json:"until"`
	// Source is the official page or file that gives the date.
	Source string `json:"source"`
}

// Lines returns the release lines of a releases cell, in file order.
func (c *Cell) Lines() []Release { return c.lines }

// Longest is the line of a releases cell whose security fixes last
// longest: the one a new project can rely on longest. ok is false when the
// project publishes no dates.
func (c *Cell) Longest() (r Release, ok bool) {
	for _, l := range c.lines {
		if !ok || l.Until > r.Until {
			r, ok = l, true
		}
	}
	return r, ok
}

// SortKey is the value as sorting compares text (lower case), computed once.
func (c *Cell) SortKey() string { return c.sortKey }

// Text returns the value of a text, enum, support or link cell.
func (c *Cell) Text() string { return c.text }

// List returns the values of a list cell, or the single value of any
// other string cell as a one-element list.
func (c *Cell) List() []string { return c.list }

// Year returns the value of a year cell, or for a releases cell the year
// its longest-supported line stops getting security fixes (0 with none).
func (c *Cell) Year() int { return c.year }

// Display is the cell's value as users read it, without detail or note.
func (c *Cell) Display(t ColumnType) string {
	switch t {
	case List:
		return strings.Join(c.list, ", ")
	case Year:
		return fmt.Sprint(c.year)
	case Support:
		return SupportLabel(c.text)
	case Releases:
		if r, ok := c.Longest(); ok {
			return r.Line + " until " + r.Until
		}
		return c.Detail
	}
	return c.text
}

// File is the name of the file the catalog was decoded from, for errors.
func (c *Catalog) File() string { return c.file }

// Column returns the column with the given id, or nil.
func (c *Catalog) Column(id string) *Column { return c.columnsByID[id] }

// Item returns the item with the given id, or nil.
func (c *Catalog) Item(id string) *Item { return c.itemsByID[id] }

// FacetValues returns the values a facet column can take, in display
// order: the declared order for enums, the support order for support
// columns and alphabetical order (case-insensitive) for lists. Decoding
// collects them once.
func (c *Catalog) FacetValues(col *Column) []string { return c.facetValues[col.ID] }

// ItemsOf resolves ids to items, in the order given, skipping unknown ones.
func (c *Catalog) ItemsOf(ids []string) []*Item {
	var out []*Item
	for _, id := range ids {
		if it := c.Item(id); it != nil {
			out = append(out, it)
		}
	}
	return out
}
