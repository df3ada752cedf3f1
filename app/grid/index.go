package grid

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"backendgrid/data"
)

// The index: every searchable string of the catalog, stored once however
// many items share it, cut into words; a sorted dictionary of the words
// (prefix search is a range of it); and the vocabulary of the schema
// (understand.go).

// Index is a catalog prepared for search, filtering and sorting.
type Index struct {
	// Catalog is the indexed catalog.
	Catalog *data.Catalog
	// n is the number of items.
	n int
	// texts are the distinct searchable strings.
	texts []string
	// postings lists where each text occurs: text t's are
	// postings[postingsAt[t]:postingsAt[t+1]].
	postings   []posting
	postingsAt []int32
	// keys are the distinct fields that postings name, with their tier.
	keys  []fieldKey
	dict  dictionary
	vocab vocabulary
	// named holds every item's name and aliases, squashed: a term that is
	// one names that item.
	named map[string]bool
	// levels holds, per support column (by catalog column index), every
	// item's support level as an index into data.SupportLevels.
	levels map[int][]int8
	facets facetIndex
	order  ordering
}

// posting is one occurrence of a text: in item doc, field keys[key].
type posting struct {
	doc, key int32
}

// fieldKey is a field and the tier of a match in it.
type fieldKey struct {
	Field
	tier tier
}

// tier ranks where a term matched: a name beats an alias, which beats a
// facet value, which beats a column's text, which beats a note.
type tier int8

const (
	tierNote tier = iota + 1
	tierText
	tierValue
	tierAlias
	tierName
)

// Open checks what only the widget can check of a catalog (checkCatalog),
// then indexes it.
func Open(cat *data.Catalog) (*Index, error) {
	if err := checkCatalog(cat); err != nil {
		return nil, err
	}
	return NewIndex(cat), nil
}

// NewIndex prepares cat for searching. Build it once per catalog, after
// Open's checks (tests may skip them; a vocabulary clash then keeps the
// first meaning).
func NewIndex(cat *data.Catalog) *Index {
	ix := &Index{Catalog: cat, n: len(cat.Items), order: newOrdering(cat), levels: map[int][]int8{}}
	ix.facets = newFacetIndex(cat, ix.order.byName)
	ix.vocab = newVocabulary(cat, nil)
	ix.named = map[string]bool{}
	for _, it := range cat.Items {
		for _, n := range append([]string{it.Name}, it.Aliases...) {
			ix.named[squash(n)] = true
		}
	}
	b := indexBuilder{ix: ix, textIDs: map[string]int32{}, keyIDs: map[fieldKey]int32{}}
	for i, it := range cat.Items {
		b.add(i, Field{Column: NameField}, tierName, it.Name)
		for j, a := range it.Aliases {
			b.add(i, Field{Column: AliasField, Elem: j}, tierAlias, a)
		}
		for _, col := range cat.Columns {
			cell := it.Cells[col.ID]
			if col.Type == data.Link || (col.Type == data.Support && cell.Text() == data.None) {
				// A link is an address, not words; a support cell of
				// "none" says the item lacks the thing: neither is a
				// mention of it.
				continue
			}
			b.add(i, Field{Column: col.ID, Note: true}, tierNote, cell.Note)
			if !col.Search {
				continue
			}
			switch col.Type {
			case data.List:
				for j, v := range cell.List() {
					b.add(i, Field{Column: col.ID, Elem: j}, tierValue, v)
				}
			case data.Enum:
				b.add(i, Field{Column: col.ID}, tierValue, cell.Text())
			default:
				b.add(i, Field{Column: col.ID}, tierText, SearchText(col, cell))
			}
		}
	}
	for c, col := range cat.Columns {
		if col.Type != data.Support {
			continue
		}
		lv := make([]int8, len(cat.Items))
		for i, it := range cat.Items {
			lv[i] = int8(slices.Index(data.SupportLevels, it.Cells[col.ID].Text()))
		}
		ix.levels[c] = lv
	}
	b.finish()
	return ix
}

// indexBuilder collects texts, fields and words while the index is built.
type indexBuilder struct {
	ix      *Index
	textIDs map[string]int32
	keyIDs  map[fieldKey]int32
	fields  []struct {
		text int32
		posting
	}
	words []dictEntry
}

// add records that item doc has text in field f.
func (b *indexBuilder) add(doc int, f Field, t tier, text string) {
	if text == "" {
		return
	}
	ix := b.ix
	id, ok := b.textIDs[text]
	if !ok {
		id = int32(len(ix.texts))
		b.textIDs[text] = id
		ix.texts = append(ix.texts, text)
		b.words = appendWords(b.words, id, text)
	}
	fk := fieldKey{f, t}
	k, ok := b.keyIDs[fk]
	if !ok {
		k = int32(len(ix.keys))
		b.keyIDs[fk] = k
		ix.keys = append(ix.keys, fk)
	}
	b.fields = append(b.fields, struct {
		text int32
		posting
	}{id, posting{doc: int32(doc), key: k}})
}

