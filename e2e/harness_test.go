// Package e2e drives the real backendgrid server in headless Chromium. It is
// its own module so that chromedp never enters the wasm build.
package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"backendgrid/e2e/harness"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var (
	root       string            // the repository root (the server's working directory)
	chrome     *harness.Chromium // one Chromium for the whole run; each test opens tabs
	browserCtx context.Context   // chrome's context
	shotDir    string
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	root, err = filepath.Abs("..")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := harness.CheckBuild(root, harness.Binary, "web/app.wasm"); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v (make test does)\n", err)
		return 1
	}
	shotDir = filepath.Join(root, "e2e", "screenshots")
	if err := os.MkdirAll(shotDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}

	chrome, err = harness.StartChromium(harness.ChromiumPath())
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	defer chrome.Close()
	browserCtx = chrome.Ctx
	return m.Run()
}

// server is one running backendgrid process.
type server struct {
	*harness.Server
}

// startServer runs bin/backendgrid on a free loopback port with extra flags
// and stops it when the test ends.
func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	s, err := harness.StartServer(harness.ServerConfig{Root: root, Args: args, Timeout: 15 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Kill()
		if t.Failed() {
			t.Logf("server log:\n%s", s.Logs())
		}
	})
	return &server{s}
}

// stop kills the server now (the tests use it to take the network away).
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.Kill()
}

// get fetches a path from the server without a browser.
func (s *server) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// newTab opens a fresh tab (own cookies and storage) with a viewport.
func newTab(t *testing.T, width, height int64) context.Context {
	t.Helper()
	ctx, cancel, err := chrome.NewTab(width, height, 90*time.Second)
	must(t, err)
	t.Cleanup(cancel)
	csp := watchCSP(t, ctx)
	panics := watchPanics(ctx)
	t.Cleanup(func() {
		for _, v := range csp.list() {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
		for _, p := range panics.list() {
			t.Errorf("the wasm died: %s", p)
		}
	})
	return ctx
}

// watchPanics records Go panics and uncaught exceptions in the tab: a
// panic ends the wasm for good, leaving a page that no longer responds.
func watchPanics(ctx context.Context) *cspLog {
	l := &cspLog{}
	console := chromedp.Events(ctx, cdpruntime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, cdpruntime.ExceptionThrown)
	record := func(s string) {
		l.mu.Lock()
		l.violations = append(l.violations, s)
		l.mu.Unlock()
	}
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			for _, a := range ev.Args {
				if v := string(a.Value); strings.Contains(v, "panic:") || strings.Contains(v, "Go program has already exited") {
					record(v)
				}
			}
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			if d := ev.ExceptionDetails; d != nil {
				msg := d.Text
				if d.Exception != nil {
					msg += " " + d.Exception.Description
				}
				record(msg)
			}
		}
	}()
	return l
}

// cspLog collects a tab's Content-Security-Policy violations.
type cspLog struct {
	mu         sync.Mutex
	violations []string
}

func (l *cspLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.violations...)
}

// watchCSP fails the test on any Content-Security-Policy violation in the
// tab, on every page it visits: a listener is added to each new document
// and reports through a binding, so even a violation just before a
// navigation is caught.
func watchCSP(t *testing.T, ctx context.Context) *cspLog {
	t.Helper()
	l := &cspLog{}
	runNow := true // also in the document already there (an attached iframe)
	events := chromedp.Events(ctx, cdpruntime.BindingCalled)
	_, err := chromedp.Call(ctx, cdpruntime.AddBinding, cdpruntime.AddBindingParams{Name: "bgReportCSP"})
	must(t, err)
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("securitypolicyviolation", (e) =>
			bgReportCSP(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`,
		RunImmediately: &runNow,
	})
	must(t, err)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			if ev.Name == "bgReportCSP" {
				l.mu.Lock()
				l.violations = append(l.violations, ev.Payload)
				l.mu.Unlock()
			}
		}
	}()
	return l
}

// open navigates and waits until the wasm has mounted (boot.js's flag).
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	must(t, chromedp.Do(ctx, chromedp.Navigate(url)))
	waitReady(t, ctx)
}

// waitReady waits until the wasm has taken over the page.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, `window.backendgridBoot && window.backendgridBoot.ready === true`)
}

// waitJS polls a JavaScript condition until it is true (or the test times out).
// A reload while polling loses the JavaScript context; polling starts
// again in the new one until the deadline.
func waitJS(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		left := time.Until(deadline)
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(left)))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || !navigating(err) || ctx.Err() != nil {
			t.Fatalf("waiting for %s: %v", cond, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// navigating reports whether err is what Chromium answers when the page
// it was asked about navigated away meanwhile ("Execution context was
// destroyed", "Inspected target navigated or closed"): a reload under way,
// worth asking again.
func navigating(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "context") || strings.Contains(msg, "navigated")
}

// eval runs JavaScript and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// rowIDs lists the ids of the grid rows in order.
func rowIDs(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.bg-table tbody tr")).map(tr => tr.id.replace(/^row-/, ""))`)
}

// screenshot saves a full-page PNG under e2e/screenshots for review.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(shotDir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// sameSet reports whether a and b hold the same strings in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x]--; seen[x] < 0 {
			return false
		}
	}
	return true
}
