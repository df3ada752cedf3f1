package e2e

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestColumnChooserRoundTrip(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	headers := func(ctx context.Context) []string {
		return eval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.bg-table thead th")).map(th => th.innerText.trim())`)
	}
	click(t, ctx, "#columns-toggle")
	// Each change re-renders the list (visible columns first), so each
	// click waits for the previous one to be on screen.
	step := func(css, want string) {
		click(t, ctx, css)
		waitJS(t, ctx, `(document.getElementById("results").dataset.state || "").includes("`+want+`")`)
	}
	step("#col-license", "cols=language,kind,orm")   // hide
	step("#col-creator", ",security,creator")        // show (appended)
	step("#up-creator", ",creator,security")         // move left once
	step("#down-language", "cols=kind,language,orm") // Kind before Language
	waitJS(t, ctx, `location.search.includes("cols=kind,language")`)
	want := headers(ctx)
	if want[1] != "Kind" || want[2] != "Language" || strings.Contains(strings.Join(want, "|"), "License") {
		t.Fatalf("headers after the changes = %v", want)
	}
	if want[len(want)-2] != "Creator" {
		t.Errorf("Creator should be second to last: %v", want)
	}
	link := eval[string](t, ctx, `location.href`)
	other := newTab(t, 1280, 900)
	open(t, other, link)
	if got := headers(other); !reflect.DeepEqual(got, want) {
		t.Errorf("the link shows %v, want %v", got, want)
	}
	click(t, other, "#columns-toggle")
	click(t, other, "#columns-reset")
	waitJS(t, other, `!location.search.includes("cols=")`)
	// The address is replaced before the render: wait for the grid.
	waitJS(t, other, `!(document.getElementById("results").dataset.state || "").includes("cols=")`)
	shown := 1 // the name
	for _, c := range realIndex(t).Catalog.Columns {
		if !c.Hidden {
			shown++
		}
	}
	if got := headers(other); len(got) != shown || got[1] != "Language" {
		t.Errorf("after reset: %v, want the %d default columns", got, shown)
	}
}
