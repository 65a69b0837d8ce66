package textenc

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// tricky is text that has broken generators: quotes, escapes, template
// syntax, comment closers, line terminators JavaScript knows but Go's
// strconv does not, format characters, astral code points.
var tricky = []string{
	"", `"`, `'`, "`", `\`, `\\n`, "${x}", "*/", "/*", "**/", "*/*/", "@deprecated", "{@link X}",
	"a\nb", "a\r\nb", "a\rb", "tab\there", "\u2028", "\u2029", "x\u2028@see y", "\x00", "\x1f", "\x7f",
	"\u200b", "\u200c\u200d", "\u202e", "\ufeff", "\u00a0", "\u3000", "\ue000", "😀", "👩‍💻",
	"\U000e0001", "한국어 */ 텍스트", "</script><!--", "\\u0041", "\"\\\"",
}

// TestQuoteRaw: what may stand raw in a literal does, the rest is escaped.
func TestQuoteRaw(t *testing.T) {
	for in, want := range map[string]string{
		"한국어 😀":      `"한국어 😀"`,
		"a\"b\\c":    `"a\"b\\c"`,
		"\u2028":     `"\u2028"`,
		"\u202e":     `"\u202E"`,
		"\x00\x1f":   `"\u0000\u001F"`,
		"\U000e0001": `"\u{E0001}"`,
		"👩‍💻":        `"👩‍💻"`,
	} {
		if got := JSString(in); got != want {
			t.Errorf("JSString(%q) = %s, want %s", in, got, want)
		}
	}
}

// FuzzDocLines: whatever the text, no line of a comment closes it, starts
// a tag or an inline tag, breaks a line, or hides a character.
func FuzzDocLines(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, l := range append(JSDocLines(s), JSDocText(s), JSDocURL(s)) {
			switch {
			case strings.Contains(l, "*/"):
				t.Fatalf("%q: line %q closes the comment", s, l)
			case strings.Contains(strings.ReplaceAll(l, `\@`, ""), "@"):
				t.Fatalf("%q: line %q has an unescaped @", s, l)
			case strings.ContainsAny(l, "\n\r\u2028\u2029"):
				t.Fatalf("%q: line %q breaks", s, l)
			}
			for _, r := range l {
				if jsHidden(r) {
					t.Fatalf("%q: line %q hides %U", s, l, r)
				}
			}
		}
	})
}

func TestDocLines(t *testing.T) {
	got := JSDocLines("a */ b\r\n@x {@link y}\u2028c*\u2029")
	want := []string{`a *\/ b`, `\@x {\@link y}`, "c*", ""}
	if !slices.Equal(got, want) {
		t.Errorf("docLines = %q, want %q", got, want)
	}
	if got := JSDocURL("https://x.test/@a/*/b"); got != "https://x.test/%40a/%2A/b" {
		t.Errorf("docURL = %s", got)
	}
}

// TestLowerCamel: the stems of TypeScript value names and Go parameter
// names.
func TestLowerCamel(t *testing.T) {
	for in, want := range map[string]string{
		"ErrorCode": "errorCode", "HTTPCode": "httpCode", "HTTP2Code": "http2Code", "ABC": "abc",
		"A": "a", "AppError": "appError", "URLError": "urlError", "X1": "x1",
	} {
		if got := LowerCamel(in); got != want {
			t.Errorf("LowerCamel(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"maxSize": "maxSize", "MaxSize": "maxSize", "URL": "url", "URLPath": "urlPath", "ID2": "id2",
		"WWW-Authenticate": "wwwAuthenticate", "Proxy-Authenticate": "proxyAuthenticate", "Allow": "allow",
		"Retry-After": "retryAfter", "max_size": "max_size", "X-Request-ID": "xRequestID", "a": "a",
	} {
		if got := LowerCamel(in); got != want {
			t.Errorf("LowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}
