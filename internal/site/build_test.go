package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/site"
	"github.com/errgen/errgen/internal/site/sitetest"
	"github.com/errgen/errgen/internal/testtool"
)

// TestSlices builds the site of codes.yaml once in one hugo run and once
// in slices of 50 pages: every file of the two sites is the same, so no
// page depends on which others its slice holds.
func TestSlices(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the docs site twice")
	}
	root := testtool.Root(t)
	_, o, files := emit(t, filepath.Join(root, "codes.yaml"))
	s := sitetest.Build(t, files, o.Dir) // SlicePages: all pages in one slice
	hugo := testtool.Command(t, "hugo", "tools-debian")
	pagefind := testtool.NodeBin(t, "pagefind")
	sliced := filepath.Join(t.TempDir(), "www")
	if err := site.Build(context.Background(), site.Options{
		Site: filepath.Join(root, "site"), Docs: s.Docs, Out: sliced, Hugo: hugo, Pagefind: pagefind, SlicePages: 50,
	}); err != nil {
		t.Fatal(err)
	}
	whole, parts := pages(t, s.Dist), pages(t, sliced)
	if len(whole) < 100 {
		t.Fatalf("%d pages: fewer than two slices' worth", len(whole))
	}
	for p, data := range whole {
		if got, ok := parts[p]; !ok {
			t.Errorf("%s: built in one run, missing from the sliced build", p)
		} else if !bytes.Equal(got, data) {
			t.Errorf("%s differs between one run and slices:\n%s", p, testtool.Diff(string(data), string(got)))
		}
	}
	for p := range parts {
		if _, ok := whole[p]; !ok {
			t.Errorf("%s: built in slices, not in one run", p)
		}
	}
}

// pages reads every page of a built site but the search index's files.
func pages(t *testing.T, dist string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		if strings.HasPrefix(filepath.ToSlash(rel), "pagefind/") {
			return nil
		}
		data, err := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCheckLinks(t *testing.T) {
	dist := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dist, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<a href="/codes/en/">en</a> <a href="https://example.com/x">off</a> <script src="/codes/s.js"></script>`)
	write("s.js", ``)
	write("en/index.html", `<a href="/codes/en/error/2003/#a">2003</a> <a href="/codes/?q=1&amp;r=2">home</a> <p>href=&quot;/codes/nowhere/&quot;</p>`)
	write("en/error/2003/index.html", `<a href="/codes/en/">up</a>`)
	if err := site.CheckLinks(dist, "/codes"); err != nil {
		t.Fatalf("a site whose links all lead to pages: %v", err)
	}
	write("en/error/2003/index.html", `<a href="/codes/en/error/9999/">gone</a> <a href="/codes/s.js/">not a folder</a>`)
	err := site.CheckLinks(dist, "/codes")
	if err == nil {
		t.Fatal("dead links pass")
	}
	for _, want := range []string{"en/error/2003/index.html: /codes/en/error/9999/", "/codes/s.js/"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not name %q:\n%v", want, err)
		}
	}
}
