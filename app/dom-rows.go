package ui

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Keyed rows: the grid's table kept row by row, behind go-app's back (the
// table is one raw node to go-app; see dom.go).
//
// Every row carries its item's id (id="row-…") and, in data-h, a short
// hash of each of its cells as drawn. A patch then knows, without reading
// the cells back, which rows leave (removed), which enter (parsed together,
// in one call), which stay and move (the fewest moves that put them in
// order: the rows on a longest run already in order stay put), and which
// cells of a staying row changed (their class and content rewritten, the
// rest untouched). A prerendered table carries the same hashes, so the
// browser adopts it as it is.

// tableRow is a row to draw: the item's id and its cells.
type tableRow struct {
	id    string
	cells []tableCell
}

// tableCell is one cell: a row header (th) or a data cell (td), its class
// and its content as escaped HTML.
type tableCell struct {
	head  bool
	class string
	html  string
}

// liveRow is a row on the page: its element and its cells' hashes.
type liveRow struct {
	el    app.Value
	cells []string
}

// keyedTable is a table on the page and what the last patch drew in it.
type keyedTable struct {
	table, body, caption, head app.Value
	headHash                   string
	rows                       map[string]*liveRow
	order                      []string
}

// adoptTable takes over a table drawn by html (in the browser or by the
// prerender): it reads each row's id and cell hashes, and nothing else.
func adoptTable(table app.Value) *keyedTable {
	t := &keyedTable{table: table, rows: map[string]*liveRow{}}
	t.caption = table.Get("caption")
	t.head = table.Get("tHead")
	t.body = table.Get("tBodies").Index(0)
	t.headHash = attrText(t.head, "data-h")
	rows := t.body.Get("rows")
	for i := range rows.Length() {
		tr := rows.Index(i)
		id, ok := strings.CutPrefix(tr.Get("id").String(), "row-")
		if !ok || t.rows[id] != nil {
			// Not a row this file drew: the next patch replaces it.
			id = "\x00" + strconv.Itoa(i)
		}
		t.rows[id] = &liveRow{el: tr, cells: strings.Split(attrText(tr, "data-h"), ".")}
		t.order = append(t.order, id)
	}
	return t
}

// attrText is an attribute's value, or "" when the element has none.
func attrText(el app.Value, name string) string {
	v := el.Call("getAttribute", name)
	if v.Type() != app.TypeString {
		return ""
	}
	return v.String()
}

// patch brings the table in line with caption, head (the header row's
// markup) and rows. The keyboard focus stays on the control that had it,
// or on its twin when its cell was redrawn.
func (t *keyedTable) patch(caption, head string, rows []tableRow) {
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	focused := ""
	if active.Truthy() && t.table.Call("contains", active).Bool() {
		focused = focusSelector(active)
	}

	setText(t.caption.Get("firstChild"), caption)
	if h := hashOf(head); h != t.headHash {
		setHTML(t.head, head)
		setAttr(t.head, "data-h", h)
		t.headHash = h
	}

	hashes := make([][]string, len(rows))
	wanted := make(map[string]bool, len(rows))
	for i, r := range rows {
		hashes[i] = cellHashes(r.cells)
		wanted[r.id] = true
	}

	// Rows that leave, and rows whose shape changed (a column shown or
	// hidden): removed, the second drawn again below.
	reshaped := map[string]bool{}
	for i, r := range rows {
		if lr := t.rows[r.id]; lr != nil && len(lr.cells) != len(hashes[i]) {
			reshaped[r.id] = true
		}
	}
	at := make(map[string]int, len(t.order))
	for _, id := range t.order {
		if !wanted[id] || reshaped[id] {
			t.rows[id].el.Call("remove")
			delete(t.rows, id)
			continue
		}
		at[id] = len(at)
	}

	// Rows that enter: written together and parsed in one call.
	var fresh strings.Builder
	entering := 0
	for i, r := range rows {
		if t.rows[r.id] == nil {
			writeRow(&fresh, r.id, strings.Join(hashes[i], "."), r.cells)
			entering++
		}
	}
	if entering > 0 {
		tpl := doc.Call("createElement", "template")
		setHTML(tpl, fresh.String())
		made := tpl.Get("content").Get("children")
		els := make([]app.Value, entering)
		for j := range els {
			els[j] = made.Index(j)
		}
		j := 0
		for i, r := range rows {
			if t.rows[r.id] == nil {
				t.rows[r.id] = &liveRow{el: els[j], cells: hashes[i]}
				j++
			}
		}
	}

	// Rows that stay: only their changed cells are redrawn.
	for i, r := range rows {
		lr := t.rows[r.id]
		if strings.Join(lr.cells, ".") == strings.Join(hashes[i], ".") {
			continue
		}
		cells := lr.el.Get("cells")
		for c, h := range hashes[i] {
			if lr.cells[c] == h {
				continue
			}
			cell := cells.Index(c)
			setAttr(cell, "class", r.cells[c].class)
			setHTML(cell, r.cells[c].html)
		}
		lr.cells = hashes[i]
		setAttr(lr.el, "data-h", strings.Join(hashes[i], "."))
	}

	// Order: the rows on the longest run already in order stay; the
	// others (and the new ones) are put before their successor, from the
	// last row up.
	pos := make([]int, len(rows))
	for i, r := range rows {
		p, ok := at[r.id]
		if !ok {
			p = -1
		}
		pos[i] = p
	}
	stay := longestRun(pos)
	next := app.Null()
	for i := len(rows) - 1; i >= 0; i-- {
		el := t.rows[rows[i].id].el
		if !stay[i] {
			move(t.body, el, next)
		}
		next = el
	}
	t.order = t.order[:0]
	for _, r := range rows {
		t.order = append(t.order, r.id)
	}

	if focused != "" && !doc.Get("activeElement").Equal(active) {
		el := active
		if !el.Get("isConnected").Bool() {
			el = t.table.Call("querySelector", focused)
		}
		if el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}

// move puts el before next (or last) in parent: with moveBefore where the
// browser has it, which keeps a moved row's focus, selection and state;
// with insertBefore elsewhere and for a node not yet in the document.
func move(parent, el, next app.Value) {
	if el.Get("parentNode").Equal(parent) && parent.Get("moveBefore").Truthy() {
		parent.Call("moveBefore", el, next)
		return
	}
	parent.Call("insertBefore", el, next)
}

// focusSelector names a control inside the table so that its twin in a
// redrawn cell can be found: by id (checkboxes, sort links), or by the
// item and column a value's button opens.
func focusSelector(el app.Value) string {
	if id := el.Get("id").String(); id != "" {
		return "#" + id
	}
	if i, c := attrText(el, "data-i"), attrText(el, "data-c"); i != "" && c != "" {
		return `[data-i="` + i + `"][data-c="` + c + `"]`
	}
	return ""
}

// longestRun marks the entries of pos (old positions; -1 for none) that
// form a longest strictly increasing run: the rows that need not move.
func longestRun(pos []int) []bool {
	// tails[k] is the index in pos of the smallest last entry of an
	// increasing run of length k+1; prev links each entry to the one
	// before it in its run.
	var tails []int
	prev := make([]int, len(pos))
	for i, p := range pos {
		if p < 0 {
			continue
		}
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if pos[tails[mid]] < p {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	stay := make([]bool, len(pos))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			stay[i] = true
		}
	}
	return stay
}

// writeRow writes a row with its id and its cells' hashes.
func writeRow(b *strings.Builder, id, hashes string, cells []tableCell) {
	b.WriteString(`<tr id="row-` + html.EscapeString(id) + `" data-h="` + hashes + `">`)
	for _, c := range cells {
		tag := "td"
		if c.head {
			tag = "th"
		}
		b.WriteString(`<` + tag)
		if c.head {
			b.WriteString(` scope="row"`)
		}
		b.WriteString(` class="` + c.class + `">` + c.html + `</` + tag + `>`)
	}
	b.WriteString(`</tr>`)
}

// cellHashes are the hashes of a row's cells.
func cellHashes(cells []tableCell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		h := "d"
		if c.head {
			h = "h"
		}
		out[i] = hashOf(h + c.class + "\x00" + c.html)
	}
	return out
}

// hashCells is cellHashes as data-h writes them.
func hashCells(cells []tableCell) string {
	return strings.Join(cellHashes(cells), ".")
}

// hashOf is a short hash of s: 32 bits of FNV-1a in base 36. A collision
// would leave one cell undrawn until its next change, and needs a cell to
// change into another of the same hash.
func hashOf(s string) string {
	h := uint32(2166136261)
	for i := range len(s) {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return strconv.FormatUint(uint64(h), 36)
}
