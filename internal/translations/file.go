package translations

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
)

// File is what a translation file holds: every text of one catalog, in
// its source language and one target language.
type File struct {
	Catalog          string // the catalog's file name, as the notes give it
	SourceLang, Lang string
	Units            []*Unit
}

// Formats are the file formats, by the name -format takes.
var Formats = map[string]func(*File) []byte{"po": WritePO, "xliff": WriteXLIFF}

// Export is the translation file of the catalog (its model and its bytes)
// into lang. A language the catalog does not declare yet has no targets.
func Export(cat *catalog.Catalog, data []byte, sums Sums, lang string) (*File, error) {
	switch {
	case lang == cat.Default:
		return nil, fmt.Errorf("%s is the catalog's default language, the source of every translation; name another", lang)
	case !catalog.ValidLanguageTag(lang):
		return nil, fmt.Errorf("%q is not a language tag the catalog can hold; use a lower-case BCP 47 tag such as ko or pt-BR", lang)
	}
	root, err := tree(cat.Path, data)
	if err != nil {
		return nil, err
	}
	return &File{Catalog: filepath.Base(cat.Path), SourceLang: cat.Default, Lang: lang, Units: Units(cat, root, lang, sums)}, nil
}

func tree(name string, data []byte) (*yaml.Node, error) {
	ed, err := importer.NewEditor(name, data)
	if err != nil {
		return nil, err
	}
	return ed.Root, nil
}

// Expected is the sums the catalog should have, given the ones it has.
func Expected(cat *catalog.Catalog, data []byte, old Sums) (Sums, error) {
	root, err := tree(cat.Path, data)
	if err != nil {
		return Sums{}, err
	}
	return Record(all(cat, root, old), old), nil
}

// all is the units of every language but the default.
func all(cat *catalog.Catalog, root *yaml.Node, sums Sums) map[string][]*Unit {
	units := map[string][]*Unit{}
	for _, l := range cat.Languages {
		if l.Tag != cat.Default {
			units[l.Tag] = Units(cat, root, l.Tag, sums)
		}
	}
	return units
}

// Stale reports every stale translation at its place in codes.yaml.
func Stale(cat *catalog.Catalog, data []byte, sums Sums) (catalog.Diagnostics, error) {
	root, err := tree(cat.Path, data)
	if err != nil {
		return nil, err
	}
	var ds catalog.Diagnostics
	for _, l := range cat.Languages {
		if l.Tag == cat.Default {
			continue
		}
		for _, u := range Units(cat, root, l.Tag, sums) {
			if !u.Stale() {
				continue
			}
			pos := u.Pos
			if v := importer.Value(u.node, l.Tag); v != nil {
				pos.Line, pos.Column = v.Line, v.Column
			}
			ds = append(ds, catalog.Diagnostic{Pos: pos, Severity: catalog.SeverityWarning,
				Message: fmt.Sprintf("%s in %s is stale: it was translated from %s %q, which is now %q", u.Context, l.Tag, cat.Default, excerpt(u.Previous), excerpt(u.Source)),
				Hint:    fmt.Sprintf("translate it again: errgen translations export -lang %s, then errgen translations import", l.Tag)})
		}
	}
	return ds, nil
}

func excerpt(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// parsed is a translation file as read.
type parsed struct {
	format        string
	lang, srcLang string
	langPos       catalog.Pos
	entries       []entry
}

// entry is one translation as read, in the catalog's text syntax.
type entry struct {
	context, source, target string
	ctxPos, pos             catalog.Pos // of the context and of the target
	hasTarget               bool
	// pending marks a translation the translator has not finished or
	// reviewed (PO fuzzy, XLIFF state initial): it is not imported.
	pending bool
	foreign []foreignAt // PO format flags other than the catalog's
	phs     []phAt      // XLIFF placeholders, by id
}

type foreignAt struct {
	flag string
	pos  catalog.Pos
}

// read reads a translation file, PO or XLIFF by its content.
func read(name string, data []byte) (*parsed, catalog.Diagnostics) {
	head := bytes.TrimLeft(data, "\ufeff \t\r\n")
	if bytes.HasPrefix(head, []byte("<")) {
		return readXLIFF(name, data)
	}
	p, errs := readPO(name, data)
	for i := range p.entries {
		p.entries[i].hasTarget = p.entries[i].target != ""
	}
	return p, errs
}

// fromXLIFF turns text read from XLIFF into the catalog's syntax: in a
// message, a literal brace is written double and a placeholder as {name};
// elsewhere there is no placeholder to hold.
func (e *entry) fromXLIFF(u *Unit, errorf func(pos catalog.Pos, hint, format string, args ...any)) {
	conv := func(s string, target bool) string {
		parts := strings.Split(s, phMark)
		var b strings.Builder
		for i, p := range parts {
			if i%2 == 0 {
				if u.Message {
					p = braces.Replace(p)
				}
				b.WriteString(p)
				continue
			}
			name, _, _ := strings.Cut(p, "-") // name-2: its second use
			if !u.Message || !slices.Contains(u.Params, name) {
				if target {
					at := e.pos
					for _, ph := range e.phs {
						if ph.target && ph.id == p {
							at = ph.pos
						}
					}
					errorf(at, "keep the placeholders of the source: "+phList(u.Params), "<ph id=%q> is not a placeholder of %s", p, u.Context)
				}
				continue
			}
			b.WriteString("{" + name + "}")
		}
		return b.String()
	}
	e.source = conv(e.source, false)
	e.target = conv(e.target, true)
}

func phList(params []string) string {
	if len(params) == 0 {
		return "it has none"
	}
	var s []string
	for _, p := range params {
		s = append(s, "{"+p+"}")
	}
	return strings.Join(s, ", ")
}
