package grid

import (
	"backendgrid/data/fixture"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestExportCSVGrid(t *testing.T) {
	cat := fixture.Small(t)
	st := State{Sort: SortKey{Column: "released"}, Cols: []string{"orm", "kind"}}
	res := View(NewIndex(cat), st)
	x, err := ExportCSV(cat, st, res, Comparison{})
	if err != nil {
		t.Fatal(err)
	}
	if x.Name != "backendgrid-tools.csv" || !strings.HasPrefix(x.Type, "text/csv") {
		t.Errorf("name %q type %q", x.Name, x.Type)
	}
	if !bytes.Contains(x.Body, []byte("\r\n")) {
		t.Errorf("RFC 4180 wants CRLF line ends")
	}
	recs, err := csv.NewReader(bytes.NewReader(x.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"ID", "Name", "ORM", "ORM source", "ORM note", "Kind", "Kind source", "Kind note"},
		{"beta", "Beta", "None", "https://example.com/beta", "", "Runtime", "https://example.com/beta", "A runtime, not a framework."},
		{"alpha", "Alpha", "Built in: AlphaORM", "https://example.com/alpha", "", "Framework", "https://example.com/alpha", ""},
		{"gamma", "Gamma", "Official add-on: GammaDB", "https://example.com/gamma", "", "Framework", "https://example.com/gamma", ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("CSV\n got %q\nwant %q", recs, want)
	}
}

func TestExportCSVQuotesAndCompare(t *testing.T) {
	cat := fixture.Small(t)
	cat.Item("alpha").Cells["creator"].Note = `She said "yes", twice`
	st := State{Compare: []string{"alpha", "beta"}, Picks: []string{"alpha", "beta"}}
	x, err := ExportCSV(cat, st, Result{}, Compare(cat, st))
	if err != nil {
		t.Fatal(err)
	}
	if x.Name != "backendgrid-tools-compare-alpha-beta.csv" {
		t.Errorf("name %q", x.Name)
	}
	if !bytes.Contains(x.Body, []byte(`"She said ""yes"", twice"`)) {
		t.Errorf("quotes and commas are not escaped the RFC 4180 way:\n%s", x.Body)
	}
	recs, _ := csv.NewReader(bytes.NewReader(x.Body)).ReadAll()
	if got := recs[0]; !reflect.DeepEqual(got, []string{"Attribute", "Alpha", "Alpha source", "Alpha note", "Beta", "Beta source", "Beta note", "Differs"}) {
		t.Errorf("header %q", got)
	}
	if len(recs) != 1+len(cat.Columns) {
		t.Errorf("%d rows, want one per attribute", len(recs)-1)
	}
}

func TestExportJSON(t *testing.T) {
	cat := fixture.Small(t)
	st := State{Filters: map[string][]string{"language": {"Go"}}}
	x, err := ExportJSON(cat, st, View(NewIndex(cat), st), Comparison{})
	if err != nil {
		t.Fatal(err)
	}
	if x.Name != "backendgrid-tools-language-go.json" {
		t.Errorf("name %q", x.Name)
	}
	var doc struct {
		View  string
		Query string
		Items []struct {
			ID    string
			Cells map[string]struct {
				Value  any
				Label  string
				Source string
			}
		}
	}
	if err := json.Unmarshal(x.Body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.View != "grid" || doc.Query != "language=Go" || len(doc.Items) != 2 {
		t.Fatalf("doc = %+v", doc)
	}
	a := doc.Items[0].Cells
	if v, ok := a["released"].Value.(float64); !ok || v != 2010 {
		t.Errorf("year = %#v, want the number", a["released"].Value)
	}
	if v, ok := a["language"].Value.([]any); !ok || len(v) != 2 {
		t.Errorf("list = %#v, want an array", a["language"].Value)
	}
	if a["orm"].Value != "built-in" || a["orm"].Label != "Built in" || a["orm"].Source == "" {
		t.Errorf("support cell = %+v", a["orm"])
	}
}

func TestExportName(t *testing.T) {
	cat := fixture.Small(t)
	tests := []struct {
		s    State
		want string
	}{
		{State{}, "backendgrid-tools"},
		{State{Query: "Ruby on Rails!"}, "backendgrid-tools-q-ruby-on-rails"},
		{State{Query: "../../etc/passwd"}, "backendgrid-tools-q-etc-passwd"},
		{State{Filters: map[string][]string{"orm": {"built-in", "none"}}}, "backendgrid-tools-orm-built-in-none"},
		{State{Query: strings.Repeat("x", 300)}, "backendgrid-tools-q-" + strings.Repeat("x", 80)},
	}
	for _, tt := range tests {
		if got := exportName(cat, tt.s); got != tt.want {
			t.Errorf("exportName(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestColumnTransitions(t *testing.T) {
	cat := fixture.Small(t)
	s := State{}.ToggleColumn(cat, "kind") // hide
	if !reflect.DeepEqual(s.Cols, []string{"language", "orm", "released"}) {
		t.Errorf("hide: %v", s.Cols)
	}
	s = s.ToggleColumn(cat, "creator").MoveColumn(cat, "creator", -1)
	if !reflect.DeepEqual(s.Cols, []string{"language", "orm", "creator", "released"}) {
		t.Errorf("show and move: %v", s.Cols)
	}
	if got := s.MoveColumn(cat, "language", -1); !reflect.DeepEqual(got.Cols, s.Cols) {
		t.Errorf("moving the first column left changed %v", got.Cols)
	}
	// Re-adding a column puts it last, which is not the default order.
	if got := (State{}).ToggleColumn(cat, "orm").ToggleColumn(cat, "orm"); !reflect.DeepEqual(got.Cols, []string{"language", "kind", "released", "orm"}) {
		t.Errorf("hide then show: %v", got.Cols)
	}
	if got := (State{Cols: []string{"kind"}}).ToggleColumn(cat, "kind"); !reflect.DeepEqual(got.Cols, []string{"kind"}) {
		t.Errorf("the last column was hidden: %v", got.Cols)
	}
	if got := s.ResetColumns(); got.Cols != nil {
		t.Errorf("reset: %v", got.Cols)
	}
	if got := (State{Cols: []string{"orm"}}).ToggleColumn(cat, "language").withCols(cat, []string{"language", "kind", "orm", "released"}); got.Cols != nil {
		t.Errorf("the default set should be nil: %v", got.Cols)
	}
}

func TestExportCarriesTheFit(t *testing.T) {
	cat := fixture.Small(t)
	st := State{Need: []Criterion{{Column: "kind", Values: []string{"Framework"}}}}
	res := View(NewIndex(cat), st)
	x, err := ExportCSV(cat, st, res, Comparison{})
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(bytes.NewReader(x.Body)).ReadAll()
	if got := recs[0][:4]; !reflect.DeepEqual(got, []string{"ID", "Name", "Fit", "Fit explanation"}) {
		t.Errorf("header %q", got)
	}
	last := recs[len(recs)-1]
	if last[0] != "beta" || last[2] != "Misses a must-have" || !strings.Contains(last[3], "Kind (Runtime; must-have)") {
		t.Errorf("last row %q", last)
	}
	j, _ := ExportJSON(cat, st, res, Comparison{})
	if !bytes.Contains(j.Body, []byte(`"verdict": "Fits"`)) || !bytes.Contains(j.Body, []byte(`"mustTotal": 1`)) {
		t.Errorf("JSON lacks the fit:\n%s", j.Body)
	}
}
