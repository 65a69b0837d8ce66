package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/site/sitetest"
	"github.com/errgen/errgen/internal/testtool"
)

// withoutSearchTools returns env with a PATH that has every program of
// env's PATH but Hugo, Pagefind and Node.js (through which errgen would
// run Pagefind with npx): a machine that has only Go and the errgen tool.
func withoutSearchTools(t *testing.T, env []string) []string {
	t.Helper()
	bin := t.TempDir()
	hidden := map[string]bool{"hugo": true, "pagefind": true, "node": true, "nodejs": true, "npx": true, "npm": true}
	var path string
	for _, kv := range env {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = p
		}
	}
	for _, dir := range filepath.SplitList(path) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			dst := filepath.Join(bin, e.Name())
			if hidden[e.Name()] || e.IsDir() {
				continue
			}
			if _, err := os.Lstat(dst); err == nil {
				continue // the first on PATH wins
			}
			if err := os.Symlink(filepath.Join(dir, e.Name()), dst); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := []string{"PATH=" + bin}
	for _, kv := range env {
		if !strings.HasPrefix(kv, "PATH=") {
			out = append(out, kv)
		}
	}
	return out
}

// siteCommands are the lines of the README's adopt-site block but the
// -serve one (TestSiteServe runs errgen site -serve).
func siteCommands(t *testing.T) string {
	var lines []string
	for _, l := range strings.Split(readmeBlock(t, "adopt-site"), "\n") {
		if !strings.Contains(l, "-serve") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestAdoptSite works as an adopting team would: a brand-new module
// adopts errgen by the README's local-checkout recipe (go tool errgen
// init, …), then builds its site by the README's lines on a machine
// without Hugo, Pagefind or Node.js. It serves public/ with python3 -m
// http.server under the base path, opens a code page in each language in
// headless Chromium and follows the language switch to the same code in
// the other. Then it builds again with the pinned Pagefind and searches,
// in each language, for the code's number and for words of its message.
func TestAdoptSite(t *testing.T) {
	testtool.Command(t, "bash", "tools-debian")
	pagefind := testtool.NodeBin(t, "pagefind")
	a := newAdopter(t, nil)
	bare := withoutSearchTools(t, a.env)
	for _, tool := range []string{"hugo", "pagefind", "node", "npx"} {
		cmd := exec.Command("bash", "-c", "command -v "+tool)
		cmd.Env = bare
		if out, err := cmd.Output(); err == nil {
			t.Fatalf("%s is on the test's PATH: %s", tool, out)
		}
	}
	siteRun := func(env []string, script string) string {
		t.Helper()
		cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
		cmd.Dir, cmd.Env = a.dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", script, err, out)
		}
		return string(out)
	}
	out := siteRun(bare, siteCommands(t))
	if !strings.Contains(out, "built without search") || !strings.Contains(out, "-pagefind PATH") {
		t.Errorf("errgen site without Pagefind does not say how to add search:\n%s", out)
	}

	c, err := catalog.Load(filepath.Join(a.dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	u := strings.TrimPrefix(c.DocsBaseURL, "https://")
	base := u[strings.Index(u, "/"):]
	www := filepath.Join(t.TempDir(), "www")
	if err := os.MkdirAll(filepath.Dir(filepath.Join(www, base)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(a.dir, "public"), filepath.Join(www, base)); err != nil {
		t.Fatal(err)
	}
	srv := sitetest.Serve(t, www)
	ctx := sitetest.Browser(t, 3*time.Minute)
	code := c.Table(catalog.KindError).Codes[0]
	pageOf := func(tag string) string { return base + catalog.DocsPath(code, tag) + "/" }
	for i, l := range c.Languages {
		other := c.Languages[(i+1)%len(c.Languages)].Tag
		// The DocsURL as a client has it: extension-less.
		docsURL := srv.Origin + base + strings.TrimPrefix(c.DocsURL(code, l.Tag), c.DocsBaseURL)
		if err := chromedp.Do(ctx, chromedp.Navigate(docsURL), chromedp.WaitVisible(chromedp.CSS(`main h1`))); err != nil {
			t.Fatalf("%s: %v", docsURL, err)
		}
		h1 := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main h1`)))
		if want := strconv.Itoa(code.Number) + " " + code.ID; h1 != want {
			t.Errorf("%s: heading %q, want %q", docsURL, h1, want)
		}
		if n := sitetest.Run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('#search, script[src*="pagefind"]').length`)); n != 0 {
			t.Errorf("%s: a search box in a site built without Pagefind", docsURL)
		}
		message := code.Message.Plain(l.Tag, func(p string) string { return "{" + p + "}" })
		if body := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main`))); !strings.Contains(body, message) {
			t.Errorf("%s does not show the message %q", docsURL, message)
		}
		// The language switch leads to the same code in the other language.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.languages a[hreflang="`+other+`"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="`+other+`"] main h1`))); err != nil {
			t.Fatalf("%s: following the switch to %s: %v", docsURL, other, err)
		}
		if got := sitetest.Run(t, ctx, chromedp.Evaluate[string](`location.pathname`)); got != pageOf(other) {
			t.Errorf("%s: the switch to %s led to %s, want %s", docsURL, other, got, pageOf(other))
		}
		if got := sitetest.Run(t, ctx, chromedp.Text(chromedp.CSS(`main h1`))); got != h1 {
			t.Errorf("%s: after the switch to %s the heading is %q, want %q", docsURL, other, got, h1)
		}
	}

	// Again, with the pinned Pagefind (an npm package: Node.js is back on
	// PATH): the code is found in each language by its number and by
	// words of its message.
	out = siteRun(a.env, strings.ReplaceAll(siteCommands(t), "go tool errgen site", "go tool errgen site -pagefind "+pagefind))
	if strings.Contains(out, "built without search") {
		t.Fatalf("errgen site -pagefind %s built without search:\n%s", pagefind, out)
	}
	for _, l := range c.Languages {
		page := pageOf(l.Tag)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.Origin+page), chromedp.WaitVisible(chromedp.CSS(`.pagefind-ui__search-input`))); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for _, q := range []string{strconv.Itoa(code.Number), sitetest.Phrase(c, code, l.Tag)} {
			if links, _, err := sitetest.Search(ctx, q, page, 30*time.Second); err != nil {
				t.Errorf("%s: %v", l.Tag, err)
			} else {
				t.Logf("%s: searching %q finds %s among %d results", l.Tag, q, page, len(links))
			}
		}
	}
}

