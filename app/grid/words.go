package grid

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words: how search cuts text into the words it matches, and how it tells a
// mention from a negative one ("Flask has no database layer").

// word is one word of a text.
type word struct {
	// start and end are its byte offsets in the text.
	start, end int
	// key is the word in lower case, the form the dictionary holds.
	key string
	// part is set for the inner part of a camel-case word ("Script" in
	// "TypeScript"): it matches, but less than a word of its own.
	part bool
	// negated is set when a negation comes shortly before it in the same
	// clause ("no ORM", "not a web framework").
	negated bool
}

// wordRune reports the runes words are made of: letters and digits. A '#'
// or '+' right after one is part of the word too ("C#", "C++").
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// words cuts text into words, with the camel-case parts of each as words
// of their own, in text order.
func words(text string) []word {
	var out []word
	lastClause := 0 // index in out of the first word of the current clause
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !wordRune(r) {
			if clauseBreak(r) {
				lastClause = len(out)
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !wordRune(r) && !((r == '#' || r == '+') && i > start) {
				break
			}
			i += size
		}
		w := word{start: start, end: i, key: strings.ToLower(text[start:i])}
		w.negated = negatedAfter(out[lastClause:])
		out = append(out, w)
		for _, p := range camelParts(text[start:i]) {
			part := word{start: start + p, end: i, key: strings.ToLower(text[start+p : i]), part: true, negated: w.negated}
			out = append(out, part)
		}
	}
	return out
}

// camelParts are the byte offsets inside w where a camel-case part starts:
// a capital after a lower-case letter ("Type|Script", "Live|View").
func camelParts(w string) []int {
	var out []int
	var prev rune
	for i, r := range w {
		if i > 0 && unicode.IsLower(prev) && unicode.IsUpper(r) {
			out = append(out, i)
		}
		prev = r
	}
	return out
}

// clauseBreak ends the reach of a negation.
func clauseBreak(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '—', '–':
		return true
	}
	return false
}

// negationReach is how many words back a negation reaches: "no ORM" and
// "has no templating or routing" but not the next sentence.
const negationReach = 4

// negators are the English words that negate what follows them.
var negators = map[string]bool{
	"no": true, "not": true, "without": true, "lacks": true, "lack": true, "never": true,
	"nor": true, "neither": true, "none": true, "cannot": true, "isn": true, "doesn": true,
	"don": true, "aren": true, "nothing": true,
}

// negatedAfter reports whether a negator is among the last words of the
// clause so far (camel-case parts aside).
func negatedAfter(clause []word) bool {
	n := 0
	for i := len(clause) - 1; i >= 0 && n < negationReach; i-- {
		if clause[i].part {
			continue
		}
		if negators[clause[i].key] {
			return true
		}
		n++
	}
	return false
}

// squash is the form phrases are compared in: lower case, with everything
// but letters, digits, '#' and '+' left out, so that "Real-time",
// "real time" and "realtime" are one phrase, and "Node.js" is "nodejs".
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if wordRune(r) || r == '#' || r == '+' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// editScratch holds the rows editDistance reuses across calls: typo
// correction compares a term with every word of the index.
type editScratch struct {
	prev2, prev, cur []int
	ra, rb           []rune
}

// distance is the Damerau-Levenshtein distance (optimal string alignment:
// a swap of neighbours is one edit) between a and b, in runes, or max+1 as
// soon as it must exceed max.
func (s *editScratch) distance(a, b string, max int) int {
	s.ra, s.rb = append(s.ra[:0], []rune(a)...), append(s.rb[:0], []rune(b)...)
	ra, rb := s.ra, s.rb
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	grow := func(row []int) []int {
		if cap(row) < len(rb)+1 {
			return make([]int, len(rb)+1)
		}
		return row[:len(rb)+1]
	}
	prev2, prev, cur := grow(s.prev2), grow(s.prev), grow(s.cur)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			s.prev2, s.prev, s.cur = prev2, prev, cur
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	s.prev2, s.prev, s.cur = prev2, prev, cur
	return prev[len(rb)]
}
