package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/translations"
)

const generateUsage = `Usage: errgen generate [-f codes.yaml] [-format text|github] [-v | -q] [-exit-code]

Reads the catalog and renders every target enabled in its output section,
comparing each file with disk as it is rendered and staging it beside its
target when its bytes change. Only if all succeed is the write recorded
in a journal in the output folder and the staged files renamed into
place, each atomically; a write errgen was killed in is finished or
undone by the next generate or check. Generated files no longer produced
are removed; a file errgen did not generate is never overwritten or
removed. Every run renders and compares every file: nothing is remembered
between runs. Beside the catalog, codes.sum records which source text each
translation was made from (see errgen translations).

Like other Go generators it prints nothing when it succeeds, except one
line counting the catalog's lint warnings (an untranslated message, say),
which ` + "`errgen lint`" + ` lists. -v lists every file it wrote and how many it
generated; -q leaves out the warnings line too. -exit-code exits 1 when it
changed any file, naming them, as a pre-commit hook must so that they are
staged (pre-commit itself sees only changes to files git already tracks).

Examples:
  errgen generate
  errgen generate -v -f api/codes.yaml
  go tool errgen generate               # in a go:generate line (see the README)
`

const checkUsage = `Usage: errgen check [-f codes.yaml] [-format text|github]

Renders every target and compares each file with the one on disk.
Exits 1 and prints a unified diff for every stale, missing or extra file,
and names what an interrupted generate left (finishing or undoing it).
Run it in CI to keep the committed output in sync with the catalog.

Examples:
  errgen check
  errgen check -format github
`

func runGenerate(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "generate", generateUsage, &cf)
	quiet := fs.Bool("q", false, "print nothing when all goes well, not even the count of lint warnings")
	verbose := fs.Bool("v", false, "list every file written, created or removed, and how many were generated")
	exitCode := fs.Bool("exit-code", false, "exit 1 when any file changed, listing them on stderr")
	if code, ok := parse(fs, args, &cf); !ok {
		return code
	}
	data, err := os.ReadFile(cf.file)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen: %v\nerrgen: nothing was written\n", err)
		return exitProblem
	}
	c, ok := e.parse(&cf, data)
	if ok {
		ok = e.requireTargets(&cf, c)
	}
	if !ok {
		fmt.Fprintln(e.stderr, "errgen: nothing was written")
		return exitProblem
	}
	if _, ok := e.recoverOutput(&cf, c, e.stderr); !ok {
		fmt.Fprintln(e.stderr, "errgen: nothing was written")
		return exitProblem
	}
	// A codes.sum errgen may not write stops the run before out/ is
	// touched; it is written once every target has succeeded.
	if err := sumsWritable(translations.SumsPath(cf.file)); err != nil {
		fmt.Fprintf(e.stderr, "errgen: %v\nerrgen: nothing was written\n", err)
		return exitProblem
	}
	changes, n, err := render.Commit(c, e.targets, true)
	if err != nil {
		e.report(&cf, err)
		fmt.Fprintln(e.stderr, "errgen: nothing was written")
		return exitProblem
	}
	sumsChanged, ok := e.syncSums(&cf, c, data, true)
	if !ok {
		return exitProblem
	}
	if sumsChanged {
		changes = append(changes, output.Change{Path: translations.SumsPath(cf.file), Kind: output.Update})
	}
	if *verbose {
		for _, ch := range changes {
			fmt.Fprintf(e.stdout, "%-6s %s\n", ch.Kind, ch.Path)
		}
		fmt.Fprintf(e.stdout, "errgen: %d file(s) generated, %d changed\n", n, len(changes))
	}
	if !*quiet {
		e.countAdvice(&cf, c)
	}
	if *exitCode && len(changes) > 0 {
		if !*verbose {
			for _, ch := range changes {
				fmt.Fprintf(e.stderr, "%-6s %s\n", ch.Kind, ch.Path)
			}
		}
		fmt.Fprintf(e.stderr, "errgen: %d file(s) changed; review and stage them\n", len(changes))
		return exitProblem
	}
	return exitOK
}

