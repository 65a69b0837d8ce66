package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"
	"github.com/google/renameio/v2"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
)

const importUsage = `Usage: errgen import -table http|response|error [-lang TAG] [-columns MAP] [flags] SOURCE

Reads the codes of SOURCE and merges them into the catalog. SOURCE may be
Markdown or plain text (a GFM table, an HTML <table>, a heading or list item
per code followed by its description, or whitespace-separated columns under
a header line), CSV, TSV, or a Go file of typed integer constants (the doc
comment becomes the message).

Column titles are recognised in Korean and English (코드/code, 메시지/message,
설명/description, 이름/name, HTTP 상태/status …); -columns maps any other.
A code already in the catalog keeps its text: a difference is reported as a
conflict at both positions, and -prefer=import takes the source's text.
Comments, key order and blank lines of the catalog stay as they are. A code
without a wire name or a short English title gets a placeholder id that the
loader refuses until a person names it. Nothing is written when any row of
SOURCE is invalid (a status the http table lacks among them); every
problem is printed. Exits 1 when something needs a person: invalid rows,
conflicts kept (with -n too), or a catalog that does not load yet.

Examples:
  errgen import -table response -lang ko responses.md
  errgen import -table error -lang ko -columns 'Error Message=name' errors.txt
  errgen import -table http -lang message=en,description=ko http-ko.md
  errgen import -table error -n codes.csv            # print the diff only
  errgen import -table error -gotype Code errors.go
`

func runImport(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "import", importUsage, &cf)
	table := fs.String("table", "", "the catalog table to fill: http, response or error")
	lang := fs.String("lang", "", "the language of the source's text: TAG, or message=TAG,description=TAG")
	columns := fs.String("columns", "", "map column titles: 'Title=FIELD[:LANG],…' with FIELD code, name, message, description, status or - (skip)")
	prefer := fs.String("prefer", "catalog", "whose text wins a conflict: catalog or import")
	dry := fs.Bool("n", false, "print the unified diff of the catalog instead of writing it")
	out := fs.String("o", "", "write the merged catalog to this new file instead of the catalog")
	goType := fs.String("gotype", "", "the constants' type, in a Go file with several")
	// Flags may follow the source too: `errgen import x.md -table error`.
	sources, code, ok := parseFiles(fs, args)
	if !ok {
		return code
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(e.stderr, "errgen import: "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case len(sources) != 1:
		return usage("give one source file (got %d)", len(sources))
	case *table == "":
		return usage("say which table to fill with -table http, response or error")
	case *prefer != "catalog" && *prefer != "import":
		return usage("-prefer must be catalog or import, not %q", *prefer)
	case cf.format != "text" && cf.format != "github":
		return usage("-format must be text or github, not %q", cf.format)
	}
	opts := importer.Options{Table: *table, PreferImport: *prefer == "import", GoType: *goType}
	var err error
	if opts.Langs, err = importer.ParseLangs(*lang); err != nil {
		return usage("%v", err)
	}
	if opts.Columns, err = importer.ParseColumns(*columns); err != nil {
		return usage("%v", err)
	}
	catData, err := os.ReadFile(cf.file)
	if err != nil {
		e.report(&cf, err)
		return exitProblem
	}
	src, err := os.ReadFile(sources[0])
	if err != nil {
		e.report(&cf, err)
		return exitProblem
	}
	res := importer.Import(cf.file, catData, sources[0], src, opts)
	if len(res.Errors) > 0 {
		e.list(&cf, res.Errors)
		if cf.format == "text" {
			fmt.Fprintf(e.stderr, "errgen import: %d problem(s); nothing written\n", len(res.Errors))
		}
		return exitProblem
	}
	e.list(&cf, append(append(catalog.Diagnostics{}, res.Warnings...), res.Conflicts...))
	kept := len(res.Conflicts) > 0 && !opts.PreferImport
	if *dry {
		// The same status as the import itself: a CI job that previews an
		// import fails where the import would need a person.
		fmt.Fprint(e.stdout, udiff.Unified(cf.file, cf.file, string(catData), string(res.Output)))
		if kept {
			return exitProblem
		}
		return exitOK
	}
	target := cf.file
	if *out != "" {
		if _, err := os.Stat(*out); err == nil {
			if same, _ := sameFile(*out, cf.file); !same {
				return usage("-o %s exists; errgen never overwrites a file it did not write", *out)
			}
		}
		target = *out
	}
	changed := string(res.Output) != string(catData) || target != cf.file
	if changed {
		if err := renameio.WriteFile(target, res.Output, 0o644, renameio.WithExistingPermissions()); err != nil {
			e.report(&cf, err)
			return exitProblem
		}
	}
	conflicts := fmt.Sprintf("%d conflict(s), the catalog's text kept", len(res.Conflicts))
	if opts.PreferImport {
		conflicts = fmt.Sprintf("%d text(s) taken from the source", res.Replaced)
	}
	fmt.Fprintf(e.stdout, "errgen import: %s: %d code(s) added, %d text(s) filled, %s\n", target, res.Added, res.Filled, conflicts)
	// What is left for a person: placeholder ids, statuses, languages.
	if _, err := catalog.Parse(target, res.Output, e.targets...); err != nil {
		fmt.Fprintf(e.stderr, "errgen import: %s does not load yet; what is left to do:\n", target)
		e.report(&catalogFlags{file: target, format: cf.format}, err)
		return exitProblem
	}
	if kept {
		return exitProblem
	}
	return exitOK
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(filepath.Clean(b))
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// list prints diagnostics of several files, one a line.
func (e *env) list(cf *catalogFlags, ds catalog.Diagnostics) {
	for _, d := range ds {
		if cf.format == "github" {
			fmt.Fprintln(e.stderr, d.GitHub())
		} else {
			fmt.Fprintln(e.stderr, d.String())
		}
	}
}