// finish lays out the postings by text and sorts the dictionary.
func (b *indexBuilder) finish() {
	ix := b.ix
	ix.postingsAt = make([]int32, len(ix.texts)+1)
	for _, f := range b.fields {
		ix.postingsAt[f.text+1]++
	}
	for t := range ix.texts {
		ix.postingsAt[t+1] += ix.postingsAt[t]
	}
	ix.postings = make([]posting, len(b.fields))
	next := slices.Clone(ix.postingsAt[:len(ix.texts)])
	for _, f := range b.fields {
		ix.postings[next[f.text]] = f.posting
		next[f.text]++
	}
	ix.dict = newDictionary(b.words, func(text int32) tier {
		best := tier(0)
		for _, p := range ix.postingsOf(text) {
			best = max(best, ix.keys[p.key].tier)
		}
		return best
	})
}

// postingsOf lists where text t occurs.
func (ix *Index) postingsOf(t int32) []posting {
	return ix.postings[ix.postingsAt[t]:ix.postingsAt[t+1]]
}

// SearchText is the text of a cell that search sees and highlights: the
// value, or for support cells the component named in the detail.
func SearchText(col *data.Column, cell *data.Cell) string {
	if col.Type == data.Support {
		return cell.Detail
	}
	return cell.Display(col.Type)
}

// occurrence is where a dictionary key occurs: a byte range of a text,
// one word or, for joined keys, several.
type occurrence struct {
	text       int32
	start, end int32
	flags      uint8
}

// Occurrence flags.
const (
	occPart    = 1 << iota // a camel-case part of a word
	occJoined              // several words written together ("springboot")
	occNegated             // the text negates it ("no ORM")
)

// dictEntry is one key with one occurrence, while the index is built.
type dictEntry struct {
	key string
	occurrence
}

// joinMax is how many words are written together in joined keys: "Ruby on
// Rails" is found as "rubyonrails", "ASP.NET Core" as "aspnetcore".
const joinMax = 3

// joinWords is how many words a text may have for its joined keys: names,
// aliases, values and short texts, not notes.
const joinWords = 12

// appendWords adds the words of text t to entries, and the joined forms of
// neighbouring words in short texts.
func appendWords(entries []dictEntry, t int32, text string) []dictEntry {
	ws := words(text)
	var whole []word
	for _, w := range ws {
		var flags uint8
		if w.part {
			flags |= occPart
		} else {
			whole = append(whole, w)
		}
		if w.negated {
			flags |= occNegated
		}
		entries = append(entries, dictEntry{w.key, occurrence{t, int32(w.start), int32(w.end), flags}})
	}
	if len(whole) > joinWords {
		return entries
	}
	for i := range whole {
		key := whole[i].key
		for j := i + 1; j < len(whole) && j <= i+joinMax; j++ {
			key += whole[j].key
			var flags uint8 = occJoined
			if whole[i].negated {
				flags |= occNegated
			}
			entries = append(entries, dictEntry{key, occurrence{t, int32(whole[i].start), int32(whole[j].end), flags}})
		}
	}
	return entries
}

// dictionary is every word of the index, sorted, with where it occurs:
// the words starting with a prefix are one range of it.
type dictionary struct {
	keys []string
	// at: the occurrences of keys[i] are occs[at[i]:at[i+1]].
	at   []int32
	occs []occurrence
	// best is the best tier among the fields each key occurs in: typo
	// correction prefers names to notes.
	best []tier
}

func newDictionary(entries []dictEntry, tierOf func(text int32) tier) dictionary {
	// Sorted through an index by key, then position: the same sort of
	// int32s the ordering does, so no new generic shape for the wasm.
	order := make([]int32, len(entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(strings.Compare(entries[a].key, entries[b].key), cmp.Compare(a, b))
	})
	var d dictionary
	for n, i := range order {
		e := entries[i]
		if n == 0 || e.key != entries[order[n-1]].key {
			d.keys = append(d.keys, e.key)
			d.at = append(d.at, int32(len(d.occs)))
			d.best = append(d.best, 0)
		}
		d.occs = append(d.occs, e.occurrence)
		last := len(d.best) - 1
		d.best[last] = max(d.best[last], tierOf(e.text))
	}
	d.at = append(d.at, int32(len(d.occs)))
	return d
}

// prefixed returns the range of keys that start with prefix.
func (d *dictionary) prefixed(prefix string) (lo, hi int) {
	lo = sort.SearchStrings(d.keys, prefix)
	hi = lo
	for hi < len(d.keys) && len(d.keys[hi]) >= len(prefix) && d.keys[hi][:len(prefix)] == prefix {
		hi++
	}
	return lo, hi
}

// find returns the index of key, or -1.
func (d *dictionary) find(key string) int {
	if i := sort.SearchStrings(d.keys, key); i < len(d.keys) && d.keys[i] == key {
		return i
	}
	return -1
}

// occurrences of key i.
func (d *dictionary) occurrencesOf(i int) []occurrence {
	return d.occs[d.at[i]:d.at[i+1]]
}
