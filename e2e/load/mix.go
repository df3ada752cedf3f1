package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"backendgrid/app/grid"
)

// class groups requests for the per-kind latency breakdown.
type class int

const (
	classPage     class = iota // a popular address: prerendered once, then from the page cache
	classLongTail              // a rarely seen address: mostly prerendered on the spot
	classWasm                  // /web/<version>/app.wasm
	classAsset                 // CSS, JS, icons, manifest
	classWorker                // /app-worker.js, the service worker
	nClasses
)

func (c class) String() string {
	return [...]string{"page (popular)", "page (long tail)", "app.wasm", "assets", "service worker"}[c]
}

// target is one address of the mix.
type target struct {
	class class
	path  string // what is requested, query string included
	file  string // for static files: the export's file that holds the expected bytes
}

// mix is a weighted choice of targets: first a class by its weight, then
// one of the class's addresses, all equally likely. The weights are per
// 100 requests and model a browser's traffic: a first visit fetches the
// page, every asset and the wasm once; after that the service worker
// answers the assets and only navigations (new query strings) reach the
// server. So pages dominate, and the wasm is a few percent of requests
// but most of the bytes.
type mix struct {
	name     string
	encoding string // the Accept-Encoding header every request sends
	wasmCode string // the Content-Encoding app.wasm must come back with
	groups   []group
	total    int
}

type group struct {
	class   class
	weight  int
	targets []target
}

// classWeights are the shares of each class, per 100 requests.
var classWeights = map[class]int{
	classPage:     45,
	classLongTail: 5,
	classWasm:     4,
	classAsset:    42,
	classWorker:   4,
}

// popularQueries are addresses people share and revisit: searches
// (typos included), facet filters, sorts, side-by-side comparisons.
var popularQueries = []string{
	"",
	"q=rails",
	"q=django",
	"q=rials",
	"q=sprng",
	"q=nest",
	"q=express",
	"q=.net",
	"q=orm",
	"q=async",
	"q=rails&language=Python,Ruby&sort=-released&compare=django,flask",
	"language=Python,Ruby",
	"language=TypeScript,JavaScript&sort=-released",
	"language=Python&orm=built-in",
	"language=Elixir",
	"license=MIT&sort=name",
	"kind=Micro-framework",
	"typing=Static&sort=-released",
	"runtime=Node.js&realtime=built-in",
	"q=api&auth=built-in,official",
	"q=js&packages=npm",
	"cols=language,license,released&sort=-released",
	"sort=-released",
	"sort=name",
	"pick=django,flask",
	"compare=django,flask",
	"compare=express,koa,nestjs&diff=1",
	"compare=rails,laravel,django,phoenix",
	"compare=spring-boot,aspnet-core&diff=1",
	"utm_source=newsletter&q=flask",
}

// longTail builds a deterministic set of addresses whose pages are far
// more than the server's page cache holds: combinations of searches,
// facets and sorts, comparisons, and campaign links whose utm_* parameters
// change nothing in the page but everything in the address, which is what
// a crawler or a mailing produces (the server renders those once: see
// distinctPages).
func longTail() []string {
	terms := []string{"", "rails", "djngo", "flask", "laravel", "phoenix", "koa", "nest", "spring", "asp",
		"node", "express", "orm", "templates", "typed", "realtime", "websocket", "mvc", "micro", "python"}
	filters := []string{"", "language=Python", "language=Ruby,PHP", "language=TypeScript", "license=MIT",
		"license=Apache-2.0", "kind=Full-stack framework", "orm=built-in", "templating=none", "typing=Dynamic"}
	sorts := []string{"", "sort=name", "sort=-name", "sort=released", "sort=-released", "sort=license"}
	var out []string
	join := func(parts ...string) string {
		var kept []string
		for _, p := range parts {
			if p != "" {
				kept = append(kept, p)
			}
		}
		return strings.Join(kept, "&")
	}
	for _, t := range terms {
		for _, f := range filters {
			for _, s := range sorts {
				q := ""
				if t != "" {
					q = "q=" + url.QueryEscape(t)
				}
				if f != "" {
					k, v, _ := strings.Cut(f, "=")
					f = k + "=" + url.QueryEscape(v)
				}
				out = append(out, join(q, f, s))
			}
		}
	}
	ids := []string{"aspnet-core", "django", "laravel", "nodejs", "rails", "nestjs", "express", "koa", "phoenix", "flask", "spring-boot"}
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			out = append(out, "compare="+a+","+b, "compare="+a+","+b+"&diff=1")
		}
	}
	for i := range 500 {
		out = append(out, fmt.Sprintf("utm_source=mail&utm_campaign=c%d", i))
	}
	// Keep only addresses that are not popular ones, each once.
	seen := map[string]bool{}
	for _, q := range popularQueries {
		seen[q] = true
	}
	kept := out[:0]
	for _, q := range out {
		if !seen[q] {
			seen[q] = true
			kept = append(kept, q)
		}
	}
	return kept
}

