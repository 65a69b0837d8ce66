// Package translations takes every text of a catalog out to a translator's
// file (gettext PO or XLIFF 2.0) and back into codes.yaml, and remembers,
// in a committed file beside the catalog (Sums), which source text each
// translation was made from, so that a changed source is flagged in the
// next export and by lint, in any clone.
//
// Data flows one way: Units reads the validated catalog model and the
// catalog's node tree (for where each text stands), a writer per format
// renders them, a reader per format turns a file back into positioned
// entries, and Import checks them all and edits codes.yaml in place with
// importer.Editor, so every byte it does not change stays.
package translations

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
)

// Unit is one text of the catalog, in the source language and in the
// target language of a file.
type Unit struct {
	// Context names the text stably: table, code (or category,
	// reservation…) and field, e.g. error.2003.message.
	Context string
	// Name is the identifier a translator sees: the code's qualified
	// name, or the table, category or reservation it belongs to.
	Name string
	// Pos is where the source text stands in codes.yaml.
	Pos catalog.Pos
	// Source is the text in the catalog's default language; Target the
	// text in the file's language, "" where it is not translated.
	Source, Target string
	// Message marks a code's message: {name} is a placeholder, {{ and }}
	// literal braces.
	Message bool
	// Params are a message's placeholders in the order of the source.
	Params []string
	// Required marks a text the catalog needs in every language; a
	// message or description may wait for its translation.
	Required bool
	// Previous is the source text the target was made from, when that
	// text has changed since and the target has not: the target is stale.
	Previous string

	item, node *yaml.Node // where an import writes the target
}

// Stale reports whether the target was made from an older source text.
func (u *Unit) Stale() bool { return u.Previous != "" }

// place is where a text stands in the catalog's node tree: its language
// mapping (node) and the mapping that holds it (item).
type place struct{ item, node *yaml.Node }

// index finds every language mapping of the catalog's node tree by its
// context.
func index(root *yaml.Node) map[string]place {
	ix := map[string]place{}
	text := func(ctx string, item *yaml.Node, key string) {
		if n := importer.Value(item, key); n != nil && n.Kind == yaml.MappingNode {
			ix[ctx] = place{item, n}
		}
	}
	for _, kind := range catalog.TableKinds {
		t := importer.Value(root, string(kind))
		if t == nil {
			continue
		}
		k := string(kind)
		text(k+".title", t, "title")
		text(k+".description", t, "description")
		for _, cat := range seq(importer.Value(t, "categories")) {
			if name := importer.Value(cat, "name"); name != nil {
				text(k+".category."+name.Value+".title", cat, "title")
			}
		}
		for _, r := range seq(importer.Value(t, "reserved")) {
			if n := importer.Value(r, "code"); n != nil {
				text(k+".reserved."+n.Value+".reason", r, "reason")
			} else if rng := importer.Value(r, "range"); rng != nil && len(rng.Content) == 2 {
				text(k+".reserved."+rng.Content[0].Value+"-"+rng.Content[1].Value+".reason", r, "reason")
			}
		}
		for _, c := range seq(importer.Value(t, "codes")) {
			n := importer.Value(c, "code")
			if n == nil {
				continue
			}
			p := k + "." + n.Value + "."
			for _, f := range []string{"message", "title", "description", "resolution"} {
				text(p+f, c, f)
			}
			for i, cause := range seq(importer.Value(c, "causes")) {
				if cause.Kind == yaml.MappingNode {
					ix[p+"cause."+strconv.Itoa(i+1)] = place{c, cause}
				}
			}
			if d := importer.Value(c, "deprecated"); d != nil {
				text(p+"deprecated.reason", d, "reason")
			}
			for _, h := range seq(importer.Value(c, "headers")) {
				if name := importer.Value(h, "name"); name != nil {
					text(p+"headers."+name.Value+".description", h, "description")
				}
			}
		}
	}
	return ix
}

func seq(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// Units lists every text of the catalog for a translation into lang, in
// the catalog's order: each table's title and description, its category
// titles, its codes' texts, its reservations' reasons. root is the
// catalog's node tree, sums what translations were made from.
func Units(cat *catalog.Catalog, root *yaml.Node, lang string, sums Sums) []*Unit {
	ix := index(root)
	src := cat.Default
	var units []*Unit
	add := func(ctx, name string, t catalog.Text, required bool, code *catalog.Code, field string) *Unit {
		at, ok := ix[ctx]
		if !ok || t.Empty() {
			return nil
		}
		u := &Unit{Context: ctx, Name: name, Source: t.Get(src), Required: required, item: at.item, node: at.node}
		u.Pos = catalog.Pos{File: cat.Path, Line: at.node.Line, Column: at.node.Column}
		if v := importer.Value(at.node, src); v != nil {
			u.Pos.Line, u.Pos.Column = v.Line, v.Column
		}
		u.Target = t.Get(lang)
		if code != nil && slices.ContainsFunc(code.Untranslated, func(x catalog.Untranslated) bool { return x.Field == field && x.Lang == lang }) {
			u.Target = ""
		}
		if u.Target != "" {
			if r, ok := sums.get(lang, ctx); ok && r.source != u.Source && r.hash == hash(u.Target) {
				u.Previous = r.source
			}
		}
		units = append(units, u)
		return u
	}
	for _, t := range cat.Tables {
		k := string(t.Kind)
		add(k+".title", k, t.Title, true, nil, "")
		add(k+".description", k, t.Description, true, nil, "")
		for _, c := range t.Categories {
			add(k+".category."+c.Name+".title", c.Name, c.Title, true, nil, "")
		}
		for _, c := range t.Codes {
			p := k + "." + strconv.Itoa(c.Number) + "."
			name := c.QualifiedName()
			if u := add(p+"message", name, c.Message.Text, false, c, "message"); u != nil {
				u.Message = true
				for _, s := range c.Message.Segments(src) {
					if s.Param != "" {
						u.Params = append(u.Params, s.Param)
					}
				}
			}
			add(p+"title", name, c.Title, true, nil, "")
			add(p+"description", name, c.Description, false, c, "description")
			add(p+"resolution", name, c.Resolution, false, c, "resolution")
			for i, cause := range c.Causes {
				n := strconv.Itoa(i + 1)
				add(p+"cause."+n, name, cause, false, c, "cause "+n)
			}
			if c.Deprecated != nil {
				add(p+"deprecated.reason", name, c.Deprecated.Reason, true, nil, "")
			}
			for _, h := range c.Headers {
				add(p+"headers."+h.Name+".description", name, h.Description, true, nil, "")
			}
		}
		for _, r := range t.Reserved {
			key := strconv.Itoa(r.Min)
			if r.Min != r.Max {
				key += "-" + strconv.Itoa(r.Max)
			}
			add(k+".reserved."+key+".reason", k+" "+r.String(), r.Reason, true, nil, "")
		}
	}
	return units
}

// placeholders lists the distinct placeholders of a message, or reports
// why it is not one.
func placeholders(lang, s string) ([]string, error) {
	m, err := catalog.NewMessage(catalog.Text{{Lang: lang, Text: s}})
	if err != nil {
		return nil, err
	}
	var names []string
	for _, seg := range m.Segments(lang) {
		if seg.Param != "" && !slices.Contains(names, seg.Param) {
			names = append(names, seg.Param)
		}
	}
	return names, nil
}

// same reports whether two lists hold the same names, in any order.
func same(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// braces writes literal text into a message: a brace is written double.
var braces = strings.NewReplacer("{", "{{", "}", "}}")
