package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pickedDark opens the page and picks the dark theme with the switch.
func pickedDark(t *testing.T) (*server, context.Context) {
	t.Helper()
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	click(t, ctx, `label[for="theme-dark"]`)
	waitJS(t, ctx, `document.documentElement.dataset.theme === "dark"`)
	return srv, ctx
}

func TestThemeSwitchIsRemembered(t *testing.T) {
	srv, ctx := pickedDark(t)
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

// theme=auto in a link follows the system even over a remembered pick.
func TestThemeAutoBeatsTheRememberedPick(t *testing.T) {
	srv, ctx := pickedDark(t)
	open(t, ctx, srv.URL+"/?theme=auto")
	if eval[bool](t, ctx, `document.documentElement.hasAttribute("data-theme")`) {
		t.Errorf("theme=auto shows %q", eval[string](t, ctx, `document.documentElement.dataset.theme`))
	}
}
