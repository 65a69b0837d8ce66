package markdown

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// TestRelatedCodesCapped: a status's page lists the codes sent with it, and
// a code's page the codes sharing its wire name, each at most PartSize, then
// says there are more, so no page grows with the catalog; both writers.
func TestRelatedCodesCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(`version: 1
languages: [{tag: en, name: English}]
default_language: en
docs: {base_url: https://docs.example.com/codes}
output: {dir: out, markdown: {dir: out/docs}}
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: HTTP}
  range: [100, 599]
  codes:
    - {code: 400, id: BadRequest, message: {en: Bad Request}}
    - {code: 404, id: NotFound, message: {en: Not Found}}
error:
  type: ErrorCode
  title: {en: Errors}
  range: [1000, 9999]
  codes:
`)
	n := PartSize + 2
	for i := range n {
		fmt.Fprintf(&b, "    - {code: %d, id: E%d, wire: Shared, status: 400, message: {en: Error %d.}}\n", 1000+i, i, i)
	}
	b.WriteString("    - {code: 5000, id: Alone, status: 404, message: {en: Alone.}}\n")
	c, err := catalog.Parse(filepath.Join(t.TempDir(), "codes.yaml"), []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, templates := range []bool{false, true} {
		files, err := output.Collect(func(put func(output.File) error) error {
			return stream(c, Options{Dir: "out/docs"}, nil, put, templates)
		})
		if err != nil {
			t.Fatal(err)
		}
		pages := map[string]string{}
		for _, f := range files {
			pages[f.Path] = string(f.Data)
		}
		count := func(page, link string) int { return strings.Count(pages[page], "]("+link) }
		set, err := loadTemplates(nil, "")
		if err != nil {
			t.Fatal(err)
		}
		more := "- " + set.labels["en"].More + "\n"
		if got := count("out/docs/en/http/400.md", "../error/"); got != PartSize {
			t.Errorf("templates %v: the 400 page links %d error codes, want %d", templates, got, PartSize)
		}
		if !strings.Contains(pages["out/docs/en/http/400.md"], more) {
			t.Errorf("templates %v: the 400 page does not say there are more codes", templates)
		}
		if p := pages["out/docs/en/http/404.md"]; !strings.Contains(p, "[5000 Alone](../error/5000.md) (Errors): Alone.\n") || strings.Contains(p, more) {
			t.Errorf("templates %v: the 404 page:\n%s", templates, p)
		}
		if got := strings.Count(pages["out/docs/en/error/1000.md"], "): Error "); got != PartSize {
			t.Errorf("templates %v: 1000's page lists %d codes of its wire name, want %d", templates, got, PartSize)
		}
		if p := pages["out/docs/en/error/5000.md"]; strings.Contains(p, "## Codes with the same wire name") {
			t.Errorf("templates %v: 5000 shares its wire name with no code, yet its page lists some", templates)
		}
	}
}
