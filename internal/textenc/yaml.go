package textenc

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// YAML writes s as a YAML scalar value, after "key: " or "- ": a literal
// block ("|" or "|-") when s has several lines and one reads back
// unchanged, with its lines at indent; else YAMLLine. The threats: an
// indicator (- ? : # & * ! | > ' " % @ `) read as syntax, text read as a
// null, boolean or number, a line break folded into a space, NEL, LS and
// PS read as line breaks by YAML 1.1 readers. FuzzYAMLString in the
// OpenAPI target reads every form back with yaml.v3.
func YAML(s string, indent int) string {
	if !literalAllowed(s) {
		return YAMLLine(s)
	}
	var b strings.Builder
	// "|" keeps the one final line break, "|-" strips it.
	if body, ok := strings.CutSuffix(s, "\n"); ok {
		b.WriteByte('|')
		s = body
	} else {
		b.WriteString("|-")
	}
	pad := strings.Repeat(" ", indent)
	for line := range strings.SplitSeq(s, "\n") {
		b.WriteByte('\n')
		if line != "" {
			b.WriteString(pad + line)
		}
	}
	return b.String()
}

// YAMLLine returns a string as a one-line YAML scalar: plain when YAML reads
// it back as that string, else single-quoted when every character is
// printable, else double-quoted with escapes.
func YAMLLine(s string) string {
	if plainAllowed(s) {
		return s
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return !yamlPrintable(r) }) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuoted(s)
}

// yamlPrintable reports whether YAML lets r stand for itself in a scalar on
// one line: the c-printable set without the characters YAML 1.1 readers
// (yaml.v3, libyaml) treat as line breaks (NEL, LS, PS) and without the
// byte-order mark.
func yamlPrintable(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7e:
		return true
	case r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff:
		return false
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return r != utf8.RuneError
	}
	return false
}

// plainAllowed reports whether s can be written without quotes: one line
// of printable characters with no leading or trailing space, no YAML
// indicator where one would be read as such, and no resemblance to a
// null, boolean or number (YAML 1.1 forms included, as yaml.v3 quotes
// them for older readers).
func plainAllowed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`~.+=<\\", rune(s[0])) {
		return false
	}
	// Numbers never hold a space and timestamps with one hold a colon.
	if s[0] >= '0' && s[0] <= '9' && (!strings.Contains(s, " ") || strings.Contains(s, ":")) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		if !yamlPrintable(r) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
		return false
	}
	return true
}

// literalAllowed reports whether a multi-line string reads back unchanged
// from a literal block ("|" or "|-"): printable lines, none ending in a
// space or tab (which also rules out lines of spaces only), a first line
// with text that does not start with a space (it would set the block's
// indentation), and at most one final line break.
func literalAllowed(s string) bool {
	body := strings.TrimSuffix(s, "\n")
	if !strings.Contains(body, "\n") || strings.HasSuffix(body, "\n") || body == "" {
		return false
	}
	// The first line with text sets the block's indentation.
	if first := strings.TrimLeft(body, "\n"); first[0] == ' ' || first[0] == '\t' {
		return false
	}
	for line := range strings.SplitSeq(body, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			return false
		}
		for _, r := range line {
			if !yamlPrintable(r) && r != '\t' {
				return false
			}
		}
	}
	return true
}

// doubleQuoted writes s in double quotes with YAML escapes for everything
// outside printable ASCII and printable Unicode.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		default:
			switch {
			case yamlPrintable(r):
				b.WriteRune(r)
			case r <= 0xff:
				b.WriteString(`\x` + hexDigits(uint32(r), 2))
			case r <= 0xffff:
				b.WriteString(`\u` + hexDigits(uint32(r), 4))
			default:
				b.WriteString(`\U` + hexDigits(uint32(r), 8))
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hexDigits(v uint32, width int) string {
	h := strconv.FormatUint(uint64(v), 16)
	return strings.Repeat("0", width-len(h)) + h
}

// YAMLQuoted writes s as a double-quoted YAML scalar, for front matter
// that site generators read with YAML 1.2 parsers (Hugo, Docusaurus): a
// JSON string is one, escapes and all, and no indicator, look-alike or
// line break inside quotes is read as anything but text.
func YAMLQuoted(s string) string {
	var b bytes.Buffer
	_ = WriteJSONString(&b, s) // encoding a string cannot fail
	return b.String()
}
