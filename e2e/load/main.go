// Command load is backendgrid's load test (`make load`): it runs the real
// server binary on loopback, sends it a browser-like mix of requests from
// 64 keep-alive connections for 30 s, checks every response, measures the
// server's memory, then serves the same files from nginx (the stock static
// server) with the same mix for comparison, and writes the results as
// Markdown.
//
// The load itself is vegeta's attacker (github.com/tsenart/vegeta), with
// its metrics for latency quantiles and bytes; the servers' CPU time and
// memory are read with gopsutil. What is written here is what no library
// does: the request mix (mix.go), the byte-for-byte checks of every
// response against the static export (verify.go), the nginx comparison
// (stock.go, measure.go) and the report (report.go, markdown.go).
//
// It exits non-zero when any request failed, when the server's resident
// memory was above -max-idle MiB just after start or above -max-rss MiB at
// any moment of the run (its VmHWM, start-up included), when it peaked more
// than -max-growth MiB above its warm-up peak or rose by more than that
// when a burst of new addresses came from 64 connections rather than from
// one per CPU, or when the server did not shut down cleanly.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"backendgrid/e2e/harness"
)

// interrupted ends the runs early on Ctrl-C or SIGTERM, so that the
// servers are still stopped and the report still written.
var interrupted = context.Background()

// options are the flags.
type options struct {
	root      string
	duration  time.Duration
	warmup    time.Duration
	conns     int
	rounds    int
	maxGrowth int64 // MiB
	maxRSS    int64 // MiB
	maxIdle   int64 // MiB
	stock     string
	out       string
	profile   string // directory for the server's profiles, if any
}

