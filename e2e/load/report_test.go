package main

import (
	"errors"
	"strings"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

const mb = 1 << 20

// fakeRun makes a measured run of n responses of each class, 5 ms each.
func fakeRun(label string, m *mix, n int, peakMiB int64) *measured {
	r := newMeasured(label, m)
	for _, g := range m.groups {
		for i := range n {
			r.stats.ok(g.class, &vegeta.Result{Code: 200, Latency: time.Duration(i%10+1) * time.Millisecond, BytesIn: 1000, Timestamp: time.Unix(0, 0)})
		}
	}
	r.elapsed = 10 * time.Second
	r.cpu = 2 * time.Second
	r.peak = memory{rss: peakMiB * mb, procs: 1}
	r.after = memory{rss: (peakMiB - 10) * mb, hwm: (peakMiB + 5) * mb, procs: 1}
	r.samples = []int64{30 * mb, 40 * mb, peakMiB * mb}
	return r
}

// passing is a report of a run that went well: 30 s runs, memory flat
// and within its bounds, a clean SIGTERM.
func passing() *report {
	br := newMix("browser mix", "br, gzip", "br", "v1", true)
	gz := newMix("comparison mix", "gzip", "gzip", "v1", false)
	rep := &report{
		opts:    options{duration: 30 * time.Second, warmup: 15 * time.Second, conns: 64, rounds: 3, maxGrowth: 48, maxRSS: 64, maxIdle: 32},
		version: "v1", started: time.Unix(0, 0), loadBefore: "1.0 1.0 1.0", loadAfter: "2.0 2.0 2.0",
		brMix: br, gzMix: gz, generatorHWM: 60 * mb,
	}
	rep.ours = serverReport{
		name: "backendgrid", idle: memory{rss: 20 * mb, hwm: 30 * mb, procs: 1}, baseline: memory{rss: 40 * mb, procs: 1},
		warmupPeak: memory{rss: 50 * mb, procs: 1}, warmup: fakeRun("backendgrid warm-up", br, 10, 50).result,
		runs:    []*measured{fakeRun("backendgrid", br, 100, 48), fakeRun("backendgrid", gz, 100, 45)},
		final:   memory{rss: 40 * mb, hwm: 60 * mb, procs: 1},
		stopped: true, stopTime: 30 * time.Millisecond, stopLogged: true, logs: "serving on http://127.0.0.1:1\nstopped\n",
	}
	for i, conns := range []int{2, 2, 64} {
		b := fakeRun("backendgrid burst", br, 5, int64(50+2*i))
		b.conns = conns
		rep.ours.bursts = append(rep.ours.bursts, b)
	}
	rep.stock = serverReport{
		name: "nginx 1.22.1", note: "gzip_static on", idle: memory{rss: 14 * mb, procs: 3}, baseline: memory{rss: 15 * mb, procs: 3},
		warmupPeak: memory{rss: 15 * mb, procs: 3}, warmup: fakeRun("nginx warm-up", gz, 10, 15).result,
		runs: []*measured{fakeRun("nginx 1.22.1", gz, 120, 15)},
	}
	return rep
}

func TestJudge(t *testing.T) {
	tests := []struct {
		name   string
		change func(*report)
		want   []string
	}{
		{"a clean run passes", func(*report) {}, nil},
		{"any error fails", func(r *report) { r.ours.runs[0].stats.fail("status 500", "/?q=x", "500 Internal Server Error") },
			[]string{"1 errors in backendgrid, browser mix (br, gzip)"}},
		{"an error in a warm-up fails too", func(r *report) { r.stock.warmup.stats.fail("transport", "/", "connection reset") },
			[]string{"1 errors in nginx warm-up, comparison mix (gzip)"}},
		{"memory above its bound just after start fails", func(r *report) { r.ours.idle.rss = 40 * mb },
			[]string{"backendgrid's VmRSS was 40.0 MiB just after start, more than the 32 MiB bound"}},
		{"a peak between two samples fails", func(r *report) { r.ours.final.hwm = 70 * mb },
			[]string{"backendgrid's VmRSS peaked at 70.0 MiB, more than the 64 MiB bound"}},
		{"a sampled peak in a burst fails", func(r *report) { r.ours.bursts[0].peak.rss = 65 * mb },
			[]string{"backendgrid's VmRSS peaked at 65.0 MiB, more than the 64 MiB bound"}},
		{"memory growth fails", func(r *report) { r.ours.runs[1].peak.rss = 110 * mb },
			[]string{"backendgrid's VmRSS peaked at 110.0 MiB, more than the 64 MiB bound",
				"backendgrid's VmRSS peaked 60.0 MiB above its warm-up peak, more than the 48 MiB bound"}},
		{"memory that grows with the connections fails", func(r *report) { r.ours.bursts[2].peak.rss = 110 * mb },
			[]string{"backendgrid's VmRSS peaked at 110.0 MiB, more than the 64 MiB bound",
				"backendgrid's memory grows with the connections: new addresses from 64 connections peaked at 110 MiB of VmRSS, from 2 at 52 MiB (bound: 48 MiB more)"}},
		{"profiles that could not be saved fail", func(r *report) { r.profileErrs = []string{"heap-idle: connection refused"} },
			[]string{"profiles not saved: heap-idle: connection refused"}},
		{"an unclean exit fails", func(r *report) { r.ours.stopErr = errors.New("exit status 2") },
			[]string{"backendgrid did not exit cleanly on SIGTERM: exit status 2"}},
		{"an exit without its last log line fails", func(r *report) { r.ours.stopLogged = false },
			[]string{`backendgrid exited on SIGTERM without logging "stopped"`}},
		{"a run that broke off is judged on what it measured", func(r *report) { r.ours.stopped = false }, nil},
		{"short runs fail", func(r *report) { r.opts.duration = 10 * time.Second },
			[]string{"measured runs of 10s are shorter than the 30 s the load test asks for"}},
	}
	for _, tt := range tests {
		rep := passing()
		tt.change(rep)
		rep.judge()
		if strings.Join(rep.failures, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got failures %q, want %q", tt.name, rep.failures, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		change   func(*report)
		want     []string
		wantNone []string
	}{
		{"a passing run", func(*report) {}, []string{
			"# Load test results",
			"**Verdict: pass.** No errors, memory within bounds (VmRSS at most 60.0 MiB, bound 64; 20.0 MiB just after start, bound 32), clean shutdown.",
			"## Against a stock static server",
			"| server | requests/s | p50 | p99 | errors | MB/s | server CPU per 1000 requests | VmRSS after |",
			"| backendgrid, gzip | 40 | ",
			"| nginx 1.22.1, gzip | 48 | ",
			"**Throughput ratio backendgrid / nginx 1.22.1: 0.83× in requests/s** (target: at least 0.95×; ",
			"**1.20× the server CPU per request** (target: at most 1.2×)",
			"## backendgrid, browser mix (`Accept-Encoding: br, gzip`)",
			"| class | requests | requests/s | p50 | p99 | max | MB/s |",
			"| page (long tail) | 100 | 10 | ",
			"| **all** | 500 | 50 | ",
			"## nginx 1.22.1, comparison mix (`Accept-Encoding: gzip`)",
			"| server | idle | warm-up peak | peak during runs | after runs | growth | peak of the whole run (VmHWM) |",
			"| backendgrid | 20.0 MiB | 50.0 MiB | 48.0 MiB | 35.0 MiB | -2.0 MiB | 60.0 MiB |",
			"| nginx 1.22.1 (3 processes) | 14.0 MiB |",
			"### A burst of new addresses",
			"| 3 | 64 | 25 | ",
			"The load generator's own peak (VmHWM): 60.0 MiB.",
			"SIGTERM after the runs: backendgrid exited with status 0 in 30.0 ms and logged \"stopped\": true.",
			"None: every response had a 2xx status",
			"| app.wasm | 4 | 1 | status, coding, every byte against the export |",
			"The long tail (browser mix only) is 1801 distinct addresses, 1302 distinct pages",
		}, []string{"FAIL", "log (last"}},
		{"a failing run", func(r *report) {
			r.ours.runs[0].stats.fail("status 500", "/?q=x", "500 Internal Server Error")
			r.judge()
		}, []string{
			"**Verdict: FAIL.**",
			"- 1 errors in backendgrid, browser mix (br, gzip)",
			"- backendgrid, browser mix: status 500: 1. First ones:",
			"  - `status 500 /?q=x: 500 Internal Server Error`",
			"## backendgrid's log (last 2 lines)",
		}, []string{"Verdict: pass"}},
		{"a run that broke off at the start", func(r *report) {
			r.ours.runs, r.stock.runs, r.ours.bursts, r.ours.stopped = nil, nil, nil, false
			r.failures = []string{"the run broke off: backendgrid exited at start"}
		}, []string{
			"Not measured: the run broke off before.",
			"Not reached: the run broke off before.",
		}, []string{"## Against a stock static server", "### A burst"}},
	}
	for _, tt := range tests {
		rep := passing()
		tt.change(rep)
		md := rep.markdown()
		for _, want := range tt.want {
			if !strings.Contains(md, want) {
				t.Errorf("%s: the report lacks %q:\n%s", tt.name, want, md)
			}
		}
		for _, not := range tt.wantNone {
			if strings.Contains(md, not) {
				t.Errorf("%s: the report has %q", tt.name, not)
			}
		}
	}
}
