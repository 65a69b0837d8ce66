package translations

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// poFlag marks a message for gettext: Python's str.format syntax is the
// catalog's own ({name} a placeholder, {{ and }} literal braces), so
// `msgfmt --check-format` checks that a translation keeps every
// placeholder of the source and adds none.
const poFlag = "python-brace-format"

// WritePO renders units as a gettext PO file for the language lang.
func WritePO(f *File) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations of %s from %s into %s: errgen translations export.\n", f.Catalog, f.SourceLang, f.Lang)
	b.WriteString("# Translate the msgstr lines; bring the file back with errgen translations import.\n")
	b.WriteString("# A #, fuzzy entry's source changed since it was translated: #| msgid is the\n# source it was translated from. Review it, then remove the fuzzy flag.\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range []string{
		"Project-Id-Version: " + f.Catalog,
		"Language: " + f.Lang,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"X-Source-Language: " + f.SourceLang,
		"X-Generator: errgen",
	} {
		b.WriteString(textenc.POString(h + "\n"))
		b.WriteByte('\n')
	}
	for _, u := range f.Units {
		b.WriteByte('\n')
		fmt.Fprintf(&b, "#. %s (%s)\n", poComment(u.Name), u.Pos)
		fmt.Fprintf(&b, "#: %s:%d\n", f.Catalog, u.Pos.Line)
		var flags []string
		if u.Stale() {
			flags = append(flags, "fuzzy")
		}
		if u.Message {
			flags = append(flags, poFlag)
		}
		if len(flags) > 0 {
			fmt.Fprintf(&b, "#, %s\n", strings.Join(flags, ", "))
		}
		if u.Stale() {
			writePOString(&b, "#| msgid", u.Previous)
		}
		writePOString(&b, "msgctxt", u.Context)
		writePOString(&b, "msgid", u.Source)
		writePOString(&b, "msgstr", u.Target)
	}
	return b.Bytes()
}

// poComment keeps a comment on one line.
func poComment(s string) string { return strings.ReplaceAll(s, "\n", " ") }

// writePOString writes `keyword "text"`, a text with line breaks as one
// string per line after an empty first one, as gettext's tools do.
func writePOString(b *bytes.Buffer, keyword, s string) {
	prefix := ""
	if strings.HasPrefix(keyword, "#|") {
		prefix = "#| "
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) <= 1 {
		fmt.Fprintf(b, "%s %s\n", keyword, textenc.POString(s))
		return
	}
	fmt.Fprintf(b, "%s \"\"\n", keyword)
	for _, l := range lines {
		fmt.Fprintf(b, "%s%s\n", prefix, textenc.POString(l))
	}
}

// readPO reads a PO file into entries, each at the position of its msgstr.
func readPO(name string, data []byte) (*parsed, catalog.Diagnostics) {
	p := &poReader{name: name, out: &parsed{format: "po"}}
	lines := strings.Split(string(data), "\n")
	var cur *poEntry
	var last *poString // the string continuation lines add to
	flush := func() {
		if cur != nil {
			p.entry(cur)
		}
		cur, last = nil, nil
	}
	start := func(line int) {
		if cur == nil || cur.msgstr != nil {
			flush()
			cur = &poEntry{line: line}
		}
	}
	for i, raw := range lines {
		ln := i + 1
		line := strings.TrimRight(raw, "\r")
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "#~"):
			// An obsolete entry: gone from the catalog, kept by the tool.
			flush()
		case strings.HasPrefix(t, "#,"):
			start(ln)
			for _, fl := range strings.Split(t[2:], ",") {
				fl = strings.TrimSpace(fl)
				switch {
				case fl == "fuzzy":
					cur.fuzzy = true
				case strings.HasSuffix(fl, "-format") && fl != poFlag && !strings.HasPrefix(fl, "no-"):
					cur.foreign = append(cur.foreign, flagAt{fl, ln})
				}
			}
			last = nil
		case strings.HasPrefix(t, "#"):
			start(ln)
			last = nil
		case strings.HasPrefix(t, "\""):
			if last == nil {
				p.errorf(ln, 1, "put a string after a keyword (msgid, msgstr, msgctxt)", "a string that continues nothing")
				continue
			}
			s, ok := p.unquote(ln, line, t)
			if ok {
				last.text += s
			}
		default:
			kw, rest, _ := strings.Cut(t, " ")
			rest = strings.TrimSpace(rest)
			var into **poString
			switch {
			case kw == "msgctxt":
				start(ln)
				into = &cur.msgctxt
			case kw == "msgid":
				start(ln)
				into = &cur.msgid
			case kw == "msgstr":
				if cur == nil {
					cur = &poEntry{line: ln}
				}
				into = &cur.msgstr
			case kw == "msgid_plural" || strings.HasPrefix(kw, "msgstr["):
				if cur == nil {
					cur = &poEntry{line: ln}
				}
				cur.plural = ln
				last = &poString{}
				continue
			default:
				p.errorf(ln, 1, "write msgctxt, msgid or msgstr, a string, or a # comment", "%q is not a PO keyword", kw)
				last = nil
				continue
			}
			s, ok := p.unquote(ln, line, rest)
			if !ok {
				s = ""
			}
			*into = &poString{text: s, line: ln, col: 1 + strings.Index(line, kw)}
			last = *into
		}
	}
	flush()
	if p.out.lang == "" && len(p.errs) == 0 {
		p.errorf(1, 1, "add the header entry (msgid \"\") with a Language: line, as errgen translations export writes it", "the file names no language")
	}
	return p.out, p.errs
}

