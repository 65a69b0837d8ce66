package markdown

import (
	"bytes"
	"strconv"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// The built-in writer: the embedded templates' pages written in Go, so that
// a page costs no reflection, which executing text/template spends on every
// field of every page (bench/notes.md). Each writeX below writes what templates/X.md.tmpl
// does, byte for byte after tidy (TestBuiltinMatchesTemplates renders
// several catalogs both ways); the templates stay the documented contract,
// and a page whose template a team overrides is executed from it.
var builtin = map[string]func(w *pageWriter, p *Page) error{
	rootTemplate:        writeRoot,
	indexTemplate:       writeIndex,
	tableTemplate:       writeTable,
	partTemplate:        writePart,
	codeTemplate:        writeCode,
	typeTemplate:        writeType,
	frontMatterTemplate: writeFrontMatter,
}

// pageWriter is a page being written.
type pageWriter struct{ bytes.Buffer }

// s writes strings in order.
func (w *pageWriter) s(parts ...string) {
	for _, s := range parts {
		w.WriteString(s)
	}
}

func (w *pageWriter) int(n int) { w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(n), 10)) }

// link writes [text](target).
func (w *pageWriter) link(text, target string) { w.s("[", text, "](", target, ")") }

// codeLink writes [N ID](link), the way the pages name another code.
func (w *pageWriter) codeLink(p *Page, c *catalog.Code, lang string) {
	w.WriteByte('[')
	w.int(c.Number)
	w.s(" ", textenc.SiteInline(c.ID), "](", p.CodeLink(c, lang), ")")
}

// span writes "first – last".
func (w *pageWriter) span(first, last int) {
	w.int(first)
	w.WriteString(" – ")
	w.int(last)
}

func writeFrontMatter(w *pageWriter, p *Page) error {
	w.s("---\ntitle: ", textenc.YAMLQuoted(p.Title), "\nweight: ")
	w.int(p.Weight)
	w.WriteString("\nsidebar_position: ")
	w.int(p.Weight)
	w.WriteByte('\n')
	if p.Layout != "" {
		w.s("layout: ", p.Layout, "\n")
	}
	w.WriteString("---\n")
	return nil
}

func writeRoot(w *pageWriter, p *Page) error {
	w.s("# ", p.L.Title, "\n\n")
	for _, l := range p.Languages {
		w.WriteString("- ")
		w.link(textenc.SiteInline(l.Name), p.IndexLink(l.Tag))
		w.WriteByte('\n')
	}
	return nil
}

func writeIndex(w *pageWriter, p *Page) error {
	lang := p.Lang.Tag
	w.s("# ", p.L.Title, "\n\n", p.L.Intro, "\n\n## ", p.L.Tables, "\n\n")
	for _, t := range p.Catalog.Tables {
		w.WriteString("- ")
		w.link(textenc.SiteInline(p.T(t.Title)), p.TableLink(t, lang))
		w.s(" — ", p.KindNote(t), "\n")
	}
	m := p.L.Members
	w.s("\n## ", p.L.Reading, "\n\n", p.L.ReadingBody, "\n\n",
		"- `type`: ", m.Type, "\n",
		"- `title`: ", m.Title, "\n",
		"- `status`: ", m.Status, "\n",
		"- `detail`: ", m.Detail, "\n",
		"- `code`: ", m.Code, "\n",
		"- `name`: ", m.Name, "\n\n")
	if c := p.ExampleCode(); c != nil {
		w.s(p.L.Example, ": ")
		w.codeLink(p, c, lang)
		w.s("\n\n", textenc.SiteFence("json", problemJSON(p.Problem(c))), "\n\n")
	}
	writeOthers(w, p, p.IndexLink)
	return nil
}

// writeOthers writes the list of the page in the other languages.
func writeOthers(w *pageWriter, p *Page, link func(lang string) string) {
	others := p.Others()
	if len(others) == 0 {
		return
	}
	w.s("## ", p.L.OtherLanguages, "\n\n")
	for _, l := range others {
		w.WriteString("- ")
		w.link(textenc.SiteInline(l.Name), link(l.Tag))
		w.WriteByte('\n')
	}
}

