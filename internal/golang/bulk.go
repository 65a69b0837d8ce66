package golang

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// The parts of a table's file that grow with the catalog — the constants,
// the compile guard, the packed data, the template and Retryable switches
// and the constructors — are written here directly in the form gofmt gives
// them, then spliced into the skeleton jennifer builds and go/format
// formats. go/format's cost grows with the bytes it formats, and these
// parts grow with the catalog, while their shapes are simple enough to
// write canonically. TestGofmt checks, for
// every catalog the tests render, that the spliced file is exactly what
// gofmt makes of it. Literals are quoted as jen.Lit quotes them
// (strconv.Quote); nothing here names another package.

// writer builds Go source text.
type writer struct {
	b []byte
	p para
}

func (w *writer) s(parts ...string) {
	for _, p := range parts {
		w.b = append(w.b, p...)
	}
}

func (w *writer) lit(s string) { w.b = textenc.AppendGoString(w.b, s) }
func (w *writer) int(n int)    { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// doc writes lines as a // comment at the given indentation.
func (w *writer) doc(indent string, lines []string) {
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		w.s(indent, "//")
		if l != "" {
			w.s(" ", l)
		}
		w.s("\n")
	}
}

// para starts a doc comment paragraph at the given indentation: text fed
// to it is wrapped at docWidth without building the paragraph first (doc
// wraps its paragraphs through it too).
func (w *writer) para(indent string) *para {
	w.p = para{w: w, indent: indent, word: w.p.word[:0]}
	return &w.p
}

// para is a paragraph being written; see writer.para.
type para struct {
	w       *writer
	indent  string
	lineLen int
	word    []byte
}

// text feeds s, splitting words at white space as strings.Fields does and
// escaping what a comment cannot hold (see textenc.GoCommentRune).
func (p *para) text(s string) *para {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				p.flush()
			case c < 0x20 || c == 0x7f:
				p.word = textenc.AppendGoEscape(p.word, rune(c))
			default:
				p.word = append(p.word, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			p.flush()
		case !textenc.GoCommentRune(r):
			p.word = textenc.AppendGoEscape(p.word, r)
		default:
			p.word = append(p.word, s[i:i+size]...)
		}
		i += size
	}
	return p
}

// int feeds a number.
func (p *para) int(n int) *para {
	p.word = strconv.AppendInt(p.word, int64(n), 10)
	return p
}

// flush writes the word being read, on a new line if it would overflow.
func (p *para) flush() {
	if len(p.word) == 0 {
		return
	}
	if p.lineLen > 0 && p.lineLen+1+len(p.word) > docWidth {
		p.w.s("\n")
		p.lineLen = 0
	}
	if p.lineLen == 0 {
		p.w.s(p.indent, "// ")
	} else {
		p.w.s(" ")
		p.lineLen++
	}
	p.w.b = append(p.w.b, p.word...)
	p.lineLen += len(p.word)
	p.word = p.word[:0]
}

