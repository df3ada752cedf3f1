//go:build !wasm

package server

import (
	"bytes"
	"html"
	"io"
	"sort"
	"strings"

	xhtml "golang.org/x/net/html"
)

// normalizeHTML rewrites go-app's output so that it is deterministic and
// plain HTML: go-app writes attributes in map order (random) and quotes
// values Go-style. Each start tag is re-emitted with its attributes sorted
// and HTML-escaped; everything else is copied byte for byte.
func normalizeHTML(in []byte) []byte {
	z := xhtml.NewTokenizer(bytes.NewReader(in))
	var out bytes.Buffer
	out.Grow(len(in))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if z.Err() == io.EOF {
				return out.Bytes()
			}
			return in // not ours to fix: leave it as it was
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			writeTag(&out, z)
		default:
			out.Write(z.Raw())
		}
	}
}

// writeTag writes the start tag z is at, its attributes sorted and escaped.
func writeTag(out *bytes.Buffer, z *xhtml.Tokenizer) {
	name, hasAttr := z.TagName()
	type attr struct{ key, val string }
	var attrs []attr
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		attrs = append(attrs, attr{string(k), string(v)})
	}
	sort.SliceStable(attrs, func(i, j int) bool { return attrs[i].key < attrs[j].key })
	out.WriteByte('<')
	out.Write(name)
	for _, a := range attrs {
		// go-app writes the value "true" as a bare attribute, which for
		// aria-* means "" (false or undefined), not true. It drops empty
		// aria-* values, so a bare one can only have been "true".
		if a.val == "" && strings.HasPrefix(a.key, "aria-") {
			a.val = "true"
		}
		out.WriteByte(' ')
		out.WriteString(a.key)
		if a.val != "" {
			out.WriteString(`="`)
			out.WriteString(html.EscapeString(a.val))
			out.WriteByte('"')
		}
	}
	out.WriteByte('>')
}
