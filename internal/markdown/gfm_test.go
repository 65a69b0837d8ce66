package markdown

import (
	"bytes"
	"encoding/json"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
)

// gfm parses GitHub Flavored Markdown. Raw HTML is rendered as is, so that
// any HTML a catalog text smuggled in shows up in the text checks below.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))

// The raw HTML the templates themselves write; anything else came from a
// catalog text and is an injection.
var allowedHTML = map[string]bool{
	markerLine[:len(markerLine)-1]: true,
}

// TestGFM parses every page as GFM and checks that each table has a row
// per code (or header, or placeholder) whose cells show exactly the text
// of the catalog, that no catalog text became HTML, that every link leads
// to a page, and that each problem body is the JSON the other targets send.
func TestGFM(t *testing.T) {
	for _, name := range checkedCases(t) {
		t.Run(name, func(t *testing.T) {
			c, files := emitCase(t, name)
			got := relative(t, c, files)
			set, err := loadTemplates(nil, "")
			if err != nil {
				t.Fatal(err)
			}
			labels := set.labels
			if options(t, c).Templates != "" {
				labels = overrideLabels(t, c)
			}
			parts := map[string]*Part{}
			lay, err := newLayout(c)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range c.Languages {
				for _, table := range c.Tables {
					for _, part := range lay.parts[table] {
						parts[partPath(part, l.Tag)] = part
					}
				}
			}
			for p, data := range got {
				if !strings.HasSuffix(p, ".md") {
					continue
				}
				if options(t, c).FrontMatter {
					checkFrontMatter(t, c, p, data)
					// As a site generator does, read the page without it.
					data = data[bytes.Index(data, []byte("\n---\n"))+len("\n---\n"):]
				}
				doc := gfm.Parser().Parse(text.NewReader(data))
				checkHTML(t, p, doc, data)
				checkLinks(t, p, doc, got)
				checkTableRows(t, p, doc, data)
				checkShortcodes(t, p, data)
				lang, table, code := locate(c, p)
				if table == nil {
					continue
				}
				l := *labels[lang]
				tables := tablesOf(t, doc, data)
				if code == nil {
					if part := parts[p]; part != nil && options(t, c).Templates == "" {
						checkCodeTable(t, p, part.Table, part.Codes, lang, l, tables)
					}
					continue
				}
				checkCodePage(t, p, c, code, lang, l, tables)
				checkProblem(t, p, c, code, lang, doc, data)
			}
		})
	}
}

func overrideLabels(t *testing.T, c *catalog.Catalog) map[string]*Labels {
	t.Helper()
	set, err := loadTemplates(osDirFS(t, c), options(t, c).Templates)
	if err != nil {
		t.Fatal(err)
	}
	return set.labels
}

// locate finds the language, table and code a page is about from its path.
func locate(c *catalog.Catalog, p string) (string, *catalog.Table, *catalog.Code) {
	parts := strings.Split(p, "/")
	if len(parts) != 3 {
		return "", nil, nil
	}
	table := c.Table(catalog.TableKind(parts[1]))
	if table == nil {
		return parts[0], nil, nil
	}
	if parts[2] == "_index.md" {
		return parts[0], table, nil
	}
	n, err := strconv.Atoi(strings.TrimSuffix(parts[2], ".md"))
	if err != nil {
		return parts[0], table, nil
	}
	return parts[0], table, table.Lookup(n)
}

// A parsed table: the text of each cell, header row first.
type parsedTable [][]string

func tablesOf(t *testing.T, doc ast.Node, src []byte) []parsedTable {
	t.Helper()
	var tables []parsedTable
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindTable {
			return ast.WalkContinue, nil
		}
		var pt parsedTable
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, cellText(t, cell, src))
			}
			pt = append(pt, cells)
		}
		tables = append(tables, pt)
		return ast.WalkSkipChildren, nil
	})
	return tables
}

var (
	brTag  = regexp.MustCompile(`<br\s*/?>`)
	anyTag = regexp.MustCompile(`<[^>]*>`)
)

// cellText renders a cell to HTML and reads it back as the text a browser
// shows, a <br> as a line feed. Tags are dropped: a tag from a catalog
// text would therefore make the text differ from the catalog's.
func cellText(t *testing.T, cell ast.Node, src []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gfm.Renderer().Render(&buf, src, cell); err != nil {
		t.Fatal(err)
	}
	s := brTag.ReplaceAllString(buf.String(), "\n")
	return normalize(html.UnescapeString(anyTag.ReplaceAllString(s, "")))
}

