package ui

import (
	"backendgrid/app/grid"
	"html"
	"net/url"
	"slices"
	"strings"

	"backendgrid/data"
)

// cellHTML writes one sourced fact for the tables (which are HTML strings):
// the value (with search highlights), the detail of support values, the
// note that corrects a common mistake, and the link to the source. Every
// piece of text and every attribute value goes through html.EscapeString.
func cellHTML(col *data.Column, it *data.Item, cell *data.Cell, marks grid.Marks) string {
	if cell == nil {
		return `<span class="bg-missing">—</span>`
	}
	var b strings.Builder
	writeValue(&b, col, cell, marks)
	b.WriteString(`<div class="bg-cell-meta"><a class="bg-src" href="`)
	b.WriteString(html.EscapeString(cell.Source))
	b.WriteString(`" target="_blank" rel="noopener" aria-label="`)
	b.WriteString(html.EscapeString("Source for " + it.Name + ", " + col.Label + " (opens in a new tab)"))
	b.WriteString(`">source</a>`)
	if cell.Note != "" {
		// Notes fold away so that eleven rows stay scannable; the
		// disclosure is native, so keyboards and screen readers get it.
		b.WriteString(`<details class="bg-note"><summary>note</summary><p>`)
		b.WriteString(html.EscapeString(cell.Note))
		b.WriteString(`</p></details>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

func writeValue(b *strings.Builder, col *data.Column, cell *data.Cell, marks grid.Marks) {
	switch col.Type {
	case data.Support:
		level := cell.Text() // validated: one of data.SupportLevels
		b.WriteString(`<div class="bg-value"><span class="bg-support bg-support-` + level + `">`)
		b.WriteString(html.EscapeString(data.SupportLabel(level)))
		b.WriteString(`</span>`)
		if cell.Detail != "" {
			b.WriteString(`<span class="bg-detail">`)
			b.WriteString(markedSpan(cell.Detail, marks.Of(grid.Field{Column: col.ID})))
			b.WriteString(`</span>`)
		}
		b.WriteString(`</div>`)
	case data.List:
		b.WriteString(`<span class="bg-value">` + markedList(cell.List(), col.ID, marks) + `</span>`)
	case data.Link:
		b.WriteString(`<a class="bg-value" href="` + html.EscapeString(cell.Text()) + `" target="_blank" rel="noopener">`)
		b.WriteString(html.EscapeString(shortURL(cell.Text())))
		b.WriteString(`</a>`)
	default:
		b.WriteString(`<span class="bg-value">` + markedSpan(cell.Display(col.Type), marks.Of(grid.Field{Column: col.ID})) + `</span>`)
	}
}

// markedSpan writes text with <mark> around the matched spans, in one
// element so that no whitespace comes between the pieces of a word.
func markedSpan(text string, spans []grid.Span) string {
	if len(spans) == 0 {
		return html.EscapeString(text)
	}
	return `<span class="bg-hl">` + markedHTML(text, spans) + `</span>`
}

// markedHTML escapes text and wraps the matched spans in <mark>.
func markedHTML(text string, spans []grid.Span) string {
	var b strings.Builder
	for _, seg := range grid.Segments(text, spans) {
		if seg.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(seg.Text))
			b.WriteString("</mark>")
			continue
		}
		b.WriteString(html.EscapeString(seg.Text))
	}
	return b.String()
}

// markedList joins list values with commas, each with its own highlights.
func markedList(values []string, colID string, marks grid.Marks) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = markedHTML(v, marks.Of(grid.Field{Column: colID, Elem: i}))
	}
	return strings.Join(parts, ", ")
}

// matchedAliases shows the aliases the search matched ("also RoR"), so a
// hit on a name the row does not display is explained.
func matchedAliases(it *data.Item, marks grid.Marks) string {
	var parts []string
	for i, a := range it.Aliases {
		if m := marks.Of(grid.Field{Column: grid.AliasField, Elem: i}); len(m) > 0 {
			parts = append(parts, markedHTML(a, m))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return `<span class="bg-also">also ` + strings.Join(parts, ", ") + `</span>`
}

// hiddenMatches shows matches found where the row does not show them:
// in columns that are not on screen, and in notes (folded away), so that
// every result says why it is there.
func hiddenMatches(cat *data.Catalog, visible []*data.Column, it *data.Item, marks grid.Marks) string {
	var parts, notes []string
	for _, fm := range marks {
		f, m := fm.Field, fm.Spans
		switch {
		case f.Column == grid.NameField || f.Column == grid.AliasField || len(m) == 0:
		case f.Note:
			notes = append(notes, f.Column)
		case !slices.ContainsFunc(visible, func(c *data.Column) bool { return c.ID == f.Column }):
			parts = append(parts, f.Column)
		}
	}
	if len(parts)+len(notes) == 0 {
		return ""
	}
	slices.Sort(parts)
	parts = slices.Compact(parts)
	var b strings.Builder
	b.WriteString(`<span class="bg-also">`)
	for i, id := range parts {
		col := cat.Column(id)
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(html.EscapeString(col.Label))
		b.WriteString(": ")
		cell := it.Cells[id]
		if col.Type == data.List {
			b.WriteString(markedList(cell.List(), id, marks))
		} else {
			b.WriteString(markedHTML(grid.SearchText(col, cell), marks.Of(grid.Field{Column: id})))
		}
	}
	for i, id := range notes {
		if i > 0 || len(parts) > 0 {
			b.WriteString("; ")
		}
		text, spans := grid.Snippet(it.Cells[id].Note, marks.Of(grid.Field{Column: id, Note: true}))
		b.WriteString(html.EscapeString("Note on " + cat.Column(id).Label + ": "))
		b.WriteString(markedHTML(text, spans))
	}
	b.WriteString(`</span>`)
	return b.String()
}

// shortURL drops the scheme and a trailing slash for display.
func shortURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	return strings.TrimSuffix(u.Host+u.EscapedPath(), "/")
}
