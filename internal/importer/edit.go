package importer

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Editor changes texts of a catalog in place with the edits Import makes,
// so that every byte it does not change (comments, key order, blank lines,
// quoting) stays. errgen translations writes translations with it.
type Editor struct {
	m *merger
	// Root is the catalog's top mapping; its nodes say where each text
	// stands. An edit does not change them.
	Root *yaml.Node
}

// NewEditor reads the catalog's node tree.
func NewEditor(name string, data []byte) (*Editor, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s is not valid YAML: %v", name, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s is not a mapping of settings and tables", name)
	}
	im := &importer{cat: &catDoc{ix: newLineIndex(name, data)}, res: &Result{}}
	return &Editor{m: &merger{importer: im, dirty: map[*yaml.Node]bool{}}, Root: doc.Content[0]}, nil
}

// SetText gives the language lang the text s in the language mapping n,
// which is a value of the mapping item (a code, a table, a category…):
// in place when lang is there, else after its last language.
func (e *Editor) SetText(item, n *yaml.Node, lang, s string) {
	e.m.set(item, n, lang, lastKey(n), str(s))
}

// AddLanguage appends a language to the catalog's `languages` list, in
// the style of the list's last item.
func (e *Editor) AddLanguage(tag, name string) error {
	langs := value(e.Root, "languages")
	if langs == nil || langs.Kind != yaml.SequenceNode || len(langs.Content) == 0 {
		return fmt.Errorf("the catalog declares no languages")
	}
	item := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("tag"), str(tag), str("name"), str(name)}}
	if langs.Style&yaml.FlowStyle != 0 {
		langs.Content = append(langs.Content, item)
		if !e.m.dirty[langs] {
			e.m.dirty[langs] = true
			e.m.flows = append(e.m.flows, langs)
		}
		return nil
	}
	last := langs.Content[len(langs.Content)-1]
	item.Style = last.Style & yaml.FlowStyle
	dash := last.Column - 1 - 2
	at := e.m.itemEnd(last, dash)
	text := indentLines(encode(item), dash, "- ")
	if at == len(e.m.cat.ix.data) && at > 0 && e.m.cat.ix.data[at-1] != '\n' {
		text = "\n" + text
	}
	e.m.add(at, at, text)
	return nil
}

// Bytes is the catalog with every edit made.
func (e *Editor) Bytes() []byte { return e.m.apply() }

// Value is the value of key in a mapping node, or nil: how the editor's
// users find a text's place in Root.
func Value(n *yaml.Node, key string) *yaml.Node { return value(n, key) }
