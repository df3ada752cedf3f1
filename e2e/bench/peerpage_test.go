package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"backendgrid/data"

	"golang.org/x/net/html"
)

// samplePage is a page as backendgrid's server prerenders it, cut down:
// go-app's scripts and loader, the wasm's preload, the manifest, the
// stylesheets, and a grid of three rows beside another table.
const samplePage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>backendgrid</title>
    <link as="fetch" crossorigin="anonymous" fetchpriority="high" href="/web/v1/app.wasm" rel="preload" type="application/wasm">
    <link href="/web/v1/icon.svg" rel="icon">
    <link href="/manifest.webmanifest" rel="manifest">
    <link href="/web/v1/app.css" rel="stylesheet" type="text/css">
    <link href="/web/v1/backendgrid.css?x=1" rel="stylesheet" type="text/css">
    <link href="https://elsewhere.example/x.css" rel="stylesheet">
    <script defer src="/web/v1/wasm_exec.js"></script>
    <script defer src="/web/v1/app.js"></script>
    <script src="/web/v1/boot.js"></script>
  </head>
  <body>
    <form id="controls"><input id="search" name="q" type="search" value></form>
    <p id="result-count"><strong>3</strong> of 3 frameworks</p>
    <table class="bg-table"><thead><tr><th>Name</th></tr></thead><tbody><tr id="row-django"><th><a href="https://djangoproject.com/">Django</a></th></tr><tr id="row-spring-boot"><th>Spring Boot</th></tr><tr id="row-rails"><th>Ruby on Rails</th></tr></tbody></table>
    <table class="other"><tbody><tr id="row-other"><td>not the grid</td></tr></tbody></table>
    <aside class="goapp-app-info" id="app-wasm-loader"><img alt="wasm loader icon" src="/web/v1/icon-192.png"><p>Loading 0%</p></aside>
    <script>inline()</script>
  </body>
</html>`

func sampleItems() []*data.Item {
	return []*data.Item{
		{ID: "rails", Name: "Ruby on Rails", Aliases: []string{"RoR", "Rails"}},
		{ID: "boot", Name: "Boot"}, // a shorter id the spring-boot row also ends with
		{ID: "spring-boot", Name: "Spring Boot"},
		{ID: "django", Name: "Django"},
		{ID: "flask", Name: "Flask"}, // no row: not searched
	}
}

func TestPeerPage(t *testing.T) {
	site, err := peerPage([]byte(samplePage), sampleItems(), peerProbe)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(site.Page))
	if err != nil {
		t.Fatal(err)
	}
	sel := func(s string) []*html.Node {
		t.Helper()
		m, err := parseSelector(s)
		if err != nil {
			t.Fatal(err)
		}
		return findAll(doc, m.matches)
	}

	// go-app and the wasm are gone; the peer's script and data are in.
	var scripts []string
	for _, n := range sel("script") {
		scripts = append(scripts, attr(n, "type")+" "+attr(n, "src"))
	}
	if want := []string{"application/json ", "module /web/v1/peer.js"}; !slices.Equal(scripts, want) {
		t.Errorf("scripts: got %q, want %q", scripts, want)
	}
	var links []string
	for _, n := range sel("link") {
		links = append(links, attr(n, "rel")+" "+attr(n, "href"))
	}
	if want := []string{"icon /web/v1/icon.svg", "stylesheet /web/v1/app.css", "stylesheet /web/v1/backendgrid.css?x=1", "stylesheet https://elsewhere.example/x.css"}; !slices.Equal(links, want) {
		t.Errorf("links: got %q, want %q", links, want)
	}
	if n := sel("#app-wasm-loader"); len(n) != 0 {
		t.Error("go-app's loader is still there")
	}
	if class := attr(sel("html")[0], "class"); class != "js" {
		t.Errorf("<html> class: got %q, want js (as web/boot.js sets it)", class)
	}

	// The markup stays: the grid's rows in their order, the other table,
	// the search box and the count.
	var rows []string
	for _, n := range sel(peerProbe.Visible) {
		rows = append(rows, attr(n, "id"))
	}
	if want := []string{"row-django", "row-spring-boot", "row-rails"}; !slices.Equal(rows, want) {
		t.Errorf("rows: got %q, want %q", rows, want)
	}
	for _, s := range []string{"table.other tbody tr#row-other", "table.bg-table thead tr th", "#search", "#result-count strong", "tr#row-django a"} {
		if len(sel(s)) != 1 {
			t.Errorf("%s: lost", s)
		}
	}

	// The data the script reads: the probes' selectors, and each row's
	// item, in the rows' order.
	var cfg peerConfig
	if err := json.Unmarshal([]byte(sel("script#peer-data")[0].FirstChild.Data), &cfg); err != nil {
		t.Fatal(err)
	}
	want := peerConfig{Rows: gridProbe.Visible, Search: gridProbe.Search, Count: gridProbe.Count, Items: []peerItem{
		{Row: "row-django", Name: "Django"},
		{Row: "row-spring-boot", Name: "Spring Boot"},
		{Row: "row-rails", Name: "Ruby on Rails", Aliases: []string{"RoR", "Rails"}},
	}}
	got, _ := json.Marshal(cfg)
	wantJS, _ := json.Marshal(want)
	if !bytes.Equal(got, wantJS) {
		t.Errorf("config:\ngot  %s\nwant %s", got, wantJS)
	}

	// What the peer's server must fetch from the app: the local assets
	// the page still uses, not the loader's icon.
	if want := []string{"/web/v1/icon.svg", "/web/v1/app.css", "/web/v1/backendgrid.css"}; !slices.Equal(site.Refs, want) {
		t.Errorf("refs: got %q, want %q", site.Refs, want)
	}
	if site.Dir != "/web/v1/" {
		t.Errorf("dir: got %q, want /web/v1/", site.Dir)
	}
}

func TestPeerPageErrors(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		items []*data.Item
		probe probe
		want  string
	}{
		{"no rows", strings.Replace(samplePage, `class="bg-table"`, `class="bg-grid"`, 1), sampleItems(), peerProbe, "no element of the page matches"},
		{"a row without an id", strings.Replace(samplePage, ` id="row-rails"`, "", 1), sampleItems(), peerProbe, "row 3 of the page has no id"},
		{"a row whose item is not in the catalog", samplePage, sampleItems()[:3], peerProbe, `row "row-django" names no item`},
		{"two rows, one item", strings.Replace(samplePage, `id="row-rails"`, `id="x-django"`, 1), sampleItems(), peerProbe, `both name item "django"`},
		{"a selector this builder does not read", samplePage, sampleItems(), probe{Visible: "table > tr"}, "only tags"},
	}
	for _, tt := range tests {
		_, err := peerPage([]byte(tt.page), tt.items, tt.probe)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error saying %q", tt.name, err, tt.want)
		}
	}
}

func TestCSSRefs(t *testing.T) {
	css := `.a{background:url("icon.svg") center} .b{background:url( 'img/x.png' )} .c{background:url(/web/v2/y.png)}
.d{background:url(data:image/png;base64,AAAA)} .e{background:url(https://cdn.example/z.png)} .f{mask:url(#m)} .g{background:url(../up.svg)}`
	got := cssRefs("/web/v1/app.css", []byte(css))
	want := []string{"/web/v1/icon.svg", "/web/v1/img/x.png", "/web/v2/y.png", "/web/up.svg"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
