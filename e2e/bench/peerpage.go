package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"backendgrid/data"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The peer's own files, served from the directory of the app's stylesheets
// (so with the Cache-Control the app gives its assets): its script, and the
// Fuse.js build that script imports (Fuse.js as npm ships it, minified ES
// module, the full build a team would import).
const (
	peerScriptName = "peer.js"
	fuseName       = "fuse.min.mjs"
)

// peerItem is one row the peer's script searches: the item's name and
// aliases, which Fuse.js looks in, and the id of its row in the page.
type peerItem struct {
	Row     string   `json:"row"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// peerConfig is what the peer's script reads from its page, in a JSON data
// block (the CSP allows it: a data block is never run). The selectors are
// the bench's probes', so the script follows the app's markup as they do.
type peerConfig struct {
	Rows   string     `json:"rows"`   // the grid's rows
	Search string     `json:"search"` // the search box
	Count  string     `json:"count"`  // the text that says how many rows show
	Items  []peerItem `json:"items"`  // in the rows' order
}

// peerSite is the peer's page and what it needs from the app.
type peerSite struct {
	Page []byte
	// Refs are the local URLs the page still refers to (stylesheets,
	// icons, images), to be fetched from the app and served as they are.
	Refs []string
	// Dir is the URL directory of the peer's own files, ending in "/".
	Dir string
}

// peerPage makes the peer's page from the page backendgrid prerenders: the
// same markup and stylesheets, without go-app and the wasm (every script,
// the wasm's preload, the web manifest of go-app's PWA, go-app's loader),
// plus the peer's script and its data. The <html> element gets the class
// "js" that web/boot.js (gone with the other scripts) adds before the first
// paint: the stylesheet lays the page out for a reader with JavaScript by it.
//
// The rows are the elements p.Visible matches. Each must have an id, which
// names its item: "row-django" is the row of "django" (the longest item id
// the row id ends with, after a "-", or equals).
func peerPage(prerendered []byte, items []*data.Item, p probe) (peerSite, error) {
	var site peerSite
	rowSel, err := parseSelector(p.Visible)
	if err != nil {
		return site, err
	}
	doc, err := html.Parse(bytes.NewReader(prerendered))
	if err != nil {
		return site, err
	}
	var head, root *html.Node
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		switch {
		case n.DataAtom == atom.Html:
			root = n
		case n.DataAtom == atom.Head:
			head = n
		case goAppOnly(n):
			n.Parent.RemoveChild(n)
		}
	}
	if root == nil || head == nil {
		return site, errors.New("the page has no <html> or no <head>")
	}
	addClass(root, "js")

	rows := findAll(doc, rowSel.matches)
	if len(rows) == 0 {
		return site, fmt.Errorf("no element of the page matches the rows' selector %q", p.Visible)
	}
	cfg := peerConfig{Rows: p.Visible, Search: p.Search, Count: p.Count}
	seen := map[string]string{}
	for i, row := range rows {
		id := attr(row, "id")
		if id == "" {
			return site, fmt.Errorf("row %d of the page has no id", i+1)
		}
		it := itemOfRow(id, items)
		if it == nil {
			return site, fmt.Errorf("row %q names no item of the catalog", id)
		}
		if other, ok := seen[it.ID]; ok {
			return site, fmt.Errorf("rows %q and %q both name item %q", other, id, it.ID)
		}
		seen[it.ID] = id
		cfg.Items = append(cfg.Items, peerItem{Row: id, Name: it.Name, Aliases: it.Aliases})
	}

	for _, n := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Link || n.DataAtom == atom.Img }) {
		ref := attr(n, "href")
		if n.DataAtom == atom.Img {
			ref = attr(n, "src")
		}
		if u, ok := localPath(ref); ok && !slices.Contains(site.Refs, u) {
			site.Refs = append(site.Refs, u)
			if site.Dir == "" && n.DataAtom == atom.Link && hasToken(attr(n, "rel"), "stylesheet") {
				site.Dir = strings.TrimSuffix(path.Dir(u), "/") + "/"
			}
		}
	}
	if site.Dir == "" {
		site.Dir = "/peer/"
	}

	js, err := json.Marshal(cfg) // escapes <, > and &: safe inside <script>
	if err != nil {
		return site, err
	}
	head.AppendChild(element(atom.Script, []html.Attribute{{Key: "id", Val: "peer-data"}, {Key: "type", Val: "application/json"}}, string(js)))
	head.AppendChild(element(atom.Script, []html.Attribute{{Key: "src", Val: site.Dir + peerScriptName}, {Key: "type", Val: "module"}}, ""))
	var buf bytes.Buffer
	if err := html.Render(&buf, doc); err != nil {
		return site, err
	}
	site.Page = buf.Bytes()
	return site, nil
}

// goAppOnly reports whether n belongs to go-app and the wasm rather than to
// the widget's markup: scripts, the wasm's preload, the web manifest, and
// go-app's loader.
func goAppOnly(n *html.Node) bool {
	switch {
	case n.DataAtom == atom.Script:
		return true
	case n.DataAtom == atom.Link && hasToken(attr(n, "rel"), "manifest"):
		return true
	case n.DataAtom == atom.Link && hasToken(attr(n, "rel"), "preload"):
		href, _, _ := strings.Cut(attr(n, "href"), "?")
		return strings.HasSuffix(href, ".wasm") || attr(n, "type") == "application/wasm"
	}
	return attr(n, "id") == "app-wasm-loader"
}

// itemOfRow is the item a row id names, or nil.
func itemOfRow(rowID string, items []*data.Item) *data.Item {
	var best *data.Item
	for _, it := range items {
		if (rowID == it.ID || strings.HasSuffix(rowID, "-"+it.ID)) && (best == nil || len(it.ID) > len(best.ID)) {
			best = it
		}
	}
	return best
}

// localPath is the path of a URL on the page's own server ("/web/x.css"),
// without its query; ok is false for other servers, data: and the like.
func localPath(ref string) (string, bool) {
	if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
		return "", false
	}
	p, _, _ := strings.Cut(ref, "?")
	p, _, _ = strings.Cut(p, "#")
	return path.Clean(p), true
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if match(d) {
			out = append(out, d)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	return slices.Contains(strings.Fields(strings.ToLower(list)), tok)
}

func addClass(n *html.Node, class string) {
	for i, a := range n.Attr {
		if a.Key == "class" && a.Namespace == "" {
			if !hasToken(a.Val, class) {
				n.Attr[i].Val = strings.TrimSpace(a.Val + " " + class)
			}
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: class})
}

func element(a atom.Atom, attrs []html.Attribute, text string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
	if text != "" {
		n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	}
	return n
}
