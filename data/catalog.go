// Package data loads and validates the catalog: the columns (the schema that
// drives the whole widget) and the items with one sourced fact per column.
package data

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

//go:embed frameworks.json
var frameworksJSON []byte

// FileName is the embedded catalog's file name, used in error messages.
const FileName = "frameworks.json"

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
)

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
}

// SortKey is the value as sorting compares text (lower case), computed once.
func (c *Cell) SortKey() string { return c.sortKey }

// Text returns the value of a text, enum, support or link cell.
func (c *Cell) Text() string { return c.text }

// List returns the values of a list cell, or the single value of any
// other string cell as a one-element list.
func (c *Cell) List() []string { return c.list }

// Year returns the value of a year cell.
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
	}
	return c.text
}

// Column returns the column with the given id, or nil.
func (c *Catalog) Column(id string) *Column { return c.columnsByID[id] }

// Item returns the item with the given id, or nil.
func (c *Catalog) Item(id string) *Item { return c.itemsByID[id] }

// FacetValues returns the values a facet column can take, in display
// order: the declared order for enums, the support order for support
// columns and alphabetical order (case-insensitive) for lists. They are
// collected once, when the catalog is validated.
func (c *Catalog) FacetValues(col *Column) []string {
	if v, ok := c.facetValues[col.ID]; ok {
		return v
	}
	return c.collectFacetValues(col)
}

// collectAllFacetValues collects every facet column's values once, for
// FacetValues.
func (c *Catalog) collectAllFacetValues() {
	c.facetValues = map[string][]string{}
	for _, col := range c.Columns {
		if col.Facet {
			c.facetValues[col.ID] = c.collectFacetValues(col)
		}
	}
}

