// Package synthetic generates catalogs of any size shaped like a real one,
// for benchmarks: the Go benchmarks of View and `make bench`, which builds
// the real app on them. The program itself never imports it, so it stays
// out of the wasm and the server.
//
// Generation is driven by the base catalog's schema, like the widget: every
// item gets a cell for every column, facet values are drawn from the values
// the base catalog uses (so facets keep realistic counts and no value can
// break validation), and searchable text is recombined from the base
// catalog's words (so a query like "rails" or "thread" matches a realistic
// share of rows rather than all or none).
package synthetic

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"backendgrid/data"
)

// syllables make up invented names, so that names differ across thousands of
// items while the real name words still appear in some of them.
var syllables = []string{
	"ka", "lo", "ri", "zen", "tor", "vel", "mi", "nar", "do", "pa", "sy", "lux",
	"fen", "qua", "bri", "hex", "ob", "tri", "mon", "gal", "ver", "sto", "ne", "ax",
}

// JSON returns a catalog file of n items with the title, noun and columns of
// base. The same base, n and seed give the same bytes. The result passes
// data.Parse.
func JSON(base *data.Catalog, n int, seed uint64) ([]byte, error) {
	if n < 1 {
		return nil, fmt.Errorf("synthetic: n must be at least 1, got %d", n)
	}
	g := newGenerator(base, seed)
	out := data.Catalog{
		Title:    base.Title,
		Noun:     base.Noun,
		AsOf:     base.AsOf,
		NameLink: base.NameLink,
		Columns:  base.Columns,
		Items:    make([]*data.Item, n),
	}
	for i := range out.Items {
		out.Items[i] = g.item(i)
	}
	out.Columns = vocabularyOfUsedValues(out.Columns, out.Items)
	return json.Marshal(&out)
}

// vocabularyOfUsedValues keeps, of the columns' value synonyms, those of
// the values the generated items use: a small catalog leaves some out, and
// a synonym of a value the column lacks does not validate.
func vocabularyOfUsedValues(cols []*data.Column, items []*data.Item) []*data.Column {
	out := make([]*data.Column, len(cols))
	for i, col := range cols {
		c := *col
		if len(col.ValueSynonyms) > 0 {
			c.ValueSynonyms = map[string][]string{}
			for v, syns := range col.ValueSynonyms {
				if slices.Contains(col.OtherValues, v) || slices.Contains(col.Values, v) || used(items, col.ID, v) {
					c.ValueSynonyms[v] = syns
				}
			}
		}
		out[i] = &c
	}
	return out
}

func used(items []*data.Item, col, v string) bool {
	for _, it := range items {
		var vals []string
		if json.Unmarshal(it.Cells[col].Value, &vals) == nil && slices.Contains(vals, v) {
			return true
		}
	}
	return false
}

// generator holds the pools drawn from the base catalog.
type generator struct {
	base      *data.Catalog
	rnd       *rand.Rand
	nameWords []string
	aliases   []string
	// facetValues are the values each list column uses in the base.
	facetValues map[string][]string
	// texts are the values of each text column, words their words.
	texts, words map[string][]string
	// details and notes are the base's non-empty ones per column.
	details, notes   map[string][]string
	minYear, maxYear int
}

func newGenerator(base *data.Catalog, seed uint64) *generator {
	g := &generator{
		base:        base,
		rnd:         rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		facetValues: map[string][]string{},
		texts:       map[string][]string{},
		words:       map[string][]string{},
		details:     map[string][]string{},
		notes:       map[string][]string{},
		minYear:     2100,
		maxYear:     1950,
	}
	for _, it := range base.Items {
		for _, w := range strings.Fields(it.Name) {
			if len(w) > 2 { // "on" of "Ruby on Rails" makes no name
				g.nameWords = append(g.nameWords, w)
			}
		}
		g.aliases = append(g.aliases, it.Aliases...)
		for _, col := range base.Columns {
			cell := it.Cells[col.ID]
			if cell.Detail != "" {
				g.details[col.ID] = append(g.details[col.ID], cell.Detail)
			}
			if cell.Note != "" {
				g.notes[col.ID] = append(g.notes[col.ID], cell.Note)
			}
			switch col.Type {
			case data.Text:
				g.texts[col.ID] = append(g.texts[col.ID], cell.Text())
				g.words[col.ID] = append(g.words[col.ID], strings.Fields(cell.Text())...)
			case data.Year:
				g.minYear = min(g.minYear, cell.Year())
				g.maxYear = max(g.maxYear, cell.Year())
			}
		}
	}
	for _, col := range base.Columns {
		if col.Type == data.List {
			g.facetValues[col.ID] = base.FacetValues(col)
		}
	}
	return g
}

