package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// longTask is one main-thread task of 50 ms or more, as the Long Tasks API
// reports it to the probe, in milliseconds from the start of the navigation.
type longTask struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// blockThreshold is how long a task may run before it blocks input: what
// it runs past that is blocking time.
const blockThreshold = 50.0

// blockingTime is the Total Blocking Time of tasks in the window from
// (the first contentful paint) to to (the page ready and quiet), computed
// as Lighthouse does: each long task is clipped to the window first, and
// what the clipped task runs past 50 ms is summed. A 150 ms task that
// starts 50 ms before the first paint thus blocks for 50 ms, not 100.
func blockingTime(tasks []longTask, from, to float64) float64 {
	var sum float64
	for _, t := range tasks {
		if d := min(t.End, to) - max(t.Start, from); d > blockThreshold {
			sum += d - blockThreshold
		}
	}
	return sum
}

// quietFor is how long the main thread must have run no long task, after
// the app's ready flag, for a load to count as done. Lighthouse's window
// (to Time to Interactive) waits for 5 s of quiet, which would add 9 s to
// each of the three apps' runs here; the task that builds an app happens
// before its ready flag or right after it.
const quietFor = 2 * time.Second

// block is what held up the main thread during one cold load left alone.
type block struct {
	// FCP, Ready and End are milliseconds from the start of the
	// navigation: the first contentful paint, the ready flag, and the end
	// of the window (ready, and quietFor without a long task).
	FCP, Ready, End float64
	// TBT is the Total Blocking Time from FCP to End.
	TBT float64
	// Tasks counts the long tasks from the start of the navigation to
	// End, and Longest is the longest of them, unclipped.
	Tasks   int
	Longest float64
}

func tbtOf(b block) float64     { return b.TBT }
func longestOf(b block) float64 { return b.Longest }

// blockSummary is the median of f over the loads, with its interval.
func blockSummary(bs []block, f func(block) float64) summary {
	xs := make([]float64, len(bs))
	for i, b := range bs {
		xs[i] = f(b)
	}
	return summarize(xs)
}

// quietJS reports the probe's record once the page is ready, visible and
// painted, and has run no long task for QUIET ms, or false.
const quietJS = `(() => {
	const B = window.__bench;
	B.flush();
	if (B.ready < 0 || B.visible < 0 || B.fcp < 0) return false;
	const last = B.long.reduce((m, t) => Math.max(m, t.end), B.ready);
	const now = performance.now();
	if (now - last < QUIET) return false;
	return {fcp: B.fcp, ready: B.ready, end: now, long: B.long};
})()`

// blocking loads the app cold (a fresh browser context) and leaves it
// alone, no focus and no key, until it is ready and quiet, as a Lighthouse
// run would: the load's Total Blocking Time without the bench's own
// typing in it. The cold visits of coldWarm type at once, so they cannot
// tell the app's tasks from the key's.
func (c *chromium) blocking(a app) (block, error) {
	var b block
	ctx, done, _, err := c.tab(a.probe, 3*time.Minute)
	if err != nil {
		return b, err
	}
	defer done()
	ctx, stop := a.srv.watch(ctx)
	defer stop()
	if unobserved, err := eval[[]string](ctx, `window.__bench.unobserved || []`); err == nil && len(unobserved) > 0 {
		return b, fmt.Errorf("%s: this Chromium cannot observe %v", a.name, unobserved)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(a.srv.URL())); err != nil {
		return b, fmt.Errorf("%s: %w", a.name, cause(ctx, err))
	}
	type record struct {
		FCP   float64    `json:"fcp"`
		Ready float64    `json:"ready"`
		End   float64    `json:"end"`
		Long  []longTask `json:"long"`
	}
	js := strings.ReplaceAll(quietJS, "QUIET", fmt.Sprint(quietFor.Milliseconds()))
	rec, err := poll[record](ctx, js, 2*time.Minute)
	if err != nil {
		state, _ := eval[string](ctx, `JSON.stringify({ready: __bench.ready, visible: __bench.visible, fcp: __bench.fcp, long: __bench.long.length})`)
		if errors.Is(err, chromedp.ErrPollingTimeout) {
			err = errors.New("never ready and quiet")
		}
		return b, fmt.Errorf("%s: waiting for the page to be ready and quiet (%s): %w", a.name, state, cause(ctx, err))
	}
	b = block{FCP: rec.FCP, Ready: rec.Ready, End: rec.End, Tasks: len(rec.Long)}
	b.TBT = blockingTime(rec.Long, rec.FCP, rec.End)
	for _, t := range rec.Long {
		b.Longest = max(b.Longest, t.End-t.Start)
	}
	return b, nil
}
