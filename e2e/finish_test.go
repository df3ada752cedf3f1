package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeCheck injects axe-core (the pinned npm package in e2e/node_modules)
// and fails on any WCAG 2.1 A/AA violation (and 2.2 AA: target size) in the
// page as it is now.
func axeCheck(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join(root, "e2e", "node_modules", "axe-core", "axe.min.js"))
		axeSource = string(b)
	})
	if axeErr != nil {
		t.Fatalf("axe-core is missing (run npm ci in e2e/, make test does): %v", axeErr)
	}
	if !eval[bool](t, ctx, `typeof axe !== "undefined"`) {
		must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource)))
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []string }
	}
	raw := evalAwait[[]byte](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
	var s string
	must(t, json.Unmarshal(raw, &s))
	var vs []violation
	must(t, json.Unmarshal([]byte(s), &vs))
	for _, v := range vs {
		var targets []string
		for i, n := range v.Nodes {
			if i == 5 {
				targets = append(targets, fmt.Sprintf("and %d more", len(v.Nodes)-5))
				break
			}
			targets = append(targets, strings.Join(n.Target, " "))
		}
		t.Errorf("%s: axe %s (%s): %s at %v", what, v.ID, v.Impact, v.Help, targets)
	}
}

func TestAccessibilityAxe(t *testing.T) {
	srv := startServer(t)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			ctx := newTab(t, 1280, 900)
			open(t, ctx, srv.URL+"/?theme="+theme+"&q=rials&pick=django")
			axeCheck(t, ctx, "grid with a search, highlights and a pick")
			click(t, ctx, "#columns-toggle")
			axeCheck(t, ctx, "column chooser open")

			open(t, ctx, srv.URL+"/?theme="+theme+"&language=Cobol&q=zzz")
			axeCheck(t, ctx, "empty state and notices")

			open(t, ctx, srv.URL+"/?theme="+theme+"&compare=django,flask,rails")
			axeCheck(t, ctx, "comparison")
			click(t, ctx, "#only-diff")
			waitJS(t, ctx, `location.search.includes("diff=1")`)
			axeCheck(t, ctx, "comparison, only differences")

			open(t, ctx, srv.URL+"/?embed=1&theme="+theme+"&only=express,koa,nestjs")
			axeCheck(t, ctx, "embed mode")
			openFilters(t, ctx)
			axeCheck(t, ctx, "embed mode, filters open")

			narrow := newTab(t, 375, 812)
			open(t, narrow, srv.URL+"/?theme="+theme)
			openFilters(t, narrow)
			axeCheck(t, narrow, "375 px, filters open")
		})
	}
}

// Keyboard only: the skip link, search, a filter, a sort, a pick, the
// comparison and back, the column chooser and the theme switch.
func TestKeyboardOnly(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	tab := func() string {
		pressKey(t, ctx, "Tab", "Tab", 9)
		return eval[string](t, ctx, `(document.activeElement.id || document.activeElement.className || document.activeElement.tagName)`)
	}
	if got := tab(); got != "skip-link" {
		t.Fatalf("first Tab lands on %q, want the skip link", got)
	}
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `location.hash === "#results" || document.activeElement.id === "results"`)

	// Every focusable control shows a visible focus indicator.
	missing := eval[[]string](t, ctx, `(() => {
		const out = [];
		for (const el of document.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), [tabindex='0']")) {
			if (!el.checkVisibility()) continue;
			el.focus({focusVisible: true});
			if (document.activeElement !== el) continue;
			const s = getComputedStyle(el);
			const own = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
			const label = el.id && document.querySelector('label[for="' + el.id + '"]');
			const viaLabel = label && getComputedStyle(label).outlineStyle !== "none";
			if (!own && !viaLabel) out.push(el.outerHTML.slice(0, 80));
		}
		return out;
	})()`)
	if len(missing) > 0 {
		t.Errorf("no visible focus on %d controls, e.g. %q", len(missing), missing[0])
	}

	// The theme switch is a radio group: arrow keys move the choice.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("theme-auto"))))
	pressKey(t, ctx, "ArrowRight", "ArrowRight", 39)
	waitJS(t, ctx, `document.documentElement.dataset.theme === "light"`)
	// The theme is applied before go-app renders the switch; a second key
	// inside that frame would race the render (no person types that fast).
	must(t, chromedp.Do(ctx, chromedp.Sleep(150*time.Millisecond)))
	pressKey(t, ctx, "ArrowRight", "ArrowRight", 39)
	waitJS(t, ctx, `document.documentElement.dataset.theme === "dark"`)

	// Column chooser: open, hide a column with Space, move one with Enter.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("columns-toggle"))))
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `document.getElementById("col-runtime") !== null`)
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("col-runtime"))))
	pressKey(t, ctx, " ", "Space", 32)
	waitJS(t, ctx, `location.search.includes("cols=")`)
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("down-language"))))
	pressKey(t, ctx, "Enter", "Enter", 13)
	waitJS(t, ctx, `location.search.includes("cols=kind,language")`)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "down-language" {
		t.Errorf("after moving, focus is on %q, want it to stay on the button", id)
	}
}

