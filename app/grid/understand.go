package grid

import (
	"slices"
	"strings"

	"backendgrid/data"
)

// Query understanding: which words of a query name an attribute of the
// schema rather than text to find. All of it comes from the catalog (its
// support columns with their synonyms, its facet values with theirs, the
// values and the things it does not cover), so another catalog gets the
// same behaviour with no change here.

// meaning is what a vocabulary phrase stands for.
type meaning struct {
	// column is a support column: the phrase asks which items have it.
	column *data.Column
	// values are facet values the phrase names: the items with any of
	// them match, as ticking them would.
	values []ColumnValue
	// absent are values readers search for that no item has.
	absent []ColumnValue
	// other is a thing the catalog does not cover.
	other *data.Other
	// level is a support level ("built in"): it narrows the support
	// columns the query asks about. An index into data.SupportLevels.
	level int
}

// ColumnValue is one value of one facet column.
type ColumnValue struct {
	Column *data.Column
	Value  string
}

// vocabulary maps squashed phrases to their meaning.
type vocabulary map[string]*meaning

// maxPhrase is how many query words a vocabulary phrase can span
// ("ruby on rails", "real time").
const maxPhrase = 3

// newVocabulary collects the schema's phrases. A phrase that would mean a
// column and something else too (search could not tell which) keeps its
// first meaning and goes to clash, when given (checkCatalog reports it).
func newVocabulary(cat *data.Catalog, report func(phrase, what string)) vocabulary {
	v := vocabulary{}
	entry := func(phrase string) *meaning {
		k := squash(phrase)
		if k == "" {
			return &meaning{level: -1} // nowhere to put it; dropped
		}
		m := v[k]
		if m == nil {
			m = &meaning{level: -1}
			v[k] = m
		}
		return m
	}
	clash := func(phrase, what string) {
		if report != nil {
			report(phrase, what)
		}
	}
	for _, col := range cat.Columns {
		if col.Type == data.Support {
			for _, p := range append([]string{col.ID, col.Label}, col.Synonyms...) {
				m := entry(p)
				if len(m.values)+len(m.absent) > 0 || m.other != nil || (m.column != nil && m.column != col) {
					clash(p, "the column "+col.Label)
					continue
				}
				m.column = col
			}
			continue
		}
		if !col.Facet || (col.Type != data.List && col.Type != data.Enum) {
			continue
		}
		for _, value := range cat.FacetValues(col) {
			for _, p := range append([]string{value}, col.ValueSynonyms[value]...) {
				if m := entry(p); m.column != nil {
					clash(p, col.Label+" "+value)
				} else if !slices.Contains(m.values, ColumnValue{col, value}) {
					m.values = append(m.values, ColumnValue{col, value})
				}
			}
		}
		for _, value := range col.OtherValues {
			for _, p := range append([]string{value}, col.ValueSynonyms[value]...) {
				if m := entry(p); m.column != nil {
					clash(p, col.Label+" "+value)
				} else {
					m.absent = append(m.absent, ColumnValue{col, value})
				}
			}
		}
	}
	for _, o := range cat.Others {
		for _, p := range append([]string{o.Name}, o.Aliases...) {
			m := entry(p)
			if m.column != nil || (m.other != nil && m.other != o) {
				clash(p, o.Name)
				continue
			}
			m.other = o
		}
	}
	for _, it := range cat.Items {
		for _, p := range append([]string{it.Name}, it.Aliases...) {
			if m := v[squash(p)]; m != nil && m.other != nil {
				clash(p, "the item "+it.Name+" and "+m.other.Name)
			}
		}
	}
	for i, level := range data.SupportLevels[:len(data.SupportLevels)-1] {
		for _, p := range []string{level, data.SupportLabel(level)} {
			if m := entry(p); m.column == nil && len(m.values)+len(m.absent) == 0 && m.other == nil {
				m.level = i
			}
		}
	}
	return v
}

// termKind is how a query term is read.
type termKind int

