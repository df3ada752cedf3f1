package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"backendgrid/data"
)

// Field names one searchable string of an item: its name, one of its
// aliases, or one value of a column (Elem indexes list values).
type Field struct {
	// Column is NameField, AliasField or a column id.
	Column string
	// Elem is the alias index or the list element index; 0 otherwise.
	Elem int
}

// The pseudo-columns of the fields that are not cells.
const (
	NameField  = "name"
	AliasField = "alias"
)

// Span is a half-open byte range [Start, End) of matched text.
type Span struct {
	Start, End int
}

// Field weights: a hit in the name beats one in an alias, which beats one
// in a cell, whatever the fuzzy score says about string length.
const (
	nameWeight  = 40
	aliasWeight = 30
	// typoPenalty is taken per edit when only a corrected term matches.
	typoPenalty = 15
	// maxTerms and maxTermLen bound the work one query can ask for.
	maxTerms   = 8
	maxTermLen = 40
)

// Index is a catalog prepared for fast fuzzy search.
type Index struct {
	// Catalog is the indexed catalog.
	Catalog *data.Catalog
	docs    []doc
	facets  facetIndex
}

type doc struct {
	fields []field
}

type field struct {
	key    Field
	text   string
	lower  string // text in lower case, for the quick subsequence test
	mask   uint64
	weight int
}

// NewIndex prepares cat for searching. Build it once per catalog.
func NewIndex(cat *data.Catalog) *Index {
	ix := &Index{Catalog: cat, docs: make([]doc, len(cat.Items)), facets: newFacetIndex(cat)}
	for i, it := range cat.Items {
		d := &ix.docs[i]
		d.add(Field{Column: NameField}, it.Name, nameWeight)
		for j, a := range it.Aliases {
			d.add(Field{Column: AliasField, Elem: j}, a, aliasWeight)
		}
		for _, col := range cat.Columns {
			if !col.Search {
				continue
			}
			cell := it.Cells[col.ID]
			if col.Type == data.List {
				for j, v := range cell.List() {
					d.add(Field{Column: col.ID, Elem: j}, v, 0)
				}
				continue
			}
			d.add(Field{Column: col.ID}, SearchText(col, cell), 0)
		}
	}
	return ix
}

// SearchText is the text of a cell that search sees and highlights: the
// value, or for support cells the component named in the detail.
func SearchText(col *data.Column, cell *data.Cell) string {
	if col.Type == data.Support {
		return cell.Detail
	}
	return cell.Display(col.Type)
}

func (d *doc) add(key Field, text string, weight int) {
	if text == "" {
		return
	}
	d.fields = append(d.fields, field{key: key, text: text, lower: strings.ToLower(text), mask: runeMask(text), weight: weight})
}

// runeMask sets one bit per ASCII letter or digit in s, case-folded. A term
// can only match a field whose mask covers the term's mask, which lets the
// search skip most fields without running the matcher.
func runeMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= 'A' && c <= 'Z':
			m |= 1 << (c - 'A')
		case c >= '0' && c <= '9':
			m |= 1 << (26 + c - '0')
		}
	}
	return m
}

// Hit is how one item matched a query.
type Hit struct {
	// Matched is true when every term of the query matched the item.
	Matched bool
	// Score ranks hits: higher is better.
	Score int
	// Marks are the matched byte ranges per field.
	Marks map[Field][]Span
}

// SearchResult holds one Hit per catalog item, in catalog order.
type SearchResult struct {
	// Hits has one entry per item; nil when there was nothing to search
	// for, and every item matches.
	Hits []Hit
	// Corrected lists the terms that matched only after a typo correction.
	Corrected []string
}

// Search matches every term of q (split on spaces) against every item; an
// item matches when all terms match somewhere in it.
func (ix *Index) Search(q string) SearchResult {
	terms := Terms(q)
	if len(terms) == 0 {
		return SearchResult{}
	}
	res := SearchResult{Hits: make([]Hit, len(ix.docs))}
	alive := make([]bool, len(ix.docs))
	for i := range alive {
		alive[i] = true
	}
	best := make([]int, len(ix.docs))
	for _, term := range terms {
		for i := range best {
			best[i] = noMatch
		}
		if !ix.matchTerm(term, 0, alive, best, res.Hits) && ix.correct(term, alive, best, res.Hits) {
			res.Corrected = append(res.Corrected, term)
		}
		for i := range alive {
			if best[i] == noMatch {
				alive[i] = false
				continue
			}
			res.Hits[i].Score += best[i]
		}
	}
	for i := range res.Hits {
		res.Hits[i].Matched = alive[i]
		if !alive[i] {
			res.Hits[i] = Hit{}
		}
	}
	return res
}

// subsequence reports whether the runes of term appear in text in order,
// both already lower-cased. It is a necessary condition for a fuzzy match
// (which folds case the same way for ASCII and most of Unicode).
func subsequence(text, term string) bool {
	for _, r := range term {
		if r < utf8.RuneSelf {
			i := strings.IndexByte(text, byte(r))
			if i < 0 {
				return false
			}
			text = text[i+1:]
			continue
		}
		i := strings.IndexRune(text, r)
		if i < 0 {
			// Case folding beyond lower-casing (ß, Kelvin sign...): let
			// the matcher decide.
			return true
		}
		text = text[i+utf8.RuneLen(r):]
	}
	return true
}

