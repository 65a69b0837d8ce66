package translations

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/catalog"
)

const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// WriteXLIFF renders units as an XLIFF 2.0 document (core only): a unit
// per text, named by its context, placeholders as <ph> elements, literal
// braces as text, a character XML cannot hold as <cp>.
func WriteXLIFF(f *File) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	e := xml.NewEncoder(&b)
	ws := func(s string) { _ = e.EncodeToken(xml.CharData(s)) }
	start := func(name string, attrs ...string) {
		se := xml.StartElement{Name: xml.Name{Local: name}}
		for i := 0; i+1 < len(attrs); i += 2 {
			se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
		_ = e.EncodeToken(se)
	}
	end := func(name string) { _ = e.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}) }
	_ = e.EncodeToken(xml.Comment(fmt.Sprintf(" Translations of %s from %s into %s: errgen translations export. Translate each target; bring the file back with errgen translations import. A segment in state initial with a previous-source note was translated from that older source: review it. ", f.Catalog, f.SourceLang, f.Lang)))
	ws("\n")
	start("xliff", "xmlns", xliffNS, "version", "2.0", "srcLang", f.SourceLang, "trgLang", f.Lang)
	ws("\n  ")
	start("file", "id", "f1", "original", f.Catalog, "canResegment", "no")
	for _, u := range f.Units {
		ws("\n    ")
		start("unit", "id", nmtoken(u.Context), "name", u.Context)
		ws("\n      ")
		start("notes")
		note := func(category, text string) {
			ws("\n        ")
			start("note", "category", category)
			// A note holds text only: a character XML cannot hold is
			// shown as U+FFFD there (the source and target keep it).
			_ = e.EncodeToken(xml.CharData(strings.Map(func(r rune) rune {
				if xmlChar(r) {
					return r
				}
				return utf8.RuneError
			}, text)))
			end("note")
		}
		note("identifier", u.Name)
		note("location", u.Pos.String())
		if u.Stale() {
			note("previous-source", u.Previous)
		}
		ws("\n      ")
		end("notes")
		ws("\n      ")
		state := "initial"
		if u.Target != "" && !u.Stale() {
			state = "translated"
		}
		start("segment", "state", state)
		ws("\n        ")
		start("source")
		writeInline(e, u.Source, u.Message)
		end("source")
		if u.Target != "" {
			ws("\n        ")
			start("target")
			writeInline(e, u.Target, u.Message)
			end("target")
		}
		ws("\n      ")
		end("segment")
		ws("\n    ")
		end("unit")
	}
	ws("\n  ")
	end("file")
	ws("\n")
	end("xliff")
	ws("\n")
	_ = e.Flush()
	return b.Bytes()
}

// nmtoken makes a context an XML name token for a unit's id (a header
// name may hold characters a name token cannot); the unit's name keeps
// the context as it is.
func nmtoken(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_x%X_", r)
		}
	}
	return b.String()
}

// writeInline writes a text as XLIFF inline content. In a message,
// {name} becomes <ph id="name"/> (id name-2 for its second use) and a
// doubled brace one literal brace.
func writeInline(e *xml.Encoder, s string, message bool) {
	if !message {
		writeText(e, s)
		return
	}
	m, err := catalog.NewMessage(catalog.Text{{Lang: "x", Text: s}})
	if err != nil {
		writeText(e, s) // the catalog has checked it; not reached
		return
	}
	uses := map[string]int{}
	for _, seg := range m.Segments("x") {
		if seg.Param == "" {
			writeText(e, seg.Literal)
			continue
		}
		uses[seg.Param]++
		id := seg.Param
		if n := uses[seg.Param]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		ph := "{" + seg.Param + "}"
		_ = e.EncodeToken(xml.StartElement{Name: xml.Name{Local: "ph"}, Attr: []xml.Attr{
			{Name: xml.Name{Local: "id"}, Value: id}, {Name: xml.Name{Local: "disp"}, Value: ph}, {Name: xml.Name{Local: "equiv"}, Value: ph}}})
		_ = e.EncodeToken(xml.EndElement{Name: xml.Name{Local: "ph"}})
	}
}

// writeText writes text, each character XML 1.0 cannot hold as <cp>.
func writeText(e *xml.Encoder, s string) {
	from := 0
	for i, r := range s {
		if xmlChar(r) {
			continue
		}
		_ = e.EncodeToken(xml.CharData(s[from:i]))
		_ = e.EncodeToken(xml.StartElement{Name: xml.Name{Local: "cp"}, Attr: []xml.Attr{{Name: xml.Name{Local: "hex"}, Value: fmt.Sprintf("%04X", r)}}})
		_ = e.EncodeToken(xml.EndElement{Name: xml.Name{Local: "cp"}})
		from = i + utf8.RuneLen(r)
	}
	_ = e.EncodeToken(xml.CharData(s[from:]))
}