// TestSiteServe starts errgen site -serve on a free port, loads a code
// page, changes that code's message in codes.yaml and waits for the new
// text to be served: within 3 s of the write, the bound for a
// catalog of this size (the watch polls every 200 ms; a build of it takes
// milliseconds).
func TestSiteServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen and serves a site: skipped with -short")
	}
	root := testtool.Root(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "errgen")
	testtool.Run(t, root, "go", "build", "-o", bin, "./cmd/errgen")
	testtool.Run(t, dir, bin, "init")
	cmd := exec.Command(bin, "site", "-serve", "127.0.0.1:0", "-o", filepath.Join(dir, "public"))
	cmd.Dir, cmd.Env = dir, withoutSearchTools(t, os.Environ())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		serving := regexp.MustCompile(`serving .* at (http://\S+/)`)
		for sc.Scan() {
			t.Log(sc.Text())
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	var siteURL string
	select {
	case siteURL = <-urls:
	case <-time.After(60 * time.Second):
		t.Fatal("errgen site -serve did not say where it serves")
	}

	file := filepath.Join(dir, "codes.yaml")
	c, err := catalog.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	code := c.Table(catalog.KindError).Codes[0]
	page := siteURL + strings.TrimPrefix(catalog.DocsPath(code, "en"), "/")
	old := code.Message.Plain("en", func(p string) string { return "{" + p + "}" })
	get := func() string {
		resp, err := http.Get(page)
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	if body := get(); !strings.Contains(body, old) {
		t.Fatalf("%s does not show %q:\n%s", page, old, body)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	changed := "Nothing is stored under this key any more."
	if !strings.Contains(string(data), old) {
		t.Fatalf("codes.yaml lacks %q", old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, changed, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	written := time.Now()
	for !strings.Contains(get(), changed) {
		if time.Since(written) > 3*time.Second {
			t.Fatalf("%s still does not show the changed message %q 3 s after codes.yaml changed", page, changed)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("the changed message was served %s after codes.yaml changed", time.Since(written).Round(time.Millisecond))
}
