package grid

import (
	"backendgrid/data"
	"backendgrid/data/fixture"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The searches the issue names, on the real catalog: the wanted item must
// rank first.
func TestSearchRanking(t *testing.T) {
	ix := real(t)
	tests := []struct {
		query     string
		first     string
		corrected bool
	}{
		{"rails", "rails", false},
		{"rials", "rails", true},
		{"sprng", "spring-boot", true},
		{"aspnet", "aspnet-core", false},
		{"nest", "nestjs", false},
		{"RoR", "rails", false},
		{"Express.js", "express", false},
		{".NET", "aspnet-core", false},
		{"Spring", "spring-boot", false},
		{"djnago", "django", true},
		{"flask", "flask", false},
		{"phoenix", "phoenix", false},
		{"laravel", "laravel", false},
		{"koa", "koa", false},
		{"node", "nodejs", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := View(ix, State{Query: tt.query})
			if len(res.Rows) == 0 {
				t.Fatalf("no results for %q", tt.query)
			}
			if got := res.Rows[0].Item.ID; got != tt.first {
				t.Errorf("first result for %q = %s, want %s (all: %v)", tt.query, got, tt.first, ids(res.Rows))
			}
			if got := len(res.Corrected) > 0; got != tt.corrected {
				t.Errorf("corrected = %v, want %v", res.Corrected, tt.corrected)
			}
		})
	}
}

