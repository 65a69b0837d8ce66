package markdown

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"text/template"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// funcs are the functions every template may call. Each escaping function
// takes text from codes.yaml and returns Markdown that the docs site
// renders as exactly that text, in any context the templates put it: a
// paragraph, a heading, a link text, a list item or a GFM table cell. The
// escaping itself is package textenc's, one function per context.
//
//	md s           inline text: punctuation escaped, line feeds as spaces
//	para s         block text: blank lines part paragraphs, line breaks kept
//	code s         a code span when s is safe in one, else md s
//	message c lang a code's message, each {placeholder} as a code span
//	yaml s         a double-quoted YAML scalar, for front matter
//	json v         v as indented JSON, for a fenced block
//	fence lang s   s in a fenced code block that s cannot close
//	reference s    a spec citation, linked to the RFC section it names
var funcs = template.FuncMap{
	"md":        textenc.SiteInline,
	"para":      textenc.SiteBlock,
	"code":      textenc.SiteCode,
	"message":   message,
	"yaml":      textenc.YAMLQuoted,
	"json":      indentJSON,
	"fence":     textenc.SiteFence,
	"reference": reference,
}

// message renders a code's message in one language, the literal text
// escaped and each placeholder as a code span, e.g. `{maxSize}`.
func message(code *catalog.Code, lang string) string {
	var b strings.Builder
	for i, s := range code.Message.Segments(lang) {
		if s.Param != "" {
			b.WriteString("`{" + s.Param + "}`") // a param name is an identifier
		} else {
			b.WriteString(textenc.SiteText(s.Literal, i == 0))
		}
	}
	return b.String()
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

// rfcCitation is the start of a citation of an RFC, with its section when
// it names one: "RFC 9110 §15.5.2", "RFC 9110, Section 15.3.1".
var rfcCitation = regexp.MustCompile(`^RFC ?([0-9]{1,5})(?:,? ?(?:§ ?|[Ss]ection )([0-9]+(?:\.[0-9]+)*))?`)

// reference renders a code's reference as Markdown: a citation of an RFC
// as a link to the RFC Editor's copy, at the section it names; anything
// else as text.
func reference(s string) string {
	m := rfcCitation.FindStringSubmatch(s)
	if m == nil {
		return textenc.SiteInline(s)
	}
	u := "https://www.rfc-editor.org/rfc/rfc" + m[1]
	if m[2] != "" {
		u += "#section-" + m[2]
	}
	return "[" + textenc.SiteInline(s) + "](" + u + ")"
}
