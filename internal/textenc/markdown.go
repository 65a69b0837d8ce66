package textenc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownDialect is what one Markdown renderer gives meaning to, as the
// characters a backslash must escape.
type markdownDialect struct {
	// special are escaped wherever they stand.
	special string
	// entities are written as character references instead of escaped.
	entities map[rune]string
	// lineStart are escaped when they open a line: they start a block.
	lineStart string
}

// commonMark is any CommonMark + GFM renderer (Redoc, Swagger UI, GitHub):
// emphasis, code, links, images, strikethrough, headings and table cells
// open with special; raw HTML and entities are kept from starting by
// writing <, > and & as references, so a scanner looking for "<script"
// (as redocly's no-unsafe-markdown does) finds none.
var commonMark = markdownDialect{
	special:   "\\`*_[]|~#",
	entities:  map[rune]string{'<': "&lt;", '>': "&gt;", '&': "&amp;"},
	lineStart: "-+=",
}

// site is the docs site's Markdown: goldmark with raw HTML dropped and no
// typographer, linkify, emoji or attribute syntax, as errgen site
// (internal/site) and a safe Hugo site set it up. Beyond CommonMark, {
// and } are escaped everywhere: Hugo, which a team may still put the
// pages into, reads {{< … >}} and {{% … %}} as shortcodes before any
// Markdown, anywhere in the file, and a backslash between two braces
// keeps the pair from forming; the same keeps {#id} and {.class}
// attribute lists inert should they be switched on. < and & are escaped
// (goldmark shows raw HTML as nothing, so a message holding <b> would
// lose its text). A colon opening a line would start a definition list,
// > a block quote.
var site = markdownDialect{
	special:   "\\`*_[]|~#<>&{}",
	lineStart: "-+=:",
}

// escapeLine escapes one line of text (no line feed). When the line opens
// a line of the Markdown source (start), leading white space is dropped,
// since four spaces would open a code block, and a character that would
// open a block is escaped too.
func (d *markdownDialect) escapeLine(b *strings.Builder, s string, start bool) {
	digits := 0
	if start {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s != "" && strings.ContainsRune(d.lineStart, rune(s[0])) {
			b.WriteByte('\\')
		}
		// An ordered-list marker: digits, then "." or ")".
		digits = len(s) - len(strings.TrimLeft(s, "0123456789"))
	}
	for i, r := range s {
		if e, ok := d.entities[r]; ok {
			b.WriteString(e)
			continue
		}
		if strings.ContainsRune(d.special, r) || (digits > 0 && i == digits && (r == '.' || r == ')')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// plain reports whether escapeLine would leave s, one line, as it is:
// valid UTF-8 without a special character and, opening a line, without
// leading space, block marker or digit (an ordered-list marker).
func (d *markdownDialect) plain(s string, start bool) bool {
	if strings.ContainsAny(s, d.special) || strings.IndexByte(s, '\n') >= 0 || !utf8.ValidString(s) {
		return false
	}
	for r := range d.entities {
		if strings.ContainsRune(s, r) {
			return false
		}
	}
	if start && s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsSpace(r) || strings.ContainsRune(d.lineStart, r) || ('0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// block escapes s as block text: each line feed becomes a hard line
// break (a backslash at the end of the line), a blank line stays a
// paragraph break, leading and trailing white space of each line is
// dropped (two trailing spaces would be a break of their own).
func (d *markdownDialect) block(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		var b strings.Builder
		d.escapeLine(&b, strings.TrimFunc(l, unicode.IsSpace), true)
		lines[i] = b.String()
	}
	for i := 0; i+1 < len(lines); i++ {
		if lines[i] != "" && lines[i+1] != "" {
			// A backslash before a line feed is a hard break, but not
			// after an escaped backslash: the text's own backslash
			// becomes a character reference there.
			if strings.HasSuffix(lines[i], `\\`) {
				lines[i] = strings.TrimSuffix(lines[i], `\\`) + "&#92;"
			}
			lines[i] += `\`
		}
	}
	return strings.Join(lines, "\n")
}

// CommonMark escapes text for a CommonMark description (OpenAPI renders
// every description so) as block text. A reader sees the text as written,
// and a message can never inject HTML (<script>, event handlers), links or
// emphasis into a rendered API reference.
func CommonMark(s string) string { return commonMark.block(s) }

// SiteText escapes s for one inline context of the docs site's Markdown:
// a paragraph line, a heading, a link text, a list item or a GFM table
// cell. Line feeds become spaces: a table row is one line of the source,
// and the site has no raw HTML for a <br>. With lineStart set, s may open
// a line of the source (its block markers are escaped); a text that
// continues a line (a message after a placeholder) passes false.
func SiteText(s string, lineStart bool) string {
	if site.plain(s, lineStart) {
		return s // most text, and the docs of a large catalog escape a great many strings
	}
	return siteText(s, lineStart)
}

func siteText(s string, lineStart bool) string {
	var b strings.Builder
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte(' ')
		}
		site.escapeLine(&b, l, lineStart && i == 0)
	}
	return b.String()
}

// SiteInline is SiteText for a text that opens its own line or cell.
func SiteInline(s string) string { return SiteText(s, true) }

// SiteBlock escapes s as block text of the docs site: paragraphs and hard
// line breaks as the text has them.
func SiteBlock(s string) string { return site.block(s) }

// SiteCode puts s in a code span when nothing in it can end the span,
// split a table row, or form a Hugo shortcode (which Hugo finds inside
// code spans too); otherwise it escapes s as text.
func SiteCode(s string) string {
	if s == "" || strings.ContainsAny(s, "`|\n") || strings.Contains(s, "{{") || strings.Contains(s, "}}") ||
		strings.TrimSpace(s) != s {
		return SiteInline(s)
	}
	return "`" + s + "`"
}

// SiteFence wraps s in a fenced code block of the given info string, with
// a fence longer than any run of backticks in s. s must be JSON (the
// example problem bodies): Hugo reads {{< and {{% as shortcodes inside
// fences too, and two braces in a row only occur inside JSON strings, so
// the second becomes the escape \u007b, which reads back as the same text.
func SiteFence(info, s string) string {
	s = strings.ReplaceAll(s, "{{", `{\u007b`)
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
	return f + info + "\n" + s + "\n" + f
}