// xmlChar reports a character XML 1.0 allows in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// readXLIFF reads an XLIFF 2.0 document into entries, each at the position
// of its target.
func readXLIFF(name string, data []byte) (*parsed, catalog.Diagnostics) {
	x := &xliffReader{name: name, d: xml.NewDecoder(bytes.NewReader(data)), out: &parsed{format: "xliff"}}
	x.read()
	if x.out.lang == "" && len(x.errs) == 0 {
		x.errorf(catalog.Pos{File: name, Line: 1, Column: 1}, "add trgLang=\"TAG\" to <xliff>", "the file names no target language")
	}
	return x.out, x.errs
}

type xliffReader struct {
	name string
	d    *xml.Decoder
	out  *parsed
	errs catalog.Diagnostics
	// the unit being read
	unit    *entry
	state   string
	segment int
}

func (x *xliffReader) errorf(pos catalog.Pos, hint, format string, args ...any) {
	x.errs = append(x.errs, catalog.Diagnostic{Pos: pos, Severity: catalog.SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (x *xliffReader) pos() catalog.Pos {
	line, col := x.d.InputPos()
	return catalog.Pos{File: x.name, Line: line, Column: col}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

func (x *xliffReader) read() {
	for {
		at := x.pos()
		tok, err := x.d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			line, col := x.d.InputPos()
			x.errorf(catalog.Pos{File: x.name, Line: line, Column: col}, "fix the XML", "the file is not well-formed XML: %v", err)
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if ee, ok := tok.(xml.EndElement); ok && ee.Name.Local == "unit" && x.unit != nil {
				x.out.entries = append(x.out.entries, *x.unit)
				x.unit = nil
			}
			continue
		}
		switch se.Name.Local {
		case "xliff":
			if se.Name.Space != xliffNS {
				x.errorf(at, "export a new file with errgen translations export -format xliff", "the document is not XLIFF 2.0 (namespace %q)", se.Name.Space)
				return
			}
			x.out.lang, _ = attr(se, "trgLang")
			x.out.srcLang, _ = attr(se, "srcLang")
			x.out.langPos = at
		case "unit":
			ctx, ok := attr(se, "name")
			if !ok {
				ctx, _ = attr(se, "id")
			}
			x.unit = &entry{context: ctx, ctxPos: at, pos: at}
			x.segment = 0
		case "segment", "ignorable":
			x.segment++
			if se.Name.Local == "segment" {
				x.state, _ = attr(se, "state")
			}
		case "source", "target":
			if x.unit == nil {
				x.d.Skip()
				continue
			}
			text, ok := x.inline(se.Name.Local)
			if !ok {
				continue
			}
			if se.Name.Local == "source" {
				x.unit.source += text
			} else {
				if x.unit.target == "" {
					x.unit.pos = at
				}
				x.unit.target += text
				x.unit.hasTarget = true
				if x.state == "" || x.state == "initial" {
					x.unit.pending = true
				}
			}
		case "notes", "originalData", "skeleton":
			_ = x.d.Skip()
		}
	}
}

// inline reads the content of a source or target as catalog text: a <ph>
// becomes {name} (recorded raw for the check against the source), a <cp>
// its character. Markup the catalog has no place for is refused.
func (x *xliffReader) inline(elem string) (string, bool) {
	var b strings.Builder
	ok := true
	for {
		at := x.pos()
		tok, err := x.d.Token()
		if err != nil {
			x.errorf(at, "fix the XML", "the file is not well-formed XML: %v", err)
			return "", false
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.WriteString(string(t))
		case xml.EndElement:
			if t.Name.Local == elem {
				return b.String(), ok
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "ph":
				id, _ := attr(t, "id")
				b.WriteString(phMark + id + phMark)
				x.unit.phs = append(x.unit.phs, phAt{id, at, elem == "target"})
				_ = x.d.Skip()
			case "cp":
				h, _ := attr(t, "hex")
				v, err := strconv.ParseUint(h, 16, 32)
				if err != nil {
					x.errorf(at, "write the code point in hexadecimal, e.g. <cp hex=\"FFFF\"/>", "<cp hex=%q> is not a code point", h)
					ok = false
				}
				b.WriteRune(rune(v))
				_ = x.d.Skip()
			default:
				x.errorf(at, "remove it and keep the text: the catalog's texts are plain, with <ph/> for a placeholder", "<%s> is inline markup the catalog cannot hold", t.Name.Local)
				ok = false
				_ = x.d.Skip()
			}
		}
	}
}

// phMark brackets a placeholder's id in text read from XLIFF until the
// unit's kind is known; no catalog text holds it (it is a C0 control).
const phMark = "\x00"

type phAt struct {
	id     string
	pos    catalog.Pos
	target bool
}
