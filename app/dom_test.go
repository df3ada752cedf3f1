package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDOMWritesGoThroughDOMGo holds the package to dom.go's rule: no file
// but dom.go and its companions (dom-*.go) writes the DOM behind go-app's
// back.
func TestDOMWritesGoThroughDOMGo(t *testing.T) {
	writes := regexp.MustCompile(`"(setAttribute|removeAttribute|toggleAttribute|appendChild|insertBefore|replaceChild|removeChild|replaceWith|append|prepend|remove|setProperty|removeProperty|insertAdjacentHTML)"|` +
		`\.Set\("(checked|value|disabled|data|href|hidden|id|className|innerHTML|outerHTML|textContent|nodeValue|download|selected)"|` +
		`Get\("style"\)\.Set`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasPrefix(f, "dom") || strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := writes.FindString(line); m != "" {
				t.Errorf("%s:%d writes the DOM (%s): use dom.go", f, i+1, m)
			}
		}
	}
}