// end finishes the paragraph.
func (p *para) end() {
	p.flush()
	if p.lineLen > 0 {
		p.w.s("\n")
	}
	p.lineLen = 0
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// ints writes {a, b, c}.
func (w *writer) ints(xs []int) {
	w.s("{")
	for i, x := range xs {
		if i > 0 {
			w.s(", ")
		}
		w.int(x)
	}
	w.s("}")
}

// headSection renders what follows a table's type: its constants, the
// compile guard and the packed data.
func (g *gen) headSection(w *writer, p *plan) {
	n := p.names
	codes := p.t.Codes

	if len(codes) > 0 {
		w.s("const (\n")
		for i, c := range codes {
			if i > 0 {
				w.s("\n")
			}
			g.codeDoc(w, p, i)
			w.s("\t", p.name(i), " ", n.Type, " = ")
			w.int(c.Number)
			w.s("\n")
		}
		w.s(")\n\n")

		// stringer's guard: when a constant's value changes without
		// regenerating, an index goes out of range.
		w.s("func _() {\n")
		w.s("\t// An \"invalid array index\" compiler error signifies that the constant values have changed.\n")
		w.s("\t// Re-run errgen to generate them again.\n")
		w.s("\tvar x [1]struct{}\n")
		for i, c := range codes {
			w.s("\t_ = x[", p.name(i))
			if c.Number < 0 {
				w.s("+")
				w.int(-c.Number)
			} else {
				w.s("-")
				w.int(c.Number)
			}
			w.s("]\n")
		}
		w.s("}\n\n")
	}

	w.doc("", doc(fmt.Sprintf("%s packs, for each code in order, its identifier, its wire name and its message in %s; %s[k] and %s[k+1] bound entry k, entry j of code i being k = i*%d+j.",
		n.text, strings.Join(g.langs, ", "), n.off, n.off, p.slots)))
	w.s("const ", n.text, " = ")
	w.lit(p.text)
	w.s("\n\nvar ", n.off, " = [...]", uintName(len(p.text)))
	w.ints(p.offs)
	w.s("\n\n")

	w.doc("", doc(fmt.Sprintf("%s holds the codes in order; %s their HTTP statuses.", n.values, n.status)))
	w.s("var ", n.values, " = [...]", n.Type, "{")
	for i := range codes {
		if i > 0 {
			w.s(", ")
		}
		w.s(p.name(i))
	}
	w.s("}\n\nvar ", n.status, " = [...]uint16{")
	for i, c := range codes {
		if i > 0 {
			w.s(", ")
		}
		w.int(c.Status)
	}
	w.s("}\n\n")

	if p.dense {
		w.doc("", doc(fmt.Sprintf("%s maps c%s to 1 + the index of c in %s, 0 meaning no code.", n.index, offsetText(p.min), n.values)))
		w.s("var ", n.index, " = [...]", uintName(len(codes)+1), "{")
		for i, c := range codes {
			if i > 0 {
				w.s(", ")
			}
			w.int(c.Number - p.min)
			w.s(": ")
			w.int(i + 1)
		}
		w.s("}\n\n")
	}

	w.doc("", doc(fmt.Sprintf("%s holds the indices of the codes sorted by identifier, %s one index per wire name sorted by wire name: for a wire name several codes share, the lowest-numbered code that is not deprecated.", n.byName, n.byWire)))
	w.s("var ", n.byName, " = [...]", uintName(len(codes)))
	w.ints(p.byName)
	w.s("\n\nvar ", n.byWire, " = [...]", uintName(len(codes)))
	w.ints(p.byWire)
	w.s("\n")
}

// tailSection renders what ends a table's file: the switches over codes
// and the constructors.
func (g *gen) tailSection(w *writer, p *plan) {
	n := p.names
	T := n.Type

	w.doc("", doc(`template returns the message of c in language l with placeholder i written as "\xff" (never part of UTF-8) followed by byte i, or "" when c has no placeholders.`))
	if len(p.templates) == 0 {
		w.s("func (", T, ") template(int) string {\n\treturn \"\"\n}\n")
	} else {
		w.s("func (c ", T, ") template(l int) string {\n\tswitch c {\n")
		for i, c := range p.t.Codes {
			tm, ok := p.templates[c]
			if !ok {
				continue
			}
			w.s("\tcase ", p.name(i), ":\n\t\treturn [...]string{")
			for i, s := range tm {
				if i > 0 {
					w.s(", ")
				}
				w.lit(s)
			}
			w.s("}[l]\n")
		}
		w.s("\t}\n\treturn \"\"\n}\n")
	}

	w.s("\n")
	w.doc("", doc("title returns the problem title of c in language l: the catalog's title where the message has placeholders, else the message."))
	titled := false
	for i, c := range p.t.Codes {
		for l, tag := range g.langs {
			if c.Title.Get(tag) == p.msg(i, l) {
				continue
			}
			if !titled {
				w.s("func (c ", T, ") title(l int) string {\n\tswitch c {\n")
				titled = true
			}
			w.s("\tcase ", p.name(i), ":\n\t\treturn [...]string{")
			for j, tag := range g.langs {
				if j > 0 {
					w.s(", ")
				}
				w.lit(c.Title.Get(tag))
			}
			w.s("}[l]\n")
			break
		}
	}
	if titled {
		w.s("\t}\n\treturn c.message(l)\n}\n")
	} else {
		w.s("func (c ", T, ") title(l int) string {\n\treturn c.message(l)\n}\n")
	}

	w.s("\n")
	w.doc("", doc("Retryable reports whether a request that failed with c may succeed when repeated unchanged."))
	var retry []string
	for i, c := range p.t.Codes {
		if c.Retryable {
			retry = append(retry, p.name(i))
		}
	}
	if len(retry) == 0 {
		w.s("func (", T, ") Retryable() bool {\n\treturn false\n}\n")
	} else {
		w.s("func (c ", T, ") Retryable() bool {\n\tswitch c {\n\tcase ", strings.Join(retry, ", "), ":\n\t\treturn true\n\t}\n\treturn false\n}\n")
	}

	for i, c := range p.t.Codes {
		if k := p.ctors[c]; k != nil {
			w.s("\n")
			g.constructor(w, p, i, k)
		}
	}
}

// sizeHint estimates, a little high, the bytes headSection and
// tailSection write: the text three times (doc comments, literal and
// templates, escapes aside) and per code and constructor what their
// declarations, descriptions and data take, so that the output buffer
// rarely grows.
func (p *plan) sizeHint() int {
	return 3*len(p.text) + 300*len(p.t.Codes) + 400*len(p.ctors) + 4096
}

// constructor renders New<Code>: placeholder values, then the values of
// the headers the code's status obliges, then Retry-After.
func (g *gen) constructor(w *writer, p *plan, i int, k *ctor) {
	c := p.t.Codes[i]
	var names []string
	for _, prm := range k.params {
		names = append(names, prm.Name)
	}
	names = append(names, k.headers...)
	if k.retry != "" {
		names = append(names, retryAfterHeader)
	}
	ids := paramNames(names, func(s string) bool { return g.taken[s] })

	var params, args, fields []string
	for i, prm := range k.params {
		if prm.Type == catalog.ParamInt {
			params = append(params, ids[i]+" int")
			args = append(args, "itoa("+ids[i]+")")
		} else {
			params = append(params, ids[i]+" string")
			args = append(args, ids[i])
		}
	}
	for i, h := range k.headers {
		id := ids[len(k.params)+i]
		params = append(params, id+" string")
		fields = append(fields, "{"+strconv.Quote(h)+", "+id+"}")
	}
	retry := "nil"
	if k.retry != "" {
		id := ids[len(ids)-1]
		if k.retry == catalog.Must {
			params = append(params, id+" RetryAfter")
			fields = append(fields, "{"+strconv.Quote(retryAfterHeader)+", "+id+".value}")
		} else {
			params = append(params, id+" ...RetryAfter")
			retry = id
		}
	}
	argv, fieldv := "nil", "nil"
	if len(args) > 0 {
		argv = "[]string{" + strings.Join(args, ", ") + "}"
	}
	if len(fields) > 0 {
		fieldv = "[]field{" + strings.Join(fields, ", ") + "}"
	}
	g.ctorDoc(w, p, i, k, ids)
	w.s("func ", constructorName(c), "(", strings.Join(params, ", "), ") *Error {\n")
	w.s("\treturn newError(", p.name(i), ", ", argv, ", ", fieldv, ", ", retry, ")\n}\n")
}

// uintName is the narrowest of uint16 and uint32 that holds max.
func uintName(max int) string {
	if max <= 1<<16-1 {
		return "uint16"
	}
	return "uint32"
}

func offsetText(min int) string {
	switch {
	case min > 0:
		return "-" + strconv.Itoa(min)
	case min < 0:
		return "+" + strconv.Itoa(-min)
	}
	return ""
}

// typeDoc documents a table's type.
func (g *gen) typeDoc(t *catalog.Table) []string {
	def := g.langs[g.def]
	first := fmt.Sprintf("%s is a code of the %s table: %s.", t.TypeName, t.Kind, strings.TrimSuffix(oneLine(t.Title.Get(def)), "."))
	if d := firstLine(t.Description.Get(def)); d != "" {
		first += " " + d
	}
	return doc(first, fmt.Sprintf("Its values are the constants below, in code order; %s lists them. Any other value is not Valid and has no name, status or message.", namesOf(t).Values))
}

// codeDoc writes the doc comment of code i: what it is, its message in
// every language, the first line of its description and its deprecation.
// Every paragraph starts with the generator's words, never with text from
// the catalog, so no text can make a paragraph a heading, a link
// definition or a deprecation notice, and gofmt leaves the comment as it
// is. It streams: building each comment first would cost a string per
// code for every code of a large catalog.
func (g *gen) codeDoc(w *writer, p *plan, i int) {
	c := p.t.Codes[i]
	pw := w.para("\t").text(p.name(i))
	switch {
	case c.Table.Kind == catalog.KindHTTP && c.Client:
		pw.text(" is client-side code ").int(c.Number).text(", raised by an HTTP client when no response came; a server never sends it.")
	case c.Table.Kind == catalog.KindHTTP:
		pw.text(" is HTTP status ").int(c.Number).text(".")
	default:
		pw.text(" is ").text(string(c.Table.Kind)).text(" code ").int(c.Number).text(", sent with HTTP status ").int(c.Status).text(".")
	}
	if c.Retryable {
		pw.text(" Retryable.")
	}
	if c.Reference != "" {
		pw.text(" See ").text(strings.TrimSuffix(strings.TrimSpace(c.Reference), ".")).text(".")
	}
	if d := c.Description.Get(g.langs[g.def]); d != "" {
		d, _, _ = strings.Cut(strings.TrimSpace(d), "\n")
		pw.text(" ").text(d)
	}
	pw.end()
	w.s("\t//\n")
	for l, tag := range g.langs {
		w.s("\t//   - ", tag, ":")
		for word := range strings.FieldsSeq(p.msg(i, l)) {
			w.s(" ", textenc.GoComment(word))
		}
		w.s("\n")
	}
	if c.Deprecated != nil {
		w.s("\t//\n")
		w.para("\t").text(g.deprecation(c)).end()
	}
	// Directives errgen vet reads (as facts of the constant): sending the
	// bare code loses a header only the caller can give, or sends a
	// non-error as a problem.
	switch {
	case c.Status >= 400:
		for _, h := range g.obliged(c).headers {
			w.s("\t//errgen:header ", h, "\n")
		}
		if g.obliged(c).retry == catalog.Must {
			w.s("\t//errgen:header ", retryAfterHeader, "\n")
		}
	case c.Status > 0:
		w.s("\t//errgen:noproblem\n")
	}
}

// deprecation writes the Deprecated: paragraph that gopls and staticcheck
// (SA1019) read.
func (g *gen) deprecation(c *catalog.Code) string {
	d := c.Deprecated
	s := "Deprecated:"
	if r := d.Replacement; r != nil {
		s += " use " + r.QualifiedName() + " instead."
	}
	if reason := oneLine(d.Reason.Get(g.langs[g.def])); reason != "" {
		s += " " + reason
	} else if d.Replacement == nil {
		s += " do not use it in new code."
	}
	return s
}

// firstLine is the first line of a text, on one line.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return oneLine(s)
}

