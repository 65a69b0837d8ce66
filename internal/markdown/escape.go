package markdown

import (
	"bytes"
	"encoding/json"
	"strings"
	"text/template"
	"unicode"

	"github.com/errgen/errgen/internal/catalog"
)

// funcs are the functions every template may call. Each escaping function
// takes text from codes.yaml and returns Markdown that renders exactly that
// text, in any context the templates put it: a paragraph, a heading, a link
// text or a GFM table cell.
//
//	md s           inline text: punctuation escaped, line breaks as <br>
//	para s         block text: blank lines part paragraphs, line breaks kept
//	code s         a code span when s is safe in one, else md s
//	message c lang a code's message, each {placeholder} as a code span
//	yaml s         a double-quoted YAML scalar, for front matter
//	json v         v as indented JSON, for a fenced block
//	fence lang s   s in a fenced code block whose fence s cannot close
var funcs = template.FuncMap{
	"md":      escapeInline,
	"para":    escapeBlock,
	"code":    codeSpan,
	"message": message,
	"yaml":    yamlString,
	"json":    indentJSON,
	"fence":   fence,
}

// mdSpecial are the characters a backslash escapes anywhere in a line:
// those that open emphasis, code, links, raw HTML, entities, strikethrough,
// headings and table cells. CommonMark lets any ASCII punctuation be
// escaped, and GFM table cells take \| as a literal pipe.
const mdSpecial = "\\`*_[]<>|~&#"

// lineStart are the characters that begin a block (list, thematic break,
// setext underline, VitePress container) when they open a line.
const lineStart = "-+=:"

// escapeLine escapes one line of text (no line feed) for inline Markdown.
// When the line may open a line of the Markdown source (start), leading
// white space is dropped, since four spaces would open a code block, and a
// character that would open a block is escaped too.
func escapeLine(s string, start bool) string {
	var b strings.Builder
	digits := 0
	if start {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s != "" && strings.ContainsRune(lineStart, rune(s[0])) {
			b.WriteByte('\\')
		}
		// An ordered-list marker: digits, then "." or ")".
		digits = len(s) - len(strings.TrimLeft(s, "0123456789"))
	}
	for i, r := range s {
		if strings.ContainsRune(mdSpecial, r) || (digits > 0 && i == digits && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeInline escapes s for one inline context: a paragraph line, a
// heading, a link text or a table cell. Line feeds become <br>, the one
// line break that survives a table cell.
func escapeInline(s string) string { return guardVue(inline(s, true)) }

func inline(s string, start bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(l, start && i == 0)
	}
	return strings.Join(lines, "<br>")
}

// escapeBlock escapes s as block text: a blank line parts paragraphs, any
// other line feed is a hard line break (a backslash at the end of a line).
func escapeBlock(s string) string {
	var paras []string
	for _, p := range splitParagraphs(s) {
		lines := strings.Split(p, "\n")
		for i, l := range lines {
			lines[i] = guardVue(escapeLine(strings.TrimRightFunc(l, unicode.IsSpace), true))
		}
		paras = append(paras, strings.Join(lines, "\\\n"))
	}
	return strings.Join(paras, "\n\n")
}

func splitParagraphs(s string) []string {
	var paras []string
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, "\n"))
	}
	return paras
}

// guardVue keeps VitePress from reading {{ … }} as a Vue interpolation: it
// compiles every page as a Vue template, and a backslash does not help
// because Markdown drops it before Vue sees the text. v-pre tells Vue to
// leave the element's content alone; other renderers show the text as is.
func guardVue(s string) string {
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") {
		return `<span v-pre>` + s + `</span>`
	}
	return s
}

// codeSpan puts s in a code span when nothing in it can end the span, split
// a table cell, or reach Vue; otherwise it escapes s as text.
func codeSpan(s string) string {
	if s == "" || strings.ContainsAny(s, "`|\n") || strings.Contains(s, "{{") || strings.Contains(s, "}}") ||
		strings.TrimSpace(s) != s {
		return escapeInline(s)
	}
	return "`" + s + "`"
}

// message renders a code's message in one language, the literal text
// escaped and each placeholder as a code span, e.g. `{maxSize}`.
func message(code *catalog.Code, lang string) string {
	var b strings.Builder
	for i, s := range code.Message.Segments[lang] {
		if s.Param != "" {
			b.WriteString("`{" + s.Param + "}`") // a param name is an identifier
		} else {
			b.WriteString(inline(s.Literal, i == 0))
		}
	}
	return guardVue(b.String())
}

// yamlString quotes s for YAML. JSON strings are YAML 1.2 double-quoted
// scalars, so encoding/json does it, escapes and all.
func yamlString(s string) (string, error) {
	return indentJSON(s)
}

// indentJSON encodes v as indented JSON. HTML is not escaped: the output
// goes into code blocks, which every Markdown renderer escapes itself.
func indentJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// fence wraps s in a fenced code block of the given info string, with a
// fence longer than any run of backticks in s.
func fence(lang, s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	f := strings.Repeat("`", max(3, longest+1))
	return f + lang + "\n" + s + "\n" + f
}
