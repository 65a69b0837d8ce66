package openapi

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/errgen/errgen/internal/textenc"
	"gopkg.in/yaml.v3"
)

// writeYAML writes a tree read from JSON (mappings, sequences and scalars
// tagged !!str, !!int, !!float, !!bool or !!null) in block style, the way
// yaml.v3's encoder does with an indent of 2 and no line folding. yaml.v3's
// emitter was the slowest step of the whole generation (a third of the
// seed catalog's CPU); this tree needs a small part of what it does. Every
// string reads back as the same string: a scalar is written plain only
// when YAML cannot read it as anything else, and double-quoted with
// escapes when no other style holds it (FuzzYAMLString checks the round
// trip with yaml.v3).
func writeYAML(buf *bytes.Buffer, root *yaml.Node) error {
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("openapi: YAML: the document root is not a mapping")
	}
	if len(root.Content) == 0 {
		buf.WriteString("{}\n")
		return nil
	}
	w := yamlWriter{buf: buf}
	return w.block(root, 0, false)
}

type yamlWriter struct{ buf *bytes.Buffer }

// block writes the entries of a non-empty collection, one per line at
// indent; with inline set, the first continues the current line (after
// "- ").
func (w *yamlWriter) block(n *yaml.Node, indent int, inline bool) error {
	pad := strings.Repeat(" ", indent)
	for i := 0; i < len(n.Content); {
		if i > 0 || !inline {
			w.buf.WriteString(pad)
		}
		if n.Kind == yaml.SequenceNode {
			w.buf.WriteByte('-')
			if err := w.value(n.Content[i], indent, true); err != nil {
				return err
			}
			i++
			continue
		}
		key := n.Content[i]
		if key.Kind != yaml.ScalarNode || key.Tag != "!!str" {
			return fmt.Errorf("openapi: YAML: mapping key at line %d is not a string", key.Line)
		}
		k := textenc.YAMLLine(key.Value)
		if len(k) > maxSimpleKey {
			// A longer implicit key is an error for YAML readers.
			w.buf.WriteString("? " + k + "\n" + pad)
		} else {
			w.buf.WriteString(k)
		}
		w.buf.WriteByte(':')
		if err := w.value(n.Content[i+1], indent, false); err != nil {
			return err
		}
		i += 2
	}
	return nil
}

// maxSimpleKey is the longest key written as "key: value"; YAML limits an
// implicit key to 1024 characters and yaml.v3 writes longer ones than 128
// as explicit keys.
const maxSimpleKey = 128

// value writes what follows "key:" or "-" at indent, and the line break.
func (w *yamlWriter) value(v *yaml.Node, indent int, item bool) error {
	switch v.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		if len(v.Content) == 0 {
			if v.Kind == yaml.MappingNode {
				w.buf.WriteString(" {}\n")
			} else {
				w.buf.WriteString(" []\n")
			}
			return nil
		}
		if item {
			w.buf.WriteByte(' ')
			return w.block(v, indent+2, true)
		}
		w.buf.WriteByte('\n')
		return w.block(v, indent+2, false)
	case yaml.ScalarNode:
		w.buf.WriteByte(' ')
		switch v.Tag {
		case "!!str":
			w.str(v.Value, indent+2)
		case "!!int", "!!float", "!!bool", "!!null":
			// JSON literals as read by readNode, which YAML reads alike.
			w.buf.WriteString(v.Value)
		default:
			return fmt.Errorf("openapi: YAML: unexpected scalar tag %q", v.Tag)
		}
		w.buf.WriteByte('\n')
		return nil
	}
	return fmt.Errorf("openapi: YAML: unexpected node kind %d", v.Kind)
}

// str writes a string scalar; indent is where a literal block's lines go.
func (w *yamlWriter) str(s string, indent int) { w.buf.WriteString(textenc.YAML(s, indent)) }
