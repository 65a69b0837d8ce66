package typescript

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quote writes s as a double-quoted JavaScript string literal. It keeps
// printable text (Korean, emoji) as UTF-8 and escapes everything a reader
// or a parser could trip over: quotes, backslashes, control characters,
// the line terminators U+2028 and U+2029, and invisible or bidirectional
// format characters (CVE-2021-42574), so a literal never reads other than
// it compiles.
func quote(b *strings.Builder, s string) {
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
		case hidden(r):
			writeEscape(b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// quoted returns quote's literal as a string.
func quoted(s string) string {
	var b strings.Builder
	quote(&b, s)
	return b.String()
}

// hidden reports a character that must not appear raw in generated source:
// controls, the line and paragraph separators, private-use and unassigned
// code points, and format characters, bidirectional controls among them.
// ZWNJ and ZWJ stay: emoji sequences and many scripts need them, and the
// catalog allows them for that reason.
func hidden(r rune) bool {
	return r != '\u200c' && r != '\u200d' && !unicode.IsGraphic(r)
}

// writeEscape writes r as \uXXXX, or \u{…} beyond the BMP.
func writeEscape(b *strings.Builder, r rune) {
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

// docLines splits catalog text into the lines of a JSDoc comment, each safe
// inside `/** … */`: `*/` cannot close the comment early, `@` cannot start
// a tag ({@link …} or a line-leading @deprecated), and every line break a
// JavaScript parser knows (LF, CR, U+2028, U+2029) becomes a new line of the
// comment, so no text ever stands outside the ` * ` margin.
func docLines(s string) []string {
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
		case hidden(r):
			writeEscape(&b, r) // shown as text: a comment has no escapes
		default:
			b.WriteRune(r)
		}
	}
	lines = append(lines, strings.TrimRight(b.String(), " \t"))
	return lines
}

// docText is docLines joined with spaces: for text that must stay on one
// line of a comment (a deprecation reason, a title).
func docText(s string) string {
	lines := docLines(s)
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// lowerCamel turns a PascalCase type name into the camelCase stem of its
// values: ErrorCode → errorCode, HTTPCode → httpCode, HTTP2Code → http2Code.
func lowerCamel(s string) string {
	n := 0
	for n < len(s) && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	switch {
	case n == 0:
		return s
	case n == 1 || n == len(s):
		return strings.ToLower(s[:n]) + s[n:]
	case s[n] >= 'a' && s[n] <= 'z':
		return strings.ToLower(s[:n-1]) + s[n-1:]
	default:
		return strings.ToLower(s[:n]) + s[n:]
	}
}

// plural is a good-enough English plural of an identifier's last word.
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "z"),
		strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "sh"):
		return s + "es"
	case len(s) > 1 && strings.HasSuffix(s, "y") && !strings.ContainsRune("aeiouAEIOU", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

// docURL makes a URL safe inside a comment without breaking the link:
// `@` and the `*` of `*/` become their percent-encodings, which name the
// same resource.
func docURL(u string) string {
	u = strings.ReplaceAll(u, "@", "%40")
	u = strings.ReplaceAll(u, "*/", "%2A/")
	return docText(u)
}

// article is "a" or "an" before a type name, by how it is read aloud:
// an ErrorCode, an HTTPCode, a ResponseCode.
func article(name string) string {
	if name == "" {
		return "a"
	}
	if strings.HasPrefix(name, "Us") || strings.HasPrefix(name, "Uni") {
		return "a" // a UserError, a UnitCode
	}
	if strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an"
	}
	// An acronym is read letter by letter: an HTTPCode, an SMSCode.
	if len(name) > 1 && name[1] >= 'A' && name[1] <= 'Z' && strings.ContainsRune("FHLMNRSX", rune(name[0])) {
		return "an"
	}
	return "a"
}