func (g *generator) pick(pool []string) string {
	if len(pool) == 0 {
		return ""
	}
	return pool[g.rnd.IntN(len(pool))]
}

func (g *generator) chance(p float64) bool { return g.rnd.Float64() < p }

// name invents a name: a made-up word, sometimes with a word of a real
// name before or after it ("Kalori Rails", "Express Venmi").
func (g *generator) name() string {
	var b strings.Builder
	for range 2 + g.rnd.IntN(2) {
		b.WriteString(g.pick(syllables))
	}
	word := []rune(b.String())
	word[0] = unicode.ToUpper(word[0])
	name := string(word)
	switch r := g.rnd.Float64(); {
	case r < 0.3:
		name += " " + g.pick(g.nameWords)
	case r < 0.45:
		name = g.pick(g.nameWords) + " " + name
	}
	return name
}

func (g *generator) item(i int) *data.Item {
	name := g.name()
	id := slug(name) + "-" + strconv.Itoa(i+1)
	it := &data.Item{
		ID:    id,
		Name:  name,
		Cells: make(map[string]*data.Cell, len(g.base.Columns)),
	}
	it.Aliases = append(it.Aliases, strings.ToLower(strings.ReplaceAll(name, " ", "")))
	if g.chance(0.5) {
		it.Aliases = append(it.Aliases, name+" framework")
	}
	if g.chance(0.3) {
		it.Aliases = append(it.Aliases, g.pick(g.aliases))
	}
	model := g.base.Items[g.rnd.IntN(len(g.base.Items))]
	it.Summary = strings.ReplaceAll(model.Summary, model.Name, name)
	for _, col := range g.base.Columns {
		it.Cells[col.ID] = g.cell(col, i, id)
	}
	return it
}

func (g *generator) cell(col *data.Column, i int, id string) *data.Cell {
	c := &data.Cell{Source: "https://example.org/" + id + "/" + col.ID}
	var v any
	switch col.Type {
	case data.List:
		// The first value cycles through the base's values, so even a
		// catalog as small as the base has each of them (a state like
		// language=Python,Ruby then means the same at every size).
		pool := g.facetValues[col.ID]
		vals := []string{pool[i%len(pool)]}
		if g.chance(0.3) {
			if w := g.pick(pool); w != vals[0] {
				vals = append(vals, w)
			}
		}
		v = vals
	case data.Enum:
		v = g.pick(col.Values)
	case data.Support:
		// Weighted like the real catalog: most things are built in.
		r := g.rnd.Float64()
		level := data.SupportLevels[slices.IndexFunc([]float64{0.45, 0.7, 0.9, 1}, func(p float64) bool { return r < p })]
		v = level
		if level != data.None {
			c.Detail = g.pick(g.details[col.ID])
		}
	case data.Year:
		v = g.minYear + g.rnd.IntN(g.maxYear-g.minYear+1)
	case data.Link:
		v = "https://" + id + ".example.org/" + col.ID
	case data.Releases:
		// A real item's lines and policy: dates are facts, not invented.
		model := g.base.Items[g.rnd.IntN(len(g.base.Items))].Cells[col.ID]
		v, c.Detail = append([]data.Release{}, model.Lines()...), model.Detail
	default:
		v = g.text(col.ID)
	}
	if col.Type != data.Support && col.Type != data.Releases && g.chance(0.2) {
		c.Detail = g.pick(g.details[col.ID])
	}
	if g.chance(0.1) {
		c.Note = g.pick(g.notes[col.ID])
	}
	c.Value, _ = json.Marshal(v) // strings, lists and ints always marshal
	return c
}

// text is a real value of the column, or its vocabulary recombined: 4 to 12
// of its words in random order.
func (g *generator) text(colID string) string {
	pool := g.words[colID]
	if len(pool) == 0 {
		return "text"
	}
	if g.chance(0.4) {
		return g.pick(g.texts[colID])
	}
	words := make([]string, 4+g.rnd.IntN(9))
	for i := range words {
		words[i] = g.pick(pool)
	}
	return strings.Join(words, " ")
}

// slug turns a name into the lowercase-dash form ids must have.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
