package synthetic

import (
	"bytes"
	"testing"

	"backendgrid/data"
)

func TestJSON(t *testing.T) {
	base := data.MustLoad()
	tests := []struct {
		name string
		n    int
	}{
		{"one item", 1},
		{"as many as the real catalog", len(base.Items)},
		{"thousands", 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := JSON(base, tt.n, 1)
			if err != nil {
				t.Fatal(err)
			}
			cat, err := data.Parse("synthetic.json", b)
			if err != nil {
				t.Fatalf("generated catalog does not validate: %v", err)
			}
			if got := len(cat.Items); got != tt.n {
				t.Errorf("got %d items, want %d", got, tt.n)
			}
			if len(cat.Columns) != len(base.Columns) {
				t.Errorf("got %d columns, want the base's %d", len(cat.Columns), len(base.Columns))
			}
			// Facets must stay meaningful: no value the base does not know.
			for _, col := range cat.Columns {
				if !col.Facet {
					continue
				}
				known := map[string]bool{}
				for _, v := range base.FacetValues(col) {
					known[v] = true
				}
				got := cat.FacetValues(col)
				for _, v := range got {
					if !known[v] {
						t.Errorf("column %s: value %q is not in the base catalog", col.ID, v)
					}
				}
				if col.Type == data.List && tt.n >= len(base.Items) && len(got) != len(known) {
					t.Errorf("column %s: %d of the base's %d values appear", col.ID, len(got), len(known))
				}
			}
		})
	}
}

func TestJSONDeterministic(t *testing.T) {
	base := data.MustLoad()
	a, _ := JSON(base, 200, 7)
	b, _ := JSON(base, 200, 7)
	c, _ := JSON(base, 200, 8)
	if !bytes.Equal(a, b) {
		t.Error("same seed gave different catalogs")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same catalog")
	}
}

func TestJSONRejectsEmpty(t *testing.T) {
	if _, err := JSON(data.MustLoad(), 0, 1); err == nil {
		t.Error("n = 0: got no error")
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kalori Rails", "kalori-rails"},
		{"ASP.NET Core", "asp-net-core"},
		{"Node.js Venmi", "node-js-venmi"},
		{"Zen  --  Boot.", "zen-boot"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
