package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/errgen/errgen/internal/catalog"
)

// readCSV reads CSV (comma) or TSV (tab) with a header row. A spreadsheet's
// UTF-8 byte order mark is dropped; TSV cells may hold bare quotes.
func (im *importer) readCSV(ix *lineIndex, comma rune) []*sourceTable {
	data := bytes.TrimPrefix(ix.data, []byte("\ufeff"))
	skip := len(ix.data) - len(data)
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1 // ragged rows are reported with their positions
	r.LazyQuotes = comma == '\t'
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
		if st.header == nil {
			st.header, st.pos = rec.cells, rec.pos
			continue
		}
		if len(rec.cells) == 1 && rec.cells[0].text == "" {
			continue // an empty line
		}
		if len(rec.cells) != len(st.header) {
			im.ragged(rec, st, len(rec.cells), len(rec.cells) > len(st.header))
			continue
		}
		st.records = append(st.records, rec)
	}
	if st.header == nil {
		return nil
	}
	return []*sourceTable{st}
}
