package ui

import (
	"backendgrid/app/grid"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"

	"backendgrid/data"
)

// cellHTML writes one sourced fact for the tables (which are HTML strings)
// as one compact line: the value (with search highlights) on a button
// that opens the cell's details (the full value, the detail, the note and
// the source) in the page's one popover. The note and the source also sit
// in data attributes, so that print writes them out with no element per
// cell. Every piece of text and every attribute value goes through
// html.EscapeString.
func cellHTML(col *data.Column, it *data.Item, cell *data.Cell, marks grid.Marks, tl grid.Timeline) string {
	if cell == nil {
		return `<span class="bg-missing">—</span>`
	}
	if col.Type == data.Link {
		return `<a class="bg-value" href="` + html.EscapeString(cell.Text()) + `" target="_blank" rel="noopener">` +
			html.EscapeString(shortURL(cell.Text())) + `</a>`
	}
	var b strings.Builder
	class := "bg-cell"
	switch {
	case col.Type == data.Support:
		class += " bg-lv bg-lv-" + cell.Text() // validated: one of data.SupportLevels
	case col.Type == data.Text || (col.Type == data.Releases && len(cell.Lines()) == 0):
		class += " bg-clamp"
	}
	if cell.Note != "" {
		class += " has-note"
	}
	b.WriteString(`<button type="button" class="` + class + `" data-i="` + html.EscapeString(it.ID) + `" data-c="` + html.EscapeString(col.ID) +
		`" aria-haspopup="dialog" data-src="` + html.EscapeString(cell.Source) + `"`)
	if cell.Note != "" {
		b.WriteString(` data-note="` + html.EscapeString(cell.Note) + `"`)
	}
	b.WriteString(`>`)
	writeValue(&b, col, cell, marks, tl)
	b.WriteString(`</button>`)
	return b.String()
}

// levelWords are the short words of the support marks; the legend and the
// popover say them in full.
var levelWords = map[string]string{
	data.BuiltIn: "Built in", data.Official: "Official", data.ThirdParty: "3rd-party", data.None: "None",
}

func writeValue(b *strings.Builder, col *data.Column, cell *data.Cell, marks grid.Marks, tl grid.Timeline) {
	switch col.Type {
	case data.Support:
		// The short word, or the component when the search found it there.
		if m := marks.Of(grid.Field{Column: col.ID}); len(m) > 0 && cell.Detail != "" {
			b.WriteString(markedSpan(cell.Detail, m))
			return
		}
		b.WriteString(html.EscapeString(levelWords[cell.Text()]))
	case data.List:
		b.WriteString(markedList(cell.List(), col.ID, marks))
	case data.Releases:
		r, ok := cell.Longest()
		if !ok {
			b.WriteString(html.EscapeString(cell.Detail))
			return
		}
		writeBar(b, tl.Share(r.Until), 100, 8)
		if tl.Ended(r.Until) {
			b.WriteString(`ended ` + html.EscapeString(grid.ShortDate(r.Until)))
			return
		}
		b.WriteString(html.EscapeString(grid.ShortDate(r.Until)))
	default:
		b.WriteString(markedSpan(cell.Display(col.Type), marks.Of(grid.Field{Column: col.ID})))
	}
}

// writeBar draws a bar of share (0 to 1) of width w: an SVG, whose
// attributes the Content-Security-Policy allows where a style would not be.
func writeBar(b *strings.Builder, share float64, w, h int) {
	fmt.Fprintf(b, `<svg class="bg-bar" viewBox="0 0 %d %d" width="%d" height="%d" aria-hidden="true"><rect class="bg-bar-track" width="%d" height="%d" rx="2"></rect><rect class="bg-bar-fill" width="%.1f" height="%d" rx="2"></rect></svg>`,
		w, h, w*2/5, h, w, h, share*float64(w), h)
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
	slices.SortFunc(parts, strings.Compare)
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

// detailsHTML is the content of the details popover for one cell: the
// item and the attribute as a heading, the full value with its detail,
// the note, and the source; for a releases cell, every line with its
// dates and source.
func detailsHTML(cat *data.Catalog, it *data.Item, col *data.Column, tl grid.Timeline) string {
	cell := it.Cells[col.ID]
	var b strings.Builder
	b.WriteString(`<h2 id="pop-title" class="bg-pop-title" tabindex="-1">` + html.EscapeString(it.Name) +
		`<span class="bg-pop-col">` + html.EscapeString(col.Label) + `</span></h2>`)
	switch col.Type {
	case data.Support:
		b.WriteString(`<p class="bg-pop-value"><span class="bg-lv bg-lv-` + cell.Text() + `">` +
			html.EscapeString(data.SupportLabel(cell.Text())) + `</span>`)
		if cell.Detail != "" {
			b.WriteString(` ` + html.EscapeString(cell.Detail))
		}
		b.WriteString(`</p>`)
	case data.Releases:
		if lines := cell.Lines(); len(lines) > 0 {
			b.WriteString(`<ul class="bg-pop-lines">`)
			for _, r := range lines {
				b.WriteString(`<li>` + html.EscapeString(r.Line) + `: security fixes until ` + html.EscapeString(grid.HumanDate(r.Until)))
				if r.Released != "" {
					b.WriteString(` (released ` + html.EscapeString(grid.HumanDate(r.Released)) + `)`)
				}
				b.WriteString(` <a href="` + html.EscapeString(r.Source) + `" target="_blank" rel="noopener">source</a></li>`)
			}
			b.WriteString(`</ul>`)
		}
		b.WriteString(`<p class="bg-pop-value">` + html.EscapeString(cell.Detail) + `</p>`)
	default:
		b.WriteString(`<p class="bg-pop-value">` + html.EscapeString(cell.Display(col.Type)) + `</p>`)
		if cell.Detail != "" {
			b.WriteString(`<p>` + html.EscapeString(cell.Detail) + `</p>`)
		}
	}
	if cell.Note != "" {
		b.WriteString(`<p class="bg-pop-note"><strong>Note:</strong> ` + html.EscapeString(cell.Note) + `</p>`)
	}
	b.WriteString(`<p class="bg-pop-src"><a href="` + html.EscapeString(cell.Source) + `" target="_blank" rel="noopener">Source: ` +
		html.EscapeString(shortURL(cell.Source)) + `</a> <span class="bg-visually-hidden">(opens in a new tab)</span></p>`)
	b.WriteString(closeButton)
	return b.String()
}

// fitDetailsHTML is the popover of a row's fit with the criteria.
func fitDetailsHTML(it *data.Item, f grid.Fit) string {
	return `<h2 id="pop-title" class="bg-pop-title" tabindex="-1">` + html.EscapeString(it.Name) +
		`<span class="bg-pop-col">Fit</span></h2><p class="bg-pop-value">` + html.EscapeString(f.Verdict()) + `</p><p>` +
		html.EscapeString(f.Explanation) + `</p>` + closeButton
}

const closeButton = `<button type="button" class="bg-pop-close" aria-label="Close the details">×</button>`
