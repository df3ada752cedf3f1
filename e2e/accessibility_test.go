package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

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
