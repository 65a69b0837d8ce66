package main

import (
	"fmt"

	"github.com/errgen/errgen/internal/catalog"
)

const lintUsage = `Usage: errgen lint [-f codes.yaml] [-format text|github]

Validates the catalog like generate does, then prints advice that does not
stop generation: response codes that reuse a standard HTTP number with
another meaning, statuses missing a header the RFC requires, untranslated
messages, translations whose English changed since they were made (as
codes.sum records them), deprecations without a replacement or a reason, and English
messages that are not sentences (docs/codes-yaml.md, "English style").
Exits 1 only on errors.

Examples:
  errgen lint
  errgen lint -format github     # annotations in a GitHub Actions log
`

func runLint(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "lint", lintUsage, &cf)
	if code, ok := parse(fs, args, &cf); !ok {
		return code
	}
	c, ok := e.load(&cf)
	if !ok {
		return exitProblem
	}
	advice := catalog.Lint(c)
	stale, ok := e.staleAdvice(&cf, c)
	if !ok {
		return exitProblem
	}
	advice = append(advice, stale...)
	if len(advice) > 0 {
		e.report(&cf, advice)
	}
	if cf.format == "text" {
		fmt.Fprintf(e.stdout, "errgen: %s is valid; %d piece(s) of advice\n", cf.file, len(advice))
	}
	return exitOK
}
