package grid

import (
	"strings"
	"unicode/utf8"

	"backendgrid/data"
)

// Field names one searchable string of an item: its name, one of its
// aliases, one value of a column (Elem indexes list values), or the note
// of a column's cell.
type Field struct {
	// Column is NameField, AliasField or a column id.
	Column string
	// Elem is the alias index or the list element index; 0 otherwise.
	Elem int
	// Note is set for the note of the column's cell.
	Note bool
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

// Bounds on the work one query can ask for.
const (
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

// SearchResult holds one Hit per catalog item, in catalog order, and what
// the search understood of the query.
type SearchResult struct {
	// Hits has one entry per item; nil when there was nothing to search
	// for, and every item matches.
	Hits []Hit
	// Corrected lists the terms that matched only after a typo correction.
	Corrected []string
	// Asked are the attributes the query named (understand.go).
	Asked []Asked
	// Absent are the things the query named that the catalog lacks.
	Absent []Absent
	// matches counts the items that matched (when Hits is set).
	matches int
}

// Asked is an attribute a query term named: a support column (which
// items have it, best first), or facet values (which items have one).
type Asked struct {
	// Term is the query's words for it, as typed.
	Term string
	// Column is the column asked about.
	Column *data.Column
	// Values are the facet values named; none for a support column.
	Values []string
	// Level is, for a support column, the least level that counts (an
	// index into data.SupportLevels): third-party unless the query says
	// "built in" or "official".
	Level int
	// Rest is the query without the term: what the search box holds once
	// the term has become a filter or a criterion.
	Rest string
}

// Absent is something a query named that no item has: a value ("Go") or
// a thing the catalog leaves out ("FastAPI").
type Absent struct {
	// Term is the query's words for it.
	Term string
	// Name is what it is called: the value, or the thing's name.
	Name string
	// Column is the facet column of an absent value; nil for a thing.
	Column *data.Column
	// Related are catalogued values it shares (a thing's language), with
	// the items that have them.
	Related []Related
	// Rest is the query without the term.
	Rest string
}

// Related is a facet value and the items that have it.
type Related struct {
	ColumnValue
	// Items are the item indexes with the value, in catalog order.
	Items []int
}

// Search matches every term of q against every item; an item matches when
// all terms match it. Terms that name attributes (understand.go) match by
// the attribute; the others match words: a whole word or the start of one,
// in the name, an alias, a value, a column's text or a note, ranked in that
// order. A term that matches no word anywhere is corrected towards the
// nearest words of the index, if any are close enough.
func (ix *Index) Search(q string) SearchResult {
	terms := ix.understand(q)
	if len(terms) == 0 {
		return SearchResult{}
	}
	words := Terms(q)
	res := SearchResult{Hits: make([]Hit, ix.n)}
	alive := make([]bool, ix.n)
	for i := range alive {
		alive[i] = true
	}
	best := make([]int, ix.n)
	level := -1 // the least support level that counts, if the query says
	for _, t := range terms {
		if t.kind == levelTerm && (level < 0 || t.meaning.level < level) {
			level = t.meaning.level
		}
	}
	// Values of one column are OR-ed, as ticking them in the facet would.
	groups := map[*data.Column][]*queryTerm{}
	for i := range terms {
		if t := &terms[i]; t.kind == valueTerm {
			groups[t.meaning.values[0].Column] = append(groups[t.meaning.values[0].Column], t)
		}
	}
	done := map[*data.Column]bool{}
	for i := 0; i < len(terms); i++ {
		t := &terms[i]
		for j := range best {
			best[j] = noMatch
		}
		switch t.kind {
		case levelTerm:
			continue
		case textTerm:
			if ix.known(wordForm(t.text)) {
				ix.matchWords(wordForm(t.text), alive, best, res.Hits)
			} else if fixed, ok := ix.correct(t); ok {
				res.Corrected = append(res.Corrected, t.text)
				t.corrected = fixed
				if t.kind != textTerm {
					if t.kind == valueTerm {
						col := t.meaning.values[0].Column
						groups[col] = append(groups[col], t)
					}
					i-- // read again as the attribute it names
					continue
				}
				ix.matchCorrected(fixed, alive, best, res.Hits)
			}
		case columnTerm:
			lv := max(level, 0)
			if level < 0 {
				lv = len(data.SupportLevels) - 2 // any support, none excluded
			}
			ix.matchLevel(t, lv, alive, best, res.Hits)
			ix.matchNames(t.text, alive, best, res.Hits)
			res.Asked = append(res.Asked, Asked{Term: t.text, Column: t.meaning.column, Level: lv, Rest: without(words, t)})
		case valueTerm:
			col := t.meaning.values[0].Column
			if done[col] {
				continue
			}
			done[col] = true
			asked := Asked{Column: col, Rest: strings.Join(words, " ")}
			for _, g := range groups[col] {
				ix.matchValues(g, best, res.Hits)
			}
			for _, g := range groups[col] {
				// A name counts for the items without the value ("node"
				// names Node.js, which does not run on Node.js).
				ix.matchNames(g.text, unmatched(alive, best), best, res.Hits)
				for _, cv := range g.meaning.values {
					if cv.Column == col {
						asked.Values = append(asked.Values, cv.Value)
					}
				}
				asked.Term = strings.TrimSpace(asked.Term + " " + g.text)
				asked.Rest = strings.Join(removeSpan(strings.Fields(asked.Rest), g.text), " ")
			}
			res.Asked = append(res.Asked, asked)
		case absentTerm:
			a := ix.absent(t)
			a.Rest = without(words, t)
			res.Absent = append(res.Absent, a)
			ix.matchNames(t.text, alive, best, res.Hits)
		}
		for j := range alive {
			if !alive[j] {
				continue
			}
			if best[j] == noMatch {
				alive[j] = false
				continue
			}
			res.Hits[j].Score += best[j]
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

// Scores of a term's best match in an item, by tier; a prefix, a camel
// part, joined words and a typo fix score a little less than a word.
var tierScores = [...]int{tierNote: 300, tierText: 500, tierValue: 700, tierAlias: 900, tierName: 1000}

const (
	prefixCost  = 50
	partCost    = 30
	joinedCost  = 20
	typoCost    = 150
	levelScore  = 600 // a support column asked about: plus 100 a level
	valueScore  = 700 // a facet value asked about
	nameOnlyMin = tierAlias
)

// known reports whether some word of the index starts with term, or is
// its singular: whether there is anything to match without a typo fix.
func (ix *Index) known(term string) bool {
	if lo, hi := ix.dict.prefixed(term); lo < hi {
		return true
	}
	s, ok := singular(term)
	return ok && ix.dict.find(s) >= 0
}

// singular is a plural term without its s ("websockets", "orms").
func singular(term string) (string, bool) {
	s, ok := strings.CutSuffix(term, "s")
	return s, ok && utf8.RuneCountInString(s) >= 3
}

// matchWords finds the words that start with term (or are it), and with
// a plural term the singular word too, in the live items' fields. A term
// that is an item's whole name or alias names that item: it then counts in
// names and aliases only, so that "koa cli" is not about the items whose
// notes mention Koa.
func (ix *Index) matchWords(term string, alive []bool, best []int, hits []Hit) {
	least := tierNote
	if s, ok := singular(term); ix.named[squash(term)] || (ok && ix.named[s]) {
		least = tierAlias
	}
	lo, hi := ix.dict.prefixed(term)
	for k := lo; k < hi; k++ {
		cost := 0
		if len(ix.dict.keys[k]) > len(term) {
			cost = prefixCost
		}
		ix.score(k, utf8.RuneCountInString(term), cost, least, alive, best, hits)
	}
	if s, ok := singular(term); ok {
		if k := ix.dict.find(s); k >= 0 {
			ix.score(k, 0, 0, least, alive, best, hits)
		}
	}
}

// matchCorrected scores the exact words a typo was corrected to.
func (ix *Index) matchCorrected(fixed string, alive []bool, best []int, hits []Hit) {
	for _, w := range strings.Fields(fixed) {
		least := tierNote
		if ix.named[w] {
			least = tierAlias
		}
		if k := ix.dict.find(w); k >= 0 {
			ix.score(k, 0, typoCost, least, alive, best, hits)
		}
	}
}

// matchNames finds the term as a whole word of a name or an alias only:
// for terms that name an attribute, which then decides, or a thing the
// catalog lacks.
func (ix *Index) matchNames(term string, alive []bool, best []int, hits []Hit) {
	for _, key := range []string{strings.ToLower(term), squash(term)} {
		if k := ix.dict.find(key); k >= 0 {
			ix.score(k, 0, 0, nameOnlyMin, alive, best, hits)
		}
	}
}

// score credits the live items whose fields of tier least or better hold
// dictionary key k; a negated mention counts for nothing. The first
// prefix letters of the occurrence are marked (0: all of it).
func (ix *Index) score(k, prefix, cost int, least tier, alive []bool, best []int, hits []Hit) {
	for _, o := range ix.dict.occurrencesOf(k) {
		c := cost
		switch {
		case o.flags&occJoined != 0:
			c += joinedCost
		case o.flags&occPart != 0:
			c += partCost
		}
		marks := []Span{{int(o.start), markEnd(ix.texts[o.text], int(o.start), int(o.end), prefix)}}
		for _, p := range ix.postingsOf(o.text) {
			key := &ix.keys[p.key]
			if !alive[p.doc] || key.tier < least || (o.flags&occNegated != 0 && key.tier < tierValue) {
				continue
			}
			if s := tierScores[key.tier] - c; s > best[p.doc] {
				best[p.doc] = s
			}
			h := &hits[p.doc]
			h.Marks = h.Marks.with(key.Field, marks)
		}
	}
}

// matchLevel keeps the live items whose support in the term's column is
// lv or better, best first; their names also count.
func (ix *Index) matchLevel(t *queryTerm, lv int, alive []bool, best []int, hits []Hit) {
	c := columnIndex(ix.Catalog, t.meaning.column.ID)
	levels := ix.levels[c]
	for i, l := range levels {
		if alive[i] && int(l) <= lv {
			best[i] = levelScore + 100*(len(data.SupportLevels)-2-int(l))
		}
	}
}

// matchValues credits the items with one of the term's values; the
// caller keeps the items no value of the column's terms credited.
func (ix *Index) matchValues(t *queryTerm, best []int, hits []Hit) {
	for _, cv := range t.meaning.values {
		fx := ix.facets.of(cv.Column.ID)
		if fx < 0 {
			continue
		}
		v := ix.facets.valueIndex(fx, cv.Value)
		whole := []Span{{0, len(cv.Value)}}
		for p, i := range ix.order.byName {
			if ix.facets.has(fx, p, v) {
				best[i] = max(best[i], valueScore)
				hits[i].Marks = hits[i].Marks.with(Field{Column: cv.Column.ID, Elem: elemOf(ix.Catalog.Items[i], cv)}, whole)
			}
		}
	}
}

// elemOf is the index of a value in an item's list cell.
func elemOf(it *data.Item, cv ColumnValue) int {
	for j, v := range it.Cells[cv.Column.ID].List() {
		if v == cv.Value {
			return j
		}
	}
	return 0
}

// absent describes a term that names what no item has, with the items
// related to it by the values it shares.
func (ix *Index) absent(t *queryTerm) Absent {
	m := t.meaning
	a := Absent{Term: t.text}
	if m.other != nil {
		a.Name = m.other.Name
		for _, col := range ix.Catalog.Columns {
			for _, v := range m.other.Values[col.ID] {
				cv := ColumnValue{col, v}
				if r := ix.related(cv); len(r.Items) > 0 {
					a.Related = append(a.Related, r)
				}
			}
		}
		return a
	}
	a.Name, a.Column = m.absent[0].Value, m.absent[0].Column
	return a
}

// related lists the items with a facet value.
func (ix *Index) related(cv ColumnValue) Related {
	r := Related{ColumnValue: cv}
	for i, it := range ix.Catalog.Items {
		if it.Cells[cv.Column.ID] != nil && elemIn(it.Cells[cv.Column.ID].List(), cv.Value) {
			r.Items = append(r.Items, i)
		}
	}
	return r
}

func elemIn(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// wordForm is a text term as the dictionary holds words: in lower case,
// and with punctuation inside it dropped, so that "Express.js" finds the
// joined words of "Express.js" and "asp.net" those of "ASP.NET".
func wordForm(term string) string {
	if s := squash(term); s != "" {
		return s
	}
	return strings.ToLower(term)
}

// Terms splits a query into at most maxTerms words of bounded length.
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

// without is the query's words without those of term t.
func without(words []string, t *queryTerm) string {
	rest := append(append([]string(nil), words[:t.from]...), words[t.to:]...)
	return strings.Join(rest, " ")
}

// removeSpan drops the first run of words equal to phrase's.
func removeSpan(words []string, phrase string) []string {
	p := strings.Fields(phrase)
	for i := 0; i+len(p) <= len(words); i++ {
		if strings.Join(words[i:i+len(p)], " ") == phrase {
			return append(append([]string(nil), words[:i]...), words[i+len(p):]...)
		}
	}
	return words
}

// columnIndex is the position of column id in the catalog, or -1.
func columnIndex(cat *data.Catalog, id string) int {
	for i, c := range cat.Columns {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// correct finds what a term that matched no word was probably meant to
// be: the vocabulary phrases and the words of the index nearest to it, one
// edit away (two for terms of eight letters or more; a swap of neighbours
// is one edit). A phrase of the vocabulary wins; among words, those of the
// best tier (names before notes). Terms under four letters are not
// corrected: too many words are one edit from them.
func (ix *Index) correct(t *queryTerm) (string, bool) {
	term := squash(t.text)
	n := utf8.RuneCountInString(term)
	if n < 4 || strings.ContainsAny(term, "0123456789") {
		return "", false
	}
	limit := 1
	if n >= 8 {
		limit = 2
	}
	var scratch editScratch
	near := func(key string) int {
		if key == "" || (key[0] != term[0] && key[0] != term[1]) {
			return limit + 1
		}
		return scratch.distance(term, key, limit)
	}
	bestD, vocabKey := limit+1, ""
	for k, m := range ix.vocab {
		if kindOf(m) == absentTerm || kindOf(m) == levelTerm {
			continue // a correction towards what no item has helps nobody
		}
		if d := near(k); d < bestD || (d == bestD && d <= limit && k < vocabKey) {
			bestD, vocabKey = d, k
		}
	}
	var found []int
	foundD, foundTier := limit+1, tier(0)
	// A typo seldom changes the first letter, and then mostly by swapping
	// it with the second: only the keys starting with one of those two
	// are compared, two small ranges of the sorted dictionary.
	first, size := utf8.DecodeRuneInString(term)
	second, _ := utf8.DecodeRuneInString(term[size:])
	starts := []rune{first}
	if second != first {
		starts = append(starts, second)
	}
	for _, r := range starts {
		lo, hi := ix.dict.prefixed(string(r))
		for k := lo; k < hi; k++ {
			key := ix.dict.keys[k]
			if d := len(key) - len(term); d > limit*utf8.UTFMax || -d > limit*utf8.UTFMax {
				continue
			}
			d := scratch.distance(term, key, limit)
			if d > limit || d > foundD {
				continue
			}
			tr := ix.dict.best[k]
			switch {
			case d < foundD || tr > foundTier:
				found, foundD, foundTier = []int{k}, d, tr
			case tr == foundTier:
				found = append(found, k)
			}
		}
	}
	if vocabKey != "" && bestD <= foundD {
		m := ix.vocab[vocabKey]
		t.kind, t.meaning = kindOf(m), m
		return vocabKey, true
	}
	if len(found) == 0 {
		return "", false
	}
	fixed := make([]string, len(found))
	for i, k := range found {
		fixed[i] = ix.dict.keys[k]
	}
	return strings.Join(fixed, " "), true
}

// markEnd is where the mark of a prefix match ends in text: after prefix
// letters or digits from start (separators inside joined words skipped),
// or at end for a whole match.
func markEnd(text string, start, end, prefix int) int {
	if prefix <= 0 {
		return end
	}
	i := start
	for n := 0; i < end && n < prefix; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if wordRune(r) || r == '#' || r == '+' {
			n++
		}
		i += size
	}
	return i
}

// unmatched is alive without the items that already have a score.
func unmatched(alive []bool, best []int) []bool {
	out := make([]bool, len(alive))
	for i := range alive {
		out[i] = alive[i] && best[i] == noMatch
	}
	return out
}
