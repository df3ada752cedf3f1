// Command bench is `make bench`: it measures backendgrid against a minimal
// go-app page (the floor any go-app program pays) and against a plain-JS
// peer (the same prerendered page searched by Fuse.js: what a team would
// write instead), and writes a Markdown report to stdout and
// e2e/bench-results.md:
//
//  0. the three apps side by side: keystrokes on the real catalog, ready,
//     and the Total Blocking Time of a cold load;
//  1. bytes: the wasm raw, gzip and brotli, and what a first and a second
//     visit transfer;
//  2. page loads in headless Chromium on loopback, cold and warm;
//  3. keystroke-to-screen latency on the real catalog and on synthetic ones;
//  4. the Go benchmarks of View at 11 to 100,000 rows;
//  5. what the wasm is made of, by package.
//
// It needs `make build` first (bin/backendgrid, web/app.wasm and its .br and
// .gz copies). The README's performance section explains the method.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"backendgrid/data"
	"backendgrid/data/synthetic"
	"backendgrid/e2e/harness"
)

type options struct {
	root       string
	out        string
	runs       int
	rows       []int
	wasmFlags  []string
	chromium   string
	benchCount int
	benchTime  string
	keyBudget  time.Duration
	skip       map[string]bool
	keep       bool
}

func main() {
	log.SetFlags(log.Ltime)
	log.SetPrefix("bench: ")
	var o options
	var rows, skip, wasmFlags string
	flag.StringVar(&o.root, "root", "..", "repository root (where `make build` put bin/ and web/)")
	flag.StringVar(&o.out, "out", "bench-results.md", "report file")
	flag.IntVar(&o.runs, "runs", 7, "page loads per app, cold and warm (a 95 % interval of the median needs at least 6)")
	flag.StringVar(&rows, "rows", "1000,10000", "sizes of the synthetic catalogs for the keystroke benchmark")
	flag.StringVar(&wasmFlags, "wasmflags", `-trimpath -ldflags="-s -w"`, "go build flags of the wasm (the Makefile passes its WASMFLAGS)")
	flag.StringVar(&o.chromium, "chromium", harness.ChromiumPath(), "Chromium binary")
	flag.IntVar(&o.benchCount, "count", 3, "go test -count for the View benchmarks (the fastest run is kept)")
	flag.StringVar(&o.benchTime, "benchtime", "", "go test -benchtime for the View benchmarks")
	flag.DurationVar(&o.keyBudget, "keybudget", 15*time.Minute, "time allowed for the keystrokes of one catalog")
	flag.StringVar(&skip, "skip", "", "comma-separated parts to skip: loads, keys, view, layout (for working on the harness)")
	flag.BoolVar(&o.keep, "keep", false, "keep the scratch directory with the builds")
	flag.Parse()
	o.wasmFlags = splitFlags(wasmFlags)
	o.skip = map[string]bool{}
	for _, s := range strings.Split(skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.skip[s] = true
		}
	}
	for _, s := range strings.Split(rows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			log.Fatalf("-rows: %q is not a row count", s)
		}
		o.rows = append(o.rows, n)
	}
	if o.runs < 1 {
		log.Fatal("-runs must be at least 1")
	}
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

