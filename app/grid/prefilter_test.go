package grid

import (
	"backendgrid/data/fixture"
	"testing"

	"github.com/sahilm/fuzzy"
)

// TestPairFilterKeepsAcceptableMatches checks that the cheap pair tests in
// front of the fuzzy matcher never drop a text the matcher and acceptable
// would take: every field of a synthetic catalog against terms of every
// length, with typos and non-ASCII letters.
func TestPairFilterKeepsAcceptableMatches(t *testing.T) {
	cat := fixture.Synthetic(t, 400, 3)
	ix := NewIndex(cat)
	// Texts from the catalog, and some with what folding and word starts
	// make tricky.
	texts := append([]searchText{}, ix.texts...)
	for _, s := range []string{"Entity Framework Core", "ASP.NET Core", "Node.js", "camelCaseWord", "(parenthesized) word", "x_y-z/w", "naïve café élixir",
		"Kelvin \u212a sign", "mi\u017fs", "Phœnix LiveView", "20 years", "TypeScript", "rails/rails", "MIT", "Ruby on Rails",
		"İstanbul Labs", "ςo σ", "Σίσυφος", "ϑeta θ", "µs and μs", "ǅemal", "ß and ẞ", "Åsa Å"} {
		x := newSearchText(s)
		texts = append(texts, x)
		x.named = true
		texts = append(texts, x)
	}
	terms := []string{"r", "ra", "ral", "rails", "rials", "node", "nodejs", "aspnet", "kalo", "orm", "mit", "type script", "élixir", "phœnix", "zenlux", "spring boot", "framework", "ka lo",
		"s", "e", "o", "x", "1", "20", "js", "ts", "db", "Core", "api", "K", "ſ", "é", "k", "miss", "kel", "wor", "pw", "cc", "naive", "cafe", "live", "ye",
		"İs", "İst", "İstanbul", "is", "σo", "ςo", "σίσ", "θ", "ϑe", "µs", "μs", "ǆe", "ǅem", "ß", "ẞ", "ss", "å", "Ås"}
	checked := 0
	for _, q := range terms {
		for _, term := range Terms(q) {
			q := newTermQuery(term)
			for i := range texts {
				x := &texts[i]
				m := fuzzy.Find(term, []string{x.text})
				if len(m) == 0 {
					continue
				}
				for _, weight := range []int{0, nameWeight} {
					if weight > 0 && !x.named {
						continue
					}
					if !acceptable(x.text, weight, m[0].MatchedIndexes, q.n) {
						continue
					}
					checked++
					if !q.mayMatch(x) {
						t.Errorf("%q in %q (weight %d) is acceptable but filtered out", term, x.text, weight)
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d acceptable matches checked", checked)
	}
}
