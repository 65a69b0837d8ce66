// Package usage finds where a codebase uses the codes of a catalog, through
// the identifiers errgen generated for them, and what is wrong with those
// uses: codes used nowhere, deprecated codes still used, frontend branches
// for codes no Go code sends, and client-side codes on a server's path.
//
// References are resolved by the languages' own type checkers (go/types
// through golang.org/x/tools/go/packages, the TypeScript compiler API in
// Node), never by matching names, so a local variable that happens to be
// called like a code is not a use.
package usage

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
)

// Options say what to scan.
type Options struct {
	// Dir is the folder the Go patterns are relative to and positions are
	// printed relative to; "" is the working directory.
	Dir string
	// Patterns are Go package patterns; none means ./...
	Patterns []string
	// Tests also scans test files; Tags are extra build tags.
	Tests bool
	Tags  []string
	// TSDir is a TypeScript project (its tsconfig.json) to scan; "" scans none.
	TSDir string
	// TypeScript is the folder of the typescript npm package to run; ""
	// resolves typescript from TSDir, as the project's own build does.
	TypeScript string
	// Node is the node executable; "" is node on PATH.
	Node string
}

// Lang is the language a use is written in.
type Lang string

const (
	Go Lang = "go"
	TS Lang = "ts"
)

// Use is one reference to a code.
type Use struct {
	Code *catalog.Code
	Lang Lang
	Pos  catalog.Pos
	// Server is set on a Go use whose code goes into the generated
	// package's response writing (see serverPath).
	Server bool
}

// Severity of a finding; errors make errgen usage exit 1.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Advice  Severity = "advice"
)

// Finding is one thing wrong with how the codes are used.
type Finding struct {
	Pos      catalog.Pos
	Severity Severity
	Code     *catalog.Code
	Message  string
	Hint     string
}

// Report is the result of a scan: every use, by code, and the findings.
type Report struct {
	Catalog  *catalog.Catalog
	Uses     []Use // sorted by table, code number, language, position
	Findings []Finding
	// GoPackages and TSFiles count what was scanned.
	GoPackages, TSFiles int
}

// Errors counts the findings of severity error.
func (r *Report) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// Run scans the Go packages and, if asked, the TypeScript project.
func Run(c *catalog.Catalog, opt Options) (*Report, error) {
	if c.Output.Target(golang.Target.Name) == nil {
		return nil, fmt.Errorf("%s: the catalog has no output.go, so there is no generated Go package to look for", c.Path)
	}
	dir, err := filepath.Abs(cmp.Or(opt.Dir, "."))
	if err != nil {
		return nil, err
	}
	opt.Dir = dir
	r := &Report{Catalog: c}
	// The two scans wait mostly on their own processes (go list, node):
	// run them side by side.
	var tsUses []Use
	var tsErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if opt.TSDir != "" {
			tsUses, r.TSFiles, tsErr = scanTS(c, opt)
		}
	}()
	goUses, n, goErr := scanGo(c, opt)
	<-done
	if err := errors.Join(goErr, tsErr); err != nil {
		return nil, err
	}
	r.GoPackages = n
	r.Uses = append(goUses, tsUses...)
	r.Uses = sortUses(c, r.Uses)
	r.Findings = findings(c, r.Uses, opt.TSDir != "", dir)
	return r, nil
}

// order is a code's place in the catalog: table order, then number.
func order(c *catalog.Catalog) map[*catalog.Code]int {
	m := map[*catalog.Code]int{}
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			m[code] = len(m)
		}
	}
	return m
}

func comparePos(a, b catalog.Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// sortUses sorts uses by the catalog's order of their codes, then
// language and position, and drops repeats (a file seen in several package
// variants under -tests).
func sortUses(c *catalog.Catalog, us []Use) []Use {
	ord := order(c)
	slices.SortFunc(us, func(a, b Use) int {
		return cmp.Or(cmp.Compare(ord[a.Code], ord[b.Code]), cmp.Compare(a.Lang, b.Lang), comparePos(a.Pos, b.Pos))
	})
	return slices.CompactFunc(us, func(a, b Use) bool {
		return a.Code == b.Code && a.Lang == b.Lang && a.Pos == b.Pos && a.Server == b.Server
	})
}
