package grid

import (
	"strings"
	"unicode/utf8"
)

// Cheap tests that run before the fuzzy scorer: each is a necessary
// condition of a match that acceptable takes, so they only ever skip work.

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
	// start is the pairBit of its first two runes when both are ASCII: a
	// short term must start a word of a cell whole.
	start uint64
	pairs termPairs
	// cellGaps and namedGaps are maxGaps for the term in a cell and in a
	// name or alias.
	cellGaps, namedGaps int
	// shaped is set when cellShape applies: an ASCII term that a cell
	// takes with at most one gap.
	shaped bool
}

func newTermQuery(term string) termQuery {
	lower := strings.ToLower(term)
	first, _ := utf8.DecodeRuneInString(term)
	n := utf8.RuneCountInString(term)
	q := termQuery{lower: lower, n: n, mask: runeMask(term), pairs: pairsOf(lower), cellGaps: maxGaps(n, false), namedGaps: maxGaps(n, true)}
	q.shaped = q.cellGaps <= 1 && isASCII(lower)
	if first < utf8.RuneSelf {
		q.first = runeMask(string(first))
	}
	// Only when the term's own first two runes are ASCII: "İ" lower-cases
	// to "i" but matches only "İ", which the word-start masks do not see.
	if len(term) >= 2 && term[0] < utf8.RuneSelf && term[1] < utf8.RuneSelf {
		q.start = pairBit(lower[0], lower[1])
	}
	return q
}

// mayMatch reports whether the matcher and acceptable could take text x:
// every letter of the term is there, in order; a cell (not a name or
// alias) has a word starting with the term's first letter; and enough of
// the term's letters stand side by side. It never says no to a text they
// would take (TestPairFilterKeepsAcceptableMatches).
func (q *termQuery) mayMatch(x *searchText) bool {
	return q.passes(x.quick()) && q.mayMatchRest(x)
}

// passes is mayMatch's first two tests, on the masks that Index.quick
// keeps packed: the letters, and for a cell a word with the first one.
func (q *termQuery) passes(k quickMasks) bool {
	return k.mask&q.mask == q.mask && k.firsts&q.first == q.first
}

// mayMatchRest is mayMatch after passes.
func (q *termQuery) mayMatchRest(x *searchText) bool {
	// A cell match without gaps (terms under four runes) is the whole term
	// at the start of a word: its first two letters start one.
	if !x.named && q.start != 0 && q.cellGaps == 0 && x.startPairs&q.start == 0 {
		return false
	}
	need := q.n - 1 - q.cellGaps
	if x.named {
		need = q.n - 1 - q.namedGaps
	}
	if !q.pairs.mayHold(x, need) || !subsequence(x.lower, q.lower) || !q.pairs.holds(x, need) {
		return false
	}
	return x.named || x.word == "" || !q.shaped || q.cellShape(x)
}

// cellShape reports whether an ASCII cell text can hold an ASCII term the
// way acceptable takes it with at most one gap: a match with one gap is two
// runs, the first at the start of a word. So some word start p has a
// prefix of the term, and the rest of the term (nothing, without gaps)
// follows it. Taking the longest prefix at p is enough: the rest of any
// shorter prefix contains the rest of the longest.
func (q *termQuery) cellShape(x *searchText) bool {
	term, low := q.lower, x.lower
	gap := q.cellGaps == 1
	for p := strings.IndexByte(low, term[0]); p >= 0; {
		if wordStart(x.word, p) {
			l := 0
			for l < len(term) && p+l < len(low) && low[p+l] == term[l] {
				l++
			}
			if l == len(term) || (gap && strings.Contains(low[p+l:], term[l:])) {
				return true
			}
		}
		next := strings.IndexByte(low[p+1:], term[0])
		if next < 0 {
			return false
		}
		p += 1 + next
	}
	return false
}

// startMasks are runeMask of the ASCII letters and digits that start a
// word in s (as wordStart sees it), and the pairMask of the words' first
// two letters, in lower case, where both are ASCII.
func startMasks(s string) (letters, pairs uint64) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || !wordStart(s, i) {
			continue
		}
		letters |= runeMask(s[i : i+1])
		if i+1 < len(s) && s[i+1] < utf8.RuneSelf {
			pairs |= pairBit(lowerASCII(s[i]), lowerASCII(s[i+1]))
		}
	}
	return letters, pairs
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// maxGaps is how many breaks acceptable allows in a match of n runes.
func maxGaps(n int, named bool) int {
	if named {
		return max(1, (n+1)/2)
	}
	return n / 4
}

// subsequence reports whether the ASCII runes of term appear in text in
// order, both already lower-cased. It is a necessary condition for a fuzzy
// match. At the first non-ASCII rune it stops and says yes: the matcher
// folds case more widely than lower-casing does (σ matches ς, θ matches ϑ),
// so an exact search could skip past the occurrence the matcher uses.
func subsequence(text, term string) bool {
	// A plain loop: texts are short, and strings.IndexByte's setup per
	// letter cost more than the scan.
	j := 0
	for i := 0; i < len(term); i++ {
		c := term[i]
		if c >= utf8.RuneSelf {
			return true
		}
		for j < len(text) && text[j] != c {
			j++
		}
		if j == len(text) {
			return false
		}
		j++
	}
	return true
}
