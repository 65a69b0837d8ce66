package markdown

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// The published pages of the real catalog, as generate wrote them (errgen
// check keeps them in step with codes.yaml).
const (
	realCatalog = "../../codes.yaml"
	realDocs    = "../../out/docs"
)

// Words a Korean page may carry in Latin script besides code names, header
// names, RFC titles and language names: acronyms Korean writes in Latin
// letters, HTTP method tokens, and the protocol values two header
// descriptions quote.
var latinAllowed = []string{
	"API", "DNS", "HTTP", "IANA", "ID", "JSON", "RFC", "URI", "URL",
	"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TLS",
	"Accept-Language", // a header name, as the resolution of 406 names it
	"multipart/byteranges", "rel", "blocked-by",
	"Go", "TypeScript", // the names of the languages of the "Handle it" snippets
}

// Header fields the descriptions name without listing them as duties.
var fieldsNamed = []string{"Accept", "Accept-Encoding", "Content-Encoding", "Content-Length", "Content-Type", "Depth", "Expect", "If-Match", "Location", "Range", "Upgrade"}

// RFC titles a page may cite.
var rfcTitles = []string{"Problem Details for HTTP APIs"}

var (
	fenced     = regexp.MustCompile("(?s)```.*?```")
	comment    = regexp.MustCompile(`(?s)<!--.*?-->`)
	inlineCode = regexp.MustCompile("`[^`]*`")
	linkTarget = regexp.MustCompile(`\]\([^)]*\)`)
	// The keys of the front matter are for the site engine; their values
	// (the title) are shown and stay.
	frontKey  = regexp.MustCompile(`(?m)^[a-z_]+: `)
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'/+.-]*[A-Za-z0-9]|[A-Za-z]`)
)

func publishedPages(t *testing.T) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(realDocs, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		pages[filepath.ToSlash(strings.TrimPrefix(path, realDocs+"/"))] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatalf("no pages under %s", realDocs)
	}
	return pages
}

// TestPublishedPagesSayNothingOfSources: the departures record
// (docs/sources.md) is for maintainers; no page talks about source tables.
func TestPublishedPagesSayNothingOfSources(t *testing.T) {
	bad := regexp.MustCompile(`(?i)source table|source 00\d|sources\.md|원본 표|원본 \d{3}|출처 표`)
	for path, page := range publishedPages(t) {
		if m := bad.FindString(page); m != "" {
			t.Errorf("%s: says %q; the record of departures from the sources is docs/sources.md, not a public page", path, m)
		}
	}
}

// TestKoreanPagesHaveNoEnglishWords: a Korean page shows no English word
// other than code names (identifiers, wire names, the HTTP status names),
// header names, RFC titles and the name of each language in itself.
func TestKoreanPagesHaveNoEnglishWords(t *testing.T) {
	c, err := catalog.Load(realCatalog, registry...)
	if err != nil {
		t.Fatal(err)
	}
	var phrases []string // removed before looking for words, longest first
	phrases = append(phrases, rfcTitles...)
	phrases = append(phrases, fieldsNamed...)
	for _, l := range c.Languages {
		phrases = append(phrases, l.Name)
	}
	for _, tb := range c.Tables {
		for _, code := range tb.Codes {
			phrases = append(phrases, code.ID, code.Wire)
			if tb.Kind == catalog.KindHTTP && !code.Client {
				phrases = append(phrases, code.Message.Text.Get(c.Default))
			}
			for _, h := range code.Headers {
				phrases = append(phrases, h.Name)
			}
		}
	}
	slices.SortFunc(phrases, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	for path, page := range publishedPages(t) {
		if !strings.HasPrefix(path, "ko/") {
			continue
		}
		if rest, ok := strings.CutPrefix(page, "---\n"); ok {
			if front, body, ok := strings.Cut(rest, "\n---\n"); ok {
				page = frontKey.ReplaceAllString(front, "") + "\n" + body
			}
		}
		text := fenced.ReplaceAllString(page, "")
		for _, re := range []*regexp.Regexp{comment, inlineCode, linkTarget} {
			text = re.ReplaceAllString(text, " ")
		}
		for _, p := range phrases {
			text = replaceWord(text, p)
		}
		var english []string
		for _, w := range latinWord.FindAllString(text, -1) {
			if !slices.Contains(latinAllowed, w) && !slices.Contains(english, w) {
				english = append(english, w)
			}
		}
		if len(english) > 0 {
			t.Errorf("%s: English words on a Korean page: %s", path, strings.Join(english, ", "))
		}
	}
}

// replaceWord blanks every occurrence of phrase that is not part of a longer
// Latin word.
func replaceWord(text, phrase string) string {
	re := regexp.MustCompile(`(^|[^A-Za-z0-9-])` + regexp.QuoteMeta(phrase) + `($|[^A-Za-z0-9-])`)
	for {
		out := re.ReplaceAllString(text, "$1 $2")
		if out == text {
			return out
		}
		text = out
	}
}
