package harness

import (
	"regexp"
	"strings"
	"testing"
)

func TestLogBuffer(t *testing.T) {
	re := regexp.MustCompile(`serving on (http://\S+)`)
	tests := []struct {
		name   string
		writes []string
		want   string // the reported submatch, "" for none
	}{
		{"one write", []string{"serving on http://127.0.0.1:5\n"}, "http://127.0.0.1:5"},
		{"a line split over writes", []string{"start\nserv", "ing on http://127.0.0.1:6", "\nmore\n"}, "http://127.0.0.1:6"},
		{"no newline yet", []string{"serving on http://127.0.0.1:7"}, ""},
		{"the first of two", []string{"serving on http://a\nserving on http://b\n"}, "http://a"},
		{"no match", []string{"listening\n"}, ""},
	}
	for _, tt := range tests {
		l := newLogBuffer(re)
		for _, w := range tt.writes {
			l.Write([]byte(w))
		}
		got := ""
		select {
		case got = <-l.found:
		default:
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		if all := strings.Join(tt.writes, ""); l.String() != all {
			t.Errorf("%s: kept %q, want %q", tt.name, l.String(), all)
		}
	}
}

// A process that writes more than the limit keeps its latest lines.
func TestLogBufferKeepsTheTail(t *testing.T) {
	l := newLogBuffer(nil)
	line := strings.Repeat("x", 99) + "\n"
	for range (logLimit / len(line)) * 3 {
		l.Write([]byte(line))
	}
	l.Write([]byte("the last line\n"))
	got := l.String()
	if len(got) > logLimit || !strings.HasSuffix(got, line+"the last line\n") || !strings.HasPrefix(got, line) {
		t.Errorf("got %d bytes ending %q, want at most %d, whole lines, ending with the last one", len(got), got[max(len(got)-20, 0):], logLimit)
	}
}
