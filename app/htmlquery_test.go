package ui

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Helpers to check markup that components write as escaped HTML strings:
// parse it as a browser would, then select with CSS (goquery).

// parseTable parses markup as the body of a document.
func parseTable(t *testing.T, s string) *goquery.Selection {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Selection
}

// find returns the first element matching the selector under n, and fails
// the test when there is none.
func find(t *testing.T, n *goquery.Selection, sel string) *goquery.Selection {
	t.Helper()
	found := n.Find(sel)
	if found.Length() == 0 {
		t.Fatalf("no %q", sel)
	}
	return found.First()
}

// findAll returns every element matching the selector under n, in order.
func findAll(n *goquery.Selection, sel string) []*goquery.Selection {
	var out []*goquery.Selection
	for _, s := range n.Find(sel).EachIter() {
		out = append(out, s)
	}
	return out
}

func attr(n *goquery.Selection, key string) string { return n.AttrOr(key, "") }

func attrOK(n *goquery.Selection, key string) (string, bool) { return n.Attr(key) }

func textOf(n *goquery.Selection) string { return n.Text() }

// attrs lists the first element's attributes, for failure messages.
func attrs(n *goquery.Selection) []html.Attribute {
	if n.Length() == 0 {
		return nil
	}
	return n.Nodes[0].Attr
}