// A precise query should not drag in unrelated rows through scattered
// letters in long text.
func TestSearchPrecision(t *testing.T) {
	ix := real(t)
	tests := []struct {
		query string
		want  []string // exactly these, in any order
	}{
		{"django", []string{"django"}},
		{"laravel", []string{"laravel"}},
		{"python", []string{"django", "flask"}},
		{"elixir", []string{"phoenix"}},
		{"ruby on rails", []string{"rails"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ids(View(ix, State{Query: tt.query}).Rows)
			if !sameSet(got, tt.want) {
				t.Errorf("results for %q = %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchMultipleTermsAreANDed(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	if got := ids(View(ix, State{Query: "go ada"}).Rows); !reflect.DeepEqual(got, []string{"alpha"}) {
		t.Errorf("go ada = %v, want [alpha]", got)
	}
	if got := ids(View(ix, State{Query: "python ada"}).Rows); len(got) != 0 {
		t.Errorf("python ada = %v, want none", got)
	}
}

func TestSearchHighlights(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	tests := []struct {
		name  string
		query string
		item  string
		field Field
		want  string // the field text with [marked] parts
	}{
		{"name prefix", "alp", "alpha", Field{Column: NameField}, "[Alp]ha"},
		{"alias", "AL", "alpha", Field{Column: AliasField}, "[AL]"},
		{"list element", "python", "gamma", Field{Column: "language"}, "[Python]"},
		{"support detail", "alphaorm", "alpha", Field{Column: "orm"}, "[AlphaORM]"},
		{"hidden text column", "hopper", "beta", Field{Column: "creator"}, "Grace [Hopper]"},
		{"typo, the corrected word", "gamam", "gamma", Field{Column: NameField}, "[Gamma]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := View(ix, State{Query: tt.query})
			for _, r := range res.Rows {
				if r.Item.ID != tt.item {
					continue
				}
				text := fieldText(ix.Catalog, r, tt.field)
				if got := bracket(text, r.Marks.Of(tt.field)); got != tt.want {
					t.Errorf("%q in %s = %q, want %q", tt.query, tt.field.Column, got, tt.want)
				}
				return
			}
			t.Fatalf("%s not in results %v", tt.item, ids(res.Rows))
		})
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []Span
		want  string
	}{
		{"no marks", "Django", nil, "Django"},
		{"whole", "Go", []Span{{0, 2}}, "[Go]"},
		{"middle", "Ruby on Rails", []Span{{8, 13}}, "Ruby on [Rails]"},
		{"several, no spaces added", "ASP.NET Core", []Span{{0, 3}, {4, 7}}, "[ASP].[NET] Core"},
		{"multi-byte runes", "Élixir", []Span{{0, 2}}, "[É]lixir"},
		{"out of range spans are skipped", "abc", []Span{{2, 9}}, "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bracket(tt.text, tt.spans); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]Span{{0, 2}, {5, 6}}, []Span{{1, 3}, {8, 9}, {6, 7}})
	if want := []Span{{0, 3}, {5, 7}, {8, 9}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestTermsAreBounded(t *testing.T) {
	terms := Terms(strings.Repeat("abc ", 20) + strings.Repeat("z", 100))
	if len(terms) != maxTerms {
		t.Errorf("%d terms, want %d", len(terms), maxTerms)
	}
	if got := Terms(strings.Repeat("é", 100)); len([]rune(got[0])) != maxTermLen {
		t.Errorf("term of %d runes, want %d", len([]rune(got[0])), maxTermLen)
	}
}

// fieldText is the text of a field that marks index into.
func fieldText(cat *data.Catalog, r Row, f Field) string {
	it := r.Item
	switch f.Column {
	case NameField:
		return it.Name
	case AliasField:
		return it.Aliases[f.Elem]
	}
	col, cell := cat.Column(f.Column), it.Cells[f.Column]
	switch {
	case f.Note:
		return cell.Note
	case col.Type == data.List:
		return cell.List()[f.Elem]
	}
	return SearchText(col, cell)
}

// bracket renders segments as text with [marked] parts.
func bracket(text string, spans []Span) string {
	var b strings.Builder
	for _, s := range Segments(text, spans) {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A corrected term highlights one reading of the typo: the best variant's
// marks, not the union of every variant that matched somewhere.
func TestTypoHighlightsOneVariant(t *testing.T) {
	ix := real(t)
	res := View(ix, State{Query: "rials"})
	if len(res.Rows) == 0 || res.Rows[0].Item.ID != "rails" {
		t.Fatalf("rows %v", ids(res.Rows))
	}
	marks := res.Rows[0].Marks.Of(Field{Column: NameField})
	if got := bracket("Ruby on Rails", marks); got != "Ruby on [Rails]" {
		t.Errorf("rials highlights %q, want the one word", got)
	}
	// Long nonsense words skip correction: it costs a search per variant.
	if got := View(ix, State{Query: strings.Repeat("qz", 20)}); len(got.Rows) != 0 || len(got.Corrected) != 0 {
		t.Errorf("nonsense matched: %v %v", ids(got.Rows), got.Corrected)
	}
}

// TestTypoCorrectionGoesToIndexWords: typos of the items' words (two
// letters swapped) are corrected to words of the index only, and the item
// the word came from is among the results.
func TestTypoCorrectionGoesToIndexWords(t *testing.T) {
	ix := NewIndex(fixture.Synthetic(t, 400, 3))
	seen := map[string]bool{}
	tested := 0
	for i, it := range ix.Catalog.Items {
		for _, w := range strings.Fields(strings.ToLower(it.Name)) {
			if len(w) < 5 || squash(w) != w {
				continue
			}
			term := w[:1] + w[2:3] + w[1:2] + w[3:]
			if seen[term] || ix.dict.find(term) >= 0 {
				continue
			}
			seen[term] = true
			terms := ix.understand(term)
			if len(terms) != 1 || terms[0].kind != textTerm {
				continue
			}
			got := ix.Search(term)
			if len(got.Corrected) != 1 {
				t.Errorf("%q (from %q): corrected %v", term, w, got.Corrected)
				continue
			}
			fixed, _ := ix.correct(&terms[0])
			for _, f := range strings.Fields(fixed) {
				if ix.dict.find(f) < 0 {
					t.Errorf("%q was corrected to %q, which is not a word of the index", term, f)
				}
			}
			if !got.Hits[i].Matched {
				t.Errorf("%q (from %q in %s): %s is not among the results", term, w, it.Name, it.ID)
			}
			tested++
		}
	}
	if tested < 5 {
		t.Fatalf("only %d typos tested", tested)
	}
	t.Logf("%d typos tested", tested)
}

// TestShortTermsMatchWholeWordStarts: a term of one to three letters
// matches only where a word starts with it, never letters inside a word or
// scattered through it.
func TestShortTermsMatchWholeWordStarts(t *testing.T) {
	ix := real(t)
	for _, term := range []string{"ang", "ngo", "ails", "rai", "go", "jj", "zq", "gma", "spb", "a", "e", "sc"} {
		res := ix.Search(term)
		for i, h := range res.Hits {
			if !h.Matched {
				continue
			}
			for _, fm := range h.Marks {
				text := fieldText(ix.Catalog, Row{Item: ix.Catalog.Items[i]}, fm.Field)
				for _, sp := range fm.Spans {
					if sp.Start > 0 && wordRune(rune(text[sp.Start-1])) && !camelStart(text, sp.Start) {
						t.Errorf("%q marks %q inside a word of %s", term, text[sp.Start:sp.End], ix.Catalog.Items[i].ID)
					}
				}
			}
		}
	}
	for _, term := range []string{"ngo", "ails", "go", "jj", "zq", "gma", "spb", "ils", "ask", "ngul"} {
		if rows := View(ix, State{Query: term}).Rows; len(rows) > 0 {
			t.Errorf("%q matches %v, want nothing", term, ids(rows))
		}
	}
}

// camelStart reports whether byte i of s starts a camel-case part.
func camelStart(s string, i int) bool {
	for _, p := range camelParts(s[:wordEnd(s, i)]) {
		if p == i {
			return true
		}
	}
	return false
}

func wordEnd(s string, i int) int {
	for i < len(s) && wordRune(rune(s[i])) {
		i++
	}
	return i
}

// TestSearchFieldNamesAreReserved: search names an item's name and aliases
// like columns; a catalog column with one of those ids would share their
// highlights, so the catalog may not have one.
func TestSearchFieldNamesAreReserved(t *testing.T) {
	for _, f := range []string{NameField, AliasField} {
		if !slices.Contains(Reserved(), f) {
			t.Errorf("%q is not in Reserved(): a column could take it", f)
		}
	}
}