// distinctPages counts the pages among targets' addresses as the server's
// page cache keys them: without campaign parameters, in one order.
func distinctPages(targets []target) int {
	seen := map[string]bool{}
	for _, t := range targets {
		_, q, _ := strings.Cut(t.path, "?")
		v, err := url.ParseQuery(q)
		if err == nil {
			for k := range v {
				if grid.Tracking(k) {
					delete(v, k)
				}
			}
			q = v.Encode()
		}
		seen[q] = true
	}
	return len(seen)
}

// assetFiles are the files a first visit fetches besides the page and the
// wasm, relative to /web/<version>/ (the export holds them at that path).
var assetFiles = []string{"app.js", "wasm_exec.js", "app.css", "backendgrid.css", "boot.js",
	"icon.svg", "icon-192.png", "icon-maskable.png", "icon-512.png"}

// newMix lays out the targets. withLongTail false gives the long tail's
// share to the popular pages: a static server answers every query string
// with the same index.html, so only a mix of addresses that are
// prerendered once compares like for like.
func newMix(name, encoding, wasmCode, version string, withLongTail bool) *mix {
	m := &mix{name: name, encoding: encoding, wasmCode: wasmCode}
	add := func(c class, weight int, paths, files []string) {
		g := group{class: c, weight: weight}
		for i, p := range paths {
			t := target{class: c, path: p}
			if files != nil {
				t.file = files[i]
			}
			g.targets = append(g.targets, t)
		}
		m.groups = append(m.groups, g)
		m.total += weight
	}
	pages := func(qs []string) []string {
		out := make([]string, len(qs))
		for i, q := range qs {
			out[i] = "/"
			if q != "" {
				out[i] += "?" + q
			}
		}
		return out
	}
	if withLongTail {
		add(classPage, classWeights[classPage], pages(popularQueries), nil)
		add(classLongTail, classWeights[classLongTail], pages(longTail()), nil)
	} else {
		add(classPage, classWeights[classPage]+classWeights[classLongTail], pages(popularQueries), nil)
	}
	wasm := "web/" + version + "/app.wasm"
	add(classWasm, classWeights[classWasm], []string{"/" + wasm}, []string{wasm})
	var paths, files []string
	for _, f := range assetFiles {
		files = append(files, "web/"+version+"/"+f)
		paths = append(paths, "/web/"+version+"/"+f)
	}
	files = append(files, "manifest.webmanifest")
	paths = append(paths, "/manifest.webmanifest")
	add(classAsset, classWeights[classAsset], paths, files)
	add(classWorker, classWeights[classWorker], []string{"/app-worker.js"}, []string{"app-worker.js"})
	return m
}

// targets lists the addresses of one class (none if the mix lacks it).
func (m *mix) targets(c class) []target {
	for _, g := range m.groups {
		if g.class == c {
			return g.targets
		}
	}
	return nil
}

// targeter draws the mix's targets for vegeta's attacker, whose workers
// call it concurrently.
func (m *mix) targeter(base string) vegeta.Targeter {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(1, 0x6c6f6164))
	header := http.Header{"Accept-Encoding": {m.encoding}}
	return func(tgt *vegeta.Target) error {
		mu.Lock()
		t := m.pick(rng)
		mu.Unlock()
		*tgt = vegeta.Target{Method: http.MethodGet, URL: base + t.path, Header: header}
		return nil
	}
}

// listTargeter gives each of targets once, then vegeta.ErrNoTargets,
// which ends the attack.
func listTargeter(base, encoding string, targets []target) vegeta.Targeter {
	var next atomic.Int64
	header := http.Header{"Accept-Encoding": {encoding}}
	return func(tgt *vegeta.Target) error {
		i := next.Add(1) - 1
		if i >= int64(len(targets)) {
			return vegeta.ErrNoTargets
		}
		*tgt = vegeta.Target{Method: http.MethodGet, URL: base + targets[i].path, Header: header}
		return nil
	}
}

// index maps each address of targets, as requested from base, to its
// target: a vegeta result names only its URL.
func index(base string, targets ...[]target) map[string]*target {
	out := map[string]*target{}
	for _, ts := range targets {
		for i := range ts {
			out[base+ts[i].path] = &ts[i]
		}
	}
	return out
}

// all is every target of the mix, by class.
func (m *mix) all() [][]target {
	var out [][]target
	for _, g := range m.groups {
		out = append(out, g.targets)
	}
	return out
}

// pick draws a target with the mix's weights.
func (m *mix) pick(r *rand.Rand) *target {
	n := r.IntN(m.total)
	for i := range m.groups {
		g := &m.groups[i]
		if n < g.weight {
			return &g.targets[r.IntN(len(g.targets))]
		}
		n -= g.weight
	}
	panic("unreachable")
}
