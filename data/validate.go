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

	for _, col := range c.Columns {
		errs = append(errs, c.validateVocabulary(col)...)
	}
	for i, o := range c.Others {
		errs = append(errs, c.validateOther(i, o)...)
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
	case Releases:
		return checkReleases(cell)
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

// validateVocabulary checks what a column adds to search's vocabulary:
// synonyms for a support column, and for a list or enum facet the values'
// synonyms and the values no item has.
func (c *Catalog) validateVocabulary(col *Column) []error {
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("column %q: "+format, append([]any{col.ID}, args...)...))
	}
	if len(col.Synonyms) > 0 && col.Type != Support {
		fail("synonyms: only support columns take synonyms (values take valueSynonyms)")
	}
	for _, s := range col.Synonyms {
		if strings.TrimSpace(s) == "" {
			fail("synonyms: empty synonym")
		}
	}
	valued := col.Facet && (col.Type == List || col.Type == Enum)
	if !valued && (len(col.ValueSynonyms) > 0 || len(col.OtherValues) > 0) {
		fail("valueSynonyms and otherValues: only list and enum facets take them")
		return errs
	}
	known := c.FacetValues(col)
	for _, v := range col.OtherValues {
		if err := checkFacetValue(v); err != nil {
			fail("otherValues: %w", err)
		}
		if slices.Contains(known, v) {
			fail("otherValues: %q is a value an item has", v)
		}
	}
	for v, syns := range col.ValueSynonyms {
		if !slices.Contains(known, v) && !slices.Contains(col.OtherValues, v) {
			fail("valueSynonyms: %q is not a value of the column", v)
		}
		for _, s := range syns {
			if strings.TrimSpace(s) == "" {
				fail("valueSynonyms: %q has an empty synonym", v)
			}
		}
	}
	return errs
}

// validateOther checks an entry of others: a name, facet values the
// column knows (its items' or its otherValues), and a source.
func (c *Catalog) validateOther(i int, o *Other) []error {
	var errs []error
	if o == nil {
		return []error{fmt.Errorf("others[%d]: must be an object", i)}
	}
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("others[%d] %q: "+format, append([]any{i, o.Name}, args...)...))
	}
	if strings.TrimSpace(o.Name) == "" {
		fail("name: must not be empty")
	}
	for j, a := range o.Aliases {
		if strings.TrimSpace(a) == "" {
			fail("aliases[%d]: must not be empty", j)
		}
	}
	if err := checkURL(o.Source); err != nil {
		fail("source: %w", err)
	}
	if len(o.Values) == 0 {
		fail("values: at least one facet value is needed to relate it to the items")
	}
	for id, vals := range o.Values {
		col := c.Column(id)
		if col == nil || !col.Facet || (col.Type != List && col.Type != Enum) {
			fail("values.%s: not a list or enum facet column", id)
			continue
		}
		known := c.FacetValues(col)
		for _, v := range vals {
			if !slices.Contains(known, v) && !slices.Contains(col.OtherValues, v) {
				fail("values.%s: %q is neither a value of the column nor one of its otherValues", id, v)
			}
		}
	}
	return errs
}

// checkReleases validates the release lines of a releases cell: each with
// a name, dates as precise as the source (a day or a month) and a source;
// with none, the detail must say what the project publishes instead.
func checkReleases(cell *Cell) error {
	if len(cell.lines) == 0 && strings.TrimSpace(cell.Detail) == "" {
		return errors.New("detail: with no release lines, say what the project publishes instead")
	}
	for i, r := range cell.lines {
		switch {
		case strings.TrimSpace(r.Line) == "":
			return fmt.Errorf("value[%d]: line: must not be empty", i)
		case !validDate(r.Until):
			return fmt.Errorf("value[%d]: until: %q is not a YYYY-MM-DD or YYYY-MM date", i, r.Until)
		case r.Released != "" && !validDate(r.Released):
			return fmt.Errorf("value[%d]: released: %q is not a YYYY-MM-DD or YYYY-MM date", i, r.Released)
		}
		if err := checkURL(r.Source); err != nil {
			return fmt.Errorf("value[%d]: source: %w", i, err)
		}
	}
	return nil
}

// validDate accepts a day (2028-11-14) or, where a source names only the
// month, a month (2028-04).
func validDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse("2006-01", s)
	return err == nil
}
