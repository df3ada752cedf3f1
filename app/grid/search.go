package grid

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
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
	// matches counts the items that matched (when Hits is set).
	matches int
}

// Search matches every term of q (split on spaces) against every item; an
// item matches when all terms match somewhere in it.
func (ix *Index) Search(q string) SearchResult {
	terms := Terms(q)
	if len(terms) == 0 {
		return SearchResult{}
	}
	res := SearchResult{Hits: make([]Hit, ix.n)}
	alive := make([]bool, ix.n)
	for i := range alive {
		alive[i] = true
	}
	best := make([]int, ix.n)
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
			continue
		}
		res.matches++
	}
	return res
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
	tmpBest := make([]int, ix.n)
	tmpHits := make([]Hit, ix.n)
	chosen := make([]Marks, ix.n)
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
	for t, k := range ix.quick {
		if !q.passes(k) {
			continue
		}
		if x := &ix.texts[t]; q.mayMatchRest(x) && ix.live(int32(t), alive) {
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
			key := &ix.keys[p.key]
			weight := key.weight
			kind := min(weight, 1)
			if accepted[kind] == 0 {
				accepted[kind] = -1
				if acceptable(text, weight, m.MatchedIndexes, q.n) {
					accepted[kind] = 1
				}
			}
			if accepted[kind] < 0 {
				continue
			}
			found = true
			if s := m.Score + weight - penalty; s > best[p.doc] {
				best[p.doc] = s
			}
			if marks == nil {
				marks = spans(text, m.MatchedIndexes)
			}
			h := &hits[p.doc]
			h.Marks = h.Marks.with(key.Field, marks)
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
	if i < len(s) && s[i-1] < utf8.RuneSelf && s[i] < utf8.RuneSelf {
		// ASCII, the common case, without decoding or table lookups.
		p, c := s[i-1], s[i]
		lower := 'a' <= p && p <= 'z'
		if !lower && !('A' <= p && p <= 'Z') && !('0' <= p && p <= '9') {
			return true
		}
		return lower && 'A' <= c && c <= 'Z'
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
