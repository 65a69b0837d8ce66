package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/textenc"
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

// ValidLanguageTag reports whether tag has the shape of a language tag
// the catalog accepts (en, ko, pt-BR): one that can name a docs path
// segment and a key of every target's message maps.
func ValidLanguageTag(tag string) bool { return langPattern.MatchString(tag) }

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

// control reports a C0 control other than tab and line feed, DEL, or a C1
// control. None has a meaning in a message, and each is harmful somewhere:
// NUL makes git and editors treat a generated page as binary, ESC starts
// terminal escape sequences in logs, NEL (U+0085) is a line break to some
// YAML and XML readers and not to others. CR never reaches this check:
// textenc.LineEnds has made it LF.
func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}

// c0Names are the short names of the C0 controls, for diagnostics.
var c0Names = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// refused describes a character no catalog text may hold, with what to do
// about it; ok is false for any other character.
func refused(c rune) (what, hint string, ok bool) {
	switch {
	case control(c):
		name := "C1 control"
		switch {
		case c < 0x20:
			name = c0Names[c]
		case c == 0x7f:
			name = "DEL"
		}
		return fmt.Sprintf("the control character U+%04X (%s)", c, name),
			"remove it or write what it means in words; only tab and line feed may stand in text (a CR or CRLF line end is read as a line feed)", true
	case invisible(c):
		return fmt.Sprintf("the invisible character U+%04X", c),
			"remove it: invisible and bidirectional control characters can make generated source read differently from how it compiles (CVE-2021-42574)", true
	}
	return "", "", false
}

// checkSource reports every refused character written as it is in the
// file, at its line and column, wherever it stands (a comment included).
// A byte order mark may open the file.
// It reports whether a control character was among them: YAML refuses
// those itself, so the file is not parsed further.
func (r *reader) checkSourceChars(data []byte) (controls bool) {
	line, col := 1, 1
	for i, c := range string(data) {
		switch {
		case c == '\n':
			line, col = line+1, 1
			continue
		case c == '\r' || c == '\ufeff' && i == 0:
		case c >= 0x20 && c < 0x7f: // printable ASCII, most of any file
		default:
			if what, hint, bad := refused(c); bad {
				r.errorf(Pos{File: r.file, Line: line, Column: col}, hint, "the file holds %s", what)
				controls = controls || control(c)
			}
		}
		col++
	}
	return controls
}

// checkText makes a text of the catalog LF-only and reports one that no
// target can carry safely. n is the scalar that holds s (its value, or a
// param example's). A refused character written as it is in the file has
// been reported by checkSourceChars; one written as an escape of a
// double-quoted scalar ("\0", "\e", "\x7f", "\u0085") is reported here at
// the escape.
func (r *reader) checkText(n *yaml.Node, what, s string) (string, bool) {
	pos := r.pos(n)
	s = textenc.LineEnds(s)
	problem, hint := TextProblem(what, s)
	if problem == "" {
		return s, true
	}
	if !utf8.ValidString(s) || len(s) > maxTextBytes {
		r.errorf(pos, hint, "%s", problem)
		return "", false
	}
	var escapes []escapePos
	if n.Style&yaml.DoubleQuotedStyle != 0 {
		escapes = r.quotedRefused(n)
	}
	k := 0
	for i, c := range s {
		what2, hint, bad := refused(c)
		if !bad {
			continue
		}
		switch {
		case k < len(escapes) && escapes[k].r == c:
			if escapes[k].escaped {
				r.errorf(escapes[k].pos, hint, "%s holds %s, written as an escape", what, what2)
			}
		case escapes == nil && n.Style&(yaml.DoubleQuotedStyle) == 0:
			// Written as it is: checkSourceChars has reported it.
		default:
			r.errorf(pos, hint, "%s holds %s at byte %d", what, what2, i)
		}
		k++
	}
	return "", false
}

// escapePos is a refused character of a double-quoted scalar, where it
// stands in the file and whether it is written as an escape.
type escapePos struct {
	r       rune
	pos     Pos
	escaped bool
}

// quotedRefused walks the double-quoted scalar n in the file and returns
// its refused characters in order. Folding of line breaks only removes or
// turns white space into spaces, so the refused characters of the value
// are these, one for one.
func (r *reader) quotedRefused(n *yaml.Node) []escapePos {
	lines := r.lines
	if n.Line < 1 || n.Line > len(lines) {
		return nil
	}
	var out []escapePos
	for ln := n.Line; ln <= len(lines); ln++ {
		runes := []rune(strings.TrimSuffix(lines[ln-1], "\r"))
		i := 0
		if ln == n.Line {
			i = n.Column // just after the opening quote
			if i > len(runes) || runes[i-1] != '"' {
				return nil
			}
		}
		for ; i < len(runes); i++ {
			c := runes[i]
			at := Pos{File: r.file, Line: ln, Column: i + 1}
			switch c {
			case '"':
				return out
			case '\\':
				if i+1 >= len(runes) {
					continue // an escaped line break
				}
				v, width := unescape(runes[i+1:])
				if _, _, bad := refused(v); bad && v != '\r' { // CR is read as LF
					out = append(out, escapePos{v, at, true})
				}
				i += width
			default:
				if _, _, bad := refused(c); bad {
					out = append(out, escapePos{c, at, false})
				}
			}
		}
	}
	return out
}

// simpleEscapes are YAML's one-character escapes and what they stand for.
var simpleEscapes = map[rune]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 27,
	' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}

// unescape decodes the YAML escape after a backslash; width is how many
// runes it takes. An unknown escape decodes to -1 (yaml.v3 has refused it).
func unescape(rs []rune) (rune, int) {
	if v, ok := simpleEscapes[rs[0]]; ok {
		return v, 1
	}
	digits := map[rune]int{'x': 2, 'u': 4, 'U': 8}[rs[0]]
	if digits == 0 || len(rs) < 1+digits {
		return -1, 1
	}
	v, err := strconv.ParseUint(string(rs[1:1+digits]), 16, 32)
	if err != nil {
		return -1, 1
	}
	return rune(v), 1 + digits
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
		if c == '\r' {
			continue // a line end, read as LF
		}
		if what2, hint, bad := refused(c); bad {
			return fmt.Sprintf("%s holds %s at byte %d", what, what2, i), hint
		}
	}
	return "", ""
}

// Refused reports a character TextProblem refuses: a control other than
// tab and the line ends, or an invisible or bidirectional one.
func Refused(r rune) bool {
	_, _, bad := refused(r)
	return bad && r != '\r'
}

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
// `}}` stand for literal braces. A literal without an escape is a part of
// s, not a copy: a large catalog keeps every message's segments.
func parseMessage(s string) ([]Segment, error) {
	var segs []Segment
	var lit strings.Builder // the literal so far, once it holds an escape
	start := 0              // where the literal's unescaped rest starts in s
	flush := func(end int) {
		switch {
		case lit.Len() > 0:
			lit.WriteString(s[start:end])
			segs = append(segs, Segment{Literal: lit.String()})
			lit.Reset()
		case end > start:
			segs = append(segs, Segment{Literal: s[start:end]})
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				lit.WriteString(s[start : i+1])
				i++
				start = i + 1
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
			flush(i)
			segs = append(segs, Segment{Param: name})
			i += end + 1
			start = i + 1
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				lit.WriteString(s[start : i+1])
				i++
				start = i + 1
				continue
			}
			return nil, fmt.Errorf("has a lone `}` at byte %d; write `}}` for a literal brace", i)
		}
	}
	flush(len(s))
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
