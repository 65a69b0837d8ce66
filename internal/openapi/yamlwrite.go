package openapi

import (
	"bufio"

	"github.com/errgen/errgen/internal/textenc"
)

// yamlOut writes events in block style, the way yaml.v3's encoder does
// with an indent of 2 and no line folding. yaml.v3's emitter was the
// slowest step of the whole generation (a third of the seed catalog's
// CPU); a document of mappings, sequences, strings and JSON literals needs
// a small part of what it does. Every string reads back as the same
// string: a scalar is written plain only when YAML cannot read it as
// anything else, and double-quoted with escapes when no other style holds
// it (FuzzYAMLString checks the round trip with yaml.v3).
type yamlOut struct {
	buf   *bufio.Writer
	stack []yamlFrame
}

// yamlFrame is an open collection: where its entries go, whether the
// first continues the line of its "- ", and how many were written.
type yamlFrame struct {
	seq, inline, empty bool
	indent, n          int
}

func (w *yamlOut) pad(n int) {
	for range n {
		w.buf.WriteByte(' ')
	}
}

// entry starts an entry of the innermost collection on its own line
// (or on the line of its "- ").
func (w *yamlOut) entry() *yamlFrame {
	f := &w.stack[len(w.stack)-1]
	if f.n > 0 || !f.inline {
		w.pad(f.indent)
	}
	f.n++
	return f
}

// valueStart writes what goes before a value: "-" when the innermost
// collection is a sequence. It returns the indent of the value's
// entries and whether the value follows a "-".
func (w *yamlOut) valueStart() (indent int, item bool) {
	if len(w.stack) == 0 {
		return 0, false
	}
	f := &w.stack[len(w.stack)-1]
	if f.seq {
		w.entry()
		w.buf.WriteByte('-')
		return f.indent + 2, true
	}
	return f.indent + 2, false
}

func (w *yamlOut) open(seq bool, n int) {
	root := len(w.stack) == 0
	indent, item := w.valueStart()
	if n == 0 {
		brackets := " {}\n"
		if seq {
			brackets = " []\n"
		}
		if root {
			brackets = brackets[1:]
		}
		w.buf.WriteString(brackets)
		w.stack = append(w.stack, yamlFrame{seq: seq, empty: true})
		return
	}
	switch {
	case root:
		indent = 0
	case item:
		w.buf.WriteByte(' ')
	default:
		w.buf.WriteByte('\n')
	}
	w.stack = append(w.stack, yamlFrame{seq: seq, inline: item, indent: indent})
}

func (w *yamlOut) mapStart(n int) { w.open(false, n) }
func (w *yamlOut) seqStart(n int) { w.open(true, n) }
func (w *yamlOut) end()           { w.stack = w.stack[:len(w.stack)-1] }

func (w *yamlOut) key(k string) {
	f := w.entry()
	k = textenc.YAMLLine(k)
	if len(k) > maxSimpleKey {
		// A longer implicit key is an error for YAML readers.
		w.buf.WriteString("? " + k + "\n")
		w.pad(f.indent)
	} else {
		w.buf.WriteString(k)
	}
	w.buf.WriteByte(':')
}

func (w *yamlOut) str(s string) {
	indent, _ := w.valueStart()
	w.buf.WriteByte(' ')
	w.buf.WriteString(textenc.YAML(s, indent))
	w.buf.WriteByte('\n')
}

func (w *yamlOut) lit(v string) {
	w.valueStart()
	w.buf.WriteByte(' ')
	w.buf.WriteString(v)
	w.buf.WriteByte('\n')
}

// maxSimpleKey is the longest key written as "key: value"; YAML limits an
// implicit key to 1024 characters and yaml.v3 writes longer ones than 128
// as explicit keys.
const maxSimpleKey = 128
