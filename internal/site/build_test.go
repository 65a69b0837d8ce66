package site

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
)

// smallCatalog writes testdata's small catalog into a folder of its own,
// with output.markdown.templates naming templates/ when templates are
// given (name → content), and loads it.
func smallCatalog(t *testing.T, templates map[string]string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "testdata", "catalogs", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if templates != nil {
		data = []byte(strings.Replace(string(data), "markdown: {dir: out/docs}", "markdown: {dir: out/docs, templates: templates}", 1))
		for name, text := range templates {
			writeFile(t, filepath.Join(dir, "templates"), name, text)
		}
	}
	writeFile(t, dir, "codes.yaml", string(data))
	c, err := catalog.Load(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func build(t *testing.T, c *catalog.Catalog, out string) (Stats, error) {
	t.Helper()
	o, err := CatalogOptions(c, out)
	if err != nil {
		t.Fatal(err)
	}
	return Build(context.Background(), c, o)
}

// TestBuildWithoutSearch: without Pagefind, every code has its page in
// every language at its DocsURL's folder and its problem type's, every
// page is well-formed HTML with errgen's marker, and no page has a search
// box or loads Pagefind.
func TestBuildWithoutSearch(t *testing.T) {
	c := smallCatalog(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	st, err := build(t, c, out)
	if err != nil {
		t.Fatal(err)
	}
	if st.Search {
		t.Error("built with search, without Pagefind")
	}
	for _, table := range c.Tables {
		for _, code := range table.Codes {
			for _, l := range c.Languages {
				mustExist(t, out, strings.TrimPrefix(c.DocsURL(code, l.Tag), c.DocsBaseURL))
			}
			mustExist(t, out, strings.TrimPrefix(c.ProblemType(code), c.DocsBaseURL))
		}
	}
	pages := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !strings.HasPrefix(string(data), markerLine) {
			t.Errorf("%s does not start with errgen's marker", p)
		}
		if strings.Contains(string(data), "/pagefind/") || strings.Contains(string(data), `id="search"`) {
			t.Errorf("%s has a search box without Pagefind", p)
		}
		if _, err := html.Parse(strings.NewReader(string(data))); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != st.Pages {
		t.Errorf("%d pages on disk, Build says %d", pages, st.Pages)
	}
}

func mustExist(t *testing.T, out, urlPath string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(urlPath), "index.html")); err != nil {
		t.Errorf("%s: %v", urlPath, err)
	}
}

// TestBuildReplacesOnlyItsOwnFolder: a second build replaces the first
// (a file put into the built site goes); a folder errgen did not build is
// left as it is.
func TestBuildReplacesOnlyItsOwnFolder(t *testing.T) {
	c := smallCatalog(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, c, out); err != nil {
		t.Fatal(err)
	}
	writeFile(t, out, "stale.html", "old")
	if _, err := build(t, c, out); err != nil {
		t.Fatalf("building again over errgen's own site: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); err == nil {
		t.Error("a file of the old site survived a rebuild")
	}

	foreign := t.TempDir()
	writeFile(t, foreign, "index.html", "<!doctype html><p>ours</p>")
	writeFile(t, foreign, "notes.txt", "keep")
	_, err := build(t, c, foreign)
	if err == nil || !strings.Contains(err.Error(), "errgen did not build") {
		t.Fatalf("building over a folder errgen did not build: %v", err)
	}
	for name, want := range map[string]string{"index.html": "<!doctype html><p>ours</p>", "notes.txt": "keep"} {
		if got, _ := os.ReadFile(filepath.Join(foreign, name)); string(got) != want {
			t.Errorf("%s became %q", name, got)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(foreign))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".errgen-") {
			t.Errorf("a failed build left %s behind", e.Name())
		}
	}
}

// TestOverrides: a page.html of the templates folder replaces the
// embedded layout (and the Markdown templates beside it still apply); a
// layout that does not parse is an error naming its file and line; a
// page that links a page the site lacks fails the build, naming both.
func TestOverrides(t *testing.T) {
	page := `<!doctype html><html lang="{{.Lang.Tag}}"><title>{{.Title}}</title><main class="team">{{.Content}}</main></html>`
	c := smallCatalog(t, map[string]string{"page.html": page})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, c, out); err != nil {
		t.Fatal(err)
	}
	code := c.Tables[0].Codes[0]
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(catalog.DocsPath(code, "ko")), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `<html lang="ko"><title>`) || !strings.Contains(string(data), `<main class="team"><h1`) {
		t.Errorf("the team's page.html was not used:\n%s", data)
	}

	c = smallCatalog(t, map[string]string{"page.html": "<p>\n{{.Nowhere}}</p>"})
	_, err = build(t, c, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), "templates/page.html:2:") {
		t.Errorf("a layout that fails: %v", err)
	}

	c = smallCatalog(t, map[string]string{"code.md.tmpl": "# {{.Code.Number}}\n\n[gone](../nowhere.md) [up](_index.md)\n"})
	_, err = build(t, c, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), ".md: /codes/en/nowhere/\n") || !strings.Contains(err.Error(), ".md: /codes/ko/nowhere/") || strings.Contains(err.Error(), "/codes/en/http/\n") {
		t.Errorf("a dead link: %v", err)
	}
}

// TestPageLink: errgen's relative .md links become the linked pages'
// folders, against the Markdown file's folder (X.md is X/, D/_index.md is
// D/); other links are not page links.
func TestPageLink(t *testing.T) {
	for _, tc := range []struct{ dir, link, want string }{
		{".", "en/_index.md", "en"},
		{"en", "../_index.md", ""},
		{"en", "error/_index.md", "en/error"},
		{"en/error", "2003.md", "en/error/2003"},
		{"en/error", "../http/409.md#x", "en/http/409#x"},
		{"en/error", "../../ko/error/2003.md", "ko/error/2003"},
		{"error", "../pt-BR/error/2003.md", "pt-BR/error/2003"},
		{"en", "https://example.com/a.md", "-"},
		{"en", "/codes/en/", "-"},
		{"en", "#top", "-"},
		{"en", "notes.txt", "-"},
		{".", "../outside.md", "-"},
	} {
		got, ok := pageLink(tc.dir, tc.link)
		s := got.page + got.fragment
		if !ok {
			s = "-"
		}
		if s != tc.want {
			t.Errorf("pageLink(%q, %q) = %q, want %q", tc.dir, tc.link, s, tc.want)
		}
	}
}

// TestMarkdownAsWritten: the site's goldmark drops raw HTML and leaves
// quotes, dashes, bare URLs, {#id} and :emoji: as written.
func TestMarkdownAsWritten(t *testing.T) {
	var b strings.Builder
	src := "# Title {#custom .cls}\n\n\"quotes\" -- dashes... https://example.com :smile:\n\n<script>alert(1)</script>\n\n<b>bold</b>\n"
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	want := "<h1 id=\"title-custom-cls\">Title {#custom .cls}</h1>\n<p>&quot;quotes&quot; -- dashes... https://example.com :smile:</p>\n<!-- raw HTML omitted -->\n<p><!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestPagefindVersion: the Pagefind run through npx is the one the tests
// run, pinned in tools/package.json.
func TestPagefindVersion(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "tools", "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ DevDependencies, Dependencies map[string]string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	v := pkg.DevDependencies["pagefind"] + pkg.Dependencies["pagefind"]
	if v != PagefindVersion {
		t.Errorf("tools/package.json pins pagefind %q, site.PagefindVersion is %q", v, PagefindVersion)
	}
}

func writeFile(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
