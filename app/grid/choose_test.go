package grid

import (
	"backendgrid/data/fixture"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestParseCriteria(t *testing.T) {
	cat := fixture.Small(t)
	orm := func(level string) Criterion { return Criterion{Column: "orm", Values: []string{level}} }
	runParseCases(t, cat, []parseCase{
		{"support level", "need=orm:built-in", State{Need: []Criterion{orm("built-in")}}, nil},
		{"list values any order, any case", "want=language:python|GO", State{Want: []Criterion{{Column: "language", Values: []string{"Go", "Python"}}}}, nil},
		{"years", "need=released:<2012&want=released:>2000", State{Need: []Criterion{{Column: "released", Op: "<", Year: 2012}}}, nil},
		{"several", "need=orm:official,kind:Framework", State{Need: []Criterion{orm("official"), {Column: "kind", Values: []string{"Framework"}}}}, nil},
		{"unknown column", "need=stars:5", State{}, []string{"there is no column “stars”"}},
		{"not a criterion column", "need=creator:Ada", State{}, []string{"“Creator” cannot be a criterion"}},
		{"unknown value", "want=language:Cobol", State{}, []string{"“Cobol” is not a Language value"}},
		{"two support levels", "need=orm:built-in|none", State{}, []string{"give one level"}},
		{"bad year", "need=released:2012", State{}, []string{"use <YEAR or >YEAR"}},
		{"no colon", "need=orm", State{}, []string{"write it as column:value"}},
		{"same column twice", "need=orm:built-in,orm:official", State{Need: []Criterion{orm("built-in")}}, []string{"second criterion on “ORM”"}},
		{"hide needs a must-have", "unfit=hide", State{}, nil},
		{"hide", "need=orm:none&unfit=hide", State{Need: []Criterion{orm("none")}, HideUnfit: true}, nil},
		{"bad unfit", "unfit=maybe", State{}, []string{"use hide or sink"}},
	})
	// A column both needed and wanted is a must-have only.
	v, _ := url.ParseQuery("need=orm:built-in&want=orm:official,kind:Runtime")
	if s, _ := Parse(cat, v); len(s.Want) != 1 || s.Want[0].Column != "kind" {
		t.Errorf("want = %+v", s.Want)
	}
}

func TestFitScoringAndExplanations(t *testing.T) {
	cat := fixture.Small(t)
	need := []Criterion{{Column: "kind", Values: []string{"Framework"}}}
	want := []Criterion{
		{Column: "orm", Values: []string{"built-in"}},
		{Column: "released", Op: ">", Year: 2008},
		{Column: "language", Values: []string{"Python"}},
	}
	tests := []struct {
		item        string
		failed      bool
		want        float64
		explanation string
	}{
		{"alpha", false, 2, "Meets 1 of 1 must-haves and 2 of 3 nice-to-haves; lacks: Language (Go, C)."},
		{"gamma", false, 2.5, "Meets 1 of 1 must-haves and 2.5 of 3 nice-to-haves; partly: ORM (official add-on: GammaDB, not built in; half credit)."},
		{"beta", true, 0, "Meets 0 of 1 must-haves and 0 of 3 nice-to-haves; lacks: Kind (Runtime; must-have), ORM (none), First release (2005), Language (Go)."},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			f := FitOf(cat, cat.Item(tt.item), need, want)
			if f.Failed != tt.failed || f.Want != tt.want || f.Explanation != tt.explanation {
				t.Errorf("got failed=%v want=%v\n%q\nwant failed=%v want=%v\n%q", f.Failed, f.Want, f.Explanation, tt.failed, tt.want, tt.explanation)
			}
		})
	}
}

func TestRankingByFit(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	st := State{
		Need: []Criterion{{Column: "kind", Values: []string{"Framework"}}},
		Want: []Criterion{{Column: "orm", Values: []string{"built-in"}}, {Column: "language", Values: []string{"Python"}}},
	}
	// gamma: 0.5 + 1 = 1.5; alpha: 1 + 0 = 1; beta misses the must-have.
	res := View(ix, st)
	if got := ids(res.Rows); !reflect.DeepEqual(got, []string{"gamma", "alpha", "beta"}) {
		t.Errorf("rank = %v", got)
	}
	if got := TopFits(res.Rows); !reflect.DeepEqual(got, []string{"gamma", "alpha"}) {
		t.Errorf("top = %v", got)
	}
	// Ties fall back to the name.
	tie := View(ix, State{Want: []Criterion{{Column: "released", Op: ">", Year: 2000}}})
	if got := ids(tie.Rows); !reflect.DeepEqual(got, []string{"alpha", "beta", "gamma"}) {
		t.Errorf("tie = %v", got)
	}
	// Hidden instead of sunk.
	st.HideUnfit = true
	res = View(ix, st)
	if got := ids(res.Rows); !reflect.DeepEqual(got, []string{"gamma", "alpha"}) || res.Unfit != 1 {
		t.Errorf("hidden: rows %v, unfit %d", got, res.Unfit)
	}
	// An explicit sort still wins over fit.
	st.Sort = SortKey{Column: "name", Desc: true}
	if got := ids(View(ix, st).Rows); !reflect.DeepEqual(got, []string{"gamma", "alpha"}) {
		t.Errorf("sorted: %v", got)
	}
	if got := (State{Need: st.Need}).SortLabel(fixture.Small(t)); got != "fit with your criteria" {
		t.Errorf("sort label %q", got)
	}
}

func TestFitOnTheRealCatalog(t *testing.T) {
	ix := real(t)
	v, _ := url.ParseQuery("need=orm:built-in,auth:built-in&want=realtime:built-in")
	st, notices := Parse(ix.Catalog, v)
	if len(notices) > 0 {
		t.Fatal(notices)
	}
	res := View(ix, st)
	top := TopFits(res.Rows)
	// Built-in ORM and auth: Django, Laravel, Rails. Real-time built in:
	// Rails (Action Cable) ranks first; Django and Laravel have official
	// add-ons (Channels, Reverb) for half credit.
	if len(top) != 3 || top[0] != "rails" {
		t.Fatalf("top = %v", top)
	}
	for _, r := range res.Rows {
		if r.Item.ID == "django" && !strings.Contains(r.Fit.Explanation, "Real-time (official add-on: Django Channels, not built in; half credit)") {
			t.Errorf("django: %s", r.Fit.Explanation)
		}
		if r.Item.ID == "express" && !strings.Contains(r.Fit.Explanation, "ORM / data layer (third-party only") {
			t.Errorf("express: %s", r.Fit.Explanation)
		}
	}
}

func TestCriterionTransitions(t *testing.T) {
	orm := Criterion{Column: "orm", Values: []string{"built-in"}}
	s := State{}.SetCriterion(orm, true).WithHideUnfit(true)
	if len(s.Need) != 1 || !s.HideUnfit {
		t.Fatalf("%+v", s)
	}
	s = s.SetCriterion(orm, false) // moves to nice-to-have
	if len(s.Need) != 0 || len(s.Want) != 1 || s.HideUnfit {
		t.Errorf("after moving: %+v", s)
	}
	if s = s.RemoveCriterion("orm"); s.Choosing() {
		t.Errorf("after removing: %+v", s)
	}
}
