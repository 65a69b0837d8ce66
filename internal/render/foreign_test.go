package render_test

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
)

// TestForeignCatalog renders a catalog that shares nothing with this
// project's codes.yaml and finds no trace of codes.yaml in any file: no
// application code number, id, wire name or message. The generator must
// take every example it shows from the catalog it renders.
func TestForeignCatalog(t *testing.T) {
	ours, err := catalog.Load(filepath.Join("..", "..", "codes.yaml"), render.Targets...)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := catalog.Load(filepath.Join("..", "..", "testdata", "catalogs", "foreign.yaml"), render.Targets...)
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(foreign, render.Targets)
	if err != nil {
		t.Fatal(err)
	}

	// What would betray codes.yaml, as whole words.
	traces := map[string]bool{}
	for _, tb := range ours.Tables {
		for _, c := range tb.Codes {
			// Numbers in the range of HTTP statuses say nothing: both
			// catalogs have 409.
			if c.Number >= 1000 {
				traces[strconv.Itoa(c.Number)] = true
			}
			traces[tb.Prefix+c.ID] = true
			traces[c.Wire] = true
			for _, text := range c.Message.Text {
				if len(text.Text) >= 12 {
					traces[text.Text] = true
				}
			}
		}
	}
	for _, tb := range foreign.Tables {
		for _, c := range tb.Codes {
			for _, s := range []string{strconv.Itoa(c.Number), tb.Prefix + c.ID, c.Wire} {
				if traces[s] {
					t.Fatalf("foreign.yaml shares %s with codes.yaml", s)
				}
			}
		}
	}
	var words []string
	for s := range traces {
		words = append(words, regexp.QuoteMeta(s))
	}
	trace := regexp.MustCompile(`(^|[^\pL\pN_])(` + strings.Join(words, "|") + `)($|[^\pL\pN_])`)

	seen := map[string]bool{}
	for _, f := range files {
		for _, m := range trace.FindAllStringSubmatch(string(f.Data), -1) {
			if key := f.Path + ": " + m[2]; !seen[key] {
				seen[key] = true
				t.Errorf("%s names %q of codes.yaml", f.Path, m[2])
			}
		}
	}
	for _, want := range []string{"gen/go/paycodes/doc.go", "gen/docs/en/error/9301.md"} {
		found := false
		for _, f := range files {
			found = found || f.Path == want
		}
		if !found {
			t.Errorf("%s was not rendered", want)
		}
	}
}
