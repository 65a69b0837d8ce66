package textenc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WriteJSString writes s as a double-quoted JavaScript string literal. It keeps
// printable text (Korean, emoji) as UTF-8 and escapes everything a reader
// or a parser could trip over: quotes, backslashes, control characters,
// the line terminators U+2028 and U+2029, and invisible or bidirectional
// format characters (CVE-2021-42574), so a literal never reads other than
// it compiles.
func WriteJSString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`) // invalid UTF-8 cannot reach a JS source
		case jsHidden(r):
			writeJSEscape(b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// JSString returns WriteJSString's literal as a string.
func JSString(s string) string {
	var b strings.Builder
	WriteJSString(&b, s)
	return b.String()
}

// jsHidden reports a character that must not appear raw in generated source:
// controls, the line and paragraph separators, private-use and unassigned
// code points, and format characters, bidirectional controls among them.
// ZWNJ and ZWJ stay: emoji sequences and many scripts need them, and the
// catalog allows them for that reason.
func jsHidden(r rune) bool {
	return r != '\u200c' && r != '\u200d' && !unicode.IsGraphic(r)
}

// writeJSEscape writes r as \uXXXX, or \u{…} beyond the BMP.
func writeJSEscape(b *strings.Builder, r rune) {
	if r > 0xffff {
		b.WriteString(`\u{`)
		b.WriteString(strings.ToUpper(strconv.FormatInt(int64(r), 16)))
		b.WriteByte('}')
		return
	}
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	b.WriteString(`\u`)
	b.WriteString(strings.Repeat("0", 4-len(h)))
	b.WriteString(h)
}

// JSDocLines splits catalog text into the lines of a JSDoc comment, each safe
// inside `/** … */`: `*/` cannot close the comment early, `@` cannot start
// a tag ({@link …} or a line-leading @deprecated), and every line break a
// JavaScript parser knows (LF, CR, U+2028, U+2029) becomes a new line of the
// comment, so no text ever stands outside the ` * ` margin.
func JSDocLines(s string) []string {
	var (
		lines []string
		b     strings.Builder
	)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029':
			lines = append(lines, strings.TrimRight(b.String(), " \t"))
			b.Reset()
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			lines = append(lines, strings.TrimRight(b.String(), " \t"))
			b.Reset()
		case r == '@':
			b.WriteString(`\@`)
		case r == '/' && strings.HasSuffix(b.String(), "*"):
			b.WriteString(`\/`)
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case jsHidden(r):
			writeJSEscape(&b, r) // shown as text: a comment has no escapes
		default:
			b.WriteRune(r)
		}
	}
	lines = append(lines, strings.TrimRight(b.String(), " \t"))
	return lines
}

// JSDocText is JSDocLines joined with spaces: for text that must stay on one
// line of a comment (a deprecation reason, a title).
func JSDocText(s string) string {
	lines := JSDocLines(s)
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// JSDocURL makes a URL safe inside a comment without breaking the link:
// `@` and the `*` of `*/` become their percent-encodings, which name the
// same resource.
func JSDocURL(u string) string {
	u = strings.ReplaceAll(u, "@", "%40")
	u = strings.ReplaceAll(u, "*/", "%2A/")
	return JSDocText(u)
}
