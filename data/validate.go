package data

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	columnIDPattern = regexp.MustCompile(`^[a-z]+$`)
)

// Validate checks a decoded catalog's facts. It reports every problem
// found, each naming the item id and the field. (Whether a column id
// collides with the widget's URL parameters is the widget's check:
// grid.Open.)
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

	seenCols := map[string]bool{}
	for i, col := range c.Columns {
		errs = append(errs, col.validate(i)...)
		if seenCols[col.ID] {
			fail("column %q: id: duplicate", col.ID)
		}
		seenCols[col.ID] = true
	}
	if c.NameLink != "" {
		if col := c.Column(c.NameLink); col == nil || col.Type != Link {
			fail("nameLink: %q is not a link column", c.NameLink)
		}
	}

	seenItems := map[string]bool{}
	for i, it := range c.Items {
		if !idPattern.MatchString(it.ID) {
			fail("items[%d] %q: id: must be lowercase letters, digits and single dashes", i, it.ID)
		}
		if seenItems[it.ID] {
			fail("item %q: id: duplicate", it.ID)
		}
		seenItems[it.ID] = true
		if strings.TrimSpace(it.Name) == "" {
			fail("item %q: name: must not be empty", it.ID)
		}
		for j, a := range it.Aliases {
			if strings.TrimSpace(a) == "" {
				fail("item %q: aliases[%d]: must not be empty", it.ID, j)
			}
		}
		for id := range it.Cells {
			if c.Column(id) == nil {
				fail("item %q: cells.%s: no such column", it.ID, id)
			}
		}
		for _, col := range c.Columns {
			if !col.Type.known() {
				continue
			}
			if err := it.Cells[col.ID].check(col); err != nil {
				fail("item %q: %s: %w", it.ID, col.ID, err)
			}
		}
	}
	return errors.Join(errs...)
}

func (col *Column) validate(i int) []error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("column %q: "+format, append([]any{col.ID}, args...)...))
	}
	if !columnIDPattern.MatchString(col.ID) {
		errs = append(errs, fmt.Errorf("columns[%d] %q: id: must be lowercase letters only", i, col.ID))
	}
	if strings.TrimSpace(col.Label) == "" {
		fail("label: must not be empty")
	}
	if !col.Type.known() {
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

// check validates a decoded cell against its column.
func (cell *Cell) check(col *Column) error {
	if err := checkURL(cell.Source); err != nil {
		return fmt.Errorf("source: %w", err)
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
