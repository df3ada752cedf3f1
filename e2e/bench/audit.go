package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
)

// auditResult is what `make audit` last wrote into e2e/audit-results.md,
// as audit.mjs writes it for programs: one line <!-- audit {...} -->.
type auditResult struct {
	Version string `json:"version"` // Lighthouse's
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	URL     string `json:"url"`
	Runs    int    `json:"runs"`
	// Median holds the median over the runs of each category score
	// (performance, accessibility, best-practices, seo: 0 to 100) and of
	// the Total Blocking Time (tbt, ms).
	Median map[string]float64 `json:"median"`
}

var auditLine = regexp.MustCompile(`(?m)^<!-- audit (\{.*\}) -->$`)

// parseAudit reads the results line of an audit report.
func parseAudit(md []byte) (*auditResult, error) {
	m := auditLine.FindSubmatch(md)
	if m == nil {
		return nil, errors.New("it has no results line (an older make audit wrote it)")
	}
	var a auditResult
	if err := json.Unmarshal(m[1], &a); err != nil {
		return nil, fmt.Errorf("its results line: %w", err)
	}
	for _, k := range []string{"performance", "tbt"} {
		if _, ok := a.Median[k]; !ok {
			return nil, fmt.Errorf("its results line has no median %s", k)
		}
	}
	return &a, nil
}

// readAudit reads the audit report at file.
func readAudit(file string) (*auditResult, error) {
	b, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no %s: run `make audit`", filepath.Base(file))
	}
	if err != nil {
		return nil, err
	}
	a, err := parseAudit(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(file), err)
	}
	return a, nil
}