func (c *Catalog) collectFacetValues(col *Column) []string {
	switch col.Type {
	case Enum:
		return col.Values
	case Support:
		return SupportLevels
	}
	seen := map[string]bool{}
	var values []string
	for _, it := range c.Items {
		cell := it.Cells[col.ID]
		if cell == nil {
			continue
		}
		for _, v := range cell.list {
			if !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
	}
	slices.SortFunc(values, func(a, b string) int {
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	return values
}

// ReservedParams are URL parameters the widget uses itself; no column may
// take one of these ids, since column ids are facet parameters too. "name"
// and "alias" are also what search calls an item's name and aliases: a
// column by those ids would share their highlights.
var ReservedParams = []string{
	"q", "sort", "cols", "pick", "compare", "diff", "only", "embed", "theme",
	"accent", "need", "want", "unfit", "wasm", "name", "alias", "id", "fbclid", "gclid",
}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	columnIDPattern = regexp.MustCompile(`^[a-z]+$`)
)

// Load parses and validates the embedded catalog.
func Load() (*Catalog, error) {
	return Parse(FileName, frameworksJSON)
}

// MustLoad is the embedded catalog for program start-up (loadEmbedded: in
// full on the server, without the checks in the browser). The build's
// tests guarantee the catalog is valid, so a failure here is a broken
// build.
func MustLoad() *Catalog {
	c, err := loadEmbedded()
	if err != nil {
		panic(err)
	}
	return c
}

// Parse decodes a catalog file and validates it. name is used in errors.
func Parse(name string, b []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: unexpected data after the catalog object", name)
	}
	if err := c.Validate(); err != nil {
		// Prefix every problem, not just the first, with the file name.
		var errs []error
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				errs = append(errs, fmt.Errorf("%s: %w", name, e))
			}
		} else {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// Validate checks the catalog and prepares its typed values. It reports
// every problem found, each naming the item id and the field.
func (c *Catalog) Validate() error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}

	if strings.TrimSpace(c.Title) == "" {
		fail("title: must not be empty")
	}
	if c.Noun.One == "" || c.Noun.Many == "" {
		fail("noun: one and many must both be set")
	}
	if _, err := time.Parse(time.DateOnly, c.AsOf); err != nil {
		fail("asOf: %q is not a YYYY-MM-DD date", c.AsOf)
	}
	if len(c.Columns) == 0 {
		fail("columns: at least one column is required")
	}
	if len(c.Items) == 0 {
		fail("items: at least one item is required")
	}

	c.columnsByID = make(map[string]*Column, len(c.Columns))
	for i, col := range c.Columns {
		if col == nil {
			fail("columns[%d]: must be an object", i)
			continue
		}
		errs = append(errs, col.validate(i)...)
		if c.columnsByID[col.ID] != nil {
			fail("column %q: id: duplicate", col.ID)
		}
		c.columnsByID[col.ID] = col
	}

	if c.NameLink != "" {
		if col := c.columnsByID[c.NameLink]; col == nil || col.Type != Link {
			fail("nameLink: %q is not a link column", c.NameLink)
		}
	}

	c.itemsByID = make(map[string]*Item, len(c.Items))
	for i, it := range c.Items {
		if it == nil {
			fail("items[%d]: must be an object", i)
			continue
		}
		if !idPattern.MatchString(it.ID) {
			fail("items[%d] %q: id: must be lowercase letters, digits and single dashes", i, it.ID)
		}
		if c.itemsByID[it.ID] != nil {
			fail("item %q: id: duplicate", it.ID)
		}
		c.itemsByID[it.ID] = it
		if strings.TrimSpace(it.Name) == "" {
			fail("item %q: name: must not be empty", it.ID)
		}
		for j, a := range it.Aliases {
			if strings.TrimSpace(a) == "" {
				fail("item %q: aliases[%d]: must not be empty", it.ID, j)
			}
		}
		for id := range it.Cells {
			if c.columnsByID[id] == nil {
				fail("item %q: cells.%s: no such column", it.ID, id)
			}
		}
		for _, col := range c.Columns {
			if col == nil {
				continue
			}
			cell := it.Cells[col.ID]
			if cell == nil {
				fail("item %q: %s: missing (every item needs every column)", it.ID, col.ID)
				continue
			}
			if err := cell.prepare(col); err != nil {
				fail("item %q: %s: %w", it.ID, col.ID, err)
			}
		}
		it.sortName = strings.ToLower(it.Name)
	}
	if len(errs) == 0 {
		c.collectAllFacetValues()
	}
	return errors.Join(errs...)
}

func (col *Column) validate(i int) []error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("column %q: "+format, append([]any{col.ID}, args...)...))
	}
	switch {
	case !columnIDPattern.MatchString(col.ID):
		errs = append(errs, fmt.Errorf("columns[%d] %q: id: must be lowercase letters only", i, col.ID))
	case slices.Contains(ReservedParams, col.ID):
		fail("id: collides with the reserved URL parameter %q", col.ID)
	}
	if strings.TrimSpace(col.Label) == "" {
		fail("label: must not be empty")
	}
	switch col.Type {
	case Text, List, Enum, Support, Year, Link:
	default:
		fail("type: unknown type %q (want text, list, enum, support, year or link)", col.Type)
	}
	if col.Type == Enum {
		if len(col.Values) == 0 {
			fail("values: an enum column needs its allowed values")
		}
		seen := map[string]bool{}
		for _, v := range col.Values {
			if err := checkFacetValue(v); err != nil {
				fail("values: %w", err)
			}
			if seen[strings.ToLower(v)] {
				fail("values: %q is listed twice", v)
			}
			seen[strings.ToLower(v)] = true
		}
	} else if len(col.Values) > 0 {
		fail("values: only enum columns declare values")
	}
	if col.Facet {
		switch col.Type {
		case List, Enum, Support:
		default:
			fail("facet: a %s column cannot be a facet (use list, enum or support)", col.Type)
		}
	}
	return errs
}