// normalize collapses the white space a renderer may change: every run
// of blanks and line feeds is one space (a table cell has no line breaks).
func normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// checkCodeTable checks the table of a part page: a row per code of the
// part, showing its catalog text.
func checkCodeTable(t *testing.T, p string, table *catalog.Table, codes []*catalog.Code, lang string, l Labels, tables []parsedTable) {
	t.Helper()
	if len(tables) == 0 {
		t.Errorf("%s: no table", p)
		return
	}
	rows := tables[0]
	wire := func(cells ...string) []string { return cells }
	if !showsWire(codes) {
		wire = func(cells ...string) []string { return slices.Delete(cells, 2, 3) }
	}
	header := wire(l.Code, l.ID, l.Wire, l.Status, l.Message, l.Retryable, l.Deprecated)
	if !equal(rows[0], header) {
		t.Errorf("%s: header %q, want %q", p, rows[0], header)
	}
	if len(rows)-1 != len(codes) {
		t.Errorf("%s: %d rows, want one per code: %d", p, len(rows)-1, len(codes))
		return
	}
	for i, code := range codes {
		status := strconv.Itoa(code.Status)
		if code.Client {
			status = l.Client
		}
		retry := l.No
		if code.Retryable {
			retry = l.Yes
		}
		deprecated := ""
		if d := code.Deprecated; d != nil {
			deprecated = l.Yes
			if d.Replacement != nil {
				deprecated += " → " + strconv.Itoa(d.Replacement.Number) + " " + d.Replacement.ID
			}
		}
		wireName := "" // shown only where it differs from the identifier
		if code.Wire != code.ID {
			wireName = code.Wire
		}
		want := wire(strconv.Itoa(code.Number), code.ID, wireName, status, plainMessage(code, lang), retry, deprecated)
		for j := range want {
			want[j] = normalize(want[j])
		}
		if !equal(rows[i+1], want) {
			t.Errorf("%s: row of code %d is\n  %q\nwant\n  %q", p, code.Number, rows[i+1], want)
		}
	}
}

// plainMessage is a message as a reader sees it, placeholders as {name}.
func plainMessage(code *catalog.Code, lang string) string {
	return code.Message.Plain(lang, func(name string) string { return "{" + name + "}" })
}

func checkCodePage(t *testing.T, p string, c *catalog.Catalog, code *catalog.Code, lang string, l Labels, tables []parsedTable) {
	t.Helper()
	var want []parsedTable
	if hs := c.ObligedHeaders(code); len(hs) > 0 {
		var rows parsedTable
		for _, h := range hs {
			rows = append(rows, []string{normalize(h.Name), l.Requirements.word(h.Requirement), normalize(h.Description.Get(lang))})
		}
		want = append(want, rows)
	}
	if len(code.Params) > 0 {
		var rows parsedTable
		for _, prm := range code.Params {
			rows = append(rows, []string{"{" + prm.Name + "}", string(prm.Type), normalize(prm.Example)})
		}
		want = append(want, rows)
	}
	if len(tables) != len(want) {
		t.Errorf("%s: %d tables, want %d (headers, placeholders)", p, len(tables), len(want))
		return
	}
	for i, w := range want {
		body := tables[i][1:]
		if len(body) != len(w) {
			t.Errorf("%s: table %d has %d rows, want %d", p, i+1, len(body), len(w))
			continue
		}
		for j := range w {
			if !equal(body[j], w[j]) {
				t.Errorf("%s: table %d row %d is %q, want %q", p, i+1, j+1, body[j], w[j])
			}
		}
	}
}

// checkProblem finds the example problem body and checks it is the JSON
// the other targets send, built here from the catalog on its own.
func checkProblem(t *testing.T, p string, c *catalog.Catalog, code *catalog.Code, lang string, doc ast.Node, src []byte) {
	t.Helper()
	var bodies []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(src)) == "json" {
			var b strings.Builder
			for i := 0; i < fb.Lines().Len(); i++ {
				seg := fb.Lines().At(i)
				b.Write(seg.Value(src))
			}
			bodies = append(bodies, b.String())
		}
		return ast.WalkContinue, nil
	})
	if code.Client || code.Status < 400 {
		if len(bodies) != 0 {
			t.Errorf("%s: a client code, or a status below 400, has a problem body", p)
		}
		return
	}
	if len(bodies) != 1 {
		t.Errorf("%s: %d JSON blocks, want the problem body", p, len(bodies))
		return
	}
	var got map[string]any
	dec := json.NewDecoder(strings.NewReader(bodies[0]))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Errorf("%s: problem body is not JSON: %v\n%s", p, err, bodies[0])
		return
	}
	want := map[string]any{
		"type":   c.DocsBaseURL + "/" + string(code.Table.Kind) + "/" + strconv.Itoa(code.Number),
		"title":  code.Title.Get(lang),
		"status": json.Number(strconv.Itoa(code.Status)),
		"code":   json.Number(strconv.Itoa(code.Number)),
		"name":   code.Wire,
	}
	if len(code.Params) > 0 {
		want["detail"] = code.Message.Plain(lang, func(name string) string {
			for _, prm := range code.Params {
				if prm.Name == name {
					return prm.Example
				}
			}
			t.Fatalf("no param %s", name)
			return ""
		})
	}
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("%s: problem body\n  %s\nwant\n  %s", p, gj, wj)
	}
}

// checkHTML fails on any raw HTML the templates do not write themselves.
func checkHTML(t *testing.T, p string, doc ast.Node, src []byte) {
	t.Helper()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw string
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw += string(seg.Value(src))
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw += string(seg.Value(src))
			}
			if n.HasClosure() {
				raw += string(n.ClosureLine.Value(src))
			}
			raw = strings.TrimSpace(raw)
		default:
			return ast.WalkContinue, nil
		}
		if !allowedHTML[raw] {
			t.Errorf("%s: raw HTML %q", p, raw)
		}
		return ast.WalkContinue, nil
	})
}

