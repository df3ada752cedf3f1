package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// expected holds the export's files: the bytes every static response
// must match exactly, whichever server sends them.
type expected map[string][]byte

// stats are one worker's counts, merged at the end of a run.
type stats struct {
	all      hist
	byClass  [nClasses]hist
	bytes    [nClasses]uint64 // body bytes as sent (compressed)
	redirect uint64
	errs     map[string]uint64 // kind of error -> count
	samples  []string          // the first few error messages, for the report
}

func newStats() *stats { return &stats{errs: map[string]uint64{}} }

func (s *stats) errors() uint64 {
	var n uint64
	for _, c := range s.errs {
		n += c
	}
	return n
}

func (s *stats) fail(kind string, t *target, detail string) {
	s.errs[kind]++
	if len(s.samples) < 8 {
		s.samples = append(s.samples, fmt.Sprintf("%s %s: %s", kind, t.path, detail))
	}
}

func (s *stats) merge(o *stats) {
	s.all.merge(&o.all)
	for c := range s.byClass {
		s.byClass[c].merge(&o.byClass[c])
		s.bytes[c] += o.bytes[c]
	}
	s.redirect += o.redirect
	for k, v := range o.errs {
		s.errs[k] += v
	}
	for _, m := range o.samples {
		if len(s.samples) < 8 {
			s.samples = append(s.samples, m)
		}
	}
}

func (s *stats) totalBytes() uint64 {
	var n uint64
	for _, b := range s.bytes {
		n += b
	}
	return n
}

// result is one timed run against one server.
type result struct {
	label   string
	mix     *mix
	elapsed time.Duration
	stats   *stats
	dials   int64 // connections opened
	closed  int64 // connections the server closed
}

func (r *result) rps() float64 { return r.perSecond(float64(r.stats.all.n)) }

func (r *result) mbps() float64 { return r.perSecond(float64(r.stats.totalBytes()) / 1e6) }

func (r *result) perSecond(x float64) float64 {
	if r.elapsed <= 0 {
		return 0
	}
	return x / r.elapsed.Seconds()
}

// client is a keep-alive pool of at most conns connections: each worker
// has one request in flight at a time, so the pool is the concurrency.
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

// runLoad sends the mix from conns workers until duration has passed; a
// request under way then finishes and counts.
func runLoad(label, base string, m *mix, files expected, conns int, duration time.Duration) *result {
	return drive(label, base, m, files, conns, duration, m.pick)
}

// runList asks for each of targets once, from conns connections.
func runList(label, base string, m *mix, files expected, conns int, targets []target) *result {
	var next atomic.Int64
	return drive(label, base, m, files, conns, 5*time.Minute, func(*rand.Rand) *target {
		i := next.Add(1) - 1
		if i >= int64(len(targets)) {
			return nil
		}
		return &targets[i]
	})
}

// drive sends requests from conns workers, each taking its next target
// from next until it returns nil or duration has passed.
func drive(label, base string, m *mix, files expected, conns int, duration time.Duration, next func(*rand.Rand) *target) *result {
	c := newClient(conns)
	defer c.close()
	start := time.Now()
	deadline := start.Add(duration)
	var wg sync.WaitGroup
	all := make([]*stats, conns)
	for w := range conns {
		all[w] = newStats()
		wg.Go(func() {
			v := &verifier{files: files, mix: m, buf: make([]byte, 32<<10)}
			rng := rand.New(rand.NewPCG(uint64(w), 0x6c6f6164))
			for n := 0; time.Now().Before(deadline) && interrupted.Err() == nil; n++ {
				t := next(rng)
				if t == nil {
					break
				}
				v.sampleBody = n%32 == 0
				t0 := time.Now()
				size, kind, detail := v.do(c.http, base, t)
				d := time.Since(t0)
				st := all[w]
				if kind != "" {
					st.fail(kind, t, detail)
					if kind == "transport" {
						time.Sleep(10 * time.Millisecond) // a server that is gone is not hammered
					}
					continue
				}
				if size < 0 {
					st.redirect++
					size = 0
				}
				st.all.record(d)
				st.byClass[t.class].record(d)
				st.bytes[t.class] += uint64(size)
			}
		})
	}
	wg.Wait()
	r := &result{label: label, mix: m, elapsed: time.Since(start), stats: newStats(), dials: c.dials.Load(), closed: c.peerClosed.Load()}
	for _, s := range all {
		r.stats.merge(s)
	}
	return r
}
