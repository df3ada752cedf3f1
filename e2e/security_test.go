package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Every tab of every test fails on a CSP violation (see newTab). This
// proves the watcher sees one: the page's CSP forbids inline styles.
func TestCSPWatcherSeesViolations(t *testing.T) {
	srv := startServer(t)
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	defer cancel()
	log := watchCSP(t, ctx)
	open(t, ctx, srv.URL)
	eval[bool](t, ctx, `(() => { const d = document.createElement("div"); d.setAttribute("style", "color: red"); document.body.appendChild(d); return true; })()`)
	deadline := time.Now().Add(5 * time.Second)
	for len(log.list()) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if got := log.list(); len(got) == 0 || !strings.Contains(got[0], "style-src") {
		t.Fatalf("violations seen: %v, want the inline style", got)
	}
}

// A query that tries to break out of the prerendered input's value
// attribute stays text, before and after the wasm starts.
func TestQueryCannotInjectMarkup(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	hostile := `x" autofocus onfocus="window.bgPwned=1" data-x="`
	open(t, ctx, srv.URL+"/?q="+url.QueryEscape(hostile))
	if eval[bool](t, ctx, `window.bgPwned === 1`) {
		t.Fatal("the query ran script")
	}
	if v := eval[string](t, ctx, `document.getElementById("search").value`); v != strings.TrimSpace(hostile) {
		t.Errorf("search value = %q", v)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("[onfocus], [data-x]").length`); n != 0 {
		t.Errorf("%d injected attributes", n)
	}
	_, body := srv.get(t, "/?q="+url.QueryEscape(hostile))
	if strings.Contains(body, `onfocus="window`) {
		t.Errorf("the prerendered page carries the injected attribute")
	}
}