type poString struct {
	text      string
	line, col int
}

type flagAt struct {
	flag string
	line int
}

type poEntry struct {
	line                   int
	msgctxt, msgid, msgstr *poString
	fuzzy                  bool
	foreign                []flagAt
	plural                 int // the line of msgid_plural or msgstr[N]
}

type poReader struct {
	name string
	out  *parsed
	errs catalog.Diagnostics
}

func (p *poReader) errorf(line, col int, hint, format string, args ...any) {
	p.errs = append(p.errs, catalog.Diagnostic{Pos: catalog.Pos{File: p.name, Line: line, Column: col}, Severity: catalog.SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// unquote reads one PO string; gettext's escapes are C's.
func (p *poReader) unquote(ln int, line, s string) (string, bool) {
	col := 1 + strings.Index(line, s)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		p.errorf(ln, col, "quote the text: \"…\"", "a PO string must be in double quotes")
		return "", false
	}
	// strconv.Unquote knows C's escapes but not a raw tab or every octal
	// form gettext writes; the PO escapes it misses are rare, and
	// refused with the position.
	out, err := strconv.Unquote(strings.ReplaceAll(s, "\t", `\t`))
	if err != nil {
		p.errorf(ln, col, "escape \\ and \" with a backslash", "the string is not a valid PO string")
		return "", false
	}
	return out, true
}

func (p *poReader) entry(e *poEntry) {
	if e.msgid == nil && e.msgstr == nil {
		return // comments only
	}
	switch {
	case e.plural != 0:
		p.errorf(e.plural, 1, "translate each text as one string: the catalog's texts have no plural forms", "the entry has plural forms, which the catalog cannot hold")
		return
	case e.msgid == nil || e.msgstr == nil:
		p.errorf(e.line, 1, "give every entry a msgid and a msgstr", "the entry is incomplete")
		return
	}
	if e.msgid.text == "" && e.msgctxt == nil {
		p.header(e)
		return
	}
	en := entry{source: e.msgid.text, target: e.msgstr.text, pending: e.fuzzy,
		pos: catalog.Pos{File: p.name, Line: e.msgstr.line, Column: e.msgstr.col}}
	if e.msgctxt != nil {
		en.context = e.msgctxt.text
		en.ctxPos = catalog.Pos{File: p.name, Line: e.msgctxt.line, Column: e.msgctxt.col}
	} else {
		en.ctxPos = catalog.Pos{File: p.name, Line: e.msgid.line, Column: e.msgid.col}
	}
	for _, f := range e.foreign {
		en.foreign = append(en.foreign, foreignAt{f.flag, catalog.Pos{File: p.name, Line: f.line, Column: 1}})
	}
	p.out.entries = append(p.out.entries, en)
}

// header reads the language and the charset of the header entry.
func (p *poReader) header(e *poEntry) {
	for _, l := range strings.Split(e.msgstr.text, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Language":
			p.out.lang = v
			p.out.langPos = catalog.Pos{File: p.name, Line: e.msgstr.line, Column: e.msgstr.col}
		case "X-Source-Language":
			p.out.srcLang = v
		case "Content-Type":
			if _, cs, ok := strings.Cut(v, "charset="); ok && !strings.EqualFold(strings.TrimSpace(cs), "UTF-8") {
				p.errorf(e.msgstr.line, e.msgstr.col, "save the file as UTF-8 (msgconv -t UTF-8) and say charset=UTF-8", "the file's charset is %s; the catalog is UTF-8", cs)
			}
		}
	}
}
