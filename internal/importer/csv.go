package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// readCSV reads CSV with a header row (RFC 4180 quoting). A spreadsheet's
// UTF-8 byte order mark is dropped.
func (im *importer) readCSV(ix *lineIndex) []*sourceTable {
	data := bytes.TrimPrefix(ix.data, []byte("\ufeff"))
	skip := len(ix.data) - len(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // ragged rows are reported with their positions
	st := &sourceTable{pos: ix.pos(skip)}
	at := func(line, col int) catalog.Pos {
		// csv counts columns in bytes from the start of the BOM-less data.
		off := ix.lineStart(line) + col - 1
		if line == 1 {
			off += skip
		}
		return ix.pos(off)
	}
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			im.errorf(at(pe.Line, pe.Column), "quote a cell that holds the separator, a quote or a line break, and double the quotes inside it", "%v", pe.Err)
			return nil
		}
		line, col := r.FieldPos(0)
		rec := record{pos: at(line, col)}
		for i, f := range fields {
			line, col := r.FieldPos(i)
			rec.cells = append(rec.cells, cell{text: plain(f), pos: at(line, col)})
		}
		st.add(im, rec)
	}
	if st.header == nil {
		return nil
	}
	return []*sourceTable{st}
}

// readTSV reads tab-separated values with a header row: as IANA's
// text/tab-separated-values has it, a tab separates and nothing is quoted.
func (im *importer) readTSV(ix *lineIndex) []*sourceTable {
	st := &sourceTable{}
	for l := 1; l <= ix.lines(); l++ {
		line := strings.TrimSuffix(ix.lineText(l), "\r")
		if l == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		start := ix.lineStart(l) + len(ix.lineText(l)) - len(line) - strings.Count(ix.lineText(l), "\r")
		rec := record{pos: ix.pos(start)}
		off := start
		for _, f := range strings.Split(line, "\t") {
			rec.cells = append(rec.cells, cell{text: plain(f), pos: ix.pos(off)})
			off += len(f) + 1
		}
		st.add(im, rec)
	}
	if st.header == nil {
		return nil
	}
	return []*sourceTable{st}
}

// add takes the first record as the header and checks the others against
// it.
func (st *sourceTable) add(im *importer, rec record) {
	if st.header == nil {
		st.header, st.pos = rec.cells, rec.pos
		return
	}
	if len(rec.cells) != len(st.header) {
		im.ragged(rec, st, len(rec.cells), len(rec.cells) > len(st.header))
		return
	}
	st.records = append(st.records, rec)
}
