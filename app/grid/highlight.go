package grid

// Highlights: the matched byte offsets of the search become spans, and
// spans cut text into marked and unmarked segments.

// Marks are the matched byte ranges of one item, per field.
type Marks []FieldMarks

// FieldMarks are the matched ranges in one field.
type FieldMarks struct {
	Field Field
	Spans []Span
}

// Of returns the ranges matched in field f.
func (m Marks) Of(f Field) []Span {
	for _, fm := range m {
		if fm.Field == f {
			return fm.Spans
		}
	}
	return nil
}

// with returns m with spans merged into the ranges of field f. A slice, not
// a map: an item has a handful of marked fields, and a search makes marks
// for thousands of items.
func (m Marks) with(f Field, spans []Span) Marks {
	for i := range m {
		if m[i].Field == f {
			m[i].Spans = mergeSpans(m[i].Spans, spans)
			return m
		}
	}
	return append(m, FieldMarks{Field: f, Spans: spans})
}

// mergeSpans unions two sorted span lists into one sorted, disjoint list.
func mergeSpans(a, b []Span) []Span {
	if len(a) == 0 {
		return b
	}
	all := append(append([]Span(nil), a...), b...)
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].Start < all[j-1].Start; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	out := all[:1]
	for _, s := range all[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Segment is a piece of text, marked when it matched the search.
type Segment struct {
	// Text is the piece of text.
	Text string
	// Mark is true for matched text.
	Mark bool
}

// Segments cuts text into marked and unmarked pieces along spans.
func Segments(text string, marks []Span) []Segment {
	if len(marks) == 0 {
		return []Segment{{Text: text}}
	}
	var out []Segment
	pos := 0
	for _, s := range marks {
		if s.Start < pos || s.End > len(text) || s.Start >= s.End {
			continue
		}
		if s.Start > pos {
			out = append(out, Segment{Text: text[pos:s.Start]})
		}
		out = append(out, Segment{Text: text[s.Start:s.End], Mark: true})
		pos = s.End
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

// snippetLen is about how many bytes of a long text a snippet keeps.
const snippetLen = 90

// Snippet cuts a long text down to the part around its first marked span,
// on word boundaries, with "…" where it cut, and moves the spans with it.
func Snippet(text string, marks []Span) (string, []Span) {
	if len(text) <= snippetLen || len(marks) == 0 {
		return text, marks
	}
	first := marks[0]
	start := max(0, first.Start-snippetLen/3)
	end := min(len(text), start+snippetLen)
	for start > 0 && !isSpace(text[start-1]) {
		start++
		if start >= first.Start {
			start = first.Start
			break
		}
	}
	for end < len(text) && !isSpace(text[end]) {
		end++
	}
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(text) {
		suffix = "…"
	}
	var moved []Span
	for _, s := range marks {
		if s.Start >= start && s.End <= end {
			moved = append(moved, Span{s.Start - start + len(prefix), s.End - start + len(prefix)})
		}
	}
	return prefix + text[start:end] + suffix, moved
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
