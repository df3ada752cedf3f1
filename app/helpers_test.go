package app

import (
	"os"
	"testing"

	"backendgrid/data"
)

// fixture is the small test catalog in data/testdata: three items with one
// column of each type, so counts and orders are easy to check by hand.
func fixture(t testing.TB) *data.Catalog {
	t.Helper()
	b, err := os.ReadFile("../data/testdata/valid.json")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := data.Parse("valid.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// real is the embedded catalog users see.
func real(t testing.TB) *Index {
	t.Helper()
	cat, err := data.Load()
	if err != nil {
		t.Fatal(err)
	}
	return NewIndex(cat)
}

func ids(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Item.ID
	}
	return out
}
