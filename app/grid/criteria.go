package grid

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"backendgrid/data"
)

// Criterion is one requirement of "Help me choose", on one schema column:
//   - list and enum columns: any of Values ("language:Python|Ruby");
//   - support columns: at least the level in Values[0] ("orm:official"
//     accepts built in or official add-on);
//   - year columns: before or after Year ("released:<2012").
type Criterion struct {
	// Column is the column id.
	Column string
	// Values are the accepted values, in the column's order.
	Values []string
	// Op is "<" or ">" for year columns.
	Op string
	// Year is the bound for year columns.
	Year int
}

// String is the URL form: "column:value|value", "column:<2012".
func (c Criterion) String() string {
	if c.Op != "" {
		return c.Column + ":" + c.Op + strconv.Itoa(c.Year)
	}
	return c.Column + ":" + strings.Join(c.Values, "|")
}

// maxCriteria bounds how many criteria one list can hold.
const maxCriteria = 12

// CriterionColumns are the columns criteria can use: the facets and the
// years of the schema.
func CriterionColumns(cat *data.Catalog) []*data.Column {
	var cols []*data.Column
	for _, c := range cat.Columns {
		if c.Facet || c.Type == data.Year || c.Type == data.Releases {
			cols = append(cols, c)
		}
	}
	return cols
}

// criteria reads need= or want=: comma-separated criteria. Bad ones are
// dropped with a notice; a second criterion on the same column replaces
// nothing and is dropped too.
func (p *parser) criteria(param string, vals []string) []Criterion {
	var out []Criterion
	for _, raw := range p.list(param, vals) {
		c, err := ParseCriterion(p.cat, raw)
		switch {
		case err != nil:
			p.add(param, "Ignored the criterion “%s”: %s.", shorten(raw), err)
		case slices.ContainsFunc(out, func(o Criterion) bool { return o.Column == c.Column }):
			p.add(param, "Ignored a second criterion on “%s”.", p.cat.Column(c.Column).Label)
		case len(out) == maxCriteria:
			p.add(param, "Ignored criteria beyond %d.", maxCriteria)
		default:
			out = append(out, c)
		}
	}
	return out
}

func ParseCriterion(cat *data.Catalog, raw string) (Criterion, error) {
	id, value, ok := strings.Cut(raw, ":")
	id, value = strings.ToLower(strings.TrimSpace(id)), strings.TrimSpace(value)
	col := cat.Column(id)
	switch {
	case !ok || value == "":
		return Criterion{}, fmt.Errorf("write it as column:value")
	case col == nil:
		return Criterion{}, fmt.Errorf("there is no column “%s”", shorten(id))
	case col.Type == data.Year || col.Type == data.Releases:
		op, num := value[:1], value[1:]
		y, err := strconv.Atoi(num)
		if (op != "<" && op != ">") || err != nil || y < 1000 || y > 9999 {
			return Criterion{}, fmt.Errorf("use <YEAR or >YEAR")
		}
		return Criterion{Column: id, Op: op, Year: y}, nil
	case !col.Facet:
		return Criterion{}, fmt.Errorf("“%s” cannot be a criterion", col.Label)
	}
	known := cat.FacetValues(col)
	var vals []string
	for _, v := range strings.Split(value, "|") {
		i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, strings.TrimSpace(v)) })
		if i < 0 {
			return Criterion{}, fmt.Errorf("“%s” is not a %s value", shorten(v), col.Label)
		}
		if !slices.Contains(vals, known[i]) {
			vals = append(vals, known[i])
		}
	}
	if col.Type == data.Support && len(vals) > 1 {
		return Criterion{}, fmt.Errorf("give one level: it means that level or better")
	}
	slices.SortFunc(vals, func(a, b string) int { return slices.Index(known, a) - slices.Index(known, b) })
	return Criterion{Column: id, Values: vals}, nil
}

func encodeCriteria(cs []Criterion) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, ",")
}

// Describe says what the criterion asks for, in words.
func (c Criterion) Describe(cat *data.Catalog) string {
	col := cat.Column(c.Column)
	if col == nil {
		return c.String()
	}
	switch {
	case c.Op == "<" && col.Type == data.Releases:
		return fmt.Sprintf("%s ending before %d", col.Label, c.Year)
	case c.Op == ">" && col.Type == data.Releases:
		return fmt.Sprintf("%s until after %d", col.Label, c.Year)
	case c.Op == "<":
		return fmt.Sprintf("%s before %d", col.Label, c.Year)
	case c.Op == ">":
		return fmt.Sprintf("%s after %d", col.Label, c.Year)
	case col.Type == data.Support:
		switch c.Values[0] {
		case data.BuiltIn:
			return col.Label + " built in"
		case data.Official:
			return col.Label + " built in or as an official add-on"
		case data.ThirdParty:
			return col.Label + " available (third-party at least)"
		}
		return col.Label + ": any"
	}
	return col.Label + ": " + strings.Join(c.Values, " or ")
}

// unfit reads unfit=hide (or sink, the default).
func (p *parser) unfit(vals []string) bool {
	switch v := strings.ToLower(strings.TrimSpace(vals[len(vals)-1])); v {
	case "hide":
		return true
	case "sink", "":
		return false
	default:
		p.add("unfit", "Ignored “unfit=%s”: use hide or sink.", shorten(v))
		return false
	}
}