func writeTable(w *pageWriter, p *Page) error {
	t, lang := p.Table, p.Lang.Tag
	w.s("# ", textenc.SiteInline(p.T(t.Title)), "\n\n")
	if d := p.T(t.Description); d != "" {
		w.WriteString(textenc.SiteBlock(d))
	} else {
		w.WriteString(p.KindNote(t))
	}
	w.s("\n\n", p.L.Range, ": ")
	w.span(t.Min, t.Max)
	w.s("\n\n## ", p.L.Codes, "\n\n| ", p.L.Codes, " | ", p.L.Category, " |\n| --- | --- |\n")
	for _, part := range p.Parts() {
		w.WriteString("| [")
		w.span(part.First, part.Last)
		w.s("](", p.PartLink(part, lang), ") | ")
		if part.Category != nil {
			w.WriteString(textenc.SiteInline(p.T(part.Category.Title)))
		}
		w.WriteString(" |\n")
	}
	w.WriteString("\n")
	if len(t.Categories) > 0 {
		w.s("## ", p.L.Categories, "\n\n| ", p.L.Category, " | ", p.L.Range, " |\n| --- | --- |\n")
		for _, c := range t.Categories {
			w.s("| ", textenc.SiteInline(p.T(c.Title)), " | ")
			w.span(c.Min, c.Max)
			w.WriteString(" |\n")
		}
		w.WriteString("\n")
	}
	if len(t.Reserved) > 0 {
		w.s("## ", p.L.Reserved, "\n\n", p.L.ReservedNote, "\n\n| ", p.L.Range, " | ", p.L.Reason, " |\n| --- | --- |\n")
		for _, r := range t.Reserved {
			w.WriteString("| ")
			if r.Min != r.Max {
				w.span(r.Min, r.Max)
			} else {
				w.int(r.Min)
			}
			w.s(" | ", textenc.SiteInline(p.T(r.Reason)), " |\n")
		}
		w.WriteString("\n")
	}
	w.link(p.L.AllTables, p.IndexLink(lang))
	w.WriteByte('\n')
	return nil
}

// writeStatus writes a code's HTTP status as the code and part pages show
// it: "client" for a client code, the number in the http table, elsewhere a
// link to the status's own page when the catalog has it (its number, and
// with long its message too).
func writeStatus(w *pageWriter, p *Page, c *catalog.Code, long bool) {
	switch {
	case c.Client:
		w.WriteString(p.L.Client)
	case c.Table.Kind == catalog.KindHTTP:
		w.int(c.Status)
	default:
		s := p.StatusCode(c)
		if s == nil {
			w.int(c.Status)
			return
		}
		w.WriteByte('[')
		w.int(s.Number)
		if long {
			w.s(" ", textenc.SiteInline(p.T(s.Message.Text)))
		}
		w.s("](", p.CodeLink(s, p.Lang.Tag), ")")
	}
}

