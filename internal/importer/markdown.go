package importer

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// readMarkdown finds the code tables of a Markdown (or plain-text) file, in
// this order of preference: GFM and HTML tables; else a heading or list
// item per code; else a plain-text table under a header line.
func (im *importer) readMarkdown(ix *lineIndex) []*sourceTable {
	src := blankFrontMatter(ix.data)
	doc := gfm.Parser().Parse(text.NewReader(src))
	var tables []*sourceTable
	var code [][2]int // fenced and indented code: no tables in there
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			tables = append(tables, im.gfmTable(ix, src, n))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if l := n.Lines(); l.Len() > 0 {
				code = append(code, [2]int{l.At(0).Start, l.At(l.Len() - 1).Stop})
			}
		}
		return ast.WalkContinue, nil
	})
	tables = append(tables, im.htmlTables(ix, code)...)
	sortTables(tables)
	if len(tables) > 0 {
		return tables
	}
	if t := im.codeDocument(ix, src, doc); t != nil {
		return []*sourceTable{t}
	}
	return im.plainTable(ix)
}

// blankFrontMatter replaces a leading YAML front matter block with spaces,
// so Markdown does not read it as a heading and offsets stay the same.
func blankFrontMatter(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return data
	}
	end := bytes.Index(data[3:], []byte("\n---"))
	if end < 0 {
		return data
	}
	end += 3 + len("\n---")
	out := bytes.Clone(data)
	for i := range end {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}

func (im *importer) gfmTable(ix *lineIndex, src []byte, t *east.Table) *sourceTable {
	st := &sourceTable{}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []cell
		var rowPos int
		short, last := false, 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			tc := c.(*east.TableCell)
			if tc.Lines().Len() == 0 {
				short = true // goldmark pads a short row with empty cells
				continue
			}
			seg := tc.Lines().At(0)
			if len(cells) == 0 {
				rowPos = lineStartOf(src, seg.Start)
			}
			last = seg.Stop
			cells = append(cells, cell{text: plain(inline(tc, src)), pos: ix.pos(seg.Start)})
		}
		// goldmark drops cells past the header's count: find them in the line.
		rest := strings.TrimSpace(string(src[last:lineEndOf(src, last)]))
		extra := strings.TrimSpace(strings.TrimPrefix(rest, "|")) != ""
		rec := record{pos: ix.pos(rowPos), cells: cells}
		if _, isHeader := row.(*east.TableHeader); isHeader {
			st.header, st.pos = cells, rec.pos
			continue
		}
		if short || extra {
			im.ragged(rec, st, len(cells), extra)
			continue
		}
		st.records = append(st.records, rec)
	}
	return st
}

func lineStartOf(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }

func lineEndOf(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// codeTitle matches a heading or list item that opens a code: an optional
// section number, the code, its title ("15.5.2 401 Unauthorized").
var codeTitle = regexp.MustCompile(`^(?:\d+(?:\.\d+)+\.?\s+)?(-?\d+)\s+(\S.*)$`)

// codeDocument reads a document where each code opens a heading or a list
// item and the paragraphs after it describe the code. A heading that opens
// no code ends the description.
func (im *importer) codeDocument(ix *lineIndex, src []byte, doc ast.Node) *sourceTable {
	st := &sourceTable{columns: []column{{field: fieldCode}, {field: fieldMessage}, {field: fieldDescription}}}
	var cur *record
	var paras []string
	var descPos int
	level := 0 // of the headings that open codes
	flush := func() {
		if cur != nil {
			cur.cells = append(cur.cells, cell{text: strings.Join(paras, " "), pos: ix.pos(descPos)})
			st.records = append(st.records, *cur)
		}
		cur, paras = nil, nil
	}
	describe := func(n ast.Node) {
		if cur == nil {
			return
		}
		for _, p := range paragraphs(n, src) {
			if len(paras) == 0 {
				descPos = p.start
			}
			paras = append(paras, p.text)
		}
	}
	open := func(title ast.Node, rest ast.Node) bool {
		rec, ok := titleRecord(ix, src, title)
		if !ok {
			return false
		}
		flush()
		if st.pos.Line == 0 {
			st.pos = rec.pos
		}
		cur = &rec
		for n := rest; n != nil; n = n.NextSibling() {
			describe(n)
		}
		return true
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if open(n, nil) {
				level = n.Level
				continue
			}
			flush()
			if n.Level == level && n.Lines().Len() > 0 {
				im.warnf(ix.pos(n.Lines().At(0).Start), "start the heading with its code to import it",
					"heading %q names no code; it and its text were skipped", plain(inline(n, src)))
			}
		case *ast.List:
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				if first := item.FirstChild(); first == nil || !open(first, first.NextSibling()) {
					describe(item)
				}
			}
		case *ast.ThematicBreak:
			flush()
		case *ast.HTMLBlock:
		default:
			describe(n)
		}
	}
	flush()
	if len(st.records) == 0 {
		return nil
	}
	return st
}

