package importer

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlTables reads every <table> of a Markdown file outside code blocks.
// Rows and cells close themselves as HTML says (`<tr><tr>`, a `<td>` with
// no `</td>`), and a `rowspan` cell repeats in the rows it spans.
func (im *importer) htmlTables(ix *lineIndex, code [][2]int) []*sourceTable {
	if !bytes.Contains(bytes.ToLower(ix.data), []byte("<table")) {
		return nil
	}
	z := html.NewTokenizer(bytes.NewReader(ix.data))
	var tables []*sourceTable
	var t *htmlTable
	off := 0
	for {
		tt := z.Next()
		start := off
		raw := z.Raw()
		off += len(raw)
		switch tt {
		case html.ErrorToken:
			if t != nil {
				tables = append(tables, t.finish(im))
			}
			return tables
		case html.TextToken:
			if t != nil {
				t.text(start, raw, z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Table {
				if slices.ContainsFunc(code, func(r [2]int) bool { return start >= r[0] && start < r[1] }) {
					continue
				}
				if t != nil { // nested: read the outer table only
					continue
				}
				t = &htmlTable{ix: ix, st: &sourceTable{pos: ix.pos(start)}}
				continue
			}
			if t == nil {
				continue
			}
			switch a {
			case atom.Tr:
				t.endRow()
				t.inRow, t.rowPos = true, start
			case atom.Td, atom.Th:
				t.endCell()
				if !t.inRow {
					t.inRow, t.rowPos = true, start
				}
				span := 1
				for {
					k, v, more := z.TagAttr()
					if string(k) == "rowspan" {
						if n, err := strconv.Atoi(strings.TrimSpace(string(v))); err == nil && n > 1 {
							span = n
						}
					}
					if !more {
						break
					}
				}
				t.cell = &htmlCell{start: start, span: span, header: a == atom.Th}
			case atom.Br:
				if t.cell != nil {
					t.cell.b.WriteByte(' ')
				}
			}
		case html.EndTagToken:
			if t == nil {
				continue
			}
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Td, atom.Th:
				t.endCell()
			case atom.Tr:
				t.endRow()
			case atom.Table:
				tables = append(tables, t.finish(im))
				t = nil
			}
		}
	}
}

type htmlCell struct {
	b      strings.Builder
	start  int // offset of the tag
	text   int // offset of the first non-space text, -1 before it
	span   int
	header bool
	set    bool
}

type htmlTable struct {
	ix     *lineIndex
	st     *sourceTable
	inRow  bool
	rowPos int
	cells  []*htmlCell
	cell   *htmlCell
	// spans are the rowspan cells still covering later rows, by column.
	spans   map[int]*htmlCell
	left    map[int]int
	headers bool
}

func (t *htmlTable) text(start int, raw, text []byte) {
	if t.cell == nil {
		return
	}
	if !t.cell.set {
		if i := bytes.IndexFunc(raw, func(r rune) bool { return !isSpace(r) }); i >= 0 {
			t.cell.text, t.cell.set = start+i, true
		}
	}
	t.cell.b.Write(text)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

func (t *htmlTable) endCell() {
	if t.cell != nil {
		t.cells = append(t.cells, t.cell)
		t.cell = nil
	}
}

// endRow places the row's cells between the rowspan cells above it.
func (t *htmlTable) endRow() {
	ix := t.ix
	t.endCell()
	if !t.inRow {
		return
	}
	t.inRow = false
	cells := t.cells
	t.cells = nil
	if len(cells) == 0 {
		return // `<tr>` opened and closed by the next one
	}
	if t.spans == nil {
		t.spans, t.left = map[int]*htmlCell{}, map[int]int{}
	}
	var row []cell
	col := 0
	take := func(c *htmlCell) {
		pos := c.start
		if c.set {
			pos = c.text
		}
		row = append(row, cell{text: plain(c.b.String()), pos: ix.pos(pos)})
	}
	carry := func() bool {
		if t.left[col] > 0 {
			take(t.spans[col])
			t.left[col]--
			col++
			return true
		}
		return false
	}
	for _, c := range cells {
		for carry() {
		}
		take(c)
		if c.span > 1 {
			t.spans[col], t.left[col] = c, c.span-1
		}
		col++
	}
	for carry() {
	}
	rec := record{pos: ix.pos(t.rowPos), cells: row}
	if t.st.header == nil && !t.headers {
		t.headers = true
		if !slices.ContainsFunc(cells, func(c *htmlCell) bool { return !c.header }) {
			t.st.header = row
			return
		}
	}
	t.st.records = append(t.st.records, rec)
}

func (t *htmlTable) finish(im *importer) *sourceTable {
	t.endRow()
	if t.st.header == nil {
		im.errorf(t.st.pos, "give the table a first row of <th> column titles", "the HTML table has no header row")
		t.st.header = []cell{}
	}
	return t.st
}

func sortTables(ts []*sourceTable) {
	slices.SortStableFunc(ts, func(a, b *sourceTable) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Column, b.pos.Column))
	})
}
