package e2e

import (
	"bytes"
	"context"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// waitControlled waits until the service worker controls the page: from
// then on, the app works without the network.
func waitControlled(t *testing.T, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, `navigator.serviceWorker.controller !== null`)
}

// requests records every URL the page asks for from now on.
type requests struct {
	mu   sync.Mutex
	urls []string
}

func recordRequests(ctx context.Context) *requests {
	r := &requests{}
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			r.mu.Lock()
			r.urls = append(r.urls, ev.Request.URL)
			r.mu.Unlock()
		}
	}()
	return r
}

func (r *requests) foreign(origin string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, u := range r.urls {
		if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			out = append(out, u)
		}
	}
	return out
}

func TestInstallable(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	must(t, err)
	reqs := recordRequests(ctx)
	open(t, ctx, srv.URL)
	waitControlled(t, ctx)
	// Installing the worker on a first visit is not an update.
	must(t, chromedp.Do(ctx, chromedp.Sleep(500*time.Millisecond)))
	if eval[bool](t, ctx, `document.getElementById("update-banner") !== null`) {
		t.Errorf("a first visit offers a new version")
	}

	m, err := chromedp.Call(ctx, page.GetAppManifest, page.GetAppManifestParams{})
	must(t, err)
	if len(m.Errors) > 0 {
		for _, e := range m.Errors {
			t.Errorf("manifest error: %s (line %d)", e.Message, e.Line)
		}
	}
	if m.Manifest == nil || !strings.HasSuffix(m.URL, "/manifest.webmanifest") {
		t.Fatalf("no parsed manifest: %+v", m)
	}
	for _, want := range []string{`"display": "standalone"`, `"short_name": "backendgrid"`, `"sizes": "192x192"`, `"sizes": "512x512"`, `"purpose": "maskable"`} {
		if !strings.Contains(m.Data, want) {
			t.Errorf("manifest lacks %s", want)
		}
	}
	inst, err := chromedp.Call(ctx, page.GetInstallabilityErrors, struct{}{})
	must(t, err)
	for _, e := range inst.InstallabilityErrors {
		// Each test tab is a fresh, incognito-like browser context, where
		// Chromium never offers installation; that is the harness, not the app.
		if e.ErrorID != "in-incognito" {
			t.Errorf("installability error: %s", e.ErrorID)
		}
	}
	if foreign := reqs.foreign(srv.URL); len(foreign) > 0 {
		t.Errorf("requests to other origins: %v", foreign)
	}
}

// offlineJourney checks the app with the server gone: reload, search,
// filter and compare.
func offlineJourney(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	must(t, chromedp.Do(ctx, chromedp.Navigate(base+"?q=python")))
	waitReady(t, ctx)
	if got := rowIDs(t, ctx); len(got) != 2 || !strings.Contains(strings.Join(got, " "), "django") || !strings.Contains(strings.Join(got, " "), "flask") {
		t.Errorf("offline reload of ?q=python shows %v", got)
	}
	clearSearch(t, ctx)
	typeInSearch(t, ctx, "rials")
	waitJS(t, ctx, `document.querySelector("tbody tr") && document.querySelector("tbody tr").id === "row-rails"`)
	clearSearch(t, ctx)
	waitJS(t, ctx, `document.querySelectorAll("tbody tr").length === 11`)
	click(t, ctx, `input[name="language"][value="JavaScript"]`)
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("4 of 11")`)
	// As a reader would: open the comparison once the tray shows both.
	pick(t, ctx, "express", 1)
	pick(t, ctx, "koa", 2)
	click(t, ctx, "#open-compare")
	waitCompared(t, ctx, "Express", "Koa")
}

func TestOfflineAfterOneVisit(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL)
	waitControlled(t, ctx)
	srv.stop(t)
	if _, err := http.Get(srv.URL); err == nil {
		t.Fatal("the server still answers")
	}
	offlineJourney(t, ctx, srv.URL+"/")
	screenshot(t, ctx, "offline-compare-1280")
}

func TestUpdateReachesAnOpenPage(t *testing.T) {
	addr := freeAddr(t)
	a := startServer(t, "-addr", addr, "-version", "version-a")
	ctx := newTab(t, 1280, 900)
	open(t, ctx, a.URL)
	waitControlled(t, ctx)
	if v := eval[string](t, ctx, `document.getElementById("app-version").textContent`); v != "Version version-a" {
		t.Fatalf("footer = %q", v)
	}
	a.stop(t)
	b := startServer(t, "-addr", addr, "-version", "version-b")
	if b.URL != a.URL {
		t.Fatalf("server B on %s, want %s", b.URL, a.URL)
	}
	// The check runs when the tab becomes visible again (and on a timer).
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.dispatchEvent(new Event("visibilitychange"))`)))
	waitJS(t, ctx, `document.getElementById("update-banner") !== null`)
	if txt := eval[string](t, ctx, `document.getElementById("update-banner").innerText`); !strings.Contains(txt, "A new version is available") {
		t.Errorf("banner reads %q", txt)
	}
	screenshot(t, ctx, "update-banner-1280")
	click(t, ctx, "#update-reload")
	waitJS(t, ctx, `document.getElementById("app-version") && document.getElementById("app-version").textContent === "Version version-b"`)
	waitReady(t, ctx)
	// The old version's cache is removed when the new worker activates.
	var keys []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if keys = evalAwait[[]string](t, ctx, `caches.keys()`); reflect.DeepEqual(keys, []string{"backendgrid-version-b"}) {
			break
		}
	}
	if !reflect.DeepEqual(keys, []string{"backendgrid-version-b"}) {
		t.Errorf("caches = %v, want only version B's", keys)
	}
	// A page opened after the deployment shows B at once.
	other := newTab(t, 1280, 900)
	open(t, other, b.URL)
	if v := eval[string](t, other, `document.getElementById("app-version").textContent`); v != "Version version-b" {
		t.Errorf("a new visit runs %q", v)
	}
}