func TestThemeSwitchIsRemembered(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	click(t, ctx, `label[for="theme-dark"]`)
	waitJS(t, ctx, `document.documentElement.dataset.theme === "dark"`)
	bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`)
	if bg != "rgb(16, 20, 28)" {
		t.Errorf("dark background = %s", bg)
	}
	must(t, chromedp.Do(ctx, chromedp.Reload()))
	waitReady(t, ctx)
	if !eval[bool](t, ctx, `document.documentElement.dataset.theme === "dark" && document.getElementById("theme-dark").checked`) {
		t.Errorf("the theme was not remembered across a reload")
	}
	// A theme in the link wins over the remembered one.
	open(t, ctx, srv.URL+"/?theme=light")
	if got := eval[string](t, ctx, `document.documentElement.dataset.theme`); got != "light" {
		t.Errorf("theme=light shows %q", got)
	}
	// Auto follows the system.
	click(t, ctx, `label[for="theme-auto"]`)
	waitJS(t, ctx, `!document.documentElement.hasAttribute("data-theme") && !location.search.includes("theme")`)
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
	must(t, err)
	if bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); bg != "rgb(16, 20, 28)" {
		t.Errorf("auto with a dark system = %s", bg)
	}
}

func TestColumnChooserRoundTrip(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	headers := func(ctx context.Context) []string {
		return eval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.bg-table thead th")).map(th => th.innerText.trim())`)
	}
	click(t, ctx, "#columns-toggle")
	// Each change re-renders the list (visible columns first), so each
	// click waits for the previous one to be on screen.
	step := func(css, want string) {
		click(t, ctx, css)
		waitJS(t, ctx, `(document.getElementById("results").dataset.state || "").includes("`+want+`")`)
	}
	step("#col-runtime", "cols=language,kind,license")   // hide
	step("#col-creator", ",version,creator")             // show (appended)
	step("#up-creator", ",creator,version")              // move left once
	step("#down-language", "cols=kind,language,license") // Kind before Language
	waitJS(t, ctx, `location.search.includes("cols=kind,language")`)
	want := headers(ctx)
	if want[1] != "Kind" || want[2] != "Language" || strings.Contains(strings.Join(want, "|"), "Runtime") {
		t.Fatalf("headers after the changes = %v", want)
	}
	if want[len(want)-2] != "Creator" {
		t.Errorf("Creator should be second to last: %v", want)
	}
	link := eval[string](t, ctx, `location.href`)
	other := newTab(t, 1280, 900)
	open(t, other, link)
	if got := headers(other); !reflect.DeepEqual(got, want) {
		t.Errorf("the link shows %v, want %v", got, want)
	}
	click(t, other, "#columns-toggle")
	click(t, other, "#columns-reset")
	waitJS(t, other, `!location.search.includes("cols=")`)
	// The address is replaced before the render: wait for the grid.
	waitJS(t, other, `!(document.getElementById("results").dataset.state || "").includes("cols=")`)
	if got := headers(other); len(got) != 15 || got[1] != "Language" {
		t.Errorf("after reset: %v", got)
	}
}

// downloads lets the tab save files into a temp dir and returns a func
// that waits for the next download and returns its name and content.
func downloads(t *testing.T, ctx context.Context) func(trigger func()) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	yes := true
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		DownloadPath: dir, EventsEnabled: &yes,
	})
	must(t, err)
	return func(trigger func()) (string, []byte) {
		t.Helper()
		begin := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
		trigger()
		var name string
		for ev, err := range begin {
			must(t, err)
			name = ev.SuggestedFilename
			break
		}
		path := filepath.Join(dir, name)
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
				if _, err := os.Stat(path + ".crdownload"); err != nil {
					return name, b
				}
			}
		}
		t.Fatalf("download %s did not finish", name)
		return "", nil
	}
}

