package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// selector is a CSS selector of the form the probes use: compound
// selectors (a tag, an #id, .classes) joined by the descendant combinator,
// such as "table.bg-table tbody tr". Anything else is refused, so that a
// probe written another way fails here rather than matching nothing.
type selector []compound

type compound struct {
	tag, id string
	classes []string
}

func parseSelector(s string) (selector, error) {
	var sel selector
	for _, f := range strings.Fields(s) {
		var c compound
		i := strings.IndexAny(f, ".#")
		if i < 0 {
			i = len(f)
		}
		c.tag, f = strings.ToLower(f[:i]), f[i:]
		if !plainName(c.tag) && c.tag != "" {
			return nil, fmt.Errorf("selector %q: only tags, #ids and .classes joined by spaces are understood here", s)
		}
		for f != "" {
			kind := f[0]
			j := strings.IndexAny(f[1:], ".#") + 1
			if j == 0 {
				j = len(f)
			}
			name := f[1:j]
			f = f[j:]
			if !plainName(name) || (kind == '#' && c.id != "") {
				return nil, fmt.Errorf("selector %q: only tags, #ids and .classes joined by spaces are understood here", s)
			}
			if kind == '#' {
				c.id = name
			} else {
				c.classes = append(c.classes, name)
			}
		}
		sel = append(sel, c)
	}
	if len(sel) == 0 {
		return nil, errors.New("empty selector")
	}
	return sel, nil
}

func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

func (c compound) matches(n *html.Node) bool {
	if n.Type != html.ElementNode || (c.tag != "" && n.Data != c.tag) || (c.id != "" && attr(n, "id") != c.id) {
		return false
	}
	classes := strings.Fields(attr(n, "class"))
	for _, want := range c.classes {
		if !slices.Contains(classes, want) {
			return false
		}
	}
	return true
}

// matches reports whether n matches s: its last compound, and the others
// on ancestors in order (taking the nearest ancestor that matches each is
// enough when every combinator is a descendant one).
func (s selector) matches(n *html.Node) bool {
	if !s[len(s)-1].matches(n) {
		return false
	}
	i := len(s) - 2
	for a := n.Parent; a != nil && i >= 0; a = a.Parent {
		if s[i].matches(a) {
			i--
		}
	}
	return i < 0
}
