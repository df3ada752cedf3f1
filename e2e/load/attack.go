package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// expected holds the export's files: the bytes every static response
// must match exactly, whichever server sends them.
type expected map[string][]byte

// stats are what a run counted: vegeta's metrics (latency quantiles, bytes)
// of the responses that passed the checks, and the failures by kind.
type stats struct {
	all      vegeta.Metrics
	byClass  [nClasses]vegeta.Metrics
	redirect uint64
	errs     map[string]uint64 // kind of error -> count
	samples  []string          // the first few error messages, for the report
}

func newStats() *stats { return &stats{errs: map[string]uint64{}} }

// ok records a response that passed the checks.
func (s *stats) ok(c class, r *vegeta.Result) {
	s.all.Add(r)
	s.byClass[c].Add(r)
	if r.Code >= 300 && r.Code < 400 {
		s.redirect++
	}
}

// quantile is the latency below which a fraction q of m's requests fell,
// from vegeta's t-digest; 0 when there were none.
func quantile(m *vegeta.Metrics, q float64) time.Duration {
	if m.Requests == 0 {
		return 0
	}
	return m.Latencies.Quantile(q)
}

func (s *stats) fail(kind, path, detail string) {
	s.errs[kind]++
	if len(s.samples) < 8 {
		s.samples = append(s.samples, fmt.Sprintf("%s %s: %s", kind, path, detail))
	}
}

func (s *stats) errors() uint64 {
	var n uint64
	for _, c := range s.errs {
		n += c
	}
	return n
}

// result is one timed run against one server, or the rounds of one.
type result struct {
	label   string
	mix     *mix
	elapsed time.Duration
	stats   *stats
	dials   int64 // connections opened
	closed  int64 // connections the server closed
}

func newResult(label string, m *mix) *result {
	return &result{label: label, mix: m, stats: newStats()}
}

// requests counts the responses that passed the checks.
func (r *result) requests() uint64 { return r.stats.all.Requests }

func (r *result) rps() float64 { return r.perSecond(float64(r.requests())) }

func (r *result) mbps() float64 { return r.perSecond(float64(r.stats.all.BytesIn.Total) / 1e6) }

func (r *result) perSecond(x float64) float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return x / r.elapsed.Seconds()
}

// client is a keep-alive pool of at most conns connections that counts
// what vegeta's own would not: the connections opened, and those the
// server closed.
type client struct {
	http       *http.Client
	dials      atomic.Int64
	peerClosed atomic.Int64
}

func newClient(conns int) *client {
	c := &client{}
	dialer := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c.dials.Add(1)
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &watchedConn{Conn: conn, peerClosed: &c.peerClosed}, nil
		},
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true, // we ask for codings ourselves and check the bytes as sent
	}
	c.http = &http.Client{
		Transport: tr,
		Timeout:   30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return c
}

func (c *client) close() { c.http.CloseIdleConnections() }

// watchedConn counts the connections that the server closed. Go's client
// opens a few more than the pool's size on a loaded machine (it does not
// reuse a connection whose request write it has not seen complete within
// 50 ms), so dials alone do not tell whether keep-alive held.
type watchedConn struct {
	net.Conn
	peerClosed *atomic.Int64
	seen       bool
}

func (w *watchedConn) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if err == io.EOF && !w.seen {
		w.seen = true
		w.peerClosed.Add(1)
	}
	return n, err
}

// attack is one leg of a run against base: vegeta's attacker with conns
// workers and no rate limit, so each worker has one request in flight on
// its keep-alive connection (a closed loop, as browsers are). It ends when
// duration has passed, the targeter runs out, the server exits (gone) or
// the run is interrupted; every response is checked against the export and
// counted into r.
func (r *result) attack(base string, tr vegeta.Targeter, targets map[string]*target, files expected, conns int, duration time.Duration, gone <-chan struct{}) {
	c := newClient(conns)
	defer c.close()
	atk := vegeta.NewAttacker(vegeta.Client(c.http), vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)))
	start := time.Now()
	results := atk.Attack(tr, vegeta.ConstantPacer{}, duration, "")
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-interrupted.Done():
		case <-gone:
		case <-stop:
			return
		}
		atk.Stop()
	}()

	// Checking a body (the wasm's megabytes) takes a while: several
	// checkers keep the workers from waiting on the channel.
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			chk := &checker{files: files, mix: r.mix}
			for res := range results {
				if res.URL == "" && res.Error == vegeta.ErrNoTargets.Error() {
					continue // the end of a list
				}
				t := targets[res.URL]
				if t == nil {
					mu.Lock()
					r.stats.fail("request", res.URL, "not an address of the mix")
					mu.Unlock()
					continue
				}
				kind, detail := chk.check(t, res.Code, res.Headers, res.Body, res.Error, res.Seq%32 == 0)
				mu.Lock()
				if kind != "" {
					r.stats.fail(kind, t.path, detail)
				} else {
					r.stats.ok(t.class, res)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	r.elapsed += time.Since(start)
	r.dials += c.dials.Load()
	r.closed += c.peerClosed.Load()
}