func main() {
	var o options
	flag.StringVar(&o.root, "root", "..", "the repository root: bin/backendgrid and web/ must be built (make build)")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "length of each measured run")
	flag.DurationVar(&o.warmup, "warmup", 15*time.Second, "warm-up before each server's measured runs, long enough to fill the page cache (not counted, but its errors are)")
	flag.IntVar(&o.conns, "conns", 64, "concurrent keep-alive connections")
	flag.IntVar(&o.rounds, "rounds", 3, "the comparison alternates the two servers in this many rounds, -duration in all for each")
	flag.Int64Var(&o.maxGrowth, "max-growth", 48, "fail when the server's VmRSS peaks more than this many MiB above its peak in the warm-up")
	flag.Int64Var(&o.maxRSS, "max-rss", 64, "fail when the server's VmRSS is ever above this many MiB (its VmHWM: start-up, runs and bursts)")
	flag.Int64Var(&o.maxIdle, "max-idle", 32, "fail when the server's VmRSS just after start is above this many MiB")
	flag.StringVar(&o.profile, "profile", "", "run the server with -debug-addr and write its heap and CPU profiles into this directory (profiling costs CPU: the timings are not comparable)")
	flag.StringVar(&o.stock, "stock", "auto", "the reference server: nginx, fileserver (Go's http.FileServer), or auto (nginx when installed)")
	flag.StringVar(&o.out, "out", "", "also write the Markdown report to this file")
	serveDir := flag.String("serve-files", "", "internal: serve this directory with http.FileServer (the fallback reference)")
	addr := flag.String("addr", "", "internal: with -serve-files, the address to listen on")
	flag.Parse()
	o.rounds = max(o.rounds, 1)
	if *serveDir != "" {
		serveFiles(*serveDir, *addr)
		return
	}
	var stop context.CancelFunc
	interrupted, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := run(o)
	if rep != nil {
		md := rep.markdown()
		fmt.Print(md)
		if o.out != "" {
			if werr := os.WriteFile(o.out, []byte(md), 0o644); werr != nil {
				err = errors.Join(err, werr)
			}
		}
		if len(rep.failures) > 0 {
			err = errors.Join(err, fmt.Errorf("load test failed: %s", strings.Join(rep.failures, "; ")))
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

// run does the whole test; the report it returns holds the failures.
func run(o options) (*report, error) {
	root, err := filepath.Abs(o.root)
	if err != nil {
		return nil, err
	}
	if err := harness.CheckBuild(root, harness.Binary, "web/app.wasm", "web/app.wasm.br"); err != nil {
		return nil, fmt.Errorf("%w (make load does)", err)
	}
	tmp, err := os.MkdirTemp("", "backendgrid-load-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	// nginx's workers drop root for nobody, who must read the export.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}

	// The static export is the set of files both servers serve: the same
	// version, so the same addresses.
	const domain = "127.0.0.1"
	site := filepath.Join(tmp, "site")
	exp := exec.Command(filepath.Join(root, harness.Binary), "-static", site, "-prefix", "/", "-domain", domain)
	exp.Dir = root
	if out, err := exp.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("static export: %v\n%s", err, out)
	}
	version, err := exportedVersion(site)
	if err != nil {
		return nil, err
	}
	brMix := newMix("browser mix", "br, gzip", "br", version, true)
	gzMix := newMix("comparison mix", "gzip", "gzip", version, false)
	files, err := loadExpected(site, brMix)
	if err != nil {
		return nil, err
	}

	rep := &report{opts: o, version: version, started: time.Now(), loadBefore: loadavg(), brMix: brMix, gzMix: gzMix}
	// A run that breaks off (a server that dies, say) still reports what
	// it measured, with the reason as a failure.
	if err := rep.measure(root, tmp, site, domain, files); err != nil {
		rep.failures = append(rep.failures, "the run broke off: "+err.Error())
	}
	rep.loadAfter = loadavg()
	rep.generatorHWM = readHWM(os.Getpid())
	rep.judge()
	return rep, nil
}

// preflight asks once for a sample of each class and checks it, so that
// a broken set-up fails before the load starts and says why.
func preflight(base string, m *mix, files expected) error {
	c := newClient(1)
	defer c.close()
	chk := &checker{files: files, mix: m}
	for _, g := range m.groups {
		for i, t := range g.targets {
			if i == 3 && g.class == classLongTail {
				break
			}
			code, header, body, err := get(c.http, base+t.path, m.encoding)
			if kind, detail := chk.check(&t, code, header, body, fmt.Sprint(err), true); kind != "" {
				return fmt.Errorf("%s %s: %s", kind, t.path, detail)
			}
		}
	}
	return nil
}

// get asks for url once, the way vegeta's attacker does: the status
// (0 when no response came), the headers and the whole body.
func get(c *http.Client, url, encoding string) (uint16, http.Header, []byte, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Accept-Encoding", encoding)
	res, err := c.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, nil, err
	}
	return uint16(res.StatusCode), res.Header, body, nil
}

// exportedVersion is the one directory under the export's web/.
func exportedVersion(site string) (string, error) {
	entries, err := os.ReadDir(filepath.Join(site, "web"))
	if err != nil {
		return "", err
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) != 1 {
		return "", fmt.Errorf("the export's web/ should hold one version directory, it holds %q", dirs)
	}
	return dirs[0], nil
}

// loadExpected reads the export's copies of the mix's static files, with
// their .gz and .br siblings, and checks that the brotli wasm decodes to
// the wasm itself.
func loadExpected(site string, m *mix) (expected, error) {
	files := expected{}
	for _, g := range m.groups {
		for _, t := range g.targets {
			if t.file == "" {
				continue
			}
			for _, ext := range []string{"", ".gz", ".br"} {
				b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(t.file+ext)))
				if errors.Is(err, os.ErrNotExist) && ext != "" {
					continue
				}
				if err != nil {
					return nil, err
				}
				files[t.file+ext] = b
			}
		}
	}
	for _, g := range m.groups {
		if g.class != classWasm {
			continue
		}
		f := g.targets[0].file
		raw, err := decode(files[f+".br"], "br")
		if err != nil || !bytes.Equal(raw, files[f]) {
			return nil, fmt.Errorf("the export's %s.br does not decode to %s (%v)", f, f, err)
		}
	}
	return files, nil
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// progress prints on stderr; the report goes to stdout.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "load: "+format+"\n", args...)
}