func writePart(w *pageWriter, p *Page) error {
	t, part, lang := p.Table, p.Part, p.Lang.Tag
	w.s("# ", textenc.SiteInline(p.T(t.Title)), " ")
	w.span(part.First, part.Last)
	w.WriteString("\n\n")
	if c := part.Category; c != nil {
		w.s(p.L.Category, ": ", textenc.SiteInline(p.T(c.Title)), " (")
		w.span(c.Min, c.Max)
		w.WriteString(")\n\n")
	}
	wire := p.ShowsWire(part.Codes)
	w.s("| ", p.L.Code, " | ", p.L.ID, " |")
	if wire {
		w.s(" ", p.L.Wire, " |")
	}
	w.s(" ", p.L.Status, " | ", p.L.Message, " | ", p.L.Retryable, " | ", p.L.Deprecated, " |\n| ---: | --- |")
	if wire {
		w.WriteString(" --- |")
	}
	w.WriteString(" ---: | --- | --- | --- |\n")
	for _, c := range part.Codes {
		w.WriteString("| [")
		w.int(c.Number)
		w.s("](", p.CodeLink(c, lang), ") | ", textenc.SiteCode(c.ID), " |")
		if wire {
			w.WriteByte(' ')
			if c.Wire != c.ID {
				w.WriteString(textenc.SiteCode(c.Wire))
			}
			w.WriteString(" |")
		}
		w.WriteByte(' ')
		writeStatus(w, p, c, false)
		w.s(" | ", message(c, lang), " | ", p.YesNo(c.Retryable), " | ")
		if d := c.Deprecated; d != nil {
			w.WriteString(p.L.Yes)
			if d.Replacement != nil {
				w.WriteString(" → ")
				w.codeLink(p, d.Replacement, lang)
			}
		}
		w.WriteString(" |\n")
	}
	w.WriteString("\n")
	if prev := p.PrevPart(); prev != nil {
		w.s("- ", p.L.Previous, ": [")
		w.span(prev.First, prev.Last)
		w.s("](", p.PartLink(prev, lang), ")\n")
	}
	if next := p.NextPart(); next != nil {
		w.s("- ", p.L.Next, ": [")
		w.span(next.First, next.Last)
		w.s("](", p.PartLink(next, lang), ")\n")
	}
	w.WriteString("- ")
	w.link(textenc.SiteInline(p.T(t.Title)), p.TableLink(t, lang))
	w.WriteByte('\n')
	return nil
}

func writeCode(w *pageWriter, p *Page) error {
	c, lang, l := p.Code, p.Lang.Tag, p.L
	w.WriteString("# ")
	w.int(c.Number)
	w.s(" ", textenc.SiteInline(c.ID), "\n\n")
	if d := c.Deprecated; d != nil {
		w.s("> **", l.DeprecatedNote, "**")
		if d.Replacement != nil {
			w.s(" ", l.Replacement, ": ")
			w.codeLink(p, d.Replacement, lang)
			w.WriteByte('.')
		}
		if r := p.T(d.Reason); r != "" {
			w.s("\n>\n> ", textenc.SiteInline(r))
		}
		w.WriteString("\n\n")
	}
	w.s(message(c, lang), "\n\n- ", l.Code, ": `")
	w.int(c.Number)
	w.s("`\n- ", l.ID, ": ", textenc.SiteCode(c.ID), "\n")
	if c.Wire != c.ID {
		w.s("- ", l.Wire, ": ", textenc.SiteCode(c.Wire), "\n")
	}
	w.s("- ", l.Status, ": ")
	writeStatus(w, p, c, true)
	w.s("\n- ", l.Retryable, ": ", p.YesNo(c.Retryable))
	if cat := c.Category; cat != nil {
		w.s("\n- ", l.Category, ": ", textenc.SiteInline(p.T(cat.Title)), " (")
		w.span(cat.Min, cat.Max)
		w.WriteByte(')')
	}
	if c.Reference != "" {
		w.s("\n- ", l.Reference, ": ", reference(c.Reference))
	}
	w.WriteString("\n- ")
	w.link(textenc.SiteInline(p.T(p.Table.Title)), p.TableLink(p.Table, lang))
	w.s(", [", l.Codes, " ")
	w.span(p.Part.First, p.Part.Last)
	w.s("](", p.PartLink(p.Part, lang), ")")
	if prev := p.Prev(c); prev != nil {
		w.s("\n- ", l.Previous, ": ")
		w.codeLink(p, prev, lang)
	}
	if next := p.Next(c); next != nil {
		w.s("\n- ", l.Next, ": ")
		w.codeLink(p, next, lang)
	}
	w.WriteString("\n\n")
	if c.Client {
		w.s(l.ClientNote, "\n\n")
	}
	if d := p.T(c.Description); d != "" {
		w.s("## ", l.Description, "\n\n", textenc.SiteBlock(d), "\n\n")
	}
	if r := p.T(c.Resolution); r != "" {
		w.s("## ", l.Resolution, "\n\n", textenc.SiteBlock(r), "\n\n")
	}
	if len(c.Causes) > 0 {
		w.s("## ", l.Causes, "\n\n")
		for _, cause := range c.Causes {
			w.s("- ", textenc.SiteInline(p.T(cause)), "\n")
		}
		w.WriteString("\n")
	}
	if sn := p.Snippets(c); len(sn) > 0 {
		w.s("## ", l.Handle, "\n\n")
		for _, s := range sn {
			w.s("### ", s.Name, "\n\n", textenc.SiteFence(s.Lang, s.Source), "\n\n")
		}
	}
	if hs := p.Headers(c); len(hs) > 0 {
		w.s("## ", l.Headers, "\n\n", l.HeadersIntro, "\n\n| ", l.Header, " | ", l.Requirement, " | ", l.Description, " |\n| --- | --- | --- |\n")
		for _, h := range hs {
			w.s("| ", textenc.SiteCode(h.Name), " | ", p.Keyword(h.Requirement), " | ", textenc.SiteInline(p.T(h.Description)), " |\n")
		}
		w.WriteString("\n")
	}
	if len(c.Params) > 0 {
		w.s("## ", l.Params, "\n\n", l.ParamsIntro, "\n\n| ", l.Param, " | ", l.Type, " | ", l.ParamExample, " |\n| --- | --- | --- |\n")
		for _, param := range c.Params {
			w.s("| ", textenc.SiteCode("{"+param.Name+"}"), " | ", textenc.SiteCode(string(param.Type)), " | ", textenc.SiteCode(param.Example), " |\n")
		}
		w.WriteString("\n")
	}
	if prob := p.Problem(c); prob != nil {
		w.s("## ", l.Problem, "\n\n", l.ProblemIntro, "\n\n", textenc.SiteFence("json", problemJSON(prob)), "\n\n")
	} else if !c.Client {
		w.s(l.NoProblem, "\n\n")
	}
	if sent := p.SentWith(c); len(sent) > 0 {
		w.s("## ", l.SentWith, "\n\n")
		for _, o := range sent {
			w.WriteString("- ")
			w.codeLink(p, o, lang)
			w.s(" (", textenc.SiteInline(p.T(o.Table.Title)), "): ", message(o, lang), "\n")
		}
		if p.More("sent_with", c) {
			w.s("- ", l.More, "\n")
		}
		w.WriteString("\n")
	}
	if same := p.SameWire(c); len(same) > 0 {
		w.s("## ", l.SameWire, "\n\n")
		for _, o := range same {
			w.WriteString("- ")
			w.codeLink(p, o, lang)
			w.s(": ", message(o, lang), "\n")
		}
		if p.More("same_wire", c) {
			w.s("- ", l.More, "\n")
		}
		w.WriteString("\n")
	}
	writeOthers(w, p, func(lang string) string { return p.CodeLink(c, lang) })
	return nil
}

