package ui

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Helpers to check markup that components write as escaped HTML strings:
// parse it as a browser would, then select nodes with a tiny subset of CSS
// (descendant selectors of tag, #id and .class parts).

func parseTable(t *testing.T, s string) *html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		t.Fatal(err)
	}
	root := &html.Node{Type: html.DocumentNode}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// find returns the first node matching the selector under n.
func find(t *testing.T, n *html.Node, sel string) *html.Node {
	t.Helper()
	all := findAll(n, sel)
	if len(all) == 0 {
		t.Fatalf("no %q", sel)
	}
	return all[0]
}

func findAll(n *html.Node, sel string) []*html.Node {
	nodes := []*html.Node{n}
	for _, part := range strings.Fields(sel) {
		var next []*html.Node
		seen := map[*html.Node]bool{}
		for _, root := range nodes {
			for d := range root.Descendants() {
				if !seen[d] && matches(d, part) {
					seen[d] = true
					next = append(next, d)
				}
			}
		}
		nodes = next
	}
	return nodes
}

func matches(n *html.Node, part string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	tag, rest, _ := strings.Cut(strings.NewReplacer("#", " #", ".", " .").Replace(part), " ")
	if tag != "" && tag != n.Data {
		return false
	}
	for _, p := range strings.Fields(rest) {
		switch p[0] {
		case '#':
			if attr(n, "id") != p[1:] {
				return false
			}
		case '.':
			if !strings.Contains(" "+attr(n, "class")+" ", " "+p[1:]+" ") {
				return false
			}
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
