package app

import (
	"slices"
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

// Index is a catalog prepared for fast fuzzy search, filtering and sorting.
type Index struct {
	// Catalog is the indexed catalog.
	Catalog *data.Catalog
	docs    []doc
	// texts are the distinct searchable strings: a language, a license or
	// an ORM recurs across items, and each is matched once per term.
	texts []searchText
	// postings lists where each text occurs: text t's are
	// postings[postingsAt[t]:postingsAt[t+1]].
	postings   []posting
	postingsAt []int32
	facets     facetIndex
	order      ordering
}

type doc struct {
	fields []field
}

// field is one searchable string of an item.
type field struct {
	key    Field
	text   int32 // into Index.texts
	weight int
}

func newSearchText(text string) searchText {
	// The cheap tests look at ASCII only. Two non-ASCII runes fold to ASCII
	// letters in the matcher (which folds case as strings.EqualFold does):
	// the Kelvin sign and the long s. They are read as those letters.
	folded := strings.Map(func(r rune) rune {
		switch r {
		case '\u212a':
			return 'K'
		case '\u017f':
			return 's'
		}
		return r
	}, text)
	lower := strings.ToLower(folded)
	return searchText{text: text, lower: lower, mask: runeMask(folded), pairs: pairMask(lower), starts: startMask(folded)}
}

// posting is one occurrence of a text: field f of item doc.
type posting struct {
	doc, f int32
}

type searchText struct {
	text string
	// What the cheap tests read, made from the text with the two runes
	// that fold to ASCII letters replaced by them (see newSearchText).
	lower  string // in lower case, for the quick subsequence test
	mask   uint64 // runeMask
	pairs  uint64 // pairMask of lower
	starts uint64 // startMask
	// named is set when the text is an item's name or alias somewhere,
	// where matches may be more scattered than in cells.
	named bool
}

// NewIndex prepares cat for searching. Build it once per catalog.
func NewIndex(cat *data.Catalog) *Index {
	ix := &Index{Catalog: cat, docs: make([]doc, len(cat.Items)), order: newOrdering(cat)}
	ix.facets = newFacetIndex(cat, ix.order.byName)
	ids := map[string]int32{}
	add := func(d *doc, key Field, text string, weight int) {
		if text == "" {
			return
		}
		id, ok := ids[text]
		if !ok {
			id = int32(len(ix.texts))
			ids[text] = id
			ix.texts = append(ix.texts, newSearchText(text))
		}
		ix.texts[id].named = ix.texts[id].named || weight > 0
		d.fields = append(d.fields, field{key: key, text: id, weight: weight})
	}
	for i, it := range cat.Items {
		d := &ix.docs[i]
		add(d, Field{Column: NameField}, it.Name, nameWeight)
		for j, a := range it.Aliases {
			add(d, Field{Column: AliasField, Elem: j}, a, aliasWeight)
		}
		for _, col := range cat.Columns {
			if !col.Search {
				continue
			}
			cell := it.Cells[col.ID]
			if col.Type == data.List {
				for j, v := range cell.List() {
					add(d, Field{Column: col.ID, Elem: j}, v, 0)
				}
				continue
			}
			add(d, Field{Column: col.ID}, SearchText(col, cell), 0)
		}
	}
	ix.postingsAt = make([]int32, len(ix.texts)+1)
	for _, d := range ix.docs {
		for _, f := range d.fields {
			ix.postingsAt[f.text+1]++
		}
	}
	for t := range ix.texts {
		ix.postingsAt[t+1] += ix.postingsAt[t]
	}
	ix.postings = make([]posting, int(ix.postingsAt[len(ix.texts)]))
	next := slices.Clone(ix.postingsAt[:len(ix.texts)])
	for i, d := range ix.docs {
		for j, f := range d.fields {
			ix.postings[next[f.text]] = posting{doc: int32(i), f: int32(j)}
			next[f.text]++
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

// pairMask sets one bit per pair of adjacent ASCII bytes in s (hashed to
// 64 bits): a cheap test for whether s can contain a given pair.
func pairMask(s string) uint64 {
	var m uint64
	for i := 1; i < len(s); i++ {
		if s[i-1] < utf8.RuneSelf && s[i] < utf8.RuneSelf {
			m |= pairBit(s[i-1], s[i])
		}
	}
	return m
}

func pairBit(a, b byte) uint64 {
	return 1 << ((uint(a)*31 + uint(b)) % 64)
}

// termPairs are the adjacent pairs of a lower-cased term, for the test that
// a text holds enough of them contiguously (see acceptable): a match with
// g gaps keeps n-1-g of the term's n-1 pairs side by side in the text.
type termPairs struct {
	ascii []string // two-byte pairs of ASCII letters
	bits  []uint64 // their pairBit
	other int      // pairs with a non-ASCII rune: not tested, counted as held
}

func pairsOf(lower string) termPairs {
	var tp termPairs
	r := []rune(lower)
	for i := 1; i < len(r); i++ {
		if r[i-1] < utf8.RuneSelf && r[i] < utf8.RuneSelf {
			tp.ascii = append(tp.ascii, string([]byte{byte(r[i-1]), byte(r[i])}))
			tp.bits = append(tp.bits, pairBit(byte(r[i-1]), byte(r[i])))
		} else {
			tp.other++
		}
	}
	return tp
}

// mayHold is holds on the pair masks alone: it never reads the text, and
// never says no when holds would say yes.
func (tp termPairs) mayHold(x *searchText, need int) bool {
	held := tp.other
	for _, b := range tp.bits {
		if x.pairs&b != 0 {
			held++
		}
	}
	return held >= need
}

// holds reports whether text x contains at least need of the pairs.
func (tp termPairs) holds(x *searchText, need int) bool {
	held := tp.other
	for i, p := range tp.ascii {
		if held >= need {
			return true
		}
		if x.pairs&tp.bits[i] != 0 && strings.Contains(x.lower, p) {
			held++
		}
	}
	return held >= need
}

// termQuery is one search term prepared for the cheap tests that run before
// the scoring matcher, which costs a pass over the text per term.
type termQuery struct {
	lower string
	n     int    // runes
	mask  uint64 // runeMask of the term
	first uint64 // runeMask of its first rune, 0 when that is not ASCII
	pairs termPairs
}

func newTermQuery(term string) termQuery {
	lower := strings.ToLower(term)
	first, _ := utf8.DecodeRuneInString(term)
	q := termQuery{lower: lower, n: utf8.RuneCountInString(term), mask: runeMask(term), pairs: pairsOf(lower)}
	if first < utf8.RuneSelf {
		q.first = runeMask(string(first))
	}
	return q
}

// mayMatch reports whether the matcher and acceptable could take text x:
// every letter of the term is there, in order; a cell (not a name or
// alias) has a word starting with the term's first letter; and enough of
// the term's letters stand side by side. It never says no to a text they
// would take (TestPairFilterKeepsAcceptableMatches).
func (q *termQuery) mayMatch(x *searchText) bool {
	if x.mask&q.mask != q.mask || (!x.named && x.starts&q.first != q.first) {
		return false
	}
	need := q.n - 1 - maxGaps(q.n, x.named)
	return q.pairs.mayHold(x, need) && subsequence(x.lower, q.lower) && q.pairs.holds(x, need)
}

// startMask is runeMask of the ASCII letters and digits that start a word
// in s (as wordStart sees it).
func startMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf && wordStart(s, i) {
			m |= runeMask(s[i : i+1])
		}
	}
	return m
}

// maxGaps is how many breaks acceptable allows in a match of n runes.
func maxGaps(n int, named bool) int {
	if named {
		return max(1, (n+1)/2)
	}
	return n / 4
}

// Hit is how one item matched a query.
type Hit struct {
	// Matched is true when every term of the query matched the item.
	Matched bool
	// Score ranks hits: higher is better.
	Score int
	// Marks are the matched byte ranges per field.
	Marks Marks
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
	chosen := make([]Marks, len(ix.docs))
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
		for _, fm := range marks {
			hits[i].Marks = hits[i].Marks.with(fm.Field, fm.Spans)
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

// matchTerm runs one term over the fields of the live items, records marks
// and each item's best score, and reports whether anything matched. Each
// distinct text is tested and scored once, however many items share it.
func (ix *Index) matchTerm(term string, penalty int, alive []bool, best []int, hits []Hit) bool {
	q := newTermQuery(term)
	// A text only counts if a live item has it.
	var cands []int32
	for t := range ix.texts {
		if x := &ix.texts[t]; q.mayMatch(x) && ix.live(int32(t), alive) {
			cands = append(cands, int32(t))
		}
	}
	if len(cands) == 0 {
		return false
	}
	seq := func(yield func(string) bool) {
		for _, c := range cands {
			if !yield(ix.texts[c].text) {
				return
			}
		}
	}
	found := false
	for _, m := range fuzzy.FindFromIterNoSort(term, seq) {
		t := cands[m.Index]
		text := ix.texts[t].text
		var marks []Span
		accepted := [2]int8{} // per kind of field (cell, name or alias): 0 unknown, 1 yes, -1 no
		for _, p := range ix.postings[ix.postingsAt[t]:ix.postingsAt[t+1]] {
			if !alive[p.doc] {
				continue
			}
			f := &ix.docs[p.doc].fields[p.f]
			kind := min(f.weight, 1)
			if accepted[kind] == 0 {
				accepted[kind] = -1
				if acceptable(text, f.weight, m.MatchedIndexes, q.n) {
					accepted[kind] = 1
				}
			}
			if accepted[kind] < 0 {
				continue
			}
			found = true
			if s := m.Score + f.weight - penalty; s > best[p.doc] {
				best[p.doc] = s
			}
			if marks == nil {
				marks = spans(text, m.MatchedIndexes)
			}
			h := &hits[p.doc]
			h.Marks = h.Marks.with(f.key, marks)
		}
	}
	return found
}

// live reports whether a live item has text t.
func (ix *Index) live(t int32, alive []bool) bool {
	for _, p := range ix.postings[ix.postingsAt[t]:ix.postingsAt[t+1]] {
		if alive[p.doc] {
			return true
		}
	}
	return false
}

// acceptable filters out scattered matches that a subsequence matcher
// finds in long text: names and aliases (weight > 0) may skip a few
// characters ("aspnet" in "ASP.NET Core"), cell text must start at a word
// and be nearly contiguous.
func acceptable(text string, weight int, idx []int, n int) bool {
	gaps := 0
	for k := 1; k < len(idx); k++ {
		_, size := utf8.DecodeRuneInString(text[idx[k-1]:])
		if idx[k] != idx[k-1]+size {
			gaps++
		}
	}
	if gaps > maxGaps(n, weight > 0) {
		return false
	}
	return weight > 0 || wordStart(text, idx[0])
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