func run(o options) error {
	root, err := filepath.Abs(o.root)
	if err != nil {
		return err
	}
	e2e, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := harness.CheckBuild(root, harness.Binary, "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz"); err != nil {
		return fmt.Errorf("%w (make bench does)", err)
	}
	tmp, err := os.MkdirTemp("", "backendgrid-bench-")
	if err != nil {
		return err
	}
	if o.keep {
		log.Printf("scratch directory: %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	b := &builder{root: root, e2e: e2e, tmp: tmp, wasmFlags: o.wasmFlags}
	rep := &report{env: environment(root), runs: o.runs}
	rep.env.wasmFlags = strings.Join(o.wasmFlags, " ")

	// Builds and sizes.
	helloDir, err := b.hello()
	if err != nil {
		return err
	}
	if rep.sizes[0], err = wasmSizes(filepath.Join(root, "web")); err != nil {
		return err
	}
	if rep.sizes[1], err = wasmSizes(filepath.Join(helloDir, "web")); err != nil {
		return err
	}
	if rep.stock, err = b.stock(); err != nil {
		return err
	}
	if !o.skip["layout"] {
		if rep.layout[0], rep.layout[1], err = b.layouts(); err != nil {
			return err
		}
	}

	var chrome *chromium
	if !o.skip["loads"] || !o.skip["keys"] {
		c, err := harness.StartChromium(o.chromium)
		if err != nil {
			return err
		}
		defer c.Close()
		chrome = &chromium{c}
		rep.env.chromium = c.Version
	}
	base := data.MustLoad()

	if !o.skip["loads"] || !o.skip["keys"] {
		grid, err := startServer(tmp, "grid", root, filepath.Join(root, harness.Binary))
		if err != nil {
			return err
		}
		defer grid.stop()
		hello, err := startServer(tmp, "hello", helloDir, filepath.Join(helloDir, "hello"))
		if err != nil {
			return err
		}
		defer hello.stop()
		// The peer is made from the page the grid's server prerenders now.
		peer, err := b.peer(grid.Server.URL, base.Items)
		if err != nil {
			return err
		}
		defer peer.stop()
		if !o.skip["loads"] {
			apps := [numApps]app{
				appGrid:  {name: "backendgrid", srv: grid, probe: gridProbe, key: countChangingKey(base), worker: true},
				appFloor: {name: "hello", srv: hello, probe: helloProbe, key: "a", worker: true},
				appPeer:  {name: "peer", srv: peer, probe: peerProbe, key: countChangingKey(base)},
			}
			for i := range o.runs {
				// Rotate which app goes first, so none always gets the
				// quieter or the warmer machine.
				for j := range numApps {
					k := (i + j) % numApps
					if err := rep.loadOnce(chrome, apps[k], i, o.runs, k); err != nil {
						return err
					}
				}
			}
		}
		if !o.skip["keys"] {
			script := typingScript()
			// A catalog that fails (too slow to mount, say) is a finding for
			// the report, not a reason to lose the other measurements.
			kr, err := chrome.typeKeys("real", len(base.Items), grid, script, o.keyBudget, appGrid)
			rep.keys = append(rep.keys, failed(kr, err))
			// The peer: the same keys on the same catalog, in plain JS.
			kr, err = chrome.typeKeys("real", len(base.Items), peer, script, o.keyBudget, appPeer)
			rep.keys = append(rep.keys, failed(kr, err))
			// The floor: the same keys into the hello page's echo.
			kr, err = chrome.typeKeys(appNames[appFloor], 0, hello, script, o.keyBudget, appFloor)
			rep.keys = append(rep.keys, failed(kr, err))
			for _, n := range o.rows {
				kr, err := syntheticKeys(b, chrome, base, n, script, o.keyBudget)
				rep.keys = append(rep.keys, failed(kr, err))
			}
		}
	}

	if !o.skip["view"] {
		if rep.views, err = runViewBench(root, o.benchCount, o.benchTime); err != nil {
			return err
		}
	}
	rep.env.loadEnd = loadAverage()
	rep.audit, rep.auditErr = readAudit(filepath.Join(e2e, "audit-results.md"))

	md := rep.markdown()
	fmt.Print(md)
	out := o.out
	if !filepath.IsAbs(out) {
		out = filepath.Join(e2e, out)
	}
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s", out)
	return nil
}

// failed notes err in the run, if any.
func failed(k keyRun, err error) keyRun {
	if err != nil {
		log.Printf("keys %s: %v", k.label(), err)
		k.Aborted = "failed: " + err.Error()
	}
	return k
}

// syntheticKeys builds the app on a synthetic catalog of n rows, serves it
// and types the script into it.
func syntheticKeys(b *builder, chrome *chromium, base *data.Catalog, n int, script []string, budget time.Duration) (keyRun, error) {
	run := keyRun{Catalog: fmt.Sprintf("synthetic %d", n), Rows: n}
	js, err := synthetic.JSON(base, n, 1)
	if err != nil {
		return run, err
	}
	if _, err := data.Parse(data.FileName, js); err != nil {
		return run, err
	}
	dir, err := b.variant(fmt.Sprintf("rows-%d", n), js)
	if err != nil {
		return run, err
	}
	srv, err := startServer(b.tmp, fmt.Sprintf("grid-%d", n), dir, filepath.Join(dir, harness.Binary))
	if err != nil {
		return run, err
	}
	defer srv.stop()
	return chrome.typeKeys(run.Catalog, n, srv, script, budget, appGrid)
}

// loadOnce measures app k once: a cold and a warm visit (coldWarm), and a
// cold load left alone until it is quiet (blocking). A page can navigate
// itself under the probe (go-app's default service worker taking over, for
// one): such a measurement is run again, and the report says how often.
func (r *report) loadOnce(chrome *chromium, a app, i, runs, k int) error {
	cold, warm, err := chrome.coldWarm(a)
	for try := 1; err != nil && try < 3; try++ {
		log.Printf("load %d/%d %s: %v; trying again", i+1, runs, a.name, err)
		r.retries[k]++
		cold, warm, err = chrome.coldWarm(a)
	}
	if err != nil {
		return err
	}
	r.cold[k] = append(r.cold[k], cold)
	r.warm[k] = append(r.warm[k], warm)
	blk, err := chrome.blocking(a)
	for try := 1; err != nil && try < 3; try++ {
		log.Printf("load %d/%d %s, left alone: %v; trying again", i+1, runs, a.name, err)
		r.retries[k]++
		blk, err = chrome.blocking(a)
	}
	if err != nil {
		return err
	}
	r.blocks[k] = append(r.blocks[k], blk)
	log.Printf("load %d/%d %s: cold visible %.0f ms, ready %.0f ms, interactive %.0f ms; warm visible %.0f ms, interactive %.0f ms; left alone: TBT %.0f ms (%d long tasks)",
		i+1, runs, a.name, cold.Visible, cold.Ready, cold.Interactive, warm.Visible, warm.Interactive, blk.TBT, blk.Tasks)
	return nil
}
