package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/vet"
)

const vetUsage = `Usage: errgen vet [-format text|github] [packages]

Reports each place a Go program sends a code of an errgen-generated package
where it cannot go correctly on the wire: a code whose status obliges a
header the service has no one value for (Allow on 405), sent bare, through
New or Wrap without WithHeader, or wrapped; and a code whose status is below
400, sent as an error. Such a response goes out as a 500; the report names
file:line:col and the constructor to use. Packages default to ./... ; exits 1
when anything is found.

The same check runs inside go vet (under go tool, errgen is not on PATH):
  go vet -vettool=$(go tool -n errgen) ./...

Examples:
  errgen vet
  errgen vet ./internal/... -format github
`

func runVet(e *env, args []string) int {
	fs := flag.NewFlagSet("vet", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), vetUsage) }
	format := fs.String("format", "text", "how to print findings: text, or github for GitHub Actions annotations")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(e.stderr, "errgen vet: -format must be text or github, not %q\n", *format)
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	findings, err := vet.Check("", patterns...)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen vet: %v\n", err)
		return exitUsage
	}
	wd, _ := os.Getwd()
	var b strings.Builder
	for _, f := range findings {
		if rel, err := filepath.Rel(wd, f.Pos.Filename); err == nil && !strings.HasPrefix(rel, "..") {
			f.Pos.Filename = rel
		}
		if *format == "github" {
			b.WriteString(catalog.GitHubCommand("error", catalog.Pos{File: f.Pos.Filename, Line: f.Pos.Line, Column: f.Pos.Column}, f.Message))
		} else {
			b.WriteString(f.String())
		}
		b.WriteByte('\n')
	}
	fmt.Fprint(e.stdout, b.String())
	if len(findings) > 0 {
		if *format == "text" {
			fmt.Fprintf(e.stderr, "errgen vet: %d finding(s)\n", len(findings))
		}
		return exitProblem
	}
	return exitOK
}

// vettool reports whether go vet runs errgen as its -vettool: it first asks
// for the version and flags, then passes flags and one config file per
// package. No errgen command starts with a dash.
func vettool(args []string) bool {
	if len(args) == 0 {
		return false
	}
	a := args[len(args)-1]
	return a == "-V=full" || a == "-flags" || strings.HasSuffix(a, ".cfg") && (len(args) == 1 || strings.HasPrefix(args[0], "-"))
}

// runVettool hands the process to the analysis framework's unit checker,
// which speaks go vet's protocol and exits.
func runVettool() {
	unitchecker.Main(vet.Analyzer)
}
