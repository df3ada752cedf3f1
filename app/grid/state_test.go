package grid

import (
	"backendgrid/data/fixture"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"backendgrid/data"
)

func TestParse(t *testing.T) {
	cat := fixture.Small(t)
	runParseCases(t, cat, []parseCase{
		{name: "empty", query: "", want: State{}},
		{name: "search", query: "q=alpha", want: State{Query: "alpha"}},
		{name: "search is trimmed", query: "q=++alpha++", want: State{Query: "alpha"}},
		{name: "facet comma separated", query: "language=Python,Go", want: State{Filters: map[string][]string{"language": {"Go", "Python"}}}},
		{name: "facet repeated (plain form)", query: "language=Python&language=go", want: State{Filters: map[string][]string{"language": {"Go", "Python"}}}},
		{name: "facet duplicates collapse", query: "kind=Runtime,runtime", want: State{Filters: map[string][]string{"kind": {"Runtime"}}}},
		{name: "support facet", query: "orm=none,built-in", want: State{Filters: map[string][]string{"orm": {"built-in", "none"}}}},
		{name: "unknown facet value", query: "language=Cobol,Go", want: State{Filters: map[string][]string{"language": {"Go"}}}, notices: []string{"unknown Language value “Cobol”"}},
		{name: "only unknown values", query: "language=Cobol", want: State{}, notices: []string{"Cobol"}},
		{name: "sort ascending", query: "sort=released", want: State{Sort: SortKey{Column: "released"}}},
		{name: "sort descending", query: "sort=-released", want: State{Sort: SortKey{Column: "released", Desc: true}}},
		{name: "sort by name", query: "sort=-name", want: State{Sort: SortKey{Column: "name", Desc: true}}},
		{name: "sort unknown", query: "sort=stars", want: State{}, notices: []string{"Cannot sort by the unknown column “stars”"}},
		{name: "cols", query: "cols=kind,language,kind", want: State{Cols: []string{"kind", "language"}}},
		{name: "cols unknown", query: "cols=kind,stars", want: State{Cols: []string{"kind"}}, notices: []string{"unknown column “stars”"}},
		{name: "unknown parameter", query: "foo=bar", want: State{}, notices: []string{"unknown parameter “foo”"}},
		{name: "non-facet column", query: "creator=Ada", want: State{}, notices: []string{"“Creator” cannot be filtered"}},
		{name: "tracking parameters are silent", query: "utm_source=news&gclid=1", want: State{}},
		{name: "go-app wasm switch is silent", query: "wasm=false&q=a", want: State{Query: "a"}},
		{name: "overlong query is cut", query: "q=" + strings.Repeat("x", 250), want: State{Query: strings.Repeat("x", MaxQuery)}, notices: []string{"cut to 200 characters"}},
		{name: "control characters become spaces", query: "q=a%00b%1Fc", want: State{Query: "a b c"}},
		{name: "invalid UTF-8", query: "q=%FFrails", want: State{Query: "rails"}},
		{name: "script is just text", query: "q=%3Cscript%3Ealert(1)%3C/script%3E", want: State{Query: "<script>alert(1)</script>"}},
		{name: "huge unknown key is shortened", query: strings.Repeat("k", 500) + "=1", want: State{}, notices: []string{"…"}},
		{name: "many problems are capped", query: "a=1&b=1&c=1&d=1&e=1&f=1&g=1&h=1&i=1&j=1", want: State{}, notices: []string{"“a”", "“b”", "“c”", "“d”", "“e”", "“f”", "“g”", "“h”", "2 more problems"}},
	})
}

func TestEncodeRoundTrip(t *testing.T) {
	cat := fixture.Small(t)
	states := []State{
		{},
		{Query: "rails & co, with ümlauts"},
		{Filters: map[string][]string{"language": {"C", "Go"}, "orm": {"official"}}},
		{Sort: SortKey{Column: "released", Desc: true}},
		{Sort: SortKey{Column: "name"}},
		{Cols: []string{"orm", "kind"}},
		{Query: "x", Filters: map[string][]string{"kind": {"Runtime"}}, Sort: SortKey{Column: "kind"}, Cols: []string{"kind"}},
	}
	for _, s := range states {
		got, notices := Parse(cat, s.Encode())
		if !reflect.DeepEqual(got, s) || len(notices) > 0 {
			t.Errorf("Parse(Encode(%+v)) = %+v, %v", s, got, notices)
		}
	}
}

func TestEncodeQueryKeepsCommas(t *testing.T) {
	s := State{Query: "a b", Filters: map[string][]string{"language": {"C#", "F#"}}, Sort: SortKey{Column: "released", Desc: true}}
	if got, want := EncodeQuery(s.Encode()), "language=C%23,F%23&q=a+b&sort=-released"; got != want {
		t.Errorf("EncodeQuery = %q, want %q", got, want)
	}
	if got := (State{}).Href(); got != "." {
		t.Errorf("empty Href = %q, want %q", got, ".")
	}
}

func TestToggleAndClear(t *testing.T) {
	cat := fixture.Small(t)
	s := State{}.Toggle(cat, "language", "Python").Toggle(cat, "language", "C")
	if got := s.Filters["language"]; !reflect.DeepEqual(got, []string{"C", "Python"}) {
		t.Errorf("after two toggles: %v, want [C Python] (value order)", got)
	}
	s = s.Toggle(cat, "language", "C")
	if got := s.Filters["language"]; !reflect.DeepEqual(got, []string{"Python"}) {
		t.Errorf("after untoggle: %v", got)
	}
	s = s.Toggle(cat, "orm", "none").ClearFilter("language")
	if !reflect.DeepEqual(s.Filters, map[string][]string{"orm": {"none"}}) {
		t.Errorf("after ClearFilter: %v", s.Filters)
	}
	if s = s.WithQuery("x").ClearAll(); s.Filtered() || s.Query != "" {
		t.Errorf("after ClearAll: %+v", s)
	}
	if got := (State{}).Toggle(cat, "creator", "Ada"); got.Filtered() {
		t.Errorf("toggling a non-facet column changed the state: %+v", got)
	}
}

