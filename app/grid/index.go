package grid

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"backendgrid/data"
)

// The index: every searchable string of the catalog, each distinct one
// stored once with where it occurs.

// Index is a catalog prepared for fast fuzzy search, filtering and sorting.
type Index struct {
	// Catalog is the indexed catalog.
	Catalog *data.Catalog
	// n is the number of items.
	n int
	// texts are the distinct searchable strings: a language, a license or
	// an ORM recurs across items, and each is matched once per term.
	texts []searchText
	// quick holds the first two tests of each text's mayMatch packed
	// side by side: most texts fail them, and the scan then reads 16 bytes
	// a text instead of the whole searchText.
	quick []quickMasks
	// postings lists where each text occurs: text t's are
	// postings[postingsAt[t]:postingsAt[t+1]].
	postings   []posting
	postingsAt []int32
	// keys are the distinct fields that postings name (a column, and an
	// element of a list or an alias), with their weights.
	keys   []fieldKey
	facets facetIndex
	order  ordering
}

// field is one searchable string of an item, while the index is built.
type field struct {
	text int32 // in Index.texts
	posting
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
	x := searchText{text: text, lower: lower, mask: runeMask(folded), pairs: pairMask(lower)}
	x.starts, x.startPairs = startMasks(folded)
	if isASCII(folded) {
		x.word = folded
	}
	return x
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// quickMasks are a text's runeMask and, for cells, its word-start mask
// (all ones for a name or alias, which need not start a word).
type quickMasks struct {
	mask, firsts uint64
}

// quick is the text's quickMasks.
func (x *searchText) quick() quickMasks {
	k := quickMasks{mask: x.mask, firsts: x.starts}
	if x.named {
		k.firsts = ^uint64(0)
	}
	return k
}

// posting is one occurrence of a text: in item doc, field keys[key].
// Scoring reads nothing else per item, so a common text (a runtime that
// thousands of items share) costs no lookups scattered over memory.
type posting struct {
	doc, key int32
}

// fieldKey is a field and the weight of a match in it.
type fieldKey struct {
	Field
	weight int
}

type searchText struct {
	text string
	// What the cheap tests read, made from the text with the two runes
	// that fold to ASCII letters replaced by them (see newSearchText).
	lower  string // in lower case, for the quick subsequence test
	mask   uint64 // runeMask
	pairs  uint64 // pairMask of lower
	starts uint64 // startMasks: letters that start a word
	// startPairs are the first two letters of the words (startMasks).
	startPairs uint64
	// word is the folded text when it is all ASCII (its offsets are then
	// lower's), for the word-start test of cellShape; "" otherwise.
	word string
	// named is set when the text is an item's name or alias somewhere,
	// where matches may be more scattered than in cells.
	named bool
}

// Open checks what only the widget can check of a catalog, then indexes
// it: no column may take the id of one of the widget's URL parameters (see
// Reserved), or its facet would be unreachable.
func Open(cat *data.Catalog) (*Index, error) {
	reserved := Reserved()
	var errs []error
	for _, c := range cat.Columns {
		if slices.Contains(reserved, c.ID) {
			errs = append(errs, fmt.Errorf("%s: column %q: id: collides with the reserved URL parameter %q", cat.File(), c.ID, c.ID))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewIndex(cat), nil
}

// NewIndex prepares cat for searching. Build it once per catalog, after
// Open's checks (tests may skip them).
func NewIndex(cat *data.Catalog) *Index {
	ix := &Index{Catalog: cat, n: len(cat.Items), order: newOrdering(cat)}
	ix.facets = newFacetIndex(cat, ix.order.byName)
	ids := map[string]int32{}
	keyIDs := map[fieldKey]int32{} // by field and weight: each keeps its own
	var fields []field
	add := func(doc int, key Field, text string, weight int) {
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
		fk := fieldKey{key, weight}
		k, ok := keyIDs[fk]
		if !ok {
			k = int32(len(ix.keys))
			keyIDs[fk] = k
			ix.keys = append(ix.keys, fk)
		}
		fields = append(fields, field{text: id, posting: posting{doc: int32(doc), key: k}})
	}
	for i, it := range cat.Items {
		add(i, Field{Column: NameField}, it.Name, nameWeight)
		for j, a := range it.Aliases {
			add(i, Field{Column: AliasField, Elem: j}, a, aliasWeight)
		}
		for _, col := range cat.Columns {
			if !col.Search {
				continue
			}
			cell := it.Cells[col.ID]
			if col.Type == data.List {
				for j, v := range cell.List() {
					add(i, Field{Column: col.ID, Elem: j}, v, 0)
				}
				continue
			}
			add(i, Field{Column: col.ID}, SearchText(col, cell), 0)
		}
	}
	ix.quick = make([]quickMasks, len(ix.texts))
	for t := range ix.texts {
		ix.quick[t] = ix.texts[t].quick()
	}
	ix.postingsAt = make([]int32, len(ix.texts)+1)
	for _, f := range fields {
		ix.postingsAt[f.text+1]++
	}
	for t := range ix.texts {
		ix.postingsAt[t+1] += ix.postingsAt[t]
	}
	ix.postings = make([]posting, len(fields))
	next := slices.Clone(ix.postingsAt[:len(ix.texts)])
	for _, f := range fields {
		ix.postings[next[f.text]] = f.posting
		next[f.text]++
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
