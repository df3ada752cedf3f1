//go:build !wasm

package server

import "testing"

func TestNormalizeHTML(t *testing.T) {
	in := `<!doctype html>
<html lang="en"><body><a title="x" href="?a=1&b=2" class="c">A &amp; B</a><input value="" type="text" checked><mark aria-hidden>x</mark></body></html>`
	want := `<!doctype html>
<html lang="en"><body><a class="c" href="?a=1&amp;b=2" title="x">A &amp; B</a><input checked type="text" value><mark aria-hidden="true">x</mark></body></html>`
	if got := string(normalizeHTML([]byte(in))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
