package harness

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// The window the browser tests and the benchmark use, so that the numbers
// describe the page the tests check.
const WindowWidth, WindowHeight = 1280, 900

// ChromiumPath is $CHROMIUM, or Debian's /usr/bin/chromium.
func ChromiumPath() string {
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	return "/usr/bin/chromium"
}

// Chromium is one headless Chromium; tabs are opened in it.
type Chromium struct {
	// Ctx is the browser: chromedp.NewContext(Ctx, ...) opens a tab.
	Ctx context.Context
	// Version is the browser's product name and version.
	Version string
	cancel  func()
}

// StartChromium starts headless Chromium from exe and waits until it has
// opened a blank page.
func StartChromium(exe string) (*Chromium, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(WindowWidth, WindowHeight),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	c := &Chromium{Ctx: ctx, cancel: func() { cancelBrowser(); cancelAlloc() }}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		c.cancel()
		return nil, fmt.Errorf("cannot start Chromium at %s: %w", exe, err)
	}
	if v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{}); err == nil {
		c.Version = v.Product
	}
	return c, nil
}

// Close ends the browser.
func (c *Chromium) Close() { c.cancel() }

// NewTab opens a tab in a fresh browser context (empty cache, no service
// worker, no storage) with a viewport of width × height, that ends after
// timeout. Cancel it to close the tab and drop the context.
func (c *Chromium) NewTab(width, height int64, timeout time.Duration) (context.Context, context.CancelFunc, error) {
	ctx, cancelTab := chromedp.NewContext(c.Ctx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	cancel := func() { cancelTimeout(); cancelTab() }
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}
