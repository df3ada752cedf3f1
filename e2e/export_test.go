package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

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
