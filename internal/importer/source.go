// Package importer reads code tables in the shapes teams already keep them
// (Markdown and plain-text tables, HTML tables, one heading or list item per
// code, CSV/TSV, Go constants) and merges them into a codes.yaml without
// disturbing a byte of what it does not change.
//
// Data flows one way: a reader per shape turns the source into sourceTables
// of positioned cells; rows validates them into Rows (all problems at once);
// Merge edits the catalog's text at the positions its YAML nodes give.
package importer

import (
	"unicode/utf8"

	"github.com/errgen/errgen/internal/catalog"
)

// field is what a source column fills in a code.
type field string

const (
	fieldCode        field = "code"
	fieldWire        field = "wire"
	fieldStatus      field = "status"
	fieldMessage     field = "message"
	fieldDescription field = "description"
	// fieldSkip marks a column read and ignored, such as a group column
	// ("2xx", "Client error") that the table's categories already say.
	fieldSkip field = "-"
)

// column is what one column of a source table fills; lang is set for the
// text fields once the -lang flag has been applied.
type column struct {
	field field
	lang  string
}

// cell is one value of a source, already plain text, with its position.
type cell struct {
	text string
	pos  catalog.Pos
}

// record is one row of a source table as read, before validation.
type record struct {
	pos   catalog.Pos
	cells []cell
}

// sourceTable is one table found in a source. Readers that know their
// columns (documents, Go files) set columns; the others give header, which
// resolveHeader maps.
type sourceTable struct {
	pos     catalog.Pos
	header  []cell
	columns []column
	records []record
}

// lineIndex turns byte offsets of one file into positions.
type lineIndex struct {
	file   string
	data   []byte
	starts []int
}

func newLineIndex(file string, data []byte) *lineIndex {
	ix := &lineIndex{file: file, data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

// pos is the position of a byte offset; columns count characters, as
// yaml.v3 counts them in codes.yaml.
func (ix *lineIndex) pos(off int) catalog.Pos {
	off = min(max(off, 0), len(ix.data))
	line := 0
	for lo, hi := 0, len(ix.starts)-1; lo <= hi; {
		mid := (lo + hi) / 2
		if ix.starts[mid] <= off {
			line, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	return catalog.Pos{File: ix.file, Line: line + 1, Column: utf8.RuneCount(ix.data[ix.starts[line]:off]) + 1}
}

// offset is the byte offset of a 1-based line and character column.
func (ix *lineIndex) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(ix.starts) {
		return len(ix.data)
	}
	off := ix.starts[line-1]
	for i := 1; i < col && off < len(ix.data) && ix.data[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(ix.data[off:])
		off += size
	}
	return off
}

// lineStart is the offset of the start of a 1-based line (len(data) past
// the end).
func (ix *lineIndex) lineStart(line int) int {
	if line > len(ix.starts) {
		return len(ix.data)
	}
	return ix.starts[line-1]
}

// lineText is a 1-based line without its newline.
func (ix *lineIndex) lineText(line int) string {
	start := ix.lineStart(line)
	end := len(ix.data)
	if line < len(ix.starts) {
		end = ix.starts[line] - 1
	}
	return string(ix.data[start:end])
}

func (ix *lineIndex) lines() int { return len(ix.starts) }
