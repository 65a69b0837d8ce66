package textenc

import (
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"
)

// Writer is what the writing encoders write to: a bytes.Buffer, a
// strings.Builder, or a bufio.Writer on a file.
type Writer interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// WriteJSONString writes s as a JSON string without HTML escaping (a
// message may hold <, > and &, and the JSON never lands in HTML): quotes,
// backslashes and controls escaped, U+2028 and U+2029 too (JavaScript
// before ES2019 reads them as line ends), invalid UTF-8 as U+FFFD.
func WriteJSONString(buf Writer, s string) error {
	// Most strings need no escape, and an encoder per string would cost
	// more than writing them.
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r < 0x20 || r == '"' || r == '\\' || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
	}) {
		buf.WriteByte('"')
		buf.WriteString(s)
		buf.WriteByte('"')
		return nil
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	buf.WriteString(strings.TrimSuffix(b.String(), "\n"))
	return nil
}
