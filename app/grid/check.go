//go:build !wasm

package grid

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"backendgrid/data"
)

// checkCatalog checks what only the widget can check of a catalog: no
// column may take the id of one of the widget's URL parameters (see
// Reserved), or its facet would be unreachable; and no word of the search
// vocabulary may mean two kinds of thing (a column and a value). The server
// and the build run it; the wasm trusts them (check_wasm.go).
func checkCatalog(cat *data.Catalog) error {
	reserved := Reserved()
	var errs []error
	for _, c := range cat.Columns {
		if slices.Contains(reserved, c.ID) {
			errs = append(errs, fmt.Errorf("%s: column %q: id: collides with the reserved URL parameter %q", cat.File(), c.ID, c.ID))
		}
	}
	var clashes []string
	newVocabulary(cat, func(phrase, what string) {
		clashes = append(clashes, fmt.Sprintf("%q means %s and something else", phrase, what))
	})
	if len(clashes) > 0 {
		errs = append(errs, fmt.Errorf("%s: search vocabulary: %s", cat.File(), strings.Join(clashes, "; ")))
	}
	return errors.Join(errs...)
}
