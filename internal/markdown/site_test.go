package markdown

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
)

// TestSiteInBrowser builds the docs site with the pinned VitePress from the
// pages of the seed case, serves it on 127.0.0.1, and opens in Debian's
// chromium the URL that DocsURL gives for error 2003 in each language,
// with the base URL swapped for the local server's. The page must show
// the code's message; a screenshot of each is kept as a test artifact in
// $ARTIFACTS_DIR, else artifacts/markdown.
func TestSiteInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the docs site and starts a browser")
	}
	root := testtool.Root(t)
	vitepress := testtool.NodeBin(t, "vitepress")
	chromium := testtool.Chromium(t)

	c, files := emitCase(t, "seed")
	set, err := loadTemplates(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	code := c.Table(catalog.KindError).Lookup(2003)
	if code == nil || code.ID != "ChannelNotFound" {
		t.Fatal("the seed case lacks error 2003 ChannelNotFound")
	}
	tmp := t.TempDir()
	docs := filepath.Join(tmp, "docs")
	for rel, data := range relative(t, c, files) {
		p := filepath.Join(docs, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dist := buildSite(t, root, vitepress, docs, tmp)

	srv := httptest.NewServer(cleanURLs(dist))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	alloc, cancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(tmp, "chromium")),
		chromedp.WindowSize(1280, 1000),
	)
	defer cancel()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()

	artifacts := os.Getenv("ARTIFACTS_DIR")
	if artifacts == "" {
		artifacts = filepath.Join(root, "artifacts", "markdown")
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range c.Languages {
		url := srv.URL + strings.TrimPrefix(c.DocsURL(code, lang.Tag), c.DocsBaseURL)
		if err := chromedp.Do(browser, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`.vp-doc h1`))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		title := run(t, browser, chromedp.Text(chromedp.CSS(`.vp-doc h1`)))
		content := run(t, browser, chromedp.Text(chromedp.CSS(`.vp-doc`)))
		htmlLang := run(t, browser, chromedp.AttributeValue(chromedp.CSS(`html`), "lang")).Value
		switches := run(t, browser, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll('.VPNavBarTranslations a')].map(a => a.getAttribute('href'))`))
		shot := run(t, browser, chromedp.FullScreenshot(100))
		shotPath := filepath.Join(artifacts, "docs-2003-"+lang.Tag+".png")
		if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: screenshot %s", url, shotPath)

		message := code.Message.Plain(lang.Tag, func(p string) string { return "{" + p + "}" })
		if !strings.Contains(content, message) {
			t.Errorf("%s does not show the message %q:\n%s", url, message, content)
		}
		if want := "2003 ChannelNotFound"; !strings.HasPrefix(strings.TrimSpace(title), want) {
			t.Errorf("%s: heading %q, want %q", url, title, want)
		}
		if htmlLang != lang.Tag {
			t.Errorf("%s: <html lang=%q>, want %q", url, htmlLang, lang.Tag)
		}
		// The search box speaks the page's language: its words are the
		// search labels of labels.yaml, by way of site.json.
		words := set.labels[lang.Tag].Search
		button := run(t, browser, chromedp.Evaluate[[]string](
			`(b => [b.querySelector('.DocSearch-Button-Placeholder').textContent, b.getAttribute('aria-label')])(document.querySelector('.VPNavBarSearch button'))`))
		if len(button) != 2 || button[0] != words.Button || button[1] != words.ButtonLabel {
			t.Errorf("%s: search button text and aria-label %q, want %q, %q", url, button, words.Button, words.ButtonLabel)
		}
		// The local search of the language finds the code by its name.
		if err := chromedp.Do(browser,
			chromedp.Click(chromedp.CSS(`.VPNavBarSearch button`)),
			chromedp.SendKeys(chromedp.CSS(`.VPLocalSearchBox input`), code.ID),
			chromedp.WaitVisible(chromedp.CSS(`.VPLocalSearchBox .result`)),
		); err != nil {
			t.Fatalf("%s: searching for %s: %v", url, code.ID, err)
		}
		placeholder := run(t, browser, chromedp.AttributeValue(chromedp.CSS(`.VPLocalSearchBox input`), "placeholder")).Value
		footer := run(t, browser, chromedp.Text(chromedp.CSS(`.VPLocalSearchBox .search-keyboard-shortcuts`)))
		if placeholder != words.Button {
			t.Errorf("%s: search box placeholder %q, want %q", url, placeholder, words.Button)
		}
		for _, w := range []string{words.Navigate, words.Select, words.Close} {
			if !strings.Contains(footer, w) {
				t.Errorf("%s: search box footer %q lacks %q", url, footer, w)
			}
		}
		results := run(t, browser, chromedp.Text(chromedp.CSS(`.VPLocalSearchBox .results`)))
		if !strings.Contains(results, "2003") {
			t.Errorf("%s: searching for %s finds\n%s", url, code.ID, results)
		}
		// The language switch leads to the same code in each other language.
		for _, other := range c.Languages {
			if other.Tag == lang.Tag {
				continue
			}
			want := catalog.DocsPath(code, other.Tag)
			found := false
			for _, s := range switches {
				found = found || s == want
			}
			if !found {
				t.Errorf("%s: the language switch links %q, want %s among them", url, switches, want)
			}
		}
	}
}

// run runs one browser action and returns its value, failing the test on
// an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// buildSite runs `vitepress build` with site/.vitepress/config.mts over the
// pages in docs, in a copy of site/ under tmp so that a concurrent `make
// docs` is not disturbed, and returns the folder of the built site.
func buildSite(t *testing.T, root, vitepress, docs, tmp string) string {
	t.Helper()
	config, err := os.ReadFile(filepath.Join(root, "site", ".vitepress", "config.mts"))
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(tmp, "site")
	if err := os.MkdirAll(filepath.Join(site, ".vitepress"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, ".vitepress", "config.mts"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "tools", "node_modules"), filepath.Join(site, "node_modules")); err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(tmp, "dist")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, vitepress, "build", site)
	cmd.Env = append(os.Environ(),
		"ERRGEN_DOCS_DIR="+docs,
		"ERRGEN_SITE_DIR="+dist,
		"ERRGEN_SITE_CACHE="+filepath.Join(tmp, "cache"),
	)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("vitepress build: %v\n%s", err, out)
	}
	t.Logf("vitepress build: %s", time.Since(start).Round(time.Millisecond))
	return dist
}

// cleanURLs serves a VitePress build as its cleanUrls option expects:
// /en/error/2003 is en/error/2003.html.
func cleanURLs(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if !strings.HasSuffix(r.URL.Path, "/") && path.Ext(p) == "" {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)+".html")); err == nil {
				r = r.Clone(r.Context())
				r.URL.Path = p + ".html"
			}
		}
		files.ServeHTTP(w, r)
	})
}
