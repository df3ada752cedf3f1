package grid

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"

	"backendgrid/data"
)

// Export is a download of the current view.
type Export struct {
	// Name is the file name, after the view ("backendgrid-frameworks-q-rails.csv").
	Name string
	// Type is the media type.
	Type string
	// Body is the file's content.
	Body []byte
}

// ExportCSV writes the grid as the reader sees it (filtered rows in their
// order, the visible columns in theirs) or, when comparing, the comparison
// as shown (one row per attribute). Every fact brings its source; notes
// come along. Quoting is encoding/csv's (RFC 4180).
func ExportCSV(cat *data.Catalog, s State, res Result, cmp Comparison) (Export, error) {
	var records [][]string
	if s.Comparing() {
		head := []string{"Attribute"}
		for _, it := range cmp.Items {
			head = append(head, it.Name, it.Name+" source", it.Name+" note")
		}
		head = append(head, "Differs")
		records = append(records, head)
		for _, r := range cmp.Rows {
			rec := []string{r.Column.Label}
			for _, cell := range r.Cells {
				rec = append(rec, cellText(r.Column, cell), cell.Source, cell.Note)
			}
			rec = append(rec, yesNo(r.Differs))
			records = append(records, rec)
		}
	} else {
		head := []string{"ID", "Name"}
		if s.Choosing() {
			head = append(head, "Fit", "Fit explanation")
		}
		for _, col := range res.Columns {
			head = append(head, col.Label, col.Label+" source", col.Label+" note")
		}
		records = append(records, head)
		for _, r := range res.Rows {
			rec := []string{r.Item.ID, r.Item.Name}
			if r.Fit != nil {
				rec = append(rec, r.Fit.Verdict(), r.Fit.Explanation)
			}
			for _, col := range res.Columns {
				cell := r.Item.Cells[col.ID]
				rec = append(rec, cellText(col, cell), cell.Source, cell.Note)
			}
			records = append(records, rec)
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true // RFC 4180
	if err := w.WriteAll(records); err != nil {
		return Export{}, err
	}
	return Export{Name: exportName(cat, s) + ".csv", Type: "text/csv;charset=utf-8", Body: b.Bytes()}, nil
}

// exportCell is a fact in JSON: the typed value with what qualifies it.
type exportCell struct {
	Value  any    `json:"value"`
	Label  string `json:"label,omitempty"`
	Detail string `json:"detail,omitempty"`
	Note   string `json:"note,omitempty"`
	Source string `json:"source"`
}

type exportItem struct {
	ID    string                 `json:"id"`
	Name  string                 `json:"name"`
	Fit   *exportFit             `json:"fit,omitempty"`
	Cells map[string]*exportCell `json:"cells"`
}

// exportFit is how an item meets the "Help me choose" criteria.
type exportFit struct {
	Verdict     string  `json:"verdict"`
	MustMet     int     `json:"mustMet"`
	MustTotal   int     `json:"mustTotal"`
	Want        float64 `json:"want"`
	WantTotal   int     `json:"wantTotal"`
	Explanation string  `json:"explanation"`
}

type exportColumn struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Differs *bool  `json:"differs,omitempty"`
}

type exportDoc struct {
	Title   string         `json:"title"`
	AsOf    string         `json:"asOf"`
	View    string         `json:"view"`
	Query   string         `json:"query"`
	Columns []exportColumn `json:"columns"`
	Items   []exportItem   `json:"items"`
}

// ExportJSON writes the same view as JSON, typed: years are numbers, lists
// are arrays, support levels keep their id and their label.
func ExportJSON(cat *data.Catalog, s State, res Result, cmp Comparison) (Export, error) {
	doc := exportDoc{Title: cat.Title, AsOf: cat.AsOf, View: "grid", Query: EncodeQuery(s.Encode())}
	var items []*data.Item
	var cols []*data.Column
	var fits map[string]*Fit
	if s.Comparing() {
		doc.View = "compare"
		items = cmp.Items
		for _, r := range cmp.Rows {
			cols = append(cols, r.Column)
			differs := r.Differs
			doc.Columns = append(doc.Columns, exportColumn{ID: r.Column.ID, Label: r.Column.Label, Differs: &differs})
		}
	} else {
		for _, r := range res.Rows {
			items = append(items, r.Item)
			if r.Fit != nil {
				if fits == nil {
					fits = map[string]*Fit{}
				}
				fits[r.Item.ID] = r.Fit
			}
		}
		cols = res.Columns
		for _, c := range cols {
			doc.Columns = append(doc.Columns, exportColumn{ID: c.ID, Label: c.Label})
		}
	}
	for _, it := range items {
		ei := exportItem{ID: it.ID, Name: it.Name, Cells: map[string]*exportCell{}}
		if f := fits[it.ID]; f != nil {
			ei.Fit = &exportFit{Verdict: f.Verdict(), MustMet: f.MustMet, MustTotal: f.MustTotal, Want: f.Want, WantTotal: f.WantTotal, Explanation: f.Explanation}
		}
		for _, col := range cols {
			cell := it.Cells[col.ID]
			ec := &exportCell{Detail: cell.Detail, Note: cell.Note, Source: cell.Source}
			switch col.Type {
			case data.List:
				ec.Value = cell.List()
			case data.Year:
				ec.Value = cell.Year()
			case data.Releases:
				ec.Value = cell.Lines()
			case data.Support:
				ec.Value, ec.Label = cell.Text(), data.SupportLabel(cell.Text())
			default:
				ec.Value = cell.Text()
			}
			ei.Cells[col.ID] = ec
		}
		doc.Items = append(doc.Items, ei)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return Export{}, err
	}
	return Export{Name: exportName(cat, s) + ".json", Type: "application/json", Body: append(b, '\n')}, nil
}

// cellText is a cell as one CSV field: the value, and for support cells
// the component too ("Official add-on: Entity Framework Core").
func cellText(col *data.Column, c *data.Cell) string {
	v := c.Display(col.Type)
	switch {
	case col.Type == data.Support && c.Detail != "":
		v += ": " + c.Detail
	case col.Type == data.Releases:
		v = releasesText(c)
		if c.Detail != "" {
			v = strings.TrimPrefix(v+". "+c.Detail, ". ")
		}
	}
	return v
}

// releasesText lists a releases cell's lines: "22 until 2027-04-30; 24
// until 2028-04-30".
func releasesText(c *data.Cell) string {
	var parts []string
	for _, r := range c.Lines() {
		parts = append(parts, r.Line+" until "+r.Until)
	}
	return strings.Join(parts, "; ")
}

// Verdict is the one-word version of a fit, as the grid shows it.
func (f *Fit) Verdict() string {
	if f.Failed {
		return "Misses a must-have"
	}
	return "Fits"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

var nameUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// exportName names a download after its view: the catalog, then what
// narrows it ("backendgrid-frameworks-q-rails-language-python"), or the
// compared items. It is bounded and safe on every file system.
func exportName(cat *data.Catalog, s State) string {
	parts := []string{"backendgrid", cat.Noun.Many}
	if s.Comparing() {
		parts = append(parts, "compare")
		parts = append(parts, s.Compare...)
	} else {
		if s.Query != "" {
			parts = append(parts, "q", s.Query)
		}
		for _, col := range cat.Columns {
			if sel := s.Filters[col.ID]; len(sel) > 0 {
				parts = append(parts, col.ID)
				parts = append(parts, sel...)
			}
		}
	}
	name := strings.Trim(nameUnsafe.ReplaceAllString(strings.ToLower(strings.Join(parts, "-")), "-"), "-")
	if len(name) > 100 {
		name = strings.TrimRight(name[:100], "-")
	}
	return name
}
