package e2e

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestPrintStylesheet(t *testing.T) {
	srv := startServer(t)
	ctx := newTab(t, 1280, 900)
	open(t, ctx, srv.URL+"/?q=node")
	emulatePrint(t, ctx)
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
	// Notes, behind the values on screen, are written out on paper.
	if !eval[bool](t, ctx, `getComputedStyle(document.querySelector(".bg-cell[data-note]"), "::after").content.includes("Note: ")`) {
		t.Errorf("notes are not printed")
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFLandscape(), chromedp.PDFPrintBackground()))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(shotDir, "print-q-node.pdf"), pdf, 0o644))
}

// emulatePrint makes the page apply its print stylesheet, as on paper.
func emulatePrint(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	must(t, err)
}
