package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/aymanbagabas/go-udiff"
	"github.com/google/renameio/v2"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/translations"
)

const translationsUsage = `Usage: errgen translations export -lang TAG [-format po|xliff] [-o FILE] [-f codes.yaml]
       errgen translations import [-n] [-f codes.yaml] FILE

export writes every text of the catalog (messages, titles, descriptions,
table and category titles, deprecation and reserved reasons, header
descriptions) for a translation into one language, as a gettext PO file or
an XLIFF 2.0 document. Each entry has its source text, a context that names
it (table.code.field), a note with the code's identifier and its place in
the catalog, and its placeholders marked: the PO flag python-brace-format,
which msgfmt --check-format checks, or XLIFF <ph/> elements. A translation
whose source changed since it was made is exported fuzzy (PO) or in state
initial (XLIFF), with the source it was made from. A language the catalog
does not declare yet exports with empty targets.

import writes a file's translations into the catalog at their places,
keeping every other byte, and records in codes.sum (beside the catalog) the
source each was made from. It refuses the whole file, naming its line and
column, for a placeholder renamed, dropped or added, a context the catalog
lacks, plural forms or a format the catalog cannot hold; nothing is
written then. Fuzzy (PO) and initial (XLIFF) entries are left out: review
them first. Importing a new language adds it to languages.

Examples:
  errgen translations export -lang ko -o ko.po
  errgen translations export -lang ja -format xliff -o ja.xlf
  errgen translations import ko.po
  errgen translations import -n ja.xlf     # print the catalog's diff only
`

func runTranslations(e *env, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return runTranslationsExport(e, args[1:])
		case "import":
			return runTranslationsImport(e, args[1:])
		case "-h", "-help", "--help", "help":
			fmt.Fprint(e.stderr, translationsUsage)
			return exitOK
		}
	}
	fmt.Fprint(e.stderr, translationsUsage)
	return exitUsage
}

func runTranslationsExport(e *env, args []string) int {
	cf := catalogFlags{format: "text"}
	fs := newFlagSet(e, "translations export", translationsUsage, nil)
	fs.StringVar(&cf.file, "f", "codes.yaml", "the catalog to read")
	lang := fs.String("lang", "", "the language to translate into")
	format := fs.String("format", "po", "the file format: po or xliff")
	out := fs.String("o", "", "write the file here (a new file) instead of to standard output")
	if code, ok := parse(fs, args, nil); !ok {
		return code
	}
	write, ok := translations.Formats[*format]
	switch {
	case *lang == "":
		fmt.Fprintln(e.stderr, "errgen translations export: say which language with -lang TAG")
		return exitUsage
	case !ok:
		fmt.Fprintf(e.stderr, "errgen translations export: -format must be po or xliff, not %q\n", *format)
		return exitUsage
	}
	data, c, sums, ok := e.loadTranslations(&cf)
	if !ok {
		return exitProblem
	}
	f, err := translations.Export(c, data, sums, *lang)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen translations export: %v\n", err)
		return exitProblem
	}
	body := write(f)
	if *out == "" {
		_, _ = e.stdout.Write(body)
		return exitOK
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(e.stderr, "errgen translations export: %s exists; errgen does not write over a file a translator may have edited: import it, then remove it or name another\n", *out)
		return exitProblem
	}
	if err := renameio.WriteFile(*out, body, 0o644); err != nil {
		fmt.Fprintf(e.stderr, "errgen translations export: %v\n", err)
		return exitProblem
	}
	stale := 0
	for _, u := range f.Units {
		if u.Stale() {
			stale++
		}
	}
	fmt.Fprintf(e.stdout, "errgen translations export: %s: %d text(s) into %s, %d stale\n", *out, len(f.Units), *lang, stale)
	return exitOK
}