// checkFacetValue rejects values that cannot round-trip through the URL:
// commas separate facet values, bars the values of a criterion.
func checkFacetValue(v string) error {
	switch {
	case strings.TrimSpace(v) == "":
		return errors.New("empty value")
	case strings.TrimSpace(v) != v:
		return fmt.Errorf("%q has leading or trailing spaces", v)
	case strings.ContainsAny(v, ",|"):
		return fmt.Errorf("%q contains a comma or a bar (they separate values in URLs)", v)
	}
	return nil
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	return nil
}

// prepare decodes the raw value for the column's type and checks it.
func (cell *Cell) prepare(col *Column) error {
	if err := checkURL(cell.Source); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	if len(cell.Value) == 0 {
		return errors.New("value: missing")
	}
	if err := cell.decode(col); err != nil {
		switch col.Type {
		case List:
			return errors.New("value: want a list of strings")
		case Year:
			return errors.New("value: want a year as a number")
		}
		return errors.New("value: want a string")
	}
	switch col.Type {
	case List:
		if len(cell.list) == 0 {
			return errors.New("value: want at least one string")
		}
		for _, v := range cell.list {
			if err := checkFacetValue(v); err != nil {
				return fmt.Errorf("value: %w", err)
			}
		}
	case Year:
		if cell.year < 1950 || cell.year > 2100 {
			return fmt.Errorf("value: %d is not a plausible year", cell.year)
		}
	default:
		if strings.TrimSpace(cell.text) == "" {
			return errors.New("value: must not be empty")
		}
	}
	switch col.Type {
	case Enum:
		if !slices.Contains(col.Values, cell.text) {
			return fmt.Errorf("value: %q is not one of %s", cell.text, strings.Join(col.Values, ", "))
		}
	case Support:
		if !slices.Contains(SupportLevels, cell.text) {
			return fmt.Errorf("value: %q is not one of %s", cell.text, strings.Join(SupportLevels, ", "))
		}
	case Link:
		if err := checkURL(cell.text); err != nil {
			return fmt.Errorf("value: %w", err)
		}
	}
	return nil
}

// decode fills the typed value from the raw JSON, unchecked.
func (cell *Cell) decode(col *Column) error {
	var err error
	switch col.Type {
	case List:
		err = json.Unmarshal(cell.Value, &cell.list)
		cell.text = strings.Join(cell.list, ", ")
	case Year:
		err = json.Unmarshal(cell.Value, &cell.year)
	default:
		err = json.Unmarshal(cell.Value, &cell.text)
		cell.list = []string{cell.text}
	}
	cell.sortKey = strings.ToLower(cell.Display(col.Type))
	return err
}

// decodeTrusted decodes a catalog that has passed Parse before (the build
// validates the embedded one; see loadEmbedded): it fills the typed values and
// the lookups without checking the facts. It still refuses what would
// make the widget crash: broken JSON, null entries, missing cells.
func decodeTrusted(name string, b []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.columnsByID = make(map[string]*Column, len(c.Columns))
	for i, col := range c.Columns {
		if col == nil {
			return nil, fmt.Errorf("%s: columns[%d]: must be an object", name, i)
		}
		c.columnsByID[col.ID] = col
	}
	c.itemsByID = make(map[string]*Item, len(c.Items))
	for i, it := range c.Items {
		if it == nil {
			return nil, fmt.Errorf("%s: items[%d]: must be an object", name, i)
		}
		c.itemsByID[it.ID] = it
		it.sortName = strings.ToLower(it.Name)
		for _, col := range c.Columns {
			cell := it.Cells[col.ID]
			if cell == nil {
				return nil, fmt.Errorf("%s: item %q: %s: missing", name, it.ID, col.ID)
			}
			if err := cell.decode(col); err != nil {
				return nil, fmt.Errorf("%s: item %q: %s: %w", name, it.ID, col.ID, err)
			}
		}
	}
	c.collectAllFacetValues()
	return &c, nil
}

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
