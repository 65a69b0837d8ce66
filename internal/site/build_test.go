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