// titleRecord reads the code and title of a heading or an item's first
// block. When the line starts with a link or code span (`* [401 Unauthorized](…) → more`),
// only that is the title.
func titleRecord(ix *lineIndex, src []byte, n ast.Node) (record, bool) {
	if n.Lines().Len() == 0 {
		return record{}, false
	}
	first := n.FirstChild()
	for first != nil {
		if t, ok := first.(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" {
			first = first.NextSibling()
			continue
		}
		break
	}
	var title string
	switch first.(type) {
	case *ast.Link, *ast.CodeSpan:
		title = inlineNode(first, src)
	default:
		title = inline(n, src)
	}
	title = strings.Trim(plain(title), "` ")
	m := codeTitle.FindStringSubmatch(title)
	if m == nil {
		return record{}, false
	}
	message := strings.Trim(m[2], "` ")
	line := n.Lines().At(0)
	lineText := string(src[line.Start:lineEndOf(src, line.Start)])
	numAt := strings.Index(lineText, m[1])
	msgAt := numAt + len(m[1]) + max(strings.Index(lineText[numAt+len(m[1]):], firstWord(message)), 0)
	numPos := ix.pos(line.Start + numAt)
	return record{pos: numPos, cells: []cell{
		{text: m[1], pos: numPos},
		{text: message, pos: ix.pos(line.Start + msgAt)},
	}}, true
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

type paragraph struct {
	text  string
	start int
}

// paragraphs is the plain text of a block: links, emphasis and code spans
// become their text, block quotes and lists their paragraphs.
func paragraphs(n ast.Node, src []byte) []paragraph {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		s := plain(inline(n, src))
		if s == "" || n.Lines().Len() == 0 {
			return nil
		}
		return []paragraph{{s, n.Lines().At(0).Start}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		l := n.Lines()
		for i := range l.Len() {
			seg := l.At(i)
			b.Write(seg.Value(src))
		}
		if s := strings.TrimRight(b.String(), "\n"); s != "" {
			return []paragraph{{s, l.At(0).Start}}
		}
		return nil
	case *ast.HTMLBlock, *ast.ThematicBreak:
		return nil
	}
	var ps []paragraph
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		ps = append(ps, paragraphs(c, src)...)
	}
	return ps
}

// inline is the text of a block's inline content.
func inline(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(inlineNode(c, src))
	}
	return b.String()
}

func inlineNode(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Text:
		s := string(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		return s
	case *ast.String:
		return string(n.Value)
	case *ast.AutoLink:
		return string(n.URL(src))
	case *ast.RawHTML:
		return " " // <br> and other inline tags: a word break, no markup
	}
	return inline(n, src)
}

// plain collapses runs of white space, as a reader of the table sees them.
func plain(s string) string { return strings.Join(strings.Fields(s), " ") }
