package data

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

//go:embed frameworks.json
var frameworksJSON []byte

// FileName is the embedded catalog's file name, used in error messages.
const FileName = "frameworks.json"

// Load decodes and validates the embedded catalog.
func Load() (*Catalog, error) {
	return Parse(FileName, frameworksJSON)
}

// MustLoad is the embedded catalog for program start-up (loadEmbedded:
// validated on the server, only decoded in the browser). The build's tests
// guarantee the catalog is valid, so a failure here is a broken build.
func MustLoad() *Catalog {
	c, err := loadEmbedded()
	if err != nil {
		panic(err)
	}
	return c
}

// Parse decodes a catalog file and validates it. name is used in errors,
// which name every problem found, not just the first. Unlike Decode, it
// refuses fields the format does not know (a misspelt key would otherwise
// be dropped in silence) and anything after the catalog object.
func Parse(name string, b []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(new(Catalog)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: unexpected data after the catalog object", name)
	}
	c, err := Decode(name, b)
	if err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, prefixed(name, err)
	}
	return c, nil
}

// Decode reads a catalog file into typed values and lookups, without
// checking the facts (Validate does): the browser decodes the embedded
// catalog this way, which `make build` and the server have validated. It
// refuses what would make the widget crash: broken JSON, null entries,
// missing cells and values of the wrong JSON type.
func Decode(name string, b []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.file = name
	if err := c.index(); err != nil {
		return nil, prefixed(name, err)
	}
	return &c, nil
}

// prefixed puts the file name in front of every joined error.
func prefixed(name string, err error) error {
	var errs []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			errs = append(errs, fmt.Errorf("%s: %w", name, e))
		}
	} else {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	return errors.Join(errs...)
}

// index fills the lookups and every cell's typed value, and collects the
// facet values. It reports what decoding cannot do without crashing.
func (c *Catalog) index() error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	c.columnsByID = make(map[string]*Column, len(c.Columns))
	for i, col := range c.Columns {
		if col == nil {
			fail("columns[%d]: must be an object", i)
			continue
		}
		if c.columnsByID[col.ID] == nil {
			c.columnsByID[col.ID] = col
		}
	}
	c.itemsByID = make(map[string]*Item, len(c.Items))
	for i, it := range c.Items {
		if it == nil {
			fail("items[%d]: must be an object", i)
			continue
		}
		if c.itemsByID[it.ID] == nil {
			c.itemsByID[it.ID] = it
		}
		it.sortName = strings.ToLower(it.Name)
		for _, col := range c.Columns {
			if col == nil || !col.Type.known() {
				continue // Validate names the column
			}
			cell := it.Cells[col.ID]
			if cell == nil {
				fail("item %q: %s: missing (every item needs every column)", it.ID, col.ID)
				continue
			}
			if err := cell.decode(col); err != nil {
				fail("item %q: %s: %w", it.ID, col.ID, err)
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	c.facetValues = map[string][]string{}
	for _, col := range c.Columns {
		if col.Facet {
			c.facetValues[col.ID] = c.collectFacetValues(col)
		}
	}
	return nil
}

// decode fills the typed value from the raw JSON.
func (cell *Cell) decode(col *Column) error {
	if len(cell.Value) == 0 {
		return errors.New("value: missing")
	}
	var err error
	switch col.Type {
	case List:
		err = json.Unmarshal(cell.Value, &cell.list)
		cell.text = strings.Join(cell.list, ", ")
	case Year:
		err = json.Unmarshal(cell.Value, &cell.year)
	case Releases:
		err = json.Unmarshal(cell.Value, &cell.lines)
		if r, ok := cell.Longest(); ok && len(r.Until) >= 4 {
			cell.year, _ = strconv.Atoi(r.Until[:4])
		}
	default:
		err = json.Unmarshal(cell.Value, &cell.text)
		cell.list = []string{cell.text}
	}
	cell.sortKey = strings.ToLower(cell.Display(col.Type))
	if r, ok := cell.Longest(); ok {
		cell.sortKey = r.Until // dates sort as text
	} else if col.Type == Releases {
		cell.sortKey = ""
	}
	if err != nil {
		switch col.Type {
		case Releases:
			return errors.New("value: want a list of release lines")
		case List:
			return errors.New("value: want a list of strings")
		case Year:
			return errors.New("value: want a year as a number")
		}
		return errors.New("value: want a string")
	}
	return nil
}

// collectFacetValues lists the values column col takes: the declared order
// for enums, the support order for support columns, and for other columns
// every value used, alphabetically (case-insensitive).
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
		if it == nil || it.Cells[col.ID] == nil {
			continue
		}
		for _, v := range it.Cells[col.ID].list {
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
