package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTextBytes bounds one message or description: long enough for any
// real prose, short enough that a runaway paste is caught at load.
const maxTextBytes = 64 << 10

var (
	idPattern   = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	wirePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	paramName   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// reservedIDs are PascalCase names a target cannot declare as a member:
// TypeScript refuses enum members named Infinity or NaN. (Go and TypeScript
// keywords are all lower-case, which idPattern already excludes.)
var reservedIDs = map[string]bool{"Infinity": true, "NaN": true}

// invisible reports a character that can make source read differently
// from how it compiles: the bidirectional controls of CVE-2021-42574 and
// the zero-width format characters. ZWJ and ZWNJ stay allowed: emoji
// sequences and many scripts need them.
func invisible(r rune) bool {
	switch r {
	case '\u200c', '\u200d':
		return false
	case '\u200b', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u180e':
		return true
	}
	return unicode.Is(unicode.Bidi_Control, r)
}

// checkText reports a string that no target can carry safely.
func (r *reader) checkText(pos Pos, what, s string) bool {
	if problem, hint := TextProblem(what, s); problem != "" {
		r.errorf(pos, hint, "%s", problem)
		return false
	}
	return true
}

// TextProblem says why no target can carry s safely, with what to do, or
// returns "" when it can. what names the text in the message.
func TextProblem(what, s string) (problem, hint string) {
	if !utf8.ValidString(s) {
		return what + " is not valid UTF-8", "save the file as UTF-8"
	}
	if len(s) > maxTextBytes {
		return fmt.Sprintf("%s is %d bytes long; the limit is %d", what, len(s), maxTextBytes), "shorten it or move the detail to the docs"
	}
	for i, c := range s {
		if invisible(c) {
			return fmt.Sprintf("%s holds the invisible character U+%04X at byte %d", what, c, i),
				"remove it: invisible and bidirectional control characters can make generated source read differently from how it compiles (CVE-2021-42574)"
		}
	}
	return "", ""
}

// Invisible reports a character TextProblem refuses as invisible.
func Invisible(r rune) bool { return invisible(r) }

// ValidID reports whether s can be a code's id.
func ValidID(s string) bool {
	return idPattern.MatchString(s) && !reservedIDs[s] && !IsPlaceholderID(s)
}

// ValidWire reports whether s can be a code's wire name.
func ValidWire(s string) bool { return wirePattern.MatchString(s) }

// PlaceholderID is the id errgen import gives a code it cannot name: the
// loader refuses it, so no catalog passes check until a person names it.
func PlaceholderID(number int) string { return fmt.Sprintf("%s%d", placeholderPrefix, number) }

const placeholderPrefix = "TODO_"

// IsPlaceholderID reports an id PlaceholderID made.
func IsPlaceholderID(s string) bool { return strings.HasPrefix(s, placeholderPrefix) }

// parseMessage splits a message into literals and {placeholders}; `{{` and
// `}}` stand for literal braces.
func parseMessage(s string) ([]Segment, error) {
	var segs []Segment
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			segs = append(segs, Segment{Literal: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				lit.WriteByte('{')
				i++
				continue
			}
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, fmt.Errorf("has an unclosed `{` at byte %d; write `{{` for a literal brace", i)
			}
			name := s[i+1 : i+1+end]
			if !paramName.MatchString(name) {
				return nil, fmt.Errorf("has `{%s}`, which is not a placeholder name; use {name} with letters, digits and _, or `{{` for a literal brace", name)
			}
			flush()
			segs = append(segs, Segment{Param: name})
			i += end + 1
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				lit.WriteByte('}')
				i++
				continue
			}
			return nil, fmt.Errorf("has a lone `}` at byte %d; write `}}` for a literal brace", i)
		default:
			lit.WriteByte(s[i])
		}
	}
	flush()
	return segs, nil
}

// placeholders lists the distinct params of segments in order of use.
func placeholders(segs []Segment) []string {
	var names []string
	for _, s := range segs {
		if s.Param != "" && !slices.Contains(names, s.Param) {
			names = append(names, s.Param)
		}
	}
	return names
}
