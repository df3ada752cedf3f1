package grid

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"backendgrid/data"
)

func TestTimeline(t *testing.T) {
	today := time.Date(2026, 12, 2, 15, 4, 0, 0, time.UTC)
	tl := Timeline{From: Day(today), To: time.Date(2029, 4, 30, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		date  string
		share float64
		human string
	}{
		{"2029-04-30", 1, "30 Apr 2029"},
		{"2026-12-02", 0, "2 Dec 2026"},
		{"2026-11-10", 0, "10 Nov 2026"}, // ended: nothing left to draw
		{"2028-04", float64(time.Date(2028, 4, 1, 0, 0, 0, 0, time.UTC).Sub(Day(today))) / float64(tl.To.Sub(Day(today))), "Apr 2028"},
		{"soon", 0, "soon"},
	}
	for _, tt := range tests {
		if got := tl.Share(tt.date); got < tt.share-1e-9 || got > tt.share+1e-9 {
			t.Errorf("Share(%s) = %v, want %v", tt.date, got, tt.share)
		}
		if got := HumanDate(tt.date); got != tt.human {
			t.Errorf("HumanDate(%s) = %q, want %q", tt.date, got, tt.human)
		}
	}
	if !tl.Ended("2026-11-10") || tl.Ended("2026-12-02") || tl.Ended("2028-04") {
		t.Errorf("Ended is wrong")
	}
	if got := tl.Years(); len(got) != 3 || got[0].Year() != 2027 || got[2].Year() != 2029 {
		t.Errorf("Years = %v", got)
	}
	// On the real catalog the axis ends at its latest end date.
	cat := real(t).Catalog
	axis := NewTimeline(cat, cat.Column("security"), today)
	latest := ""
	for _, it := range cat.Items {
		if r, ok := it.Cells["security"].Longest(); ok && r.Until > latest {
			latest = r.Until
		}
	}
	if want, _ := ParseDate(latest); !axis.To.Equal(want) {
		t.Errorf("axis ends %v, want %v", axis.To, want)
	}
}

// TestSupportWindowsSortAndChoose: sorting by the releases column orders
// by the end of the longest-supported line, those without dates first;
// "security:>2028" keeps the frameworks with a line past 2028, and one
// without published dates meets neither > nor <.
func TestSupportWindowsSortAndChoose(t *testing.T) {
	ix := real(t)
	cat := ix.Catalog
	until := func(it *data.Item) string { r, _ := it.Cells["security"].Longest(); return r.Until }
	items := slices.Clone(cat.Items)
	slices.SortStableFunc(items, func(a, b *data.Item) int {
		return cmp.Or(strings.Compare(until(a), until(b)), strings.Compare(a.SortName(), b.SortName()))
	})
	want := itemIDs(items)
	if got := ids(View(ix, State{Sort: SortKey{Column: "security"}}).Rows); !reflect.DeepEqual(got, want) {
		t.Errorf("ascending: %v, want %v", got, want)
	}
	for _, op := range []string{">", "<"} {
		c := Criterion{Column: "security", Op: op, Year: 2028}
		for _, it := range cat.Items {
			y := it.Cells["security"].Year()
			met := y != 0 && ((op == ">" && y > 2028) || (op == "<" && y < 2028))
			if fit := FitOf(cat, it, []Criterion{c}, nil); fit.Failed == met {
				t.Errorf("%s %s2028: failed=%v, want met=%v (%s)", it.ID, op, fit.Failed, met, fit.Explanation)
			}
		}
	}
	if got := (Criterion{Column: "security", Op: ">", Year: 2028}).Describe(cat); got != "Security fixes until after 2028" {
		t.Errorf("Describe = %q", got)
	}
	if c, err := ParseCriterion(cat, "security:>2028"); err != nil || c.Op != ">" || c.Year != 2028 {
		t.Errorf("ParseCriterion = %+v, %v", c, err)
	}
}
