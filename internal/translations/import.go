package translations

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
	"github.com/errgen/errgen/internal/textenc"
)

// Result is what an import would do.
type Result struct {
	// Output is the catalog with the translations written, Sums its sums
	// file; both nil when the file had errors, and then nothing may be
	// written.
	Output, Sums []byte
	// Errors are every problem of the file, at its line and column.
	Errors catalog.Diagnostics
	Lang   string
	// AddedLang says the language was new to the catalog.
	AddedLang bool
	// Written counts translations written into the catalog, Reviewed
	// those already there and now recorded as made from their source,
	// Pending those left unfinished (PO fuzzy, XLIFF state initial),
	// Empty those not translated.
	Written, Reviewed, Pending, Empty int
}

// Import reads a translation file (PO or XLIFF, by its content) and
// writes its translations into the catalog's bytes data, whose model is
// cat. targets are the targets the catalog's output section may name.
func Import(cat *catalog.Catalog, data []byte, sums Sums, name string, file []byte, targets ...catalog.Target) *Result {
	res := &Result{}
	p, errs := read(name, file)
	if len(errs) > 0 {
		res.Errors = errs
		return res
	}
	errorf := func(pos catalog.Pos, hint, format string, args ...any) {
		res.Errors = append(res.Errors, catalog.Diagnostic{Pos: pos, Severity: catalog.SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint})
	}
	lang := strings.ReplaceAll(p.lang, "_", "-") // gettext writes pt_BR
	res.Lang = lang
	switch {
	case !catalog.ValidLanguageTag(lang):
		errorf(p.langPos, "use a lower-case BCP 47 tag such as ko or pt-BR; the catalog has no rules for another kind of language name", "the file's language %q is not a language the catalog can hold", p.lang)
		return res
	case lang == cat.Default:
		errorf(p.langPos, "a file translates the default language into another; export one with -lang", "the file's language %s is the catalog's default language, the source of every translation", lang)
		return res
	case p.srcLang != "" && p.srcLang != cat.Default:
		errorf(p.langPos, "export the file again from this catalog", "the file translates from %s, but the catalog's source language is %s", p.srcLang, cat.Default)
		return res
	}
	ed, err := importer.NewEditor(cat.Path, data)
	if err != nil {
		errorf(catalog.Pos{File: cat.Path, Line: 1, Column: 1}, "", "%v", err)
		return res
	}
	known := slices.ContainsFunc(cat.Languages, func(l catalog.Language) bool { return l.Tag == lang })
	units := Units(cat, ed.Root, lang, sums)
	byCtx := make(map[string]*Unit, len(units))
	for _, u := range units {
		byCtx[u.Context] = u
	}
	// The record of each translation taken: the source it was made from.
	taken := map[string]record{}
	seen := map[string]catalog.Pos{}
	for i := range p.entries {
		e := &p.entries[i]
		u := byCtx[e.context]
		if u == nil {
			errorf(e.ctxPos, "export a new file: the catalog has no such text (a code renumbered or removed, or a context edited)", "the context %q is not in the catalog", e.context)
			continue
		}
		if at, dup := seen[e.context]; dup {
			errorf(e.ctxPos, "keep one of them", "the context %q is here twice (first at %s)", e.context, at)
			continue
		}
		seen[e.context] = e.ctxPos
		if p.format == "xliff" {
			before := len(res.Errors)
			e.fromXLIFF(u, errorf)
			if len(res.Errors) > before {
				continue
			}
		}
		if u.Message {
			for _, f := range e.foreign {
				errorf(f.pos, "keep the flag "+poFlag+": a message's placeholders are {name}", "the entry says its text is %s, a format the catalog's messages do not have", f.flag)
			}
		}
		target := textenc.LineEnds(e.target)
		switch {
		case !e.hasTarget || strings.TrimSpace(target) == "":
			res.Empty++
			continue
		case e.pending:
			res.Pending++
			continue
		}
		if problem, hint := catalog.TextProblem(e.context+" in "+lang, target); problem != "" {
			errorf(e.pos, hint, "%s", problem)
			continue
		}
		if u.Message {
			names, err := placeholders(lang, target)
			if err != nil {
				errorf(e.pos, "", "the translation %v", err)
				continue
			}
			if !same(names, u.Params) {
				errorf(e.pos, "a translation keeps every placeholder of the source, spelled as it is, and adds none: "+phList(u.Params), "the translation of %s %s", e.context, placeholderChange(u.Params, names))
				continue
			}
		}
		src := e.source
		if src == "" {
			src = u.Source
		}
		taken[e.context] = record{hash: hash(target), source: src}
		if known && target == u.Target {
			res.Reviewed++
			continue
		}
		ed.SetText(u.item, u.node, lang, target)
		res.Written++
	}
	if !known {
		for _, u := range units {
			if _, ok := taken[u.Context]; !ok && u.Required {
				at := p.langPos
				if pos, ok := seen[u.Context]; ok {
					at = pos
				}
				errorf(at, "translate it: a language the catalog adds needs it, as every declared language does", "%s has no translation into %s, and the catalog needs one in every language", u.Context, lang)
			}
		}
		if err := ed.AddLanguage(lang, languageName(lang)); err != nil {
			errorf(p.langPos, "", "%v", err)
		}
		res.AddedLang = true
	}
	if len(res.Errors) > 0 {
		return res
	}
	out := ed.Bytes()
	next, err := catalog.Parse(cat.Path, out, targets...)
	if err != nil {
		errorf(catalog.Pos{File: name, Line: 1, Column: 1}, "fix the translations it names; nothing was written", "with these translations the catalog would not load: %v", err)
		return res
	}
	old := Sums{recs: maps.Clone(sums.recs)}
	if old.recs == nil {
		old.recs = map[key]record{}
	}
	for ctx, r := range taken {
		old.recs[key{lang, ctx}] = r
	}
	// The edits added language values only: the old tree still names
	// every text of the new catalog, and Record reads no position.
	res.Output = out
	res.Sums = Record(all(next, ed.Root, old), old).Format()
	return res
}

// placeholderChange says how a translation's placeholders differ from the
// source's.
func placeholderChange(want, got []string) string {
	var dropped, added []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			dropped = append(dropped, "{"+w+"}")
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			added = append(added, "{"+g+"}")
		}
	}
	var parts []string
	if len(dropped) > 0 {
		parts = append(parts, "drops "+strings.Join(dropped, ", "))
	}
	if len(added) > 0 {
		parts = append(parts, "adds "+strings.Join(added, ", "))
	}
	return strings.Join(parts, " and ")
}

// languageName is a language's name for itself (한국어 for ko), as the
// catalog's languages list gives it.
func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return tag
}
