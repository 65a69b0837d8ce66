package openapi

import (
	"strings"
	"unicode"
)

// OpenAPI renders every `description` as CommonMark, while the catalog's
// text is plain text (the Markdown target escapes it the same way). So
// catalog text that goes into a description is escaped: what a reader sees
// is the text as written, and a message can never inject HTML (<script>,
// event handlers) into a rendered API reference. summary, title and the x-
// lists are plain text in OpenAPI and are not escaped.

// mdSpecial are the characters a backslash escapes anywhere in a line:
// those that open emphasis, code, links, strikethrough, headings and GFM
// table cells.
const mdSpecial = "\\`*_[]|~#"

// mdEntities are written as character references instead: raw HTML and
// entities then cannot start, and a scanner looking for "<script" (as
// redocly's no-unsafe-markdown does) finds none.
var mdEntities = map[rune]string{'<': "&lt;", '>': "&gt;", '&': "&amp;"}

// blockStart are the characters that open a block (list, thematic break,
// setext underline, ATX heading is in mdSpecial) at the start of a line.
const blockStart = "-+="

// markdownText escapes plain text for a CommonMark description: each line
// feed (or CR, CRLF) becomes a hard line break, a blank line stays a
// paragraph break, leading white space is dropped (four spaces would open
// a code block) and so is trailing white space (two spaces would be a
// break).
func markdownText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(strings.TrimFunc(l, unicode.IsSpace))
	}
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] != "" && lines[i+1] != "" {
			lines[i] += `\` // a backslash before a line feed: hard break
		}
	}
	return strings.Join(lines, "\n")
}

func escapeLine(s string) string {
	var b strings.Builder
	if s != "" && strings.ContainsRune(blockStart, rune(s[0])) {
		b.WriteByte('\\')
	}
	// An ordered-list marker: digits, then "." or ")".
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	for i, r := range s {
		if e, ok := mdEntities[r]; ok {
			b.WriteString(e)
			continue
		}
		if strings.ContainsRune(mdSpecial, r) || (digits > 0 && i == digits && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
