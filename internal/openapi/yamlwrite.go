package openapi

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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
		k := singleLine(key.Value)
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
func (w *yamlWriter) str(s string, indent int) {
	if !literalAllowed(s) {
		w.buf.WriteString(singleLine(s))
		return
	}
	// "|" keeps the one final line break, "|-" strips it.
	if body, ok := strings.CutSuffix(s, "\n"); ok {
		w.buf.WriteByte('|')
		s = body
	} else {
		w.buf.WriteString("|-")
	}
	pad := strings.Repeat(" ", indent)
	for line := range strings.SplitSeq(s, "\n") {
		w.buf.WriteByte('\n')
		if line != "" {
			w.buf.WriteString(pad + line)
		}
	}
}

// singleLine returns a string as a one-line scalar: plain when YAML reads
// it back as that string, else single-quoted when every character is
// printable, else double-quoted with escapes.
func singleLine(s string) string {
	if plainAllowed(s) {
		return s
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return !printable(r) }) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuoted(s)
}

// printable reports whether YAML lets r stand for itself in a scalar on
// one line: the c-printable set without the characters YAML 1.1 readers
// (yaml.v3, libyaml) treat as line breaks (NEL, LS, PS) and without the
// byte-order mark.
func printable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7e:
		return true
	case r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return r != utf8.RuneError
	}
	return false
}

// plainAllowed reports whether s can be written without quotes: one line
// of printable characters with no leading or trailing space, no YAML
// indicator where one would be read as such, and no resemblance to a
// null, boolean or number (YAML 1.1 forms included, as yaml.v3 quotes
// them for older readers).
func plainAllowed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~.+=<\\", rune(s[0])) {
		return false
	}
	// Numbers never hold a space and timestamps with one hold a colon.
	if s[0] >= '0' && s[0] <= '9' && (!strings.Contains(s, " ") || strings.Contains(s, ":")) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		if !printable(r) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	return true
}

// literalAllowed reports whether a multi-line string reads back unchanged
// from a literal block ("|" or "|-"): printable lines, none ending in a
// space or tab (which also rules out lines of spaces only), a first line
// with text that does not start with a space (it would set the block's
// indentation), and at most one final line break.
func literalAllowed(s string) bool {
	body := strings.TrimSuffix(s, "\n")
	if !strings.Contains(body, "\n") || strings.HasSuffix(body, "\n") || body == "" {
		return false
	}
	// The first line with text sets the block's indentation.
	if first := strings.TrimLeft(body, "\n"); first[0] == ' ' || first[0] == '\t' {
		return false
	}
	for line := range strings.SplitSeq(body, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			return false
		}
		for _, r := range line {
			if !printable(r) && r != '\t' {
				return false
			}
		}
	}
	return true
}

// doubleQuoted writes s in double quotes with YAML escapes for everything
// outside printable ASCII and printable Unicode.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		default:
			switch {
			case printable(r):
				b.WriteRune(r)
			case r <= 0xff:
				b.WriteString(`\x` + hexDigits(uint32(r), 2))
			case r <= 0xffff:
				b.WriteString(`\u` + hexDigits(uint32(r), 4))
			default:
				b.WriteString(`\U` + hexDigits(uint32(r), 8))
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hexDigits(v uint32, width int) string {
	h := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", width-len(h)) + h
}