func TestNextSort(t *testing.T) {
	tests := []struct {
		name string
		cur  SortKey
		id   string
		want SortKey
	}{
		{"new column starts ascending", SortKey{}, "kind", SortKey{Column: "kind"}},
		{"ascending becomes descending", SortKey{Column: "kind"}, "kind", SortKey{Column: "kind", Desc: true}},
		{"descending becomes ascending", SortKey{Column: "kind", Desc: true}, "kind", SortKey{Column: "kind"}},
		{"other column resets", SortKey{Column: "kind", Desc: true}, "released", SortKey{Column: "released"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (State{Sort: tt.cur}).NextSort(tt.id); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	cat := fixture.Small(f)
	for _, seed := range []string{
		"", "q=rails", "language=Go,Python&sort=-released", "cols=kind,orm", "q=%00%FF", "sort=-", "language=,,,",
		"orm=built-in&orm=none", "foo=bar&utm_source=x", "q=" + strings.Repeat("é", 300),
		"compare=alpha,gamma&diff=1", "need=orm:built-in,released:<2012&want=language:Go|Python&unfit=hide", "want=orm:official,orm:none,kind:",
		"only=alpha,beta&embed=1&theme=dark&accent=%2300FF00", "pick=beta,alpha&compare=alpha", "compare=alpha,alpha,beta,gamma,beta&pick=x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		s, _ := Parse(cat, v)
		if n := len([]rune(s.Query)); n > MaxQuery {
			t.Fatalf("query of %d characters survived", n)
		}
		again, notices := Parse(cat, s.Encode())
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("Parse(Encode(s)) != s\n s: %+v\n again: %+v", s, again)
		}
		if len(notices) > 0 {
			t.Fatalf("canonical URL produced notices: %v", notices)
		}
		// The canonical URL must parse back to the same state too.
		w, err := url.ParseQuery(EncodeQuery(s.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		if third, _ := Parse(cat, w); !reflect.DeepEqual(third, s) {
			t.Fatalf("EncodeQuery lost information: %+v vs %+v", third, s)
		}
	})
}

// Every parameter Parse reads is in the one table, and so reserved: no
// catalog can name a facet column after one (it would be unreachable).
func TestOwnParametersAreReserved(t *testing.T) {
	cat := fixture.Small(t)
	for _, pm := range params {
		p := pm.name
		if !slices.Contains(Reserved(), p) {
			t.Errorf("%q is not reserved", p)
		}
		_, notices := Parse(cat, url.Values{p: {"x"}})
		for _, n := range notices {
			if strings.Contains(n.Message, "unknown parameter") {
				t.Errorf("%q is reserved but Parse does not know it", p)
			}
		}
	}
	// Every field of State is written by some parameter: a field the table
	// forgot would not survive the URL (TestEncodeRoundTrip and FuzzParse
	// check the values).
	full := State{Query: "q", Filters: map[string][]string{"language": {"Go"}}, Sort: SortKey{Column: "name"}, Cols: []string{"kind"},
		Picks: []string{"alpha"}, Compare: []string{"alpha", "beta"}, Diff: true, Only: []string{"alpha", "beta"}, Embed: true,
		Theme: "dark", Accent: "00ff00", Need: []Criterion{{Column: "orm", Values: []string{"built-in"}}},
		Want: []Criterion{{Column: "kind", Values: []string{"Framework"}}}, HideUnfit: true}
	v := full.Encode()
	for _, pm := range params {
		if pm.write != nil && !v.Has(pm.name) {
			t.Errorf("a full State does not set %q", pm.name)
		}
	}
	rv := reflect.ValueOf(full)
	for i := range rv.NumField() {
		if rv.Field(i).IsZero() {
			t.Errorf("the full State leaves %s zero: the test must set every field", rv.Type().Field(i).Name)
		}
	}
	// And the other way round: a parameter Parse does not know is unknown.
	if _, notices := Parse(cat, url.Values{"bogus": {"x"}}); len(notices) != 1 {
		t.Errorf("bogus: %v", notices)
	}
}

// TestOpenRefusesReservedColumns: a catalog column named after a URL
// parameter fails with the file, the column and the parameter named.
func TestOpenRefusesReservedColumns(t *testing.T) {
	b, err := os.ReadFile("testdata/bad-reserved-column.json")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := data.Parse("bad-reserved-column.json", b)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(cat)
	if want := `bad-reserved-column.json: column "sort": id: collides with the reserved URL parameter`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Open = %v, want an error with %q", err, want)
	}
}

// TestEmbeddedCatalog: the catalog users see passes Open (`make data` runs
// this with the data package's check).
func TestEmbeddedCatalog(t *testing.T) {
	if _, err := Open(fixture.Real(t)); err != nil {
		t.Fatal(err)
	}
}

// TestREADMEDocumentsEveryParameter: the README's URL contract names every
// parameter of the table (embedders and links depend on it).
func TestREADMEDocumentsEveryParameter(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(b), "## URL parameters")
	section, _, _ = strings.Cut(section, "\n## ")
	for _, pm := range params {
		if !strings.Contains(section, "| `"+pm.name+"` |") && !strings.Contains(section, "`"+pm.name+"=") {
			t.Errorf("README's URL parameters section does not document %q", pm.name)
		}
	}
}
