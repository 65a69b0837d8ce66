package openapi

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestMarkdownText renders escaped text with a CommonMark + GFM renderer
// and checks that the reader sees exactly the text, line by line, and
// that no markup of the text's own survives.
func TestMarkdownText(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, s := range []string{
		"plain text, with (parentheses) and a: colon.",
		"`Content-Length` 헤더가 정의되지 않은 요청",
		"*star* _under_ **bold** ~~strike~~ [link](http://x) ![img](y) <http://auto>",
		"</script><script>alert(\"x\")</script> <b>bold</b> & &amp; &lt; &#60;",
		"a | b || c \\| d \\ back\\slash\\",
		"# heading\n## two\n- item\n+ item\n* item\n1. one\n2) two\n> quote\n---\n===\n    code\n\ttab",
		"line one\nline two\r\nline three\rend",
		"para one\n\npara two\n\n\n\npara three",
		"--- \n- item\n? key\n: value # comment\n'&anchor *alias",
		"trailing  \nspaces\t\nand   inner   spaces",
		"| table | head |\n| --- | --- |\n| a | b |",
		"emoji 🚀 👨‍👩‍👧 🇰🇷 é 中文 {placeholder} ${{x}} %v",
		"https://example.com/bare www.example.com user@example.com",
	} {
		var out bytes.Buffer
		if err := md.Convert([]byte(markdownText(s)), &out); err != nil {
			t.Fatal(err)
		}
		rendered := out.String()
		for _, tag := range tags.FindAllString(rendered, -1) {
			// GFM links bare URLs: harmless, the text stays the same.
			link := strings.HasPrefix(tag, `<a href="`) || tag == "</a>"
			if tag != "<p>" && tag != "</p>" && tag != "<br>" && !link {
				t.Errorf("%q renders the tag %s:\n%s", s, tag, rendered)
			}
		}
		got := strings.NewReplacer("<br>\n", "\n", "</p>\n<p>", "\n\n", "<p>", "", "</p>\n", "").Replace(rendered)
		got = html.UnescapeString(tags.ReplaceAllString(got, ""))
		if want := readerText(s); got != want {
			t.Errorf("%q\nescaped  %q\nrendered %q\nwant     %q", s, markdownText(s), got, want)
		}
	}
}

// readerText is what a reader of the rendered description should see:
// the lines, trimmed, runs of blank lines as one paragraph break.
func readerText(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" && (len(lines) == 0 || lines[len(lines)-1] == "") {
			continue
		}
		lines = append(lines, l)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
