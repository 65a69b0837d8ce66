package textenc

import (
	"strings"
	"unicode"
)

// LineEnds turns every CRLF and lone CR into LF. The loader calls it on
// every text of the catalog, so no target ever sees a CR: a CR in a GFM
// table cell ends the row (the English index once showed 51 rows for 44
// codes), in a JSDoc or Go comment it hides the rest of the line in some
// editors, and in a string literal it survives only escaped. Every
// encoder below treats its input as LF-only text.
func LineEnds(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// OneLine is plain text for a field that tools paste into a one-line
// comment: openapi-typescript writes x-enum-descriptions after `//`, so a
// line break there puts the rest of the message into the code
// (openapi-typescript#1984). Every line break a reader knows (LF, CR,
// NEL, U+2028, U+2029, VT, FF), every other space and every character
// JSString would escape (controls, bidirectional and other format
// characters) become one space between words; the full text stays in
// the field's description.
func OneLine(s string) string {
	if !strings.ContainsFunc(s, lineBreak) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || lineBreak(r) }), " ")
}

// lineBreak is a character OneLine turns into a space, other than the
// space itself.
func lineBreak(r rune) bool { return r != ' ' && (unicode.IsSpace(r) || jsHidden(r)) }
