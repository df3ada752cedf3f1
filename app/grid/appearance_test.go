package grid

import (
	"backendgrid/data/fixture"
	"reflect"
	"testing"
)

func TestParseEmbedOptions(t *testing.T) {
	cat := fixture.Small(t)
	runParseCases(t, cat, []parseCase{
		{"embed", "embed=1", State{Embed: true}, nil},
		{"themes", "theme=DARK", State{Theme: "dark"}, nil},
		{"auto theme is kept: it beats the reader's pick", "theme=auto", State{Theme: "auto"}, nil},
		{"bad theme", "theme=neon", State{}, []string{"use light, dark or auto"}},
		{"accent", "accent=0A7CFF", State{Accent: "0a7cff"}, nil},
		{"accent with #", "accent=%230a7cff", State{Accent: "0a7cff"}, nil},
		{"accent injection", "accent=red%3B}body{display:none", State{}, []string{"use six hex digits"}},
		{"accent too long", "accent=0a7cff00", State{}, []string{"use six hex digits"}},
		{"only", "only=gamma,alpha,nope", State{Only: []string{"gamma", "alpha"}}, []string{"unknown tool “nope”"}},
		{"picks outside only", "only=alpha,beta&compare=alpha,gamma", State{Only: []string{"alpha", "beta"}, Picks: []string{"alpha"}}, []string{"this view only shows alpha, beta", "at least 2"}},
	})
}

func TestAccentText(t *testing.T) {
	for hex, want := range map[string]string{
		"000000": "#ffffff",
		"ffffff": "#111111",
		"1f3a93": "#ffffff",
		"ffd43b": "#111111",
		"0a7cff": "#111111", // a bright blue reads better with dark text
		"zzzzzz": "",
	} {
		if got := AccentText(hex); got != want {
			t.Errorf("AccentText(%s) = %q, want %q", hex, got, want)
		}
	}
}

func TestViewOnly(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	res := View(ix, State{Only: []string{"beta", "gamma"}})
	if res.Total != 2 || !sameSet(ids(res.Rows), []string{"beta", "gamma"}) {
		t.Fatalf("only=beta,gamma gave total %d rows %v", res.Total, ids(res.Rows))
	}
	for _, f := range res.Facets {
		if f.Column.ID != "language" {
			continue
		}
		var vals []string
		for _, v := range f.Values {
			vals = append(vals, v.Value)
		}
		// C is only alpha's: it cannot match inside this subset.
		if !reflect.DeepEqual(vals, []string{"Go", "Python"}) {
			t.Errorf("language values = %v, want [Go Python]", vals)
		}
	}
	if got := ids(View(ix, State{Only: []string{"beta", "gamma"}, Query: "alpha"}).Rows); len(got) != 0 {
		t.Errorf("search found %v outside the subset", got)
	}
}
