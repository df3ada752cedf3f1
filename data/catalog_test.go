package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestEmbeddedCatalogIsValid(t *testing.T) {
	cat, err := Load()
	if err != nil {
		t.Fatalf("embedded catalog: %v", err)
	}
	wantIDs := []string{"aspnet-core", "django", "laravel", "nodejs", "rails", "nestjs", "express", "koa", "phoenix", "flask", "spring-boot"}
	if len(cat.Items) != len(wantIDs) {
		t.Errorf("got %d items, want %d", len(cat.Items), len(wantIDs))
	}
	for _, id := range wantIDs {
		if cat.Item(id) == nil {
			t.Errorf("missing item %q", id)
		}
	}
	wantCols := []string{"language", "runtime", "kind", "license", "released", "creator", "steward", "pattern", "orm", "templating", "cli", "packages", "auth", "realtime", "concurrency", "typing", "version", "website", "repository"}
	for _, id := range wantCols {
		if cat.Column(id) == nil {
			t.Errorf("missing column %q", id)
		}
	}
	for _, id := range []string{"language", "runtime", "kind", "license", "typing", "orm", "auth", "realtime"} {
		if c := cat.Column(id); c != nil && !c.Facet {
			t.Errorf("column %q should be a facet", id)
		}
	}
}

// The corrections the issue calls out must be in the data, as notes users see.
func TestEmbeddedCatalogCorrectsCommonMistakes(t *testing.T) {
	cat, err := Load()
	if err != nil {
		t.Skip("the catalog does not load; TestEmbeddedCatalogIsValid says why")
	}
	tests := []struct {
		name, item, column, want string
		note                     string
	}{
		{name: "Node.js is a runtime", item: "nodejs", column: "kind", want: "Runtime", note: "runtime"},
		{name: "Django calls its pattern MTV", item: "django", column: "pattern", want: "MTV", note: ""},
		{name: "EF Core is separate from ASP.NET Core", item: "aspnet-core", column: "orm", want: Official, note: ""},
		{name: "Django Channels is an official add-on", item: "django", column: "realtime", want: Official, note: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := cat.Item(tt.item)
			if it == nil {
				t.Fatalf("no item %q", tt.item)
			}
			cell := it.Cells[tt.column]
			if !strings.Contains(cell.Text(), tt.want) {
				t.Errorf("%s.%s = %q, want it to contain %q", tt.item, tt.column, cell.Text(), tt.want)
			}
			if tt.note != "" && !strings.Contains(strings.ToLower(cell.Note), tt.note) {
				t.Errorf("%s.%s note = %q, want it to mention %q", tt.item, tt.column, cell.Note, tt.note)
			}
		})
	}
}

func TestValidFixture(t *testing.T) {
	cat := mustParseFile(t, "valid.json")
	if got := cat.Item("alpha").Cells["language"].List(); strings.Join(got, "|") != "Go|C" {
		t.Errorf("alpha language = %v, want [Go C]", got)
	}
	if got := cat.Item("beta").Cells["released"].Year(); got != 2005 {
		t.Errorf("beta released = %d, want 2005", got)
	}
	if got := cat.FacetValues(cat.Column("language")); strings.Join(got, "|") != "C|Go|Python" {
		t.Errorf("language facet values = %v, want [C Go Python]", got)
	}
	if got := cat.FacetValues(cat.Column("orm")); strings.Join(got, "|") != "built-in|official|third-party|none" {
		t.Errorf("orm facet values = %v", got)
	}
	if got := cat.Noun.Of(1) + "/" + cat.Noun.Of(3); got != "1 tool/3 tools" {
		t.Errorf("Noun.Of = %q", got)
	}
}

func TestBadFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []string // every substring must appear in the error
	}{
		{"bad-syntax.json", []string{"bad-syntax.json", "unexpected EOF"}},
		{"bad-unknown-field.json", []string{"unknown field", "colums"}},
		{"bad-duplicate-id.json", []string{`item "alpha": id: duplicate`}},
		{"bad-unknown-type.json", []string{`column "released": type: unknown type "date"`}},
		{"bad-missing-cell.json", []string{`item "gamma": orm: missing`}},
		{"bad-enum-value.json", []string{`item "beta": kind: value: "Library" is not one of Framework, Runtime`}},
		{"bad-support-value.json", []string{`item "alpha": orm: value: "yes" is not one of built-in`}},
		{"bad-source.json", []string{`item "gamma": creator: source: "see the docs" is not an absolute http(s) URL`}},
		{"bad-year.json", []string{`item "alpha": released: value: want a year as a number`}},
		{"bad-comma-value.json", []string{`item "alpha": language: value: "Go, C" contains a comma or a bar`}},
		{"bad-name-link.json", []string{`nameLink: "creator" is not a link column`}},
		{"bad-unknown-cell.json", []string{`item "alpha": cells.stars: no such column`}},
		{"bad-facet-type.json", []string{`column "released": facet: a year column cannot be a facet`}},
		{"bad-as-of.json", []string{`asOf: "last week" is not a YYYY-MM-DD date`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			cat, err := Parse(tt.file, b)
			if err == nil {
				t.Fatalf("Parse(%s) = %v, want an error", tt.file, cat)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\nwant it to contain %q", err, w)
				}
			}
			if !strings.HasPrefix(err.Error(), tt.file+": ") {
				t.Errorf("error %q should start with the file name", err)
			}
		})
	}
}

func mustParseFile(t *testing.T, name string) *Catalog {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := Parse(name, b)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestDecodeMatchesParse: the browser only decodes the embedded catalog
// (loadEmbedded in load_wasm.go); what it gets must be what Parse gives,
// typed values and lookups included: validation changes nothing.
func TestDecodeMatchesParse(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join("testdata", "valid.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{FileName: frameworksJSON, "valid.json": valid} {
		want, err := Parse(name, b)
		if err != nil {
			t.Fatalf("Parse(%s): %v", name, err)
		}
		got, err := Decode(name, b)
		if err != nil {
			t.Fatalf("Decode(%s): %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decodeTrusted differs from Parse", name)
		}
	}
}

// TestDecodeRefusesWhatWouldCrash: unchecked is not unguarded; a catalog
// that would make the widget dereference nil is an error.
func TestDecodeRefusesWhatWouldCrash(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{"bad-syntax.json", "bad-syntax.json"},
		{"bad-missing-cell.json", `item "gamma": orm: missing`},
		{"bad-year.json", `item "alpha": released:`},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(tt.file, b); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Decode(%s) = %v, want an error with %q", tt.file, err, tt.want)
		}
	}
	for _, js := range []string{`{"columns":[null],"items":[]}`, `{"columns":[],"items":[null]}`} {
		if _, err := Decode("null.json", []byte(js)); err == nil {
			t.Errorf("Decode(%s) = nil error", js)
		}
	}
}