func runTranslationsImport(e *env, args []string) int {
	cf := catalogFlags{format: "text"}
	fs := newFlagSet(e, "translations import", translationsUsage, nil)
	fs.StringVar(&cf.file, "f", "codes.yaml", "the catalog to write into")
	dry := fs.Bool("n", false, "print the unified diff of the catalog instead of writing it")
	files, code, ok := parseFiles(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fmt.Fprintf(e.stderr, "errgen translations import: give one translation file (got %d)\n", len(files))
		return exitUsage
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen translations import: %v\n", err)
		return exitProblem
	}
	data, c, sums, ok := e.loadTranslations(&cf)
	if !ok {
		return exitProblem
	}
	res := translations.Import(c, data, sums, files[0], src, e.targets...)
	if len(res.Errors) > 0 {
		e.list(&cf, res.Errors)
		fmt.Fprintf(e.stderr, "errgen translations import: %d problem(s); nothing written\n", len(res.Errors))
		return exitProblem
	}
	if *dry {
		fmt.Fprint(e.stdout, udiff.Unified(cf.file, cf.file, string(data), string(res.Output)))
		return exitOK
	}
	sumsPath := translations.SumsPath(cf.file)
	if err := writeSums(sumsPath, res.Sums); err != nil {
		fmt.Fprintf(e.stderr, "errgen translations import: %v; nothing written\n", err)
		return exitProblem
	}
	if !bytes.Equal(res.Output, data) {
		if err := renameio.WriteFile(cf.file, res.Output, 0o644, renameio.WithExistingPermissions()); err != nil {
			fmt.Fprintf(e.stderr, "errgen translations import: %v\n", err)
			return exitProblem
		}
	}
	added := ""
	if res.AddedLang {
		added = ", language " + res.Lang + " added"
	}
	fmt.Fprintf(e.stdout, "errgen translations import: %s: %d translation(s) written, %d reviewed as they were, %d fuzzy left out, %d empty%s\n",
		cf.file, res.Written, res.Reviewed, res.Pending, res.Empty, added)
	return exitOK
}

// loadTranslations reads the catalog, its model and its sums file.
func (e *env) loadTranslations(cf *catalogFlags) ([]byte, *catalog.Catalog, translations.Sums, bool) {
	data, err := os.ReadFile(cf.file)
	if err != nil {
		e.report(cf, err)
		return nil, nil, translations.Sums{}, false
	}
	c, ok := e.parse(cf, data)
	if !ok {
		return nil, nil, translations.Sums{}, false
	}
	sums, ok := e.readSums(cf)
	return data, c, sums, ok
}

func (e *env) readSums(cf *catalogFlags) (translations.Sums, bool) {
	path := translations.SumsPath(cf.file)
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		e.report(cf, err)
		return translations.Sums{}, false
	}
	sums, err := translations.ParseSums(path, data)
	if err != nil {
		e.report(cf, err)
		return translations.Sums{}, false
	}
	return sums, true
}

// syncSums brings the sums file beside the catalog to what the catalog
// implies (translations.Expected); with write unset it only compares, and
// reports a difference as check reports a stale file.
func (e *env) syncSums(cf *catalogFlags, c *catalog.Catalog, data []byte, write bool) (changed, ok bool) {
	old, ok := e.readSums(cf)
	if !ok {
		return false, false
	}
	want, err := translations.Expected(c, data, old)
	if err != nil {
		e.report(cf, err)
		return false, false
	}
	path := translations.SumsPath(cf.file)
	have, _ := os.ReadFile(path)
	next := want.Format()
	if bytes.Equal(have, next) {
		return false, true
	}
	if !write {
		e.describeChange(cf, output.Change{Path: path, Kind: output.Update, Old: have, New: next})
		return true, true
	}
	if err := writeSums(path, next); err != nil {
		fmt.Fprintf(e.stderr, "errgen: %v\n", err)
		return false, false
	}
	return true, true
}

// sumsWritable reports a sums file errgen did not write.
func sumsWritable(path string) error {
	have, err := os.ReadFile(path)
	if err == nil && !output.IsGenerated(have) {
		return fmt.Errorf("%s was not written by errgen; errgen never overwrites such a file: move it away", path)
	}
	return nil
}

// writeSums writes the sums file, or removes it when there is nothing to
// record; a file errgen did not write is never touched.
func writeSums(path string, data []byte) error {
	if err := sumsWritable(path); err != nil {
		return err
	}
	have, err := os.ReadFile(path)
	switch {
	case err == nil && data == nil:
		return os.Remove(path)
	case errors.Is(err, fs.ErrNotExist) && data == nil:
		return nil
	case err == nil && bytes.Equal(have, data):
		return nil
	}
	return renameio.WriteFile(path, data, 0o644, renameio.WithExistingPermissions())
}

// staleAdvice is lint's report of stale translations.
func (e *env) staleAdvice(cf *catalogFlags, c *catalog.Catalog) (catalog.Diagnostics, bool) {
	data, err := os.ReadFile(cf.file)
	if err != nil {
		e.report(cf, err)
		return nil, false
	}
	sums, ok := e.readSums(cf)
	if !ok {
		return nil, false
	}
	ds, err := translations.Stale(c, data, sums)
	if err != nil {
		e.report(cf, err)
		return nil, false
	}
	return ds, true
}