func writeType(w *pageWriter, p *Page) error {
	c := p.Code
	w.WriteString("# ")
	w.int(c.Number)
	w.s(" ", textenc.SiteInline(c.ID), "\n\n")
	for _, l := range p.Languages {
		w.WriteString("- ")
		w.link(textenc.SiteInline(l.Name), p.CodeLink(c, l.Tag))
		w.s(": ", message(c, l.Tag), "\n")
	}
	return nil
}

// problemJSON is indentJSON(prob) written field by field: the same bytes
// as encoding/json's indented form of Problem, without its reflection.
func problemJSON(prob *Problem) string {
	if prob == nil {
		return "null"
	}
	var b bytes.Buffer
	str := func(name, v string) {
		b.WriteString(name)
		_ = textenc.WriteJSONString(&b, v) // a string always encodes
		b.WriteString(",\n")
	}
	num := func(name string, v int) {
		b.WriteString(name)
		b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(v), 10))
		b.WriteString(",\n")
	}
	b.WriteString("{\n")
	str(`  "type": `, prob.Type)
	str(`  "title": `, prob.Title)
	num(`  "status": `, prob.Status)
	if prob.Detail != "" {
		str(`  "detail": `, prob.Detail)
	}
	num(`  "code": `, prob.Code)
	b.WriteString(`  "name": `)
	_ = textenc.WriteJSONString(&b, prob.Name)
	b.WriteString("\n}")
	return b.String()
}
