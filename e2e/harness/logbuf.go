package harness

import (
	"bytes"
	"regexp"
	"sync"
)

// logLimit is how much output a Process keeps: the last 4 MiB, so that a
// chatty process neither fills the memory nor loses its latest lines.
const logLimit = 4 << 20

// logBuffer keeps a process's output and reports the first line that
// matches a pattern.
type logBuffer struct {
	mu      sync.Mutex
	buf     []byte
	partial []byte // the current line, until its newline
	match   *regexp.Regexp
	found   chan string // the match's first submatch, once
}

func newLogBuffer(match *regexp.Regexp) *logBuffer {
	return &logBuffer{match: match, found: make(chan string, 1)}
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, p...)
	if len(l.buf) > logLimit {
		// Drop the oldest half, at a line's start.
		cut := len(l.buf) - logLimit/2
		if i := bytes.IndexByte(l.buf[cut:], '\n'); i >= 0 {
			cut += i + 1
		}
		l.buf = append(l.buf[:0], l.buf[cut:]...)
	}
	if l.match == nil {
		return len(p), nil
	}
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		if m := l.match.FindSubmatch(l.partial[:i]); m != nil {
			l.found <- string(m[1])
			l.match = nil // once is enough
			l.partial = nil
			break
		}
		l.partial = l.partial[i+1:]
	}
	if len(l.partial) > 64<<10 {
		l.partial = nil
	}
	return len(p), nil
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.buf)
}