// countAdvice prints one line counting what lint would advise, so that a
// code left without its Korean message (whose page then shows English)
// does not pass unnoticed through a quiet generate.
func (e *env) countAdvice(cf *catalogFlags, c *catalog.Catalog) {
	advice := catalog.Lint(c)
	if stale, ok := e.staleAdvice(cf, c); ok {
		advice = append(advice, stale...)
	}
	if len(advice) == 0 {
		return
	}
	untranslated := 0
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			untranslated += len(code.Untranslated)
		}
	}
	msg := fmt.Sprintf("%d lint warning(s) in %s", len(advice), cf.file)
	if untranslated > 0 {
		msg += fmt.Sprintf(" (%d untranslated text(s))", untranslated)
	}
	lint := "errgen lint"
	if cf.file != "codes.yaml" {
		lint += " -f " + cf.file
	}
	fmt.Fprintf(e.stderr, "errgen: %s; `%s` lists them\n", msg, lint)
}

func runCheck(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "check", checkUsage, &cf)
	if code, ok := parse(fs, args, &cf); !ok {
		return code
	}
	data, err := os.ReadFile(cf.file)
	if err != nil {
		e.report(&cf, err)
		return exitProblem
	}
	c, ok := e.parse(&cf, data)
	if !ok || !e.requireTargets(&cf, c) {
		return exitProblem
	}
	interrupted, ok := e.recoverOutput(&cf, c, e.stdout)
	if !ok {
		return exitProblem
	}
	changes, n, err := render.Commit(c, e.targets, false)
	if err != nil {
		e.report(&cf, err)
		return exitProblem
	}
	for _, ch := range changes {
		e.describeChange(&cf, ch)
	}
	// The sums file beside the catalog: generate keeps it (translations).
	sumsStale, ok := e.syncSums(&cf, c, data, false)
	if !ok {
		return exitProblem
	}
	if sumsStale {
		changes = append(changes, output.Change{Path: translations.SumsPath(cf.file)})
	}
	if interrupted {
		fmt.Fprintf(e.stderr, "errgen: %s held what an interrupted errgen generate left (it was killed, or the machine stopped); it is cleaned up now: run `errgen check` again before committing it\n", c.Output.Dir)
		return exitProblem
	}
	if len(changes) == 0 {
		fmt.Fprintf(e.stdout, "errgen: %d generated file(s) are up to date\n", n)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "errgen: %d file(s) out of date with %s; run `errgen generate`\n", len(changes), cf.file)
	return exitProblem
}

// recoverOutput finishes or undoes a write an earlier errgen was killed
// in, and removes the temporary files it left (output.Recover), printing
// each finding to w. found says whether there was any; ok is false when
// the recovery itself failed.
func (e *env) recoverOutput(cf *catalogFlags, c *catalog.Catalog, w io.Writer) (found, ok bool) {
	r, err := output.Recover(c.Root, c.Output.Dir)
	if err != nil {
		e.report(cf, err)
		return false, false
	}
	say := func(p, what string) {
		if cf.format == "github" {
			fmt.Fprintln(w, catalog.GitHubCommand("error", catalog.Pos{File: p}, what))
			return
		}
		fmt.Fprintf(w, "%s: %s\n", p, what)
	}
	if r.Journal != "" {
		say(path.Join(c.Output.Dir, output.JournalName), fmt.Sprintf("an interrupted errgen generate of %d file(s) was %s", r.Files, r.Journal))
	}
	for _, p := range r.Stray {
		say(p, "a temporary file of an interrupted errgen generate; removed")
	}
	return r.Found(), true
}

func (e *env) describeChange(cf *catalogFlags, ch output.Change) {
	what := map[output.ChangeKind]string{
		output.Create: "missing",
		output.Update: "stale",
		output.Delete: "extra (no longer generated)",
	}[ch.Kind]
	if cf.format == "github" {
		fmt.Fprintln(e.stdout, catalog.GitHubCommand("error", catalog.Pos{File: ch.Path}, ch.Path+" is "+what+"; run errgen generate"))
		return
	}
	fmt.Fprintf(e.stdout, "%s: %s\n", ch.Path, what)
	diff := udiff.Unified("a/"+ch.Path, "b/"+ch.Path, string(ch.Old), string(ch.New))
	if diff != "" {
		fmt.Fprint(e.stdout, diff)
		if !strings.HasSuffix(diff, "\n") {
			fmt.Fprintln(e.stdout)
		}
	}
}
