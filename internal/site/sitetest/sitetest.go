// Package sitetest builds the docs site of a catalog (errgen site, with
// the pinned Pagefind) and serves it the way a reader meets it: from a plain static file server
// (python3 -m http.server, no rewrite rules) under the base path of
// docs.base_url, opened in headless Chromium. Tests of any package that
// render Markdown use it to judge their pages in the real renderer.
package sitetest

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/site"
	"github.com/errgen/errgen/internal/testtool"
)

// Site is a built docs site on disk.
type Site struct {
	// Root is the folder a static server serves; the site lies in
	// Root + BasePath.
	Root     string
	BasePath string // "/codes": the path of docs.base_url
	Dist     string // Root + BasePath: the built site
}

// Build builds the site of c as errgen site does, with the pinned
// pagefind, into a temporary folder. A missing pagefind skips or fails
// the test (testtool.Missing).
func Build(t testing.TB, c *catalog.Catalog) *Site {
	t.Helper()
	pagefind := testtool.NodeBin(t, "pagefind")
	u, err := url.Parse(c.DocsBaseURL)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Root: filepath.Join(t.TempDir(), "www"), BasePath: strings.TrimSuffix(u.Path, "/")}
	s.Dist = filepath.Join(s.Root, filepath.FromSlash(s.BasePath))
	o, err := site.CatalogOptions(c, s.Dist)
	if err != nil {
		t.Fatal(err)
	}
	o.Pagefind = []string{pagefind}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	start := time.Now()
	st, err := site.Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("site built in %s: %d pages, the largest %d bytes", time.Since(start).Round(time.Millisecond), st.Pages, st.Largest)
	return s
}

var (
	serving = regexp.MustCompile(`port (\d+)`)
	request = regexp.MustCompile(`"GET (\S+) HTTP/[0-9.]+" (\d+)`)
)

// Server is a running `python3 -m http.server`.
type Server struct {
	Origin string // "http://127.0.0.1:PORT"

	mu   sync.Mutex
	gets []string // the paths requested, in order, with a 200 answer
}

// Requests returns the paths requested so far (and answered with 200),
// in order: Requests()[n:] are those since an earlier len(Requests()) == n.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.gets)
}

// Serve serves dir with `python3 -m http.server` on a free port of
// 127.0.0.1 until the test ends.
func Serve(t testing.TB, dir string) *Server {
	t.Helper()
	python := testtool.Command(t, "python3", "tools-debian")
	cmd := exec.Command(python, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	s := &Server{}
	ports := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				ports <- m[1]
			}
		}
	}()
	// One line per request on stderr: the paths, so a benchmark can add up
	// what a page downloaded.
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := request.FindStringSubmatch(sc.Text()); m != nil && m[2] == "200" {
				s.mu.Lock()
				s.gets = append(s.gets, m[1])
				s.mu.Unlock()
			}
		}
	}()
	select {
	case port := <-ports:
		s.Origin = "http://127.0.0.1:" + port
		return s
	case <-time.After(20 * time.Second):
		t.Fatal("python3 -m http.server did not say which port it serves")
		return nil
	}
}

// Browser starts headless Chromium for the test and returns a browser
// context; every chromedp action on it runs in one tab. A start that
// fails (Chromium now and then dies at start on a loaded machine) is
// tried again, twice.
func Browser(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	chromium := testtool.Chromium(t)
	var err error
	for range 3 {
		var browser context.Context
		if browser, err = startBrowser(t, chromium, timeout); err == nil {
			return browser
		}
		t.Logf("starting chromium: %v", err)
	}
	t.Fatalf("starting chromium: %v", err)
	return nil
}

func startBrowser(t testing.TB, chromium string, timeout time.Duration) (context.Context, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "chromium")),
		chromedp.WindowSize(1280, 1000),
	)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	return browser, chromedp.Do(browser)
}

// Search types query into the page's search box and waits until a result
// links to want (a path under the origin, "/codes/en/error/2003/"); it
// returns the result links shown and how long they took from the last key,
// and an error if want never shows.
func Search(ctx context.Context, query, want string, timeout time.Duration) ([]string, time.Duration, error) {
	input := chromedp.CSS(`.pagefind-ui__search-input`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(input)); err != nil {
		return nil, 0, err
	}
	clear := `(i => { i.value = ''; i.dispatchEvent(new Event('input', {bubbles: true})) })(document.querySelector('.pagefind-ui__search-input'))`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](clear)); err != nil {
		return nil, 0, err
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(input, query)); err != nil {
		return nil, 0, err
	}
	typed := time.Now()
	shown := `[...document.querySelectorAll('.pagefind-ui__result-link')].map(a => new URL(a.href).pathname)`
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`(%s).includes(%q)`, shown, want),
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	took := time.Since(typed)
	links, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](shown))
	if err != nil {
		return links, took, fmt.Errorf("searching %q: no result links %s (shown: %q): %w", query, want, links, err)
	}
	return links, took, nil
}

// Phrase is the fewest consecutive words of a code's message (in lang),
// one to three, that no other message of the catalog holds all of: what
// a reader who remembers the message types to find it among thousands.
// Where every three words are shared, the three that the fewest other
// messages hold. A single word a catalog of 10 000 codes shares among
// dozens ("chat") cannot rank one code first; an identifier or number
// can, and is searched for apart.
func Phrase(c *catalog.Catalog, code *catalog.Code, lang string) string {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	plain := func(code *catalog.Code) string { return code.Message.Plain(lang, func(string) string { return "" }) }
	var others []map[string]bool
	for _, table := range c.Tables {
		for _, other := range table.Codes {
			if other == code {
				continue
			}
			set := map[string]bool{}
			for _, w := range split(plain(other)) {
				set[w] = true
			}
			others = append(others, set)
		}
	}
	sharing := func(words []string) int {
		n := 0
		for _, set := range others {
			all := true
			for _, w := range words {
				all = all && set[w]
			}
			if all {
				n++
			}
		}
		return n
	}
	words := split(plain(code))
	var best []string
	bestN := -1
	for size := 1; size <= 3 && size <= len(words); size++ {
		best, bestN = nil, -1
		for i := 0; i+size <= len(words); i++ {
			if n := sharing(words[i : i+size]); bestN < 0 || n < bestN || n == bestN && len(strings.Join(words[i:i+size], "")) > len(strings.Join(best, "")) {
				best, bestN = words[i:i+size], n
			}
		}
		if bestN == 0 {
			break
		}
	}
	return strings.Join(best, " ")
}

// Run runs one chromedp action that returns a value, failing the test on
// an error.
func Run[T any](t testing.TB, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
