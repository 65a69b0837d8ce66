package typescript

import (
	"strings"
)

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
