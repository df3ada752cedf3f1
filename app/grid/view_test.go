package grid

import (
	"backendgrid/data/fixture"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestFacetCounts(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	// alpha: Go,C / Framework / built-in ; beta: Go / Runtime / none ;
	// gamma: Python / Framework / official
	tests := []struct {
		name  string
		state State
		rows  []string
		want  map[string]string // column -> "value=count ..."
	}{
		{
			name: "no selection counts everything",
			rows: []string{"alpha", "beta", "gamma"},
			want: map[string]string{
				"language": "C=1 Go=2 Python=1",
				"kind":     "Framework=2 Runtime=1",
				"orm":      "built-in=1 official=1 third-party=0 none=1",
			},
		},
		{
			name:  "a facet's own selection does not change its counts (OR within)",
			state: State{Filters: map[string][]string{"language": {"Python"}}},
			rows:  []string{"gamma"},
			want: map[string]string{
				"language": "C=1 Go=2 Python=1",
				"kind":     "Framework=1 Runtime=0",
				"orm":      "built-in=0 official=1 third-party=0 none=0",
			},
		},
		{
			name:  "OR within a facet",
			state: State{Filters: map[string][]string{"language": {"C", "Python"}}},
			rows:  []string{"alpha", "gamma"},
			want: map[string]string{
				"kind": "Framework=2 Runtime=0",
			},
		},
		{
			name:  "AND across facets; other facets count what ticking would give",
			state: State{Filters: map[string][]string{"language": {"Go"}, "kind": {"Framework"}}},
			rows:  []string{"alpha"},
			want: map[string]string{
				"language": "C=1 Go=1 Python=1",
				"kind":     "Framework=1 Runtime=1",
				"orm":      "built-in=1 official=0 third-party=0 none=0",
			},
		},
		{
			name:  "search narrows the counts",
			state: State{Query: "gamma"},
			rows:  []string{"gamma"},
			want: map[string]string{
				"language": "C=0 Go=0 Python=1",
			},
		},
		{
			name:  "nothing matches",
			state: State{Query: "zzzz"},
			rows:  []string{},
			want: map[string]string{
				"kind": "Framework=0 Runtime=0",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := View(ix, tt.state)
			if got := ids(res.Rows); !reflect.DeepEqual(got, tt.rows) {
				t.Errorf("rows = %v, want %v", got, tt.rows)
			}
			for _, f := range res.Facets {
				want, ok := tt.want[f.Column.ID]
				if !ok {
					continue
				}
				var parts []string
				for _, v := range f.Values {
					parts = append(parts, fmt.Sprintf("%s=%d", v.Value, v.Count))
				}
				if got := strings.Join(parts, " "); got != want {
					t.Errorf("%s counts = %q, want %q", f.Column.ID, got, want)
				}
			}
		})
	}
}

func TestFacetSelectionFlags(t *testing.T) {
	res := View(NewIndex(fixture.Small(t)), State{Filters: map[string][]string{"orm": {"none", "official"}}})
	for _, f := range res.Facets {
		if f.Column.ID != "orm" {
			continue
		}
		if f.Selected != 2 {
			t.Errorf("Selected = %d, want 2", f.Selected)
		}
		got := ""
		for _, v := range f.Values {
			if v.Selected {
				got += v.Label + ";"
			}
		}
		if got != "Official add-on;None;" {
			t.Errorf("selected labels = %q", got)
		}
	}
}

func TestSort(t *testing.T) {
	ix := NewIndex(fixture.Small(t))
	tests := []struct {
		name string
		s    State
		want []string
	}{
		{"default is by name", State{}, []string{"alpha", "beta", "gamma"}},
		{"name descending", State{Sort: SortKey{Column: "name", Desc: true}}, []string{"gamma", "beta", "alpha"}},
		{"year ascending, ties by name", State{Sort: SortKey{Column: "released"}}, []string{"beta", "alpha", "gamma"}},
		{"year descending, ties still by name", State{Sort: SortKey{Column: "released", Desc: true}}, []string{"alpha", "gamma", "beta"}},
		{"enum in declared order", State{Sort: SortKey{Column: "kind", Desc: true}}, []string{"beta", "alpha", "gamma"}},
		{"support levels best first", State{Sort: SortKey{Column: "orm"}}, []string{"alpha", "gamma", "beta"}},
		{"list by its text", State{Sort: SortKey{Column: "language"}}, []string{"beta", "alpha", "gamma"}},
		{"text case-insensitive", State{Sort: SortKey{Column: "creator"}}, []string{"alpha", "gamma", "beta"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(View(ix, tt.s).Rows); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVisibleColumns(t *testing.T) {
	cat := fixture.Small(t)
	var got []string
	for _, c := range (State{}).VisibleColumns(cat) {
		got = append(got, c.ID)
	}
	if want := []string{"language", "kind", "orm", "released"}; !reflect.DeepEqual(got, want) {
		t.Errorf("default columns = %v, want %v (hidden ones left out)", got, want)
	}
	got = nil
	for _, c := range (State{Cols: []string{"creator", "kind"}}).VisibleColumns(cat) {
		got = append(got, c.ID)
	}
	if want := []string{"creator", "kind"}; !reflect.DeepEqual(got, want) {
		t.Errorf("chosen columns = %v, want %v", got, want)
	}
}
