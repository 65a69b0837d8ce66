package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestResolveLinks: errgen's relative .md links become the linked pages'
// URLs, against the Markdown file's folder (X.md is X/index.html,
// D/_index.md is D/index.html); other links stay; a dead one fails.
func TestResolveLinks(t *testing.T) {
	dist := t.TempDir()
	write := func(rel, data string) { writeFile(t, dist, rel, data) }
	write("index.html", `<a href="en/_index.md">en</a>`)
	write("en/index.html", `<a href="error/_index.md">errors</a> <a href="../_index.md">home</a>`)
	write("en/error/index.html", `<a href="2003.md" title="t">2003</a>`)
	write("en/error/2003/index.html", `<a href="_index.md">up</a> <a href="../http/409.md#x">409</a> <a href="../../ko/error/2003.md">ko</a> <a href="https://example.com/a.md">off</a> <a href="/codes/en/">abs</a> <code>href=&quot;x.md&quot;</code>`)
	write("en/http/409/index.html", ``)
	write("ko/error/2003/index.html", ``)
	sections := map[string]bool{".": true, "en": true, "en/error": true}
	if err := resolveLinks(dist, "/codes", sections); err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]string{
		"index.html":               `<a href="/codes/en/">en</a>`,
		"en/index.html":            `<a href="/codes/en/error/">errors</a> <a href="/codes/">home</a>`,
		"en/error/index.html":      `<a href="/codes/en/error/2003/" title="t">2003</a>`,
		"en/error/2003/index.html": `<a href="/codes/en/error/">up</a> <a href="/codes/en/http/409/#x">409</a> <a href="/codes/ko/error/2003/">ko</a> <a href="https://example.com/a.md">off</a> <a href="/codes/en/">abs</a> <code>href=&quot;x.md&quot;</code>`,
	} {
		got, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s:\n got %s\nwant %s", rel, got, want)
		}
	}
	write("en/error/2003/index.html", `<a href="../nowhere.md">gone</a>`)
	err := resolveLinks(dist, "/codes", sections)
	if err == nil || !strings.Contains(err.Error(), "en/error/2003/index.html: /codes/en/nowhere/") {
		t.Errorf("a link to no page: %v", err)
	}
}

func TestCheckLinks(t *testing.T) {
	dist := t.TempDir()
	write := func(rel, data string) { writeFile(t, dist, rel, data) }
	write("index.html", `<a href="/codes/en/">en</a> <a href="https://example.com/x">off</a> <script src="/codes/s.js"></script>`)
	write("s.js", ``)
	write("en/index.html", `<a href="/codes/en/error/2003/#a">2003</a> <a href="/codes/?q=1&amp;r=2">home</a> <p>href=&quot;/codes/nowhere/&quot;</p>`)
	write("en/error/2003/index.html", `<a href="/codes/en/">up</a>`)
	if err := CheckLinks(dist, "/codes"); err != nil {
		t.Fatalf("a site whose links all lead to pages: %v", err)
	}
	write("en/error/2003/index.html", `<a href="/codes/en/error/9999/">gone</a> <a href="/codes/s.js/">not a folder</a>`)
	err := CheckLinks(dist, "/codes")
	if err == nil {
		t.Fatal("dead links pass")
	}
	for _, want := range []string{"en/error/2003/index.html: /codes/en/error/9999/", "/codes/s.js/"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %q:\n%v", want, err)
		}
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
