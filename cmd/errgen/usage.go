package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/errgen/errgen/internal/usage"
)

const usageUsage = `Usage: errgen usage [-f codes.yaml] [-format text|github] [-json] [-tests] [-tags a,b] [-ts DIR [-typescript DIR]] [packages…]

Finds every use of the catalog's codes in Go packages (default ./...) and,
with -ts, in a TypeScript project that imports the generated npm package,
and reports what is wrong with them:

  error    a client-side code (-1 … -6) goes into a response
  warning  a deprecated code is used (naming its replacement)
  advice   a code is used nowhere; the frontend handles a code no Go code sends

Uses are resolved by the type checkers, not by name: Go through
go/packages (the packages must type-check), TypeScript through the
TypeScript compiler API run by node. The typescript package is the
project's own (resolved from DIR, as its build resolves it) unless
-typescript names one. Exit status: 1 when a finding is an error, 2 when
the packages or the project cannot be read.

Examples:
  errgen usage
  errgen usage -tests -tags integration ./...
  errgen usage -ts web -format github
  errgen usage -json ./cmd/... ./internal/... > usage.json
`

func runUsage(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "usage", usageUsage, &cf)
	var opt usage.Options
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.BoolVar(&opt.Tests, "tests", false, "also scan test files")
	tags := fs.String("tags", "", "comma-separated build tags to scan with")
	fs.StringVar(&opt.TSDir, "ts", "", "a TypeScript project (a folder with tsconfig.json) to scan too")
	fs.StringVar(&opt.TypeScript, "typescript", "", "the typescript package folder to run (default: the one the -ts project resolves)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if cf.format != "text" && cf.format != "github" {
		fmt.Fprintf(e.stderr, "errgen usage: -format must be text or github, not %q\n", cf.format)
		return exitUsage
	}
	if *tags != "" {
		opt.Tags = strings.Split(*tags, ",")
	}
	opt.Patterns = fs.Args()
	c, ok := e.load(&cf)
	if !ok {
		return exitProblem
	}
	r, err := usage.Run(c, opt)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen usage: %v\n", err)
		return exitUsage
	}
	switch {
	case *asJSON:
		err = r.JSON(e.stdout)
	case cf.format == "github":
		err = r.GitHub(e.stdout)
	default:
		err = r.Text(e.stdout)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen usage: %v\n", err)
		return exitUsage
	}
	if r.Errors() > 0 {
		return exitProblem
	}
	return exitOK
}
