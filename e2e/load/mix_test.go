package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

func itoa(n int) string { return fmt.Sprint(n) }

func TestMixWeights(t *testing.T) {
	tests := []struct {
		name         string
		withLongTail bool
		want         map[class]int // weight per 100 requests
	}{
		{"browser mix", true, map[class]int{classPage: 45, classLongTail: 5, classWasm: 4, classAsset: 42, classWorker: 4}},
		{"comparison mix: the long tail's share goes to the popular pages", false, map[class]int{classPage: 50, classWasm: 4, classAsset: 42, classWorker: 4}},
	}
	for _, tt := range tests {
		m := newMix(tt.name, "gzip", "gzip", "v1", tt.withLongTail)
		if m.total != 100 {
			t.Errorf("%s: weights add up to %d, want 100", tt.name, m.total)
		}
		got := map[class]int{}
		for _, g := range m.groups {
			got[g.class] = g.weight
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got weights %v, want %v", tt.name, got, tt.want)
		}
		// Drawing follows the weights (within a few percent over 100,000 draws).
		rng := rand.New(rand.NewPCG(1, 2))
		drawn := map[class]int{}
		for range 100_000 {
			drawn[m.pick(rng).class]++
		}
		for c, w := range tt.want {
			if d := float64(drawn[c]) / 1000; d < float64(w)*0.9-0.5 || d > float64(w)*1.1+0.5 {
				t.Errorf("%s: %s drawn %.1f times per 100, want about %d", tt.name, c, d, w)
			}
		}
	}
}

func TestMixTargets(t *testing.T) {
	m := newMix("browser mix", "br, gzip", "br", "v1", true)
	tests := []struct {
		class     class
		wantPaths []string // some of the class's addresses
		wantFiles bool     // static files with expected bytes
	}{
		{classPage, []string{"/", "/?q=rials", "/?compare=django,flask"}, false},
		{classLongTail, []string{"/?q=djngo&language=Python&sort=-released", "/?utm_source=mail&utm_campaign=c499"}, false},
		{classWasm, []string{"/web/v1/app.wasm"}, true},
		{classAsset, []string{"/web/v1/app.js", "/web/v1/icon-512.png", "/manifest.webmanifest"}, true},
		{classWorker, []string{"/app-worker.js"}, true},
	}
	for _, tt := range tests {
		ts := m.targets(tt.class)
		paths := map[string]bool{}
		for _, x := range ts {
			paths[x.path] = true
			if (x.file != "") != tt.wantFiles {
				t.Errorf("%s %s: file %q", tt.class, x.path, x.file)
			}
			if x.file != "" && "/"+x.file != x.path {
				t.Errorf("%s %s: the export's file is %q", tt.class, x.path, x.file)
			}
		}
		for _, p := range tt.wantPaths {
			if !paths[p] {
				t.Errorf("%s lacks %s", tt.class, p)
			}
		}
	}
}

// The long tail is larger than the server's page cache (512 pages), holds
// every address once, and none of the popular ones.
func TestLongTail(t *testing.T) {
	lt := longTail()
	if len(lt) <= 512 {
		t.Errorf("got %d addresses, want more than the 512 the page cache holds", len(lt))
	}
	seen := map[string]bool{}
	for _, q := range popularQueries {
		seen[q] = true
	}
	for _, q := range lt {
		if seen[q] {
			t.Errorf("%q is there twice, or is a popular address", q)
		}
		seen[q] = true
	}
}

// Every address the targeter draws is in the index, as the attack looks
// results up by URL.
func TestTargeterAndIndex(t *testing.T) {
	m := newMix("browser mix", "br, gzip", "br", "v1", true)
	tr, targets := m.load("http://127.0.0.1:1")
	for range 10_000 {
		var tgt vegeta.Target
		if err := tr(&tgt); err != nil {
			t.Fatal(err)
		}
		if targets[tgt.URL] == nil || tgt.Method != "GET" || tgt.Header.Get("Accept-Encoding") != "br, gzip" {
			t.Fatalf("drew %+v: not in the index, or not a GET asking for br, gzip", tgt)
		}
	}
}

func TestListTargeter(t *testing.T) {
	list := []target{{path: "/?a"}, {path: "/?b"}, {path: "/?c"}}
	tr := listTargeter("http://h", "gzip", list)
	var got []string
	for {
		var tgt vegeta.Target
		err := tr(&tgt)
		if errors.Is(err, vegeta.ErrNoTargets) {
			break
		}
		if err != nil || len(got) > 3 {
			t.Fatalf("after %v: %v", got, err)
		}
		got = append(got, tgt.URL)
	}
	if want := "http://h/?a http://h/?b http://h/?c"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s, then the end", got, want)
	}
}
