package textenc

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/errgen/errgen/internal/textenc/hostile"
)

// TestCommonMark renders escaped text with a CommonMark + GFM renderer
// and checks that the reader sees exactly the text, line by line, and
// that no markup of the text's own survives.
func TestCommonMark(t *testing.T) {
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
		if err := md.Convert([]byte(CommonMark(LineEnds(s))), &out); err != nil {
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
			t.Errorf("%q\nescaped  %q\nrendered %q\nwant     %q", s, CommonMark(LineEnds(s)), got, want)
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

// hugoLike is goldmark as errgen site (internal/site) and a safe Hugo site set it up: GFM, footnotes
// and definition lists on, raw HTML dropped, no typographer or linkify.
var hugoLike = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList,
	extension.Footnote, extension.DefinitionList))

var tagPattern = regexp.MustCompile(`<[^>]*>`)

func render(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	if err := hugoLike.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// visible is the text a reader sees in rendered HTML, white space runs as
// one space.
func visible(rendered string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagPattern.ReplaceAllString(rendered, " "))), " ")
}

// TestSiteContexts renders every hostile class in each site context with a
// goldmark set up like Hugo's: only the tags of the context come out, the
// reader sees the text as written, and no shortcode opener reaches the
// file. (The docs-site test repeats this with the real Hugo, in Chromium.)
func TestSiteContexts(t *testing.T) {
	for _, c := range hostile.Classes {
		words := strings.Join(strings.Fields(c.Text), " ")
		cases := []struct {
			context, src string
			tags         []string
		}{
			{"block", SiteBlock(c.Text), []string{"<p>", "</p>", "<br>"}},
			{"heading", "# " + SiteInline(c.Text), []string{"<h1>", "</h1>"}},
			{"list item", "- " + SiteInline(c.Text), []string{"<ul>", "</ul>", "<li>", "</li>"}},
			{"link text", "[" + SiteInline(c.Text) + "](x.md)", []string{"<p>", "</p>", `<a href="x.md">`, "</a>"}},
			{"table cell", "| h |\n| --- |\n| " + SiteInline(c.Text) + " |",
				[]string{"<table>", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<th>", "</th>", "<td>", "</td>"}},
			{"code", "| h |\n| --- |\n| " + SiteCode(c.Text) + " |",
				[]string{"<table>", "</table>", "<thead>", "</thead>", "<tbody>", "</tbody>", "<tr>", "</tr>", "<th>", "</th>", "<td>", "</td>", "<code>", "</code>"}},
			{"continued", "x" + SiteText(c.Text, false), []string{"<p>", "</p>"}},
		}
		for _, k := range cases {
			if strings.Contains(k.src, "{{<") || strings.Contains(k.src, "{{%") {
				t.Errorf("%s in %s: a Hugo shortcode opens in %q", c.Name, k.context, k.src)
			}
			got := render(t, k.src)
			for _, tag := range tagPattern.FindAllString(got, -1) {
				if !contains(k.tags, tag) {
					t.Errorf("%s in %s: renders the tag %s:\n%s\n%s", c.Name, k.context, tag, k.src, got)
				}
			}
			want := words
			if k.context == "continued" {
				want = "x" + words
				if strings.TrimLeft(c.Text, " \t") != c.Text {
					want = "x " + words
				}
			}
			v := visible(got)
			if strings.HasPrefix(k.context, "table") || k.context == "code" {
				v = strings.TrimPrefix(v, "h ")
			}
			if v != want {
				t.Errorf("%s in %s:\nescaped  %q\nrendered %q\nshows    %q\nwant     %q", c.Name, k.context, k.src, got, v, want)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSiteFence(t *testing.T) {
	if got, want := SiteFence("json", "a ``` b"), "````json\na ``` b\n````"; got != want {
		t.Errorf("SiteFence = %q, want %q", got, want)
	}
	if got, want := SiteFence("json", `{"t": "{{< x >}}"}`), "```json\n{\"t\": \"{\\u007b< x >}}\"}\n```"; got != want {
		t.Errorf("SiteFence = %q, want %q", got, want)
	}
}

// FuzzSitePlain: the shortcut for text that needs no escape gives what
// escaping it character by character gives.
func FuzzSitePlain(f *testing.F) {
	for _, c := range hostile.Classes {
		f.Add(c.Text, true)
	}
	for _, s := range []string{"Not Found", "1. a", "  lead", "-1", "a{b", "한국어", "\xff", "a\nb", ""} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, lineStart bool) {
		if got, want := SiteText(s, lineStart), siteText(s, lineStart); got != want {
			t.Errorf("SiteText(%q, %v) = %q, escaping each character gives %q", s, lineStart, got, want)
		}
	})
}