// TestVocabularyChecks: what a catalog adds to search's vocabulary is
// checked like its facts, each problem named.
func TestVocabularyChecks(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join("testdata", "valid.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		patch func(c map[string]any)
		want  string
	}{
		{"synonyms on a non-support column", func(c map[string]any) { column(c, "language")["synonyms"] = []any{"lang"} },
			`column "language": synonyms: only support columns take synonyms`},
		{"a synonym of a value the column lacks", func(c map[string]any) {
			column(c, "language")["valueSynonyms"] = map[string]any{"Cobol": []any{"cob"}}
		}, `column "language": valueSynonyms: "Cobol" is not a value of the column`},
		{"an other value an item has", func(c map[string]any) { column(c, "language")["otherValues"] = []any{"Go"} },
			`column "language": otherValues: "Go" is a value an item has`},
		{"value synonyms on a support column", func(c map[string]any) {
			column(c, "orm")["valueSynonyms"] = map[string]any{"built-in": []any{"native"}}
		}, `column "orm": valueSynonyms and otherValues: only list and enum facets take them`},
		{"an other with an unknown value", func(c map[string]any) {
			c["others"] = []any{map[string]any{"name": "Omega", "values": map[string]any{"language": []any{"Cobol"}}, "source": "https://example.com/omega"}}
		}, `others[0] "Omega": values.language: "Cobol" is neither a value of the column nor one of its otherValues`},
		{"an other without a source", func(c map[string]any) {
			c["others"] = []any{map[string]any{"name": "Omega", "values": map[string]any{"language": []any{"Go"}}, "source": "soon"}}
		}, `others[0] "Omega": source: "soon" is not an absolute http(s) URL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c map[string]any
			if err := json.Unmarshal(valid, &c); err != nil {
				t.Fatal(err)
			}
			tt.patch(c)
			b, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Parse("vocab.json", b); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse = %v, want an error with %q", err, tt.want)
			}
		})
	}
	// And the same additions, right, pass.
	var c map[string]any
	if err := json.Unmarshal(valid, &c); err != nil {
		t.Fatal(err)
	}
	column(c, "orm")["synonyms"] = []any{"database"}
	column(c, "language")["valueSynonyms"] = map[string]any{"Python": []any{"py"}, "Rust": []any{"rs"}}
	column(c, "language")["otherValues"] = []any{"Rust"}
	c["others"] = []any{map[string]any{"name": "Omega", "aliases": []any{"om"}, "values": map[string]any{"language": []any{"Rust", "Go"}}, "source": "https://example.com/omega"}}
	b, _ := json.Marshal(c)
	if _, err := Parse("vocab.json", b); err != nil {
		t.Errorf("a right vocabulary fails: %v", err)
	}
}

// column finds a column of a catalog decoded as JSON.
func column(c map[string]any, id string) map[string]any {
	for _, col := range c["columns"].([]any) {
		if m := col.(map[string]any); m["id"] == id {
			return m
		}
	}
	panic("no column " + id)
}

// TestReleasesChecks: a releases cell's lines need a name, dates as
// precise as the source (a day or a month) and a source; with no lines,
// the detail says what the project publishes instead.
func TestReleasesChecks(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join("testdata", "valid.json"))
	if err != nil {
		t.Fatal(err)
	}
	line := func(until, source string) map[string]any {
		return map[string]any{"line": "1.0", "until": until, "source": source}
	}
	tests := []struct {
		name  string
		alpha map[string]any // alpha's cell; beta and gamma have none
		want  string         // "" for valid
	}{
		{"a day", map[string]any{"value": []any{line("2028-11-14", "https://example.com/a")}, "source": "https://example.com/p"}, ""},
		{"a month only", map[string]any{"value": []any{line("2028-04", "https://example.com/a")}, "source": "https://example.com/p"}, ""},
		{"no lines, the policy in words", map[string]any{"value": []any{}, "detail": "Only the latest release.", "source": "https://example.com/p"}, ""},
		{"no lines, no words", map[string]any{"value": []any{}, "source": "https://example.com/p"}, `item "alpha": security: detail: with no release lines, say what the project publishes instead`},
		{"a date in words", map[string]any{"value": []any{line("next spring", "https://example.com/a")}, "source": "https://example.com/p"}, `value[0]: until: "next spring" is not a YYYY-MM-DD or YYYY-MM date`},
		{"a line without its source", map[string]any{"value": []any{line("2028-11-14", "")}, "source": "https://example.com/p"}, `value[0]: source: "" is not an absolute http(s) URL`},
		{"not a list", map[string]any{"value": "2028", "source": "https://example.com/p"}, `item "alpha": security: value: want a list of release lines`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c map[string]any
			if err := json.Unmarshal(valid, &c); err != nil {
				t.Fatal(err)
			}
			c["columns"] = append(c["columns"].([]any), map[string]any{"id": "security", "label": "Security fixes", "type": "releases", "description": "Windows."})
			for _, it := range c["items"].([]any) {
				m := it.(map[string]any)
				cell := map[string]any{"value": []any{}, "detail": "No policy.", "source": "https://example.com/p"}
				if m["id"] == "alpha" {
					cell = tt.alpha
				}
				m["cells"].(map[string]any)["security"] = cell
			}
			b, _ := json.Marshal(c)
			cat, err := Parse("releases.json", b)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Parse = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Parse = %v, want an error with %q", err, tt.want)
			case tt.want == "":
				cell := cat.Item("alpha").Cells["security"]
				if r, ok := cell.Longest(); ok && cell.Year() != 2028 {
					t.Errorf("Longest %+v, Year %d, want 2028", r, cell.Year())
				}
			}
		})
	}
}
