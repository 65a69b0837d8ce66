package testtool

import (
	"slices"
	"strings"
)

// KeepsLines reports whether every line of orig is in out, byte for byte
// and in order (an edit only added lines); else the first line that is
// not. Unlike a line diff, which need not be minimal, it cannot mistake a
// kept line for a moved one.
func KeepsLines(orig, out string) (line int, ok bool) {
	rest := strings.Split(out, "\n")
	for i, l := range strings.Split(orig, "\n") {
		j := slices.Index(rest, l)
		if j < 0 {
			return i + 1, false
		}
		rest = rest[j+1:]
	}
	return 0, true
}
