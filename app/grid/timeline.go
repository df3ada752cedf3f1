package grid

import (
	"time"

	"backendgrid/data"
)

// Timeline is the time axis of a releases column: from today to the
// latest end of security fixes in the catalog, so that every bar drawn on
// it, in the grid or side by side, compares with every other.
type Timeline struct {
	// From is today; To is the latest end date of the column.
	From, To time.Time
}

// NewTimeline makes the axis of column col from today.
func NewTimeline(cat *data.Catalog, col *data.Column, today time.Time) Timeline {
	t := Timeline{From: Day(today), To: Day(today)}
	for _, it := range cat.Items {
		for _, r := range it.Cells[col.ID].Lines() {
			if end, ok := ParseDate(r.Until); ok && end.After(t.To) {
				t.To = end
			}
		}
	}
	return t
}

// Share is how much of the axis the time from today to date takes, from
// 0 (ended, or today) to 1 (the latest end).
func (t Timeline) Share(date string) float64 {
	end, ok := ParseDate(date)
	if !ok || !end.After(t.From) || !t.To.After(t.From) {
		return 0
	}
	return min(1, float64(end.Sub(t.From))/float64(t.To.Sub(t.From)))
}

// Years are the first days of the years the axis spans, for its ticks.
func (t Timeline) Years() []time.Time {
	var out []time.Time
	for y := t.From.Year() + 1; y <= t.To.Year(); y++ {
		out = append(out, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// ParseDate reads a release date: a day (2028-11-14) or, where the source
// names only the month, a month (2028-04), which counts from its first
// day: fixes are promised at least until then.
func ParseDate(s string) (time.Time, bool) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	if d, err := time.Parse("2006-01", s); err == nil {
		return d, true
	}
	return time.Time{}, false
}

// HumanDate writes a release date as people read it: "14 Nov 2028", or
// "Apr 2028" when only the month is known.
func HumanDate(s string) string {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Format("2 Jan 2006")
	}
	if d, err := time.Parse("2006-01", s); err == nil {
		return d.Format("Jan 2006")
	}
	return s
}

// ShortDate is the month and year of a release date: "Nov 2028".
func ShortDate(s string) string {
	if d, ok := ParseDate(s); ok {
		return d.Format("Jan 2006")
	}
	return s
}

// Ended reports whether a release date is before today.
func (t Timeline) Ended(date string) bool {
	end, ok := ParseDate(date)
	return ok && end.Before(t.From)
}

// Day is the date of t, at midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
