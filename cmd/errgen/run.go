package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
)

// Exit statuses: 1 means the catalog or out/ needs attention, 2 a usage
// error or a failure of errgen itself.
const (
	exitOK      = 0
	exitProblem = 1
	exitUsage   = 2
)

type command struct {
	name, summary, usage string
	run                  func(env *env, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"init", "write a starter codes.yaml", initUsage, runInit},
		{"generate", "write every enabled target from the catalog", generateUsage, runGenerate},
		{"check", "exit 1 if any generated file is stale, missing or extra", checkUsage, runCheck},
		{"site", "build the docs site (HTML, with search when Pagefind is found)", siteUsage, runSite},
		{"lint", "validate the catalog and print advice", lintUsage, runLint},
		{"import", "merge a code table (Markdown, HTML, CSV, TSV, Go) into the catalog", importUsage, runImport},
		{"translations", "export texts to PO or XLIFF for translators, import them back", translationsUsage, runTranslations},
		{"breaking", "exit 1 on changes that break clients, against an older catalog", breakingUsage, runBreaking},
		{"usage", "find where code uses the codes, and which uses are wrong", usageUsage, runUsage},
		{"vet", "report Go code that sends a code without its obliged header, or below 400", vetUsage, runVet},
		{"schema", "print the JSON Schema of codes.yaml", schemaUsage, runSchema},
		{"version", "print errgen's version", "Usage: errgen version\n", runVersion},
	}
}

// env is what a command may touch: its output streams, the targets it
// renders (tests swap in a failing one).
type env struct {
	stdout, stderr io.Writer
	targets        []catalog.Target
}

func run(args []string, stdout, stderr io.Writer) int {
	return runEnv(&env{stdout: stdout, stderr: stderr, targets: render.Targets}, args)
}

func runEnv(e *env, args []string) int {
	stderr, stdout := e.stderr, e.stdout
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		printUsage(w)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "errgen: unknown command %q\n\n", args[0])
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "errgen turns one codes.yaml into Go, OpenAPI, TypeScript and Markdown.\n\nUsage: errgen <command> [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun `errgen <command> -h` for a command's flags and examples.\n")
}

// catalogFlags are the flags every catalog-reading command shares.
type catalogFlags struct {
	file   string
	format string
}

func newFlagSet(e *env, name, usage string, cf *catalogFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fmt.Fprint(fs.Output(), "\nFlags:\n")
		fs.PrintDefaults()
	}
	if cf != nil {
		fs.StringVar(&cf.file, "f", "codes.yaml", "the catalog to read")
		fs.StringVar(&cf.format, "format", "text", "how to print problems: text, or github for GitHub Actions annotations")
	}
	return fs
}

// parse parses flags; ok is false when the command should stop with code.
func parse(fs *flag.FlagSet, args []string, cf *catalogFlags) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "errgen %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	if cf != nil && cf.format != "text" && cf.format != "github" {
		fmt.Fprintf(fs.Output(), "errgen %s: -format must be text or github, not %q\n", fs.Name(), cf.format)
		return exitUsage, false
	}
	return exitOK, true
}

// parseFiles parses flags that may come before or after the file
// arguments (`errgen import x.md -table error`) and returns the files;
// ok is false when the command should stop with code.
func parseFiles(fs *flag.FlagSet, args []string) (files []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			return files, exitOK, true
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// load reads the catalog, printing its problems in the chosen format.
func (e *env) load(cf *catalogFlags) (*catalog.Catalog, bool) {
	data, err := os.ReadFile(cf.file)
	if err != nil {
		e.report(cf, err)
		return nil, false
	}
	return e.parse(cf, data)
}

// parse is load for the catalog's bytes, already read.
func (e *env) parse(cf *catalogFlags, data []byte) (*catalog.Catalog, bool) {
	c, err := catalog.Parse(cf.file, data, e.targets...)
	if err != nil {
		e.report(cf, err)
		return nil, false
	}
	return c, true
}

// report prints diagnostics one a line, or any other error plainly.
func (e *env) report(cf *catalogFlags, err error) {
	var diags catalog.Diagnostics
	if !errors.As(err, &diags) {
		fmt.Fprintf(e.stderr, "errgen: %v\n", err)
		return
	}
	var b strings.Builder
	for _, d := range diags {
		if cf.format == "github" {
			b.WriteString(d.GitHub())
		} else {
			b.WriteString(d.String())
		}
		b.WriteByte('\n')
	}
	fmt.Fprint(e.stderr, b.String())
	if n := errorCount(diags); n > 0 && cf.format == "text" {
		fmt.Fprintf(e.stderr, "errgen: %d problem(s) in %s\n", n, cf.file)
	}
}

// requireTargets reports a catalog that would generate nothing.
func (e *env) requireTargets(cf *catalogFlags, c *catalog.Catalog) bool {
	if err := c.RequireTargets(); err != nil {
		e.report(cf, err)
		return false
	}
	return true
}

func errorCount(ds catalog.Diagnostics) int {
	n := 0
	for _, d := range ds {
		if d.Severity == catalog.SeverityError {
			n++
		}
	}
	return n
}

func runVersion(e *env, args []string) int {
	fs := newFlagSet(e, "version", "Usage: errgen version\n", nil)
	if code, ok := parse(fs, args, nil); !ok {
		return code
	}
	fmt.Fprintln(e.stdout, "errgen", version())
	return exitOK
}

// version is the module version errgen was built at (v1.2.3 under
// `go install …/cmd/errgen@v1.2.3`, (devel) or a pseudo-version in a
// checkout), the replacement a `replace` directive put in its place, and,
// when the go command stamped it, the VCS revision and time. Generated files never carry it, so that output does not change
// with errgen's build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	return formatVersion(info)
}

func formatVersion(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	// Under a `replace` (a checkout, a fork) the required version is a
	// placeholder; what was built is the replacement.
	if r := info.Main.Replace; r != nil {
		v += ", replaced by " + r.Path
		if r.Version != "" && r.Version != "(devel)" {
			v += " " + r.Version
		}
	}
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (revision %s, %s%s)", rev, at, dirty)
	}
	return v + " " + info.GoVersion
}
