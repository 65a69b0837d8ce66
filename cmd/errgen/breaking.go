package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/errgen/errgen/internal/breaking"
	"github.com/errgen/errgen/internal/catalog"
)

const breakingUsage = `Usage: errgen breaking --against <file|git-revision> [-f codes.yaml] [-format text|github]

Compares the catalog with an older one and lists every change a client
would notice, each at its line in the catalog and in the older one. Exits 1
if any change breaks a client:
  - a code removed without being deprecated first, or a deprecated code
    removed without moving its number to reserved;
  - a number given another id or wire name, a code moved to another
    number, an id, wire name, HTTP status or client flag changed;
  - a placeholder removed, renamed, retyped, added or reordered (the
    generated constructors take one argument per placeholder, in order);
  - a reserved number used by a code, a reservation removed or narrowed;
  - a table removed, or its type name or prefix changed.
Added codes and tables, deprecations and retirements are listed as notes
(an exhaustive switch on the client needs a case for a new code). A message
or description changed in some languages but not in others is a warning:
the other translations may be stale. Neither fails the command.

--against is a file if one exists at that path; otherwise a git revision,
whose copy of the catalog (same path in the repository) is compared. If the
revision has no catalog yet, there is nothing to break and errgen exits 0.

Examples:
  errgen breaking --against HEAD~1
  errgen breaking --against origin/main -format github
  errgen breaking --against old/codes.yaml -f api/codes.yaml
`

func runBreaking(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "breaking", breakingUsage, &cf)
	against := fs.String("against", "", "the older catalog: a file, or a git revision such as HEAD~1 (required)")
	if code, ok := parse(fs, args, &cf); !ok {
		return code
	}
	if *against == "" {
		fmt.Fprintf(e.stderr, "errgen breaking: --against is required, e.g. --against HEAD~1\n")
		return exitUsage
	}
	current, ok := e.load(&cf)
	if !ok {
		return exitProblem
	}
	old, err := breaking.LoadAgainst(*against, cf.file)
	if errors.Is(err, breaking.ErrNoCatalog) {
		fmt.Fprintf(e.stdout, "errgen: %s has no %s; nothing to compare against\n", *against, cf.file)
		return exitOK
	}
	if err != nil {
		var diags catalog.Diagnostics
		if errors.As(err, &diags) {
			e.report(&cf, err)
			fmt.Fprintf(e.stderr, "errgen: the catalog in %s is invalid, so it cannot be compared\n", *against)
			return exitProblem
		}
		fmt.Fprintf(e.stderr, "errgen breaking: %v\n", err)
		return exitUsage
	}
	report := breaking.Compare(old, current)
	var b strings.Builder
	for _, c := range report.Changes {
		if cf.format == "github" {
			b.WriteString(c.GitHub())
		} else {
			b.WriteString(c.String())
		}
		b.WriteByte('\n')
	}
	fmt.Fprint(e.stderr, b.String())
	n := report.Count(breaking.Breaking)
	if cf.format == "text" {
		summary := fmt.Sprintf("errgen: %d breaking change(s), %d possibly stale translation(s), %d note(s) against %s",
			n, report.Count(breaking.Warning), report.Count(breaking.Note), *against)
		if n > 0 {
			fmt.Fprintln(e.stderr, summary)
		} else {
			fmt.Fprintln(e.stdout, summary)
		}
	}
	if n > 0 {
		return exitProblem
	}
	return exitOK
}
