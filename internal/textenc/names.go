package textenc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LowerCamel writes a name into the lowerCamelCase identifier context of
// Go parameters and TypeScript value names: maxSize stays, MaxSize and URL
// become maxSize and url, WWW-Authenticate becomes wwwAuthenticate,
// HTTPCode becomes httpCode and HTTP2Code http2Code.
func LowerCamel(s string) string {
	var b strings.Builder
	upperNext := false
	for _, r := range s {
		if r == '-' {
			upperNext = true
			continue
		}
		if upperNext && b.Len() > 0 {
			r = unicode.ToUpper(r)
		} else if upperNext {
			r = unicode.ToLower(r)
		}
		upperNext = false
		b.WriteRune(r)
	}
	w := b.String()
	// Lower the leading run of capitals, all of it when it is the whole
	// word or followed by a digit or _, else all but the last capital,
	// which starts the next word (URLPath → urlPath).
	n := 0
	for n < len(w) && w[n] >= 'A' && w[n] <= 'Z' {
		n++
	}
	switch {
	case n == 0:
		return w
	case n == len(w):
		return strings.ToLower(w)
	case n > 1:
		if r, _ := utf8.DecodeRuneInString(w[n:]); unicode.IsLower(r) {
			n--
		}
	}
	return strings.ToLower(w[:n]) + w[n:]
}
