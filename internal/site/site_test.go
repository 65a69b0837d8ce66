package site_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/site"
	"github.com/errgen/errgen/internal/site/sitetest"
	"github.com/errgen/errgen/internal/testtool"
)

// TestSite builds the docs site of the project's codes.yaml with the pinned
// Pagefind, checks that no page exceeds MaxPageBytes, serves it
// with python3 -m http.server under the base path of docs.base_url, and in
// headless Chromium, in each language: opens a code's DocsURL
// (extension-less) and its table's index, and finds the code with the
// search box by its number and by words of its message (sitetest.Phrase).
func TestSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the docs site and starts a browser")
	}
	root := testtool.Root(t)
	c, err := catalog.Load(filepath.Join(root, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.Build(t, c)
	checkPages(t, c, s)

	origin := sitetest.Serve(t, s.Root).Origin
	ctx := sitetest.Browser(t, 3*time.Minute)
	words := searchWords(t, c)

	code := c.Table(catalog.KindError).Lookup(2003)
	if code == nil {
		t.Fatal("codes.yaml lacks error 2003")
	}
	for _, lang := range c.Languages {
		tag := lang.Tag
		docsURL := c.DocsURL(code, tag)
		url := origin + s.BasePath + strings.TrimPrefix(docsURL, c.DocsBaseURL)
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		h1 := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main h1`)))
		if want := strconv.Itoa(code.Number) + " " + code.ID; h1 != want {
			t.Errorf("%s: heading %q, want %q", url, h1, want)
		}
		message := code.Message.Plain(tag, func(p string) string { return "{" + p + "}" })
		if body := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main`))); !strings.Contains(body, message) {
			t.Errorf("%s does not show the message %q", url, message)
		}
		if got := sitetest.Run(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); got != tag {
			t.Errorf("%s: <html lang=%q>, want %q", url, got, tag)
		}
		if got := sitetest.Run(t, ctx, chromedp.AttributeValue(chromedp.CSS(`.pagefind-ui__search-input`), "placeholder")).Value; got != words[tag] {
			t.Errorf("%s: search placeholder %q, want %q (labels.yaml)", url, got, words[tag])
		}

		// The table's index, extension-less: it links the part that lists
		// the code, and that part links the code.
		tableURL := origin + s.BasePath + "/" + tag + "/" + string(code.Table.Kind)
		if err := chromedp.Do(ctx, chromedp.Navigate(tableURL), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
			t.Fatalf("%s: %v", tableURL, err)
		}
		if h1, want := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main h1`))), code.Table.Title.Get(tag); h1 != want {
			t.Errorf("%s: heading %q, want %q", tableURL, h1, want)
		}
		partPath := sitetest.Run(t, ctx, chromedp.Evaluate[string](`(() => { for (const a of document.querySelectorAll('main table a')) {
			const [lo, hi] = a.textContent.split(' – ').map(Number); if (lo <= `+strconv.Itoa(code.Number)+` && `+strconv.Itoa(code.Number)+` <= hi) return new URL(a.href).pathname }
			return '' })()`))
		if partPath == "" {
			t.Fatalf("%s links no part that holds %d", tableURL, code.Number)
		}
		codePath := s.BasePath + catalog.DocsPath(code, tag) + "/"
		if err := chromedp.Do(ctx, chromedp.Navigate(origin+partPath), chromedp.WaitVisible(chromedp.CSS(`main table`))); err != nil {
			t.Fatalf("%s: %v", partPath, err)
		}
		if !sitetest.Run(t, ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll('main table a')].some(a => new URL(a.href).pathname === `+strconv.Quote(codePath)+`)`)) {
			t.Errorf("%s does not link %s", partPath, codePath)
		}

		// Search, from the code's own page, by number and by words of
		// the message.
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.pagefind-ui__search-input`))); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{strconv.Itoa(code.Number), sitetest.Phrase(c, code, tag)} {
			if links, _, err := sitetest.Search(ctx, q, codePath, 15*time.Second); err != nil {
				t.Errorf("%s: %v", tag, err)
			} else {
				t.Logf("%s: searching %q finds %s among %d results", tag, q, codePath, len(links))
			}
		}
	}
}

// checkPages checks that every code has its page in every language, as a
// folder index, and that no page exceeds MaxPageBytes.
func checkPages(t *testing.T, c *catalog.Catalog, s *sitetest.Site) {
	t.Helper()
	pages, largest := 0, int64(0)
	err := filepath.WalkDir(s.Dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, filepath.Join(s.Dist, "pagefind")) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		pages++
		largest = max(largest, info.Size())
		if info.Size() > site.MaxPageBytes {
			t.Errorf("%s: %d bytes, more than %d", p, info.Size(), site.MaxPageBytes)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Languages {
		for _, table := range c.Tables {
			for _, code := range table.Codes {
				p := filepath.Join(s.Dist, filepath.FromSlash(catalog.DocsPath(code, l.Tag)), "index.html")
				if _, err := os.Stat(p); err != nil {
					t.Errorf("code %d in %s: %v", code.Number, l.Tag, err)
				}
			}
		}
	}
	t.Logf("%d pages, the largest %d bytes", pages, largest)
}

// searchWords returns each language's search placeholder (labels.yaml).
func searchWords(t *testing.T, c *catalog.Catalog) map[string]string {
	t.Helper()
	o, err := site.CatalogOptions(c, "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := markdown.Manifest(c, o.Markdown, o.Templates)
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]string{}
	for _, l := range m.Languages {
		words[l.Tag] = l.Search.Placeholder
	}
	return words
}
