package grid

import (
	"net/url"
	"slices"
	"strings"
)

// param is one URL parameter of the widget's own. The table below is the
// only list of them: Parse and Encode walk it, Reserved gives its names to
// the catalog check (a facet column by one of those ids could never be
// reached), and the tests and the README check against it.
type param struct {
	// name is the parameter as it appears in the query string.
	name string
	// read sets the State from the parameter's values (several when the
	// parameter is repeated), noting what it cannot use; nil for a
	// parameter that is read elsewhere or not at all.
	read func(p *parser, s *State, vals []string)
	// write sets the parameter from the State when it differs from the
	// default; nil for a parameter the State does not carry.
	write func(s State, v url.Values)
}

// params are the widget's URL parameters (README, "URL parameters"). The
// facet columns' ids are parameters too; they come from the catalog.
var params = []param{
	{name: "q",
		read:  func(p *parser, s *State, vals []string) { s.Query = p.query(vals) },
		write: func(s State, v url.Values) { setIf(v, "q", s.Query) }},
	{name: "sort",
		read:  func(p *parser, s *State, vals []string) { s.Sort = p.sort(vals) },
		write: func(s State, v url.Values) { setIf(v, "sort", s.Sort.String()) }},
	{name: "cols",
		read: func(p *parser, s *State, vals []string) { s.Cols = p.cols(vals) },
		write: func(s State, v url.Values) {
			if s.Cols != nil {
				v.Set("cols", strings.Join(s.Cols, ","))
			}
		}},
	{name: "pick",
		read: func(p *parser, s *State, vals []string) { s.Picks = p.ids("pick", vals, MaxPicks) },
		write: func(s State, v url.Values) {
			// In the side-by-side view the picks usually equal the compared
			// items: the shorter URL says it once.
			if !(len(s.Compare) > 0 && slices.Equal(s.Picks, s.Compare)) {
				setIf(v, "pick", strings.Join(s.Picks, ","))
			}
		}},
	{name: "compare",
		read:  func(p *parser, s *State, vals []string) { s.Compare = p.ids("compare", vals, MaxPicks) },
		write: func(s State, v url.Values) { setIf(v, "compare", strings.Join(s.Compare, ",")) }},
	{name: "diff",
		read:  func(p *parser, s *State, vals []string) { s.Diff = p.flag("diff", vals) },
		write: func(s State, v url.Values) { setFlag(v, "diff", s.Diff && len(s.Compare) > 0) }},
	{name: "only",
		read:  func(p *parser, s *State, vals []string) { s.Only = p.ids("only", vals, len(p.cat.Items)) },
		write: func(s State, v url.Values) { setIf(v, "only", strings.Join(s.Only, ",")) }},
	{name: "embed",
		read:  func(p *parser, s *State, vals []string) { s.Embed = p.flag("embed", vals) },
		write: func(s State, v url.Values) { setFlag(v, "embed", s.Embed) }},
	{name: "theme",
		read:  func(p *parser, s *State, vals []string) { s.Theme = p.theme(vals) },
		write: func(s State, v url.Values) { setIf(v, "theme", s.Theme) }},
	{name: "accent",
		read:  func(p *parser, s *State, vals []string) { s.Accent = p.accent(vals) },
		write: func(s State, v url.Values) { setIf(v, "accent", s.Accent) }},
	{name: "need",
		read:  func(p *parser, s *State, vals []string) { s.Need = p.criteria("need", vals) },
		write: func(s State, v url.Values) { setIf(v, "need", encodeCriteria(s.Need)) }},
	{name: "want",
		read:  func(p *parser, s *State, vals []string) { s.Want = p.criteria("want", vals) },
		write: func(s State, v url.Values) { setIf(v, "want", encodeCriteria(s.Want)) }},
	{name: "unfit",
		read: func(p *parser, s *State, vals []string) { s.HideUnfit = p.unfit(vals) },
		write: func(s State, v url.Values) {
			if s.HideUnfit {
				v.Set("unfit", "hide")
			}
		}},
	// go-app's own switch to skip loading the wasm: not ours to judge, and
	// not ours to drop with a notice.
	{name: "wasm"},
}

// otherReserved are names no column may take besides the parameters: what
// search calls an item's name and aliases (a column by those ids would
// share their highlights), the key of an item in downloads, and the
// campaign parameters that Tracking drops.
var otherReserved = []string{NameField, AliasField, "id", "fbclid", "gclid"}

// paramNamed returns the parameter called name, or nil.
func paramNamed(name string) *param {
	for i := range params {
		if params[i].name == name {
			return &params[i]
		}
	}
	return nil
}

// Reserved lists the ids no catalog column may take: the widget's own URL
// parameters and the names in otherReserved.
func Reserved() []string {
	names := make([]string, 0, len(params)+len(otherReserved))
	for _, pm := range params {
		names = append(names, pm.name)
	}
	return append(names, otherReserved...)
}

// Tracking reports parameters that campaign links add to any URL: they are
// not mistakes of the reader, so they are dropped without a notice (and
// the server leaves them out of its page cache key).
func Tracking(key string) bool {
	return key == "" || strings.HasPrefix(key, "utm_") || key == "fbclid" || key == "gclid"
}

func setIf(v url.Values, name, value string) {
	if value != "" {
		v.Set(name, value)
	}
}

func setFlag(v url.Values, name string, on bool) {
	if on {
		v.Set(name, "1")
	}
}
