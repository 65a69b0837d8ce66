package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The published pages of the real catalog, as generate wrote them (errgen
// check keeps them in step with codes.yaml).
const realDocs = "../../out/docs"

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