var ()

// checkShortcodes fails on a Hugo shortcode opener anywhere in a page:
// Hugo reads {{< … >}} and {{% … %}} before any Markdown, in code spans
// and fenced blocks too, and runs the shortcode it names.
func checkShortcodes(t *testing.T, p string, src []byte) {
	t.Helper()
	for _, open := range []string{"{{<", "{{%"} {
		if i := bytes.Index(src, []byte(open)); i >= 0 {
			t.Errorf("%s: Hugo would read a shortcode at %q in …%s…", p, open, src[max(0, i-40):min(len(src), i+40)])
		}
	}
}

// checkLinks follows every relative link to a file of the docs tree.
func checkLinks(t *testing.T, p string, doc ast.Node, files map[string][]byte) {
	t.Helper()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		if strings.Contains(dest, "://") {
			return ast.WalkContinue, nil
		}
		target := path.Join(path.Dir(p), dest)
		if _, ok := files[target]; !ok {
			t.Errorf("%s: link %s leads nowhere (%s)", p, dest, target)
		}
		return ast.WalkContinue, nil
	})
}

// checkTableRows counts the cells of each table row in the source as GFM
// splits them, at every pipe not escaped by a backslash (even inside a code
// span). The parser pads or cuts rows to the header's width, so only the
// source shows a cell too many or too few.
func checkTableRows(t *testing.T, p string, doc ast.Node, src []byte) {
	t.Helper()
	tables := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == east.KindTable {
			tables++
		}
		return ast.WalkContinue, nil
	})
	var blocks [][]int
	inTable, fence := false, ""
	for _, line := range strings.Split(string(src), "\n") {
		if fence != "" {
			if strings.TrimSpace(line) == fence {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(line, "```") {
			fence = strings.TrimRight(line[:len(line)-len(strings.TrimLeft(line, "`"))], " ")
			inTable = false
			continue
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		if !inTable {
			blocks = append(blocks, nil)
			inTable = true
		}
		blocks[len(blocks)-1] = append(blocks[len(blocks)-1], cellCount(line))
	}
	if len(blocks) != tables {
		t.Errorf("%s: %d tables in the source, %d parsed", p, len(blocks), tables)
	}
	for i, b := range blocks {
		for j, n := range b {
			if n != b[0] {
				t.Errorf("%s: table %d, line %d has %d cells, the header %d", p, i+1, j+1, n, b[0])
			}
		}
	}
}

func cellCount(line string) int {
	line = strings.TrimSpace(line)
	pipes, last := 0, -1
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			pipes, last = pipes+1, i
		}
	}
	cells := pipes + 1
	if strings.HasPrefix(line, "|") {
		cells--
	}
	if last == len(line)-1 && last > 0 {
		cells--
	}
	return cells
}

// checkFrontMatter parses the front matter as YAML and checks its keys.
func checkFrontMatter(t *testing.T, c *catalog.Catalog, p string, data []byte) {
	t.Helper()
	s := string(data)
	end := strings.Index(s, "\n---\n")
	if !strings.HasPrefix(s, "---\n") || end < 0 {
		t.Errorf("%s: no front matter", p)
		return
	}
	var fm map[string]any
	if err := yaml.Unmarshal([]byte(s[4:end]), &fm); err != nil {
		t.Errorf("%s: front matter: %v", p, err)
		return
	}
	// Hugo reads a slug as the last segment of the page's URL: the
	// path of the file is the page's path.
	if slug, ok := fm["slug"]; ok {
		t.Errorf("%s: slug %v; the docs site derives the URL from the path", p, slug)
	}
	lang, table, code := locate(c, p)
	switch {
	case code != nil:
		if want := strconv.Itoa(code.Number) + " " + code.ID; fm["title"] != want {
			t.Errorf("%s: title %v, want %s", p, fm["title"], want)
		}
	case table != nil && strings.HasSuffix(p, "/_index.md"):
		if fm["title"] != table.Title.Get(lang) {
			t.Errorf("%s: title %v, want %s", p, fm["title"], table.Title.Get(lang))
		}
	case table != nil:
		// A part's file is named {first}-{last}; either may be negative.
		name := strings.TrimSuffix(path.Base(p), ".md")
		i := strings.Index(name[1:], "-") + 1
		want := table.Title.Get(lang) + " " + name[:i] + " – " + name[i+1:]
		if fm["title"] != want {
			t.Errorf("%s: title %v, want %s", p, fm["title"], want)
		}
	}
	for _, key := range []string{"weight", "sidebar_position"} {
		if _, ok := fm[key].(int); !ok {
			t.Errorf("%s: %s is %v, want an integer", p, key, fm[key])
		}
	}
}

func equal(a, b []string) bool { return slices.Equal(a, b) }

func osDirFS(t testing.TB, c *catalog.Catalog) fs.FS {
	return os.DirFS(filepath.Join(c.Root, options(t, c).Templates))
}
