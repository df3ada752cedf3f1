package grid

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"backendgrid/data"
	"backendgrid/data/fixture"
)

// real is the index of the embedded catalog users see.
func real(t testing.TB) *Index { return NewIndex(fixture.Real(t)) }

func ids(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Item.ID
	}
	return out
}

// parseCase is one row of a Parse table: the query, the state it must give
// and the notices it must raise (substrings, in order).
type parseCase struct {
	name    string
	query   string
	want    State
	notices []string
}

// runParseCases checks every case, and that each state survives Encode.
func runParseCases(t *testing.T, cat *data.Catalog, cases []parseCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, notices := Parse(cat, v)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.query, got, tt.want)
			}
			if len(notices) != len(tt.notices) {
				t.Fatalf("notices = %v, want %d matching %q", notices, len(tt.notices), tt.notices)
			}
			for i, n := range notices {
				if !strings.Contains(n.Message, tt.notices[i]) {
					t.Errorf("notice %d = %q, want it to contain %q", i, n.Message, tt.notices[i])
				}
			}
			if again, _ := Parse(cat, got.Encode()); !reflect.DeepEqual(again, got) {
				t.Errorf("Parse(Encode(s)) = %+v, want %+v", again, got)
			}
		})
	}
}
