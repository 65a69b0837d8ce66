package textenc

import "strings"

// POString writes s as a gettext PO string: in double quotes, with C's
// escapes for the backslash, the quote, line feed, tab and carriage
// return. It closes what a raw quote or line break would open: the
// string ending early and the rest of the text read as PO keywords, an
// entry (a msgstr) of the writer's choosing. Any other character stands
// as it is (the file is UTF-8); the catalog refuses the controls that
// would need an escape.
func POString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
