package grid

import (
	"backendgrid/data/fixture"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"backendgrid/data"
)

func TestCompareTable(t *testing.T) {
	cat := fixture.Small(t)
	// alpha: [Go C] Framework built-in/AlphaORM 2010 ; gamma: [Python] Framework official/GammaDB 2010
	c := Compare(cat, State{Compare: []string{"alpha", "gamma"}})
	if got := len(c.Items); got != 2 || c.Items[0].ID != "alpha" || c.Items[1].ID != "gamma" {
		t.Fatalf("items = %v", c.Items)
	}
	if len(c.Rows) != len(cat.Columns) || c.Same != 0 {
		t.Fatalf("rows = %d, same = %d; want one row per column", len(c.Rows), c.Same)
	}
	want := map[string]bool{"language": true, "kind": false, "orm": true, "released": false, "creator": true, "website": false}
	for _, r := range c.Rows {
		if r.Differs != want[r.Column.ID] {
			t.Errorf("%s differs = %v, want %v", r.Column.ID, r.Differs, want[r.Column.ID])
		}
		if len(r.Cells) != 2 || r.Cells[0] != cat.Item("alpha").Cells[r.Column.ID] {
			t.Errorf("%s cells not in item order", r.Column.ID)
		}
	}
}

func TestCompareOnlyDifferences(t *testing.T) {
	cat := fixture.Small(t)
	c := Compare(cat, State{Compare: []string{"alpha", "gamma"}, Diff: true})
	var got []string
	for _, r := range c.Rows {
		got = append(got, r.Column.ID)
	}
	if want := []string{"language", "orm", "creator"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if c.Same != 3 {
		t.Errorf("Same = %d, want 3", c.Same)
	}
}

func TestCompareKey(t *testing.T) {
	cat := fixture.Small(t)
	tests := []struct {
		name   string
		column string
		x, y   string
		want   bool
	}{
		{"support level differs", "orm", "alpha", "gamma", true},
		{"enum same", "kind", "alpha", "gamma", false},
		{"enum differs", "kind", "alpha", "beta", true},
		{"year same", "released", "alpha", "gamma", false},
		{"list differs", "language", "alpha", "beta", true},
		{"link never differs", "website", "alpha", "beta", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := cat.Column(tt.column)
			cells := []*data.Cell{cat.Item(tt.x).Cells[tt.column], cat.Item(tt.y).Cells[tt.column]}
			if got := differs(col, cells); got != tt.want {
				t.Errorf("differs = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseCompare(t *testing.T) {
	cat := fixture.Small(t)
	runParseCases(t, cat, []parseCase{
		{"picks", "pick=gamma,alpha", State{Picks: []string{"gamma", "alpha"}}, nil},
		{"compare implies picks", "compare=alpha,gamma", State{Picks: []string{"alpha", "gamma"}, Compare: []string{"alpha", "gamma"}}, nil},
		{"diff", "compare=alpha,gamma&diff=1", State{Picks: []string{"alpha", "gamma"}, Compare: []string{"alpha", "gamma"}, Diff: true}, nil},
		{"diff without compare is dropped", "diff=1", State{}, nil},
		{"bad diff", "compare=alpha,beta&diff=yes", State{Picks: []string{"alpha", "beta"}, Compare: []string{"alpha", "beta"}}, []string{"use 1 or 0"}},
		{"duplicates", "compare=alpha,ALPHA,beta,alpha", State{Picks: []string{"alpha", "beta"}, Compare: []string{"alpha", "beta"}}, nil},
		{"unknown ids", "compare=alpha,nope,beta", State{Picks: []string{"alpha", "beta"}, Compare: []string{"alpha", "beta"}}, []string{"unknown tool “nope”"}},
		{"one is not a comparison", "compare=alpha,nope", State{Picks: []string{"alpha"}}, []string{"unknown tool", "at least 2 tools"}},
		{"picks and compare differ", "pick=alpha,beta,gamma&compare=alpha,beta", State{Picks: []string{"alpha", "beta", "gamma"}, Compare: []string{"alpha", "beta"}}, nil},
	})
}

func TestParseCompareCutsToFour(t *testing.T) {
	ix := real(t)
	v, _ := url.ParseQuery("compare=django,flask,rails,laravel,express,koa")
	got, notices := Parse(ix.Catalog, v)
	if want := []string{"django", "flask", "rails", "laravel"}; !reflect.DeepEqual(got.Compare, want) {
		t.Errorf("compare = %v, want %v", got.Compare, want)
	}
	if len(notices) != 1 || !strings.Contains(notices[0].Message, "Up to 4 frameworks can be compared; dropped the other 2") {
		t.Errorf("notices = %v", notices)
	}
}

func TestPickTransitions(t *testing.T) {
	s := State{}
	var ok bool
	for _, id := range []string{"a", "b", "c", "d"} {
		if s, ok = s.TogglePick(id); !ok {
			t.Fatalf("pick %s refused", id)
		}
	}
	if _, ok = s.TogglePick("e"); ok {
		t.Errorf("a fifth pick was accepted")
	}
	s, _ = s.TogglePick("b")
	if want := []string{"a", "c", "d"}; !reflect.DeepEqual(s.Picks, want) {
		t.Errorf("picks = %v, want %v", s.Picks, want)
	}
	s = s.OpenCompare().WithDiff(true)
	if !s.Comparing() || !s.Diff || !reflect.DeepEqual(s.Compare, s.Picks) {
		t.Fatalf("open: %+v", s)
	}
	s = s.RemoveCompared("c")
	if !reflect.DeepEqual(s.Compare, []string{"a", "d"}) || !reflect.DeepEqual(s.Picks, []string{"a", "d"}) {
		t.Errorf("after remove: %+v", s)
	}
	s = s.RemoveCompared("a")
	if s.Comparing() || s.Diff || !reflect.DeepEqual(s.Picks, []string{"d"}) {
		t.Errorf("with one left the view must close: %+v", s)
	}
	if got := (State{Picks: []string{"a"}}).OpenCompare(); got.Comparing() {
		t.Errorf("one pick opened a comparison")
	}
}