// exportStatic runs the server's static export into a temp dir.
func exportStatic(t *testing.T, prefix string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(filepath.Join(root, "bin", "backendgrid"), "-static", dir, "-prefix", prefix, "-version", "static-test")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("static export: %v\n%s", err, out)
	}
	return dir
}

func TestStaticExportUnderASubPath(t *testing.T) {
	dist := exportStatic(t, "/some/path/")
	for _, f := range []string{"index.html", "404.html", "app-worker.js", "manifest.webmanifest", "web/static-test/app.wasm", "web/static-test/app.wasm.br", "web/static-test/app.wasm.gz", "web/static-test/app.js", "web/icon.svg"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Errorf("export lacks %s", f)
		}
	}
	manifest, _ := os.ReadFile(filepath.Join(dist, "manifest.webmanifest"))
	if !bytes.Contains(manifest, []byte(`"scope": "/some/path/"`)) || !bytes.Contains(manifest, []byte(`"start_url": "/some/path/"`)) {
		t.Errorf("manifest scope/start_url do not follow the prefix:\n%s", manifest)
	}

	// A plain static file server, as GitHub Pages or a bucket would be.
	mux := http.NewServeMux()
	mux.Handle("/some/path/", http.StripPrefix("/some/path/", http.FileServer(http.Dir(dist))))
	static := httptest.NewServer(mux)
	defer static.Close()
	base := static.URL + "/some/path/"

	ctx := newTab(t, 1280, 900)
	open(t, ctx, base)
	if n := len(rowIDs(t, ctx)); n != 11 {
		t.Fatalf("%d rows from the static export", n)
	}
	typeInSearch(t, ctx, "sprng")
	waitJS(t, ctx, `document.querySelector("tbody tr") && document.querySelector("tbody tr").id === "row-spring-boot"`)
	clearSearch(t, ctx)
	click(t, ctx, `input[name="license"][value="BSD-3-Clause"]`)
	waitJS(t, ctx, `document.getElementById("result-count").innerText.startsWith("2 of 11")`)
	waitJS(t, ctx, `location.pathname === "/some/path/" && location.search === "?license=BSD-3-Clause"`)
	waitControlled(t, ctx)
	if scope := evalAwait[string](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.scope)`); scope != base {
		t.Errorf("worker scope %q, want %q", scope, base)
	}

	static.Close()
	offlineJourney(t, ctx, base)
}

func TestStaticExportIsReproducible(t *testing.T) {
	a, b := exportStatic(t, "/"), exportStatic(t, "/")
	files := func(dir string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(dir, p)
				out[rel], _ = os.ReadFile(p)
			}
			return nil
		})
		return out
	}
	fa, fb := files(a), files(b)
	if len(fa) == 0 || len(fa) != len(fb) {
		t.Fatalf("exports hold %d and %d files", len(fa), len(fb))
	}
	for name, content := range fa {
		if !bytes.Equal(content, fb[name]) {
			t.Errorf("%s differs between two exports", name)
		}
	}
}

// freeAddr reserves a loopback port for servers that must share it.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// evalAwait evaluates a promise and decodes its value.
func evalAwait[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}