const (
	// textTerm is text to find in names, values, texts and notes.
	textTerm termKind = iota
	// columnTerm names a support column: which items have it.
	columnTerm
	// valueTerm names facet values: which items have one.
	valueTerm
	// absentTerm names values no item has, or a thing the catalog does
	// not cover: search says so.
	absentTerm
	// levelTerm narrows the support columns asked about.
	levelTerm
)

// queryTerm is one understood term of a query: a word, or a phrase of
// several that the vocabulary knows.
type queryTerm struct {
	// text is the term as typed (a phrase joined by spaces).
	text string
	// from and to are the query words it spans.
	from, to int
	kind     termKind
	meaning  *meaning
	// corrected is set when the term only matched after a typo fix; text
	// then holds the correction.
	corrected string
}

// stopWords are the words of a question that carry no search: "which of
// these has an ORM". They are dropped when the query has other words.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "for": true, "with": true, "which": true, "what": true,
	"who": true, "whose": true, "these": true, "those": true, "this": true, "that": true, "has": true,
	"have": true, "having": true, "is": true, "are": true, "do": true, "does": true, "can": true, "in": true,
	"on": true, "to": true, "and": true, "or": true, "me": true, "show": true, "list": true, "support": true,
	"supports": true, "supported": true, "offer": true, "offers": true, "provide": true, "provides": true,
	"any": true, "all": true, "one": true, "ones": true, "some": true, "it": true,
}

// understand reads a query: its words (Terms), joined into the longest
// vocabulary phrases, the rest text; stop words and the catalog's noun
// ("frameworks") dropped when anything else is left.
func (ix *Index) understand(q string) []queryTerm {
	ws := Terms(q)
	noun := map[string]bool{squash(ix.Catalog.Noun.One): true, squash(ix.Catalog.Noun.Many): true}
	var out []queryTerm
	for i := 0; i < len(ws); {
		t := queryTerm{text: ws[i], from: i, to: i + 1}
		for n := min(maxPhrase, len(ws)-i); n >= 1; n-- {
			phrase := squash(strings.Join(ws[i:i+n], ""))
			if n > 1 && ix.named[phrase] {
				// "ruby on rails" is a name, not Ruby and rails.
				t = queryTerm{text: strings.Join(ws[i:i+n], " "), from: i, to: i + n}
				break
			}
			if m := ix.vocab[phrase]; m != nil {
				t = queryTerm{text: strings.Join(ws[i:i+n], " "), from: i, to: i + n, meaning: m, kind: kindOf(m)}
				break
			}
		}
		i = t.to
		if t.kind == textTerm {
			out = append(out, ix.splitWords(t)...)
			continue
		}
		out = append(out, t)
	}
	asksColumn := slices.ContainsFunc(out, func(t queryTerm) bool { return t.kind == columnTerm })
	kept := out[:0:0]
	for _, t := range out {
		switch {
		case t.kind == levelTerm && !asksColumn:
			// "official" with no support column asked: text.
			t.kind, t.meaning = textTerm, nil
		case t.kind == textTerm && (stopWords[strings.ToLower(t.text)] || noun[squash(t.text)]):
			continue
		}
		kept = append(kept, t)
	}
	if len(kept) == 0 {
		return out // only stop words: search them as text
	}
	return kept
}

// splitWords reads a text term written with punctuation ("multi-threaded",
// "node.js") as its words written together when some word of the index
// starts so ("event-driven" is joined in short texts), else as its words
// one by one.
func (ix *Index) splitWords(t queryTerm) []queryTerm {
	var parts []queryTerm
	for _, w := range words(t.text) {
		if !w.part {
			parts = append(parts, queryTerm{text: t.text[w.start:w.end], from: t.from, to: t.to})
		}
	}
	if len(parts) < 2 || ix.known(squash(t.text)) {
		return []queryTerm{t}
	}
	return parts
}

// kindOf is how a vocabulary meaning is read.
func kindOf(m *meaning) termKind {
	switch {
	case m.column != nil:
		return columnTerm
	case len(m.values) > 0:
		return valueTerm
	case len(m.absent) > 0 || m.other != nil:
		return absentTerm
	case m.level >= 0:
		return levelTerm
	}
	return textTerm
}