func (g *gen) ctorDoc(w *writer, p *plan, i int, k *ctor, ids []string) {
	c := p.t.Codes[i]
	w.para("").text("New").text(p.name(i)).text(" returns an Error of ").text(p.name(i)).text(", whose message reads: ").text(p.msg(i, g.def)).end()
	if len(k.headers) > 0 || k.retry != "" {
		w.s("//\n")
		pw := w.para("")
		for j, h := range k.headers {
			if j > 0 {
				pw.text(" ")
			}
			pw.text(ids[len(k.params)+j]).text(" is the ").text(h).text(" header its status obliges.")
		}
		if len(k.headers) > 0 && k.retry != "" {
			pw.text(" ")
		}
		if k.retry == catalog.Must {
			pw.text(ids[len(ids)-1]).text(" is the Retry-After header its status obliges.")
		} else if k.retry != "" {
			pw.text(ids[len(ids)-1]).text(" optionally sets the Retry-After header (the last one wins).")
		}
		pw.end()
	}
	if c.Deprecated != nil {
		w.s("//\n")
		pw := w.para("").text("Deprecated:")
		if r := c.Deprecated.Replacement; r != nil {
			if g.plans[r.Table].ctors[r] != nil {
				pw.text(" use New").text(r.QualifiedName()).text(" instead.")
			} else {
				pw.text(" use New(").text(r.QualifiedName()).text(") instead.")
			}
		} else {
			pw.text(" ").text(p.name(i)).text(" is deprecated.")
		}
		pw.end()
	}
}
