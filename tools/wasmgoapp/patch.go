//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A patch is one change to go-app, as a unified diff (the form `diff -u`
// and `git diff` write) after a description of what it does and why.
type patch struct {
	name  string // the file name, for messages
	about string // the description: everything before the first "--- "
	files []filePatch
}

// filePatch changes one file; a file that is new has no old lines.
type filePatch struct {
	path  string // relative to the module's root, e.g. "pkg/app/engine.go"
	isNew bool
	hunks []hunk
}

// hunk replaces old lines (context and removed) with new ones (context and
// added); at is the old line it starts at, a hint only.
type hunk struct {
	at       int
	old, new []string
}

// parsePatch reads a patch file. Anything it does not understand is an
// error: a patch that half applies is worse than none.
func parsePatch(name, text string) (patch, error) {
	p := patch{name: name}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "--- ") {
		p.about += lines[i] + "\n"
		i++
	}
	p.about = strings.TrimSpace(p.about)
	for i < len(lines) {
		line := lines[i]
		switch {
		case line == "":
			i++
		case strings.HasPrefix(line, "--- "):
			if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "+++ b/") {
				return p, fmt.Errorf("%s:%d: a --- line must be followed by +++ b/<file>", name, i+1)
			}
			f := filePatch{path: strings.TrimPrefix(lines[i+1], "+++ b/"), isNew: line == "--- /dev/null"}
			if !f.isNew && line != "--- a/"+f.path {
				return p, fmt.Errorf("%s:%d: %q and %q name different files", name, i+1, line, lines[i+1])
			}
			p.files = append(p.files, f)
			i += 2
		case strings.HasPrefix(line, "@@ "):
			if len(p.files) == 0 {
				return p, fmt.Errorf("%s:%d: a hunk before any file", name, i+1)
			}
			h, next, err := parseHunk(lines, i)
			if err != nil {
				return p, fmt.Errorf("%s:%d: %w", name, i+1, err)
			}
			f := &p.files[len(p.files)-1]
			f.hunks = append(f.hunks, h)
			i = next
		default:
			return p, fmt.Errorf("%s:%d: unexpected line %q", name, i+1, line)
		}
	}
	if len(p.files) == 0 {
		return p, fmt.Errorf("%s: changes no file", name)
	}
	if p.about == "" {
		return p, fmt.Errorf("%s: says nothing about why: a patch starts with its reason", name)
	}
	return p, nil
}

// parseHunk reads the hunk whose header is lines[i], checking its counts.
func parseHunk(lines []string, i int) (hunk, int, error) {
	var oldStart, oldCount, newStart, newCount int
	header := lines[i]
	rest, ok := strings.CutPrefix(header, "@@ -")
	ranges, _, ok2 := strings.Cut(rest, " @@")
	if !ok || !ok2 {
		return hunk{}, 0, fmt.Errorf("bad hunk header %q", header)
	}
	o, n, ok := strings.Cut(ranges, " +")
	if !ok {
		return hunk{}, 0, fmt.Errorf("bad hunk header %q", header)
	}
	var err error
	if oldStart, oldCount, err = parseRange(o); err != nil {
		return hunk{}, 0, err
	}
	if newStart, newCount, err = parseRange(n); err != nil {
		return hunk{}, 0, err
	}
	_ = newStart
	h := hunk{at: oldStart}
	i++
	for len(h.old) < oldCount || len(h.new) < newCount {
		if i >= len(lines) {
			return hunk{}, 0, errors.New("the hunk ends early")
		}
		line := lines[i]
		switch {
		case strings.HasPrefix(line, " ") || line == "":
			text := strings.TrimPrefix(line, " ")
			h.old, h.new = append(h.old, text), append(h.new, text)
		case strings.HasPrefix(line, "-"):
			h.old = append(h.old, line[1:])
		case strings.HasPrefix(line, "+"):
			h.new = append(h.new, line[1:])
		case strings.HasPrefix(line, `\`):
		default:
			return hunk{}, 0, fmt.Errorf("unexpected line in a hunk %q", line)
		}
		i++
	}
	if len(h.old) != oldCount || len(h.new) != newCount {
		return hunk{}, 0, fmt.Errorf("hunk %q has %d old and %d new lines", header, len(h.old), len(h.new))
	}
	return h, i, nil
}

// parseRange reads "start,count" (count 1 when left out).
func parseRange(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, fmt.Errorf("bad range %q", s)
		}
	}
	return start, count, nil
}

// apply changes the files under dir. Every hunk's old lines must occur
// exactly once in the file as it is by then (its line number may have
// moved, where an earlier patch changed the file); a new file must not
// exist yet. Otherwise go-app's source is not the one the patch was
// written against, and nothing more is changed.
func (p patch) apply(dir string) error {
	for _, f := range p.files {
		path := filepath.Join(dir, filepath.FromSlash(f.path))
		if f.isNew {
			if _, err := os.Stat(path); err == nil {
				return fmt.Errorf("%s: %s exists already; the patch adds it", p.name, f.path)
			}
			if len(f.hunks) != 1 || len(f.hunks[0].old) != 0 {
				return fmt.Errorf("%s: a new file %s must be one hunk of added lines", p.name, f.path)
			}
			if err := os.WriteFile(path, []byte(strings.Join(f.hunks[0].new, "\n")+"\n"), 0o644); err != nil {
				return err
			}
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		text := string(b)
		for _, h := range f.hunks {
			old := strings.Join(h.old, "\n") + "\n"
			if n := strings.Count(text, old); n != 1 {
				return fmt.Errorf("%s: %s: the lines of the hunk at line %d occur %d times, want once; go-app's source is not the one the patch was written against", p.name, f.path, h.at, n)
			}
			text = strings.Replace(text, old, strings.Join(h.new, "\n")+"\n", 1)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
