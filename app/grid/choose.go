package grid

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"backendgrid/data"
)

// Fit is how well an item meets the "Help me choose" criteria.
type Fit struct {
	// MustMet and MustTotal count the must-haves.
	MustMet, MustTotal int
	// Want is the credit earned on nice-to-haves (halves for near misses);
	// WantTotal is how many there are.
	Want      float64
	WantTotal int
	// Failed is true when a must-have is not met.
	Failed bool
	// Explanation says all of this in one sentence.
	Explanation string
}

// Choosing reports whether any criterion is set.
func (s State) Choosing() bool { return len(s.Need)+len(s.Want) > 0 }

// FitOf scores one item. A must-have is met or not. A nice-to-have earns 1
// when met and, for support columns, 0.5 when the item is one level short
// (an official add-on where built in was asked): close, and said so.
func FitOf(cat *data.Catalog, it *data.Item, need, want []Criterion) Fit {
	f := Fit{MustTotal: len(need), WantTotal: len(want)}
	var partly, lacks []string
	for _, c := range need {
		credit, actual := judge(cat, it, c)
		if credit == 1 {
			f.MustMet++
			continue
		}
		f.Failed = true
		lacks = append(lacks, fmt.Sprintf("%s (%s; must-have)", label(cat, c), actual))
	}
	for _, c := range want {
		credit, actual := judge(cat, it, c)
		f.Want += credit
		switch credit {
		case 1:
		case 0.5:
			partly = append(partly, fmt.Sprintf("%s (%s, not %s; half credit)", label(cat, c), actual, levelWords(c.Values[0])))
		default:
			lacks = append(lacks, fmt.Sprintf("%s (%s)", label(cat, c), actual))
		}
	}
	var meets []string
	if f.MustTotal > 0 {
		meets = append(meets, fmt.Sprintf("%d of %d must-haves", f.MustMet, f.MustTotal))
	}
	if f.WantTotal > 0 {
		meets = append(meets, fmt.Sprintf("%s of %d nice-to-haves", credits(f.Want), f.WantTotal))
	}
	text := "Meets " + strings.Join(meets, " and ")
	if len(partly) > 0 {
		text += "; partly: " + strings.Join(partly, ", ")
	}
	if len(lacks) > 0 {
		text += "; lacks: " + strings.Join(lacks, ", ")
	}
	f.Explanation = text + "."
	return f
}

// judge returns the credit an item earns on a criterion and its actual
// value in words, for the explanation.
func judge(cat *data.Catalog, it *data.Item, c Criterion) (float64, string) {
	col := cat.Column(c.Column)
	cell := it.Cells[c.Column]
	if col == nil || cell == nil {
		return 0, "unknown"
	}
	switch {
	case col.Type == data.Releases && cell.Year() == 0:
		return 0, "no published end date"
	case col.Type == data.Releases && c.Op != "":
		r, _ := cell.Longest()
		if (c.Op == "<" && cell.Year() < c.Year) || (c.Op == ">" && cell.Year() > c.Year) {
			return 1, r.Line + " until " + r.Until
		}
		return 0, r.Line + " until " + r.Until
	case c.Op == "<" && cell.Year() < c.Year, c.Op == ">" && cell.Year() > c.Year:
		return 1, strconv.Itoa(cell.Year())
	case c.Op != "":
		return 0, strconv.Itoa(cell.Year())
	case col.Type == data.Support:
		asked := slices.Index(data.SupportLevels, c.Values[0])
		has := slices.Index(data.SupportLevels, cell.Text())
		actual := levelWords(cell.Text())
		if cell.Detail != "" && cell.Text() != data.None {
			actual += ": " + cell.Detail
		}
		switch {
		case has <= asked:
			return 1, actual
		case has == asked+1 && cell.Text() != data.None:
			return 0.5, actual
		}
		return 0, actual
	}
	for _, v := range cell.List() {
		if slices.Contains(c.Values, v) {
			return 1, cell.Display(col.Type)
		}
	}
	return 0, cell.Display(col.Type)
}

// label is how a criterion's column reads in an explanation.
func label(cat *data.Catalog, c Criterion) string {
	if col := cat.Column(c.Column); col != nil {
		return col.Label
	}
	return c.Column
}

// levelWords is a support level inside a sentence.
func levelWords(level string) string {
	switch level {
	case data.BuiltIn:
		return "built in"
	case data.Official:
		return "official add-on"
	case data.ThirdParty:
		return "third-party only"
	case data.None:
		return "none"
	}
	return level
}

// credits prints 1.5 as "1.5" and 2 as "2".
func credits(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// TopFits returns the ids of the best 2 to MaxPicks rows that meet every
// must-have, best first, for "compare the top matches". It ranks by fit
// itself: the grid may be sorted by a column.
func TopFits(rows []Row) []string {
	// Sorted through positions, ties by position (stable), with the
	// int32 sort the wasm already has.
	ranked := make([]int32, len(rows))
	for i := range ranked {
		ranked[i] = int32(i)
	}
	slices.SortFunc(ranked, func(a, b int32) int { return cmp.Or(byFit(rows[a], rows[b]), cmp.Compare(a, b)) })
	var ids []string
	for _, i := range ranked {
		r := rows[i]
		if r.Fit != nil && !r.Fit.Failed && len(ids) < MaxPicks {
			ids = append(ids, r.Item.ID)
		}
	}
	if len(ids) < 2 {
		return nil
	}
	return ids
}

// byFit orders rows by fit: missed must-haves last, then by nice-to-have
// credit, then by search score. Rows without a fit compare equal.
func byFit(a, b Row) int {
	if a.Fit == nil || b.Fit == nil {
		return 0
	}
	return cmp.Or(
		cmp.Compare(boolRank(a.Fit.Failed), boolRank(b.Fit.Failed)),
		cmp.Compare(b.Fit.Want, a.Fit.Want),
		cmp.Compare(b.Score, a.Score),
	)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
