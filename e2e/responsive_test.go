package e2e

import (
	"fmt"
	"testing"
)

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
