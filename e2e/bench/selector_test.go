package main

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSelector(t *testing.T) {
	page := `<table class="bg-table wide" id="t"><tbody><tr id="r"><td class="c">x</td></tr></tbody></table><div class="bg-table"><p id="p">y</p></div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sel  string
		want []string // ids, or the tag of elements without one
		err  bool
	}{
		{sel: "table.bg-table tbody tr", want: []string{"r"}},
		{sel: "tr", want: []string{"r"}},
		{sel: "#r", want: []string{"r"}},
		{sel: ".bg-table", want: []string{"t", "div"}},
		{sel: ".bg-table.wide", want: []string{"t"}},
		{sel: "table#t td.c", want: []string{"td"}},
		{sel: "div.bg-table tr", want: nil},
		{sel: "body  .bg-table   #p", want: []string{"p"}},
		{sel: "TABLE tr", want: []string{"r"}},
		{sel: "", err: true},
		{sel: "table > tr", err: true},
		{sel: "tr:first-child", err: true},
		{sel: "input[type=search]", err: true},
		{sel: "#a#b", err: true},
		{sel: "tr.", err: true},
	}
	for _, tt := range tests {
		s, err := parseSelector(tt.sel)
		if tt.err {
			if err == nil {
				t.Errorf("%q: parsed, want an error", tt.sel)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.sel, err)
			continue
		}
		var got []string
		for _, n := range findAll(doc, s.matches) {
			got = append(got, orDefault(attr(n, "id"), n.Data))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.sel, got, tt.want)
		}
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