func TestExportCSVAndJSON(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?language=JavaScript,TypeScript&sort=-released&cols=kind,license,released")
	get := downloads(t, ctx)

	name, body := get(func() { click(t, ctx, "#download-csv") })
	if name != "backendgrid-frameworks-language-javascript-typescript.csv" {
		t.Errorf("CSV file name = %q", name)
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	must(t, err)
	wantHead := []string{"ID", "Name", "Kind", "Kind source", "Kind note", "License", "License source", "License note", "First release", "First release source", "First release note"}
	if !reflect.DeepEqual(records[0], wantHead) {
		t.Errorf("CSV header = %q", records[0])
	}
	var csvIDs []string
	for _, r := range records[1:] {
		csvIDs = append(csvIDs, r[0])
		if !strings.HasPrefix(r[3], "https://") || !strings.HasPrefix(r[6], "https://") {
			t.Errorf("row %s lacks sources: %q", r[0], r)
		}
	}
	if view := rowIDs(t, ctx); !reflect.DeepEqual(csvIDs, view) {
		t.Errorf("CSV rows %v, view %v", csvIDs, view)
	}
	// Notes travel with the facts: Node.js is a runtime, and says so.
	if note := records[1+indexOf(csvIDs, "nodejs")][4]; !strings.Contains(note, "runtime") {
		t.Errorf("Node.js kind note = %q", note)
	}

	name, body = get(func() { click(t, ctx, "#download-json") })
	if name != "backendgrid-frameworks-language-javascript-typescript.json" {
		t.Errorf("JSON file name = %q", name)
	}
	var doc struct {
		View    string
		AsOf    string
		Columns []struct{ ID string }
		Items   []struct {
			ID    string
			Cells map[string]struct {
				Value  any
				Source string
			}
		}
	}
	must(t, json.Unmarshal(body, &doc))
	var jsonIDs []string
	for _, it := range doc.Items {
		jsonIDs = append(jsonIDs, it.ID)
		if y, ok := it.Cells["released"].Value.(float64); !ok || y < 2000 {
			t.Errorf("%s released = %v, want a number", it.ID, it.Cells["released"].Value)
		}
		if !strings.HasPrefix(it.Cells["license"].Source, "https://") {
			t.Errorf("%s license has no source", it.ID)
		}
	}
	if !reflect.DeepEqual(jsonIDs, csvIDs) || doc.View != "grid" || doc.AsOf == "" || len(doc.Columns) != 3 {
		t.Errorf("JSON view %q, items %v, %d columns", doc.View, jsonIDs, len(doc.Columns))
	}

	// The comparison exports as shown: one row per attribute.
	open(t, ctx, srv.URL+"/?compare=django,flask&diff=1")
	name, body = get(func() { click(t, ctx, "#download-csv") })
	if name != "backendgrid-frameworks-compare-django-flask.csv" {
		t.Errorf("comparison file name = %q", name)
	}
	records, err = csv.NewReader(bytes.NewReader(body)).ReadAll()
	must(t, err)
	if got := records[0]; !reflect.DeepEqual(got[:4], []string{"Attribute", "Django", "Django source", "Django note"}) {
		t.Errorf("comparison header = %q", got)
	}
	shown := eval[int](t, ctx, `document.querySelectorAll(".bg-compare-table tbody tr").length`)
	if len(records)-1 != shown {
		t.Errorf("comparison CSV has %d attributes, the view %d", len(records)-1, shown)
	}
	for _, r := range records[1:] {
		if r[len(r)-1] != "yes" {
			t.Errorf("only differences are exported, but %q is marked %q", r[0], r[len(r)-1])
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestPrintStylesheet(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?q=node")
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	must(t, err)
	got := eval[[]string](t, ctx, `[
		getComputedStyle(document.querySelector(".bg-filters")).display,
		getComputedStyle(document.querySelector(".bg-search")).display,
		getComputedStyle(document.querySelector(".bg-table-wrap")).overflow,
		getComputedStyle(document.querySelector(".bg-table-wrap")).maxHeight,
		getComputedStyle(document.querySelector("table.bg-table")).display,
		getComputedStyle(document.body).backgroundColor,
	]`)
	want := []string{"none", "none", "visible", "none", "table", "rgb(255, 255, 255)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("print styles = %q, want %q", got, want)
	}
	// Notes, folded on screen, are written out on paper.
	if !eval[bool](t, ctx, `(() => { const p = document.querySelector(".bg-note p"); return p && p.checkVisibility(); })()`) {
		t.Errorf("notes are not printed")
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFLandscape(), chromedp.PDFPrintBackground()))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(shotDir, "print-q-node.pdf"), pdf, 0o644))
}

func TestReducedMotion(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
	must(t, err)
	open(t, ctx, srv.URL)
	click(t, ctx, "#pick-django")
	if n := eval[int](t, ctx, `document.getAnimations().length`); n != 0 {
		t.Errorf("%d animations run with reduced motion", n)
	}
}

func TestResponsiveScreenshots(t *testing.T) {
	srv := startServer(t)
	for _, theme := range []string{"light", "dark"} {
		for _, width := range []int64{320, 375, 768, 1280} {
			ctx := newTab(t, width, 900)
			open(t, ctx, srv.URL+"/?theme="+theme+"&pick=django,flask")
			if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
				t.Errorf("%s %dpx: the page scrolls sideways", theme, width)
			}
			if width <= 760 && eval[bool](t, ctx, `getComputedStyle(document.getElementById("filter-groups")).display !== "none"`) {
				t.Errorf("%dpx: the filters should fold behind a button", width)
			}
			screenshot(t, ctx, fmt.Sprintf("grid-%s-%d", theme, width))
		}
	}
}
