package importer

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// Options say how to read a source and where its codes go.
type Options struct {
	// Table is the catalog table to fill: http, response or error.
	Table string
	// Langs is the language of the message and description fields, keyed
	// by "message" and "description" (ParseLangs).
	Langs map[string]string
	// Columns maps source column titles to fields (ParseColumns).
	Columns map[string]column
	// PreferImport takes the source's text where it differs from the
	// catalog's; by default the catalog's text stays and a conflict is
	// reported.
	PreferImport bool
	// GoType picks the constants' type in a Go file with several.
	GoType string
}

// Result is what an import would do to the catalog.
type Result struct {
	// Output is the merged catalog; nil when the source had errors, and
	// then nothing may be written.
	Output []byte
	// Errors are the source's invalid rows (and catalog problems that stop
	// the import), every one of them.
	Errors catalog.Diagnostics
	// Conflicts are codes whose text differs, at the catalog's position,
	// naming the source's position.
	Conflicts catalog.Diagnostics
	// Warnings are parts of the source that were skipped.
	Warnings catalog.Diagnostics
	// Added counts new codes, Filled texts added to existing codes,
	// Replaced texts taken from the source under PreferImport.
	Added, Filled, Replaced int
}

// Import reads the source and merges it into the catalog's bytes.
func Import(catName string, catData []byte, srcName string, srcData []byte, opts Options) *Result {
	im := &importer{opts: opts, srcName: srcName, res: &Result{}}
	if im.opts.Langs == nil {
		im.opts.Langs = map[string]string{}
	}
	if im.opts.Columns == nil {
		im.opts.Columns = map[string]column{}
	}
	cat, diags := readCatalog(catName, catData, catalog.TableKind(opts.Table))
	if len(diags) > 0 {
		im.res.Errors = diags
		return im.res
	}
	im.cat = cat
	ix := newLineIndex(srcName, srcData)
	im.src = ix
	var tables []*sourceTable
	switch strings.ToLower(filepath.Ext(srcName)) {
	case ".csv":
		tables = im.readCSV(ix)
	case ".tsv", ".tab":
		tables = im.readTSV(ix)
	case ".go":
		tables = im.readGo(ix)
	default:
		tables = im.readMarkdown(ix)
	}
	if len(tables) == 0 && len(im.res.Errors) == 0 {
		im.errorf(catalog.Pos{File: srcName, Line: 1, Column: 1},
			"give it a table with a code column (Markdown, HTML, CSV, TSV or whitespace-separated under a header line), headings or list items that start with the code, or Go constants of an integer type",
			"found no code table")
	}
	rows := im.rows(tables)
	if len(im.res.Errors) == 0 {
		im.res.Output = im.merge(rows)
	}
	for _, ds := range []catalog.Diagnostics{im.res.Errors, im.res.Conflicts, im.res.Warnings} {
		slices.SortStableFunc(ds, func(a, b catalog.Diagnostic) int {
			return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
		})
	}
	return im.res
}

type importer struct {
	opts         Options
	srcName      string
	src          *lineIndex
	cat          *catDoc
	res          *Result
	langReported bool
}

func (im *importer) errorf(pos catalog.Pos, hint, format string, args ...any) {
	im.res.Errors = append(im.res.Errors, catalog.Diagnostic{Pos: pos, Severity: catalog.SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (im *importer) warnf(pos catalog.Pos, hint, format string, args ...any) {
	im.res.Warnings = append(im.res.Warnings, catalog.Diagnostic{Pos: pos, Severity: catalog.SeverityWarning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// ragged reports a row whose cells do not line up with the header.
func (im *importer) ragged(rec record, t *sourceTable, got int, extra bool) {
	want := len(t.header)
	if t.columns != nil {
		want = len(t.columns)
	}
	if extra {
		im.errorf(rec.pos, "remove the extra cells, or quote a cell that holds the separator", "the row has more cells than the header's %d", want)
		return
	}
	im.errorf(rec.pos, "fill every column, leaving a cell empty where there is no value", "the row has %d cells, the header %d", got, want)
}
