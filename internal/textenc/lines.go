package textenc

import "strings"

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
