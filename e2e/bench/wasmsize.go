package main

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// wasmLayout is what a wasm module is made of: section sizes, and the code
// bytes of each Go package (from the function names that a build without
// -s -w keeps). `go tool nm` does not read wasm, hence this parser.
type wasmLayout struct {
	Total    int
	Sections map[string]int // "code", "data", "name", ... → bytes
	Packages map[string]int // package path → bytes of function bodies
}

var sectionNames = map[byte]string{
	0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount",
}

// parseWasm reads the sections of a wasm binary and attributes each function
// body to its Go package.
func parseWasm(b []byte) (*wasmLayout, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm module")
	}
	l := &wasmLayout{Total: len(b), Sections: map[string]int{}, Packages: map[string]int{}}
	r := &reader{b: b, off: 8}
	var imported int
	var bodies []int
	names := map[int]string{}
	for r.off < len(b) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || r.off+size > len(b) {
			return nil, fmt.Errorf("section %d at %d: truncated", id, r.off)
		}
		sec := &reader{b: b[r.off : r.off+size]}
		name := sectionNames[id]
		switch id {
		case 0:
			name = sec.name()
			if name == "name" {
				readFuncNames(sec, names)
			}
			name = "custom " + name
		case 2:
			imported = countFuncImports(sec)
		case 10:
			for n := sec.uleb(); n > 0 && sec.err == nil; n-- {
				sz := int(sec.uleb())
				bodies = append(bodies, sz)
				sec.off += sz
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("section %s: %w", name, sec.err)
		}
		l.Sections[name] += size
		r.off += size
	}
	for i, sz := range bodies {
		l.Packages[packageOf(names[imported+i])] += sz
	}
	return l, nil
}

func readFuncNames(r *reader, names map[int]string) {
	for r.off < len(r.b) && r.err == nil {
		sub := r.byte()
		size := int(r.uleb())
		end := r.off + size
		if sub == 1 {
			for n := r.uleb(); n > 0 && r.err == nil; n-- {
				idx := int(r.uleb())
				names[idx] = r.name()
			}
		}
		r.off = end
	}
}

func countFuncImports(r *reader) int {
	funcs := 0
	for n := r.uleb(); n > 0 && r.err == nil; n-- {
		r.name()
		r.name()
		switch r.byte() {
		case 0: // function: type index
			r.uleb()
			funcs++
		case 1: // table: element type, limits
			r.byte()
			r.limits()
		case 2: // memory: limits
			r.limits()
		case 3: // global: value type, mutability
			r.byte()
			r.byte()
		}
	}
	return funcs
}

// packageOf maps a function name of the wasm name section to its Go
// package. The linker mangles names there ("/", "*", "(", ")" and "-" become
// "_"): "github.com_maxence_charriere_go_app_v10_pkg_app.__htmlA_.ID" is
// go-app's pkg/app, "encoding_json.__decodeState_.object" is encoding/json.
func packageOf(sym string) string {
	switch {
	case sym == "":
		return "(unnamed)"
	case strings.HasPrefix(sym, "type_."), strings.HasPrefix(sym, "go_."),
		strings.HasPrefix(sym, "type:"), strings.HasPrefix(sym, "go:"):
		return "(type and runtime tables)"
	}
	// The package ends at the first dot that does not start a domain's
	// top-level part ("github.com_", "golang.org_").
	end := -1
	for i := 0; i < len(sym); i++ {
		if sym[i] != '.' {
			continue
		}
		rest := sym[i+1:]
		if j := strings.IndexAny(rest, "_/"); j > 0 && j <= 3 && !strings.ContainsAny(rest[:j], ".") && strings.ToLower(rest[:j]) == rest[:j] && isTLD(rest[:j]) {
			continue
		}
		end = i
		break
	}
	if end < 0 {
		return "(other)"
	}
	return demangle(sym[:end])
}

func isTLD(s string) bool {
	switch s {
	case "com", "org", "net", "io", "in", "dev":
		return true
	}
	return false
}

// modulePaths undo the mangling for the modules whose paths have "-" or
// "_", which a plain "_" → "/" would get wrong.
var modulePaths = map[string]string{
	"github.com_maxence_charriere_go_app_v10": "github.com/maxence-charriere/go-app/v10",
	"github.com_sahilm_fuzzy":                 "github.com/sahilm/fuzzy",
	"github.com_google_uuid":                  "github.com/google/uuid",
	"golang.org_x_net":                        "golang.org/x/net",
}

func demangle(pkg string) string {
	if strings.Contains(pkg, "/") {
		return pkg // not mangled
	}
	for mangled, path := range modulePaths {
		if rest, ok := strings.CutPrefix(pkg, mangled); ok {
			return path + strings.ReplaceAll(rest, "_", "/")
		}
	}
	return strings.ReplaceAll(pkg, "_", "/")
}

// moduleOf groups a package into what the reader can act on.
func moduleOf(pkg string) string {
	switch {
	case strings.HasPrefix(pkg, "github.com/maxence-charriere/go-app"):
		return "go-app"
	case strings.HasPrefix(pkg, "backendgrid"), pkg == "main":
		return "backendgrid"
	case strings.HasPrefix(pkg, "("):
		return "other"
	case !strings.Contains(strings.SplitN(pkg, "/", 2)[0], "."):
		return "Go runtime and standard library"
	}
	return "other modules"
}

// top returns the n largest entries of m, largest first.
func top(m map[string]int, n int) []kv {
	out := make([]kv, 0, len(m))
	for k, v := range m {
		out = append(out, kv{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].v != out[j].v {
			return out[i].v > out[j].v
		}
		return out[i].k < out[j].k
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

type kv struct {
	k string
	v int
}

// reader decodes the LEB128 integers and names of the wasm binary format.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.off >= len(r.b) {
		r.err = errors.New("unexpected end")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("bad LEB128")
	return 0
}

func (r *reader) name() string {
	n := int(r.uleb())
	if r.err != nil || r.off+n > len(r.b) {
		r.err = errors.New("bad name")
		return ""
	}
	s := string(r.b[r.off : r.off+n])
	r.off += n
	return s
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
