package e2e

import (
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The "Help me choose" journey: set criteria in the panel, read the
// ranking and the explanations, open the comparison of the top matches,
// and reload the shared link.
func TestHelpMeChoose(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	click(t, ctx, "#choose-toggle")
	waitJS(t, ctx, `document.getElementById("crit-column") !== null`)

	// ORM built in, as a must-have.
	selectOption(t, ctx, "crit-column", "orm")
	waitJS(t, ctx, `document.getElementById("crit-level") !== null`)
	click(t, ctx, "#add-need")
	waitState(t, ctx, "need=orm:built-in")

	// Authentication built in, as a must-have.
	selectOption(t, ctx, "crit-column", "auth")
	click(t, ctx, "#add-need")
	waitState(t, ctx, "need=orm:built-in,auth:built-in")

	// Real-time built in, nice to have.
	selectOption(t, ctx, "crit-column", "realtime")
	click(t, ctx, "#add-want")
	waitState(t, ctx, "want=realtime:built-in")

	// Python or Ruby, nice to have (checkbox values).
	selectOption(t, ctx, "crit-column", "language")
	waitJS(t, ctx, `document.querySelector(".bg-builder-values") !== null`)
	uncheckAll(t, ctx)
	clickLabel(t, ctx, "Python")
	clickLabel(t, ctx, "Ruby")
	waitJS(t, ctx, `!document.getElementById("add-want").disabled`)
	click(t, ctx, "#add-want")
	waitState(t, ctx, "language:Python|Ruby")
	if n := eval[int](t, ctx, `document.querySelectorAll(".bg-builder-values input:checked").length`); n != 0 {
		t.Errorf("%d value boxes stay ticked after adding the criterion", n)
	}

	// Ranking: Rails (real-time built in, Ruby) first; Django second
	// (Channels is an official add-on: half credit, plus Python).
	rows := rowIDs(t, ctx)
	if len(rows) < 3 || rows[0] != "rails" || rows[1] != "django" || rows[2] != "laravel" {
		t.Errorf("ranking = %v, want rails, django, laravel first", rows)
	}
	why := eval[string](t, ctx, `document.querySelector("#row-django .bg-fit-why").textContent`)
	for _, want := range []string{"Meets 2 of 2 must-haves and 1.5 of 2 nice-to-haves", "Real-time (official add-on: Django Channels, not built in; half credit)"} {
		if !strings.Contains(why, want) {
			t.Errorf("Django's explanation %q lacks %q", why, want)
		}
	}
	if verdict := eval[string](t, ctx, `document.querySelector("#row-express .bg-fit").textContent`); verdict != "Misses a must-have" {
		t.Errorf("Express verdict = %q", verdict)
	}
	last := rows[len(rows)-1]
	if eval[string](t, ctx, `document.querySelector("#row-`+last+` .bg-fit").textContent`) != "Misses a must-have" {
		t.Errorf("the last row %s should miss a must-have", last)
	}
	if got := eval[string](t, ctx, `document.querySelector(".bg-sorted").textContent`); !strings.Contains(got, "fit with your criteria") {
		t.Errorf("sort line = %q", got)
	}
	axeCheck(t, ctx, "help me choose with criteria")
	screenshot(t, ctx, "help-me-choose-1280")

	// Hide the misfits.
	click(t, ctx, "#hide-unfit")
	waitState(t, ctx, "unfit=hide")
	if got := rowIDs(t, ctx); !reflect.DeepEqual(got, []string{"rails", "django", "laravel"}) {
		t.Errorf("with misfits hidden: %v", got)
	}
	shared := eval[string](t, ctx, `location.href`)

	// One click compares the top matches.
	click(t, ctx, "#compare-top")
	waitCompared(t, ctx, "Ruby on Rails", "Django", "Laravel")
	must(t, chromedp.Do(ctx, chromedp.NavigateBack()))
	waitJS(t, ctx, `document.querySelector(".bg-choose") !== null && document.querySelectorAll(".bg-criterion").length === 4`)

	// The shared link brings the criteria back, also in embed mode.
	other := newTab(t, 1280, 900)
	open(t, other, shared)
	if got := rowIDs(t, other); !reflect.DeepEqual(got, []string{"rails", "django", "laravel"}) {
		t.Errorf("shared link rows = %v", got)
	}
	if n := eval[int](t, other, `document.querySelectorAll(".bg-criterion").length`); n != 4 {
		t.Errorf("shared link shows %d criteria", n)
	}
	open(t, other, shared+"&embed=1")
	if got := rowIDs(t, other); !reflect.DeepEqual(got, []string{"rails", "django", "laravel"}) {
		t.Errorf("embedded rows = %v", got)
	}

	// Turn a must-have into a nice-to-have, remove one.
	click(t, ctx, `#crit-auth button.bg-link-button`)
	waitJS(t, ctx, `location.search.includes("want=") && location.search.includes("auth:built-in") && !location.search.includes("need=orm:built-in,auth")`)
	click(t, ctx, `#crit-orm button.bg-remove`)
	waitJS(t, ctx, `!location.search.includes("orm:")`)
}

func selectOption(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitJS(t, ctx, `document.getElementById("`+id+`") !== null`)
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("`+id+`"); s.value = "`+value+`"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)))
	waitJS(t, ctx, `document.getElementById("`+id+`").value === "`+value+`"`)
}

func uncheckAll(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, id := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".bg-builder-values input:checked")).map(i => i.id)`) {
		click(t, ctx, "#"+id)
	}
}

func clickLabel(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	id := eval[string](t, ctx, `Array.from(document.querySelectorAll(".bg-builder-values label")).find(l => l.textContent === "`+text+`").htmlFor`)
	click(t, ctx, "#"+id)
}

// openFilters opens the collapsed filter panel (embed mode, narrow
// screens) and waits until it is open: a click sent while the panel is
// still being redrawn can be lost.
func openFilters(t *testing.T, ctx context.Context) {
	t.Helper()
	click(t, ctx, "#filters-toggle")
	waitJS(t, ctx, `document.getElementById("filters-toggle").getAttribute("aria-expanded") === "true"`)
}

// waitState waits until the rendered view's state (main#results'
// data-state, written with the render) holds a fragment: the address is
// replaced before go-app renders, so it is no sign the page shows it yet.
func waitState(t *testing.T, ctx context.Context, fragment string) {
	t.Helper()
	waitJS(t, ctx, `(document.getElementById("results") && document.getElementById("results").dataset.state || "").includes(`+strconv.Quote(fragment)+`)`)
}

// "Make nice-to-have" moves the criterion as it is now, not as it was.
func TestCriterionSwapUsesTheCurrentCriterion(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?need=orm:built-in")
	selectOption(t, ctx, "crit-column", "orm")
	selectOption(t, ctx, "crit-level", "official")
	waitJS(t, ctx, `!document.getElementById("add-need").disabled`)
	click(t, ctx, "#add-need")
	waitJS(t, ctx, `location.search.includes("need=orm:official")`)
	click(t, ctx, `#crit-orm button.bg-link-button`)
	waitJS(t, ctx, `location.search.includes("want=")`)
	if loc := eval[string](t, ctx, `location.search`); !strings.Contains(loc, "want=orm:official") {
		t.Errorf("after the swap: %s", loc)
	}
}