// matched reports whether item i matched (all do without a query).
func (r SearchResult) matched(i int) bool {
	return r.Hits == nil || r.Hits[i].Matched
}

const noMatch = -1 << 30

// maxTypoLen bounds the terms typo correction is tried on: each variant is
// a whole search, and long words rarely need it (a subsequence match
// already forgives missing letters).
const maxTypoLen = 12

// correct tries the one-edit variants of a term that matched nothing. Each
// item keeps the marks of its best variant only, so the highlight shows one
// reading of the typo, not the union of all of them.
func (ix *Index) correct(term string, alive []bool, best []int, hits []Hit) bool {
	if utf8.RuneCountInString(term) > maxTypoLen {
		return false
	}
	tmpBest := make([]int, len(ix.docs))
	tmpHits := make([]Hit, len(ix.docs))
	chosen := make([]map[Field][]Span, len(ix.docs))
	found := false
	for _, v := range typoVariants(term) {
		for i := range tmpBest {
			tmpBest[i], tmpHits[i] = noMatch, Hit{}
		}
		if !ix.matchTerm(v, typoPenalty, alive, tmpBest, tmpHits) {
			continue
		}
		found = true
		for i, b := range tmpBest {
			if b > best[i] {
				best[i], chosen[i] = b, tmpHits[i].Marks
			}
		}
	}
	for i, marks := range chosen {
		for f, spans := range marks {
			if hits[i].Marks == nil {
				hits[i].Marks = map[Field][]Span{}
			}
			hits[i].Marks[f] = mergeSpans(hits[i].Marks[f], spans)
		}
	}
	return found
}

// Terms splits a query into at most maxTerms search terms of bounded length.
func Terms(q string) []string {
	terms := strings.Fields(q)
	if len(terms) > maxTerms {
		terms = terms[:maxTerms]
	}
	for i, t := range terms {
		if utf8.RuneCountInString(t) > maxTermLen {
			terms[i] = string([]rune(t)[:maxTermLen])
		}
	}
	return terms
}

type fieldRef struct {
	doc, field int
}

// matchTerm runs one term over the fields of the live items, records marks
// and each item's best score, and reports whether anything matched.
func (ix *Index) matchTerm(term string, penalty int, alive []bool, best []int, hits []Hit) bool {
	tm := runeMask(term)
	lt := strings.ToLower(term)
	var refs []fieldRef
	for i := range ix.docs {
		if !alive[i] {
			continue
		}
		for j := range ix.docs[i].fields {
			// Two cheap tests before the scoring matcher, which costs a
			// pass over the text per term: the letters must all be there,
			// and in order.
			if f := &ix.docs[i].fields[j]; f.mask&tm == tm && subsequence(f.lower, lt) {
				refs = append(refs, fieldRef{i, j})
			}
		}
	}
	if len(refs) == 0 {
		return false
	}
	n := utf8.RuneCountInString(term)
	seq := func(yield func(string) bool) {
		for _, r := range refs {
			if !yield(ix.docs[r.doc].fields[r.field].text) {
				return
			}
		}
	}
	found := false
	for _, m := range fuzzy.FindFromIterNoSort(term, seq) {
		r := refs[m.Index]
		f := &ix.docs[r.doc].fields[r.field]
		if !acceptable(f, m.MatchedIndexes, n) {
			continue
		}
		found = true
		if s := m.Score + f.weight - penalty; s > best[r.doc] {
			best[r.doc] = s
		}
		h := &hits[r.doc]
		if h.Marks == nil {
			h.Marks = map[Field][]Span{}
		}
		h.Marks[f.key] = mergeSpans(h.Marks[f.key], spans(f.text, m.MatchedIndexes))
	}
	return found
}

// acceptable filters out scattered matches that a subsequence matcher
// finds in long text: names and aliases may skip a few characters
// ("aspnet" in "ASP.NET Core"), cell text must start at a word and be
// nearly contiguous.
func acceptable(f *field, idx []int, n int) bool {
	gaps := 0
	for k := 1; k < len(idx); k++ {
		_, size := utf8.DecodeRuneInString(f.text[idx[k-1]:])
		if idx[k] != idx[k-1]+size {
			gaps++
		}
	}
	if f.weight > 0 {
		return gaps <= max(1, (n+1)/2)
	}
	return wordStart(f.text, idx[0]) && gaps <= n/4
}

// wordStart reports whether byte offset i starts a word: the text's start,
// after a non-letter, or a capital after a lower-case letter (TypeScript).
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	cur, _ := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
		return true
	}
	return unicode.IsLower(prev) && unicode.IsUpper(cur)
}

// typoVariants are the one-edit corrections tried when a term matches
// nothing: swapped neighbours ("rials" for "rails") and, for terms of four
// or more characters, one character dropped (covers an extra or a wrong
// character, since matching is by subsequence).
func typoVariants(term string) []string {
	r := []rune(term)
	seen := map[string]bool{term: true}
	var out []string
	add := func(v []rune) {
		if s := string(v); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for i := 0; i+1 < len(r); i++ {
		v := append([]rune(nil), r...)
		v[i], v[i+1] = v[i+1], v[i]
		add(v)
	}
	if len(r) >= 4 {
		for i := range r {
			add(append(append([]rune(nil), r[:i]...), r[i+1:]...))
		}
	}
	return out
}
