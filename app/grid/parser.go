package grid

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"backendgrid/data"
)

// parser reads URL parameters for Parse, collecting what it cannot use as
// notices.
type parser struct {
	cat     *data.Catalog
	notices []Notice
	dropped int
}

func (p *parser) add(param, format string, args ...any) {
	if len(p.notices) >= maxNotices {
		p.dropped++
		return
	}
	p.notices = append(p.notices, Notice{Param: param, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) done() []Notice {
	if p.dropped > 0 {
		p.notices = append(p.notices, Notice{Message: fmt.Sprintf("%d more problems in the address were ignored.", p.dropped)})
	}
	return p.notices
}

func (p *parser) query(vals []string) string {
	q := strings.Join(vals, " ")
	if clipped := CleanQuery(q); clipped != strings.TrimSpace(cleanText(q)) {
		p.add("q", "The search text was cut to %d characters.", MaxQuery)
		return clipped
	}
	return CleanQuery(q)
}

// clipQuery normalises search text: valid UTF-8, no control characters, no
// surrounding space, at most MaxQuery characters.
func CleanQuery(q string) string {
	q = strings.TrimSpace(cleanText(q))
	if utf8.RuneCountInString(q) > MaxQuery {
		q = strings.TrimSpace(string([]rune(q)[:MaxQuery]))
	}
	return q
}

// cleanText replaces invalid UTF-8 and control characters with spaces.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
}

func (p *parser) sort(vals []string) SortKey {
	raw := strings.TrimSpace(vals[len(vals)-1])
	id, desc := strings.CutPrefix(raw, "-")
	switch {
	case raw == "":
		return SortKey{}
	case id == NameColumn || p.cat.Column(id) != nil:
		return SortKey{Column: id, Desc: desc}
	}
	p.add("sort", "Cannot sort by the unknown column “%s”; kept the default order.", shorten(raw))
	return SortKey{}
}

func (p *parser) cols(vals []string) []string {
	var cols []string
	for _, id := range p.list("cols", vals) {
		switch {
		case p.cat.Column(id) == nil:
			p.add("cols", "Ignored the unknown column “%s”.", shorten(id))
		case !slices.Contains(cols, id):
			cols = append(cols, id)
		}
	}
	if len(cols) == 0 {
		return nil
	}
	return cols
}

// ids reads item ids: unknown ones and duplicates are dropped, and more than
// limit are cut, each with a notice.
func (p *parser) ids(param string, vals []string, limit int) []string {
	var out []string
	cut := 0
	for _, id := range p.list(param, vals) {
		id = strings.ToLower(id)
		switch {
		case p.cat.Item(id) == nil:
			p.add(param, "Ignored the unknown %s “%s”.", p.cat.Noun.One, shorten(id))
		case slices.Contains(out, id):
		case len(out) == limit:
			cut++
		default:
			out = append(out, id)
		}
	}
	if cut > 0 {
		p.add(param, "Up to %d %s can be compared; dropped the other %d.", limit, p.cat.Noun.Many, cut)
	}
	return out
}

// within keeps the ids that are in the allowed set, with a notice for
// the others.
func (p *parser) within(param string, ids, allowed []string) []string {
	var out []string
	for _, id := range ids {
		if slices.Contains(allowed, id) {
			out = append(out, id)
			continue
		}
		p.add(param, "Ignored “%s”: this view only shows %s.", id, strings.Join(allowed, ", "))
	}
	return out
}

// flag reads a 1/0 switch.
func (p *parser) flag(param string, vals []string) bool {
	switch v := strings.TrimSpace(vals[len(vals)-1]); v {
	case "1", "true", "on":
		return true
	case "0", "false", "off", "":
		return false
	default:
		p.add(param, "Ignored “%s=%s”: use 1 or 0.", param, shorten(v))
		return false
	}
}

// facet matches URL values to the column's values case-insensitively and
// returns them in the column's order.
func (p *parser) facet(col *data.Column, vals []string) []string {
	known := p.cat.FacetValues(col)
	want := map[string]bool{}
	for _, raw := range p.list(col.ID, vals) {
		i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, raw) })
		if i < 0 {
			p.add(col.ID, "Ignored the unknown %s value “%s”.", col.Label, shorten(raw))
			continue
		}
		want[known[i]] = true
	}
	var sel []string
	for _, k := range known {
		if want[k] {
			sel = append(sel, k)
		}
	}
	return sel
}

// list accepts both repeated parameters (from a plain HTML form) and
// comma-separated values (from links), dropping blanks and overlong values.
func (p *parser) list(param string, vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(cleanText(part))
			switch {
			case part == "":
			case len(part) > maxValue:
				p.add(param, "Ignored a value of “%s” longer than %d characters.", shorten(param), maxValue)
			default:
				out = append(out, part)
			}
		}
	}
	return out
}

// shorten keeps notices readable when the offending value is huge.
func shorten(s string) string {
	s = cleanText(s)
	if utf8.RuneCountInString(s) <= maxShown {
		return s
	}
	return string([]rune(s)[:maxShown-1]) + "…"
}
