package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/hostilecatalog"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/textenc"
	corpus "github.com/errgen/errgen/internal/textenc/hostile"
	"github.com/errgen/errgen/internal/typescript"
)

// registry is render.Targets, which the tests of this package cannot
// import (render imports markdown): loaded with it, a catalog's code pages
// carry the Go and TypeScript targets' snippets.
var registry = []catalog.Target{golang.Target, openapi.Target, typescript.Target, Target}

// identityCatalogs are the catalogs the built-in writer is compared on:
// every catalog of the repository's tests that loads, ours and foreign
// ones, and the hostile corpus in every position.
var identityCatalogs = []string{
	"../../codes.yaml",
	"testdata/seed/codes.yaml",
	"testdata/hostile/codes.yaml",
	"testdata/override/codes.yaml", // a third language, ja, from its labels.yaml
	"../../testdata/catalogs/foreign.yaml",
	"../../testdata/catalogs/small.yaml",
	"../../testdata/catalogs/hostile.yaml",
}

// The built-in writer writes every page exactly as the embedded templates
// do through text/template, on several catalogs, with and without front
// matter: the templates stay the contract a team overrides.
func TestBuiltinMatchesTemplates(t *testing.T) {
	for _, file := range identityCatalogs {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		// Only a catalog's own labels.yaml is used, not its templates:
		// labels are data for both writers.
		labels := fstest.MapFS{}
		if l, err := os.ReadFile(filepath.Join(filepath.Dir(file), "templates", labelsFile)); err == nil {
			labels[labelsFile] = &fstest.MapFile{Data: l}
		}
		t.Run(file, func(t *testing.T) { compareWriters(t, data, labels) })
	}
	t.Run("hostilecatalog", func(t *testing.T) { compareWriters(t, []byte(hostilecatalog.YAML()), nil) })
}

// compareWriters renders a catalog both ways, front matter off and on, and
// reports each page that differs at its first differing line.
func compareWriters(t *testing.T, src []byte, labels fstest.MapFS) {
	t.Helper()
	c, err := catalog.Parse(filepath.Join(t.TempDir(), "codes.yaml"), src, registry...)
	if err != nil {
		t.Fatal(err)
	}
	opts := options(t, c)
	opts.Templates = ""
	var overrides fs.FS
	if len(labels) > 0 {
		opts.Templates, overrides = "templates", labels
	}
	for _, fm := range []bool{false, true} {
		opts.FrontMatter = fm
		want, got := renderWith(t, c, opts, overrides, true), renderWith(t, c, opts, overrides, false)
		if len(got) != len(want) {
			t.Errorf("front matter %v: %d files built in, %d from the templates", fm, len(got), len(want))
		}
		for path, w := range want {
			if g := got[path]; !bytes.Equal(g, w) {
				t.Errorf("front matter %v: %s differs from the template's output: %s", fm, path, firstDiff(g, w))
			}
		}
	}
}

func renderWith(t *testing.T, c *catalog.Catalog, opts Options, overrides fs.FS, templates bool) map[string][]byte {
	t.Helper()
	var mu sync.Mutex
	files := map[string][]byte{}
	err := stream(c, opts, overrides, func(f output.File) error {
		mu.Lock()
		defer mu.Unlock()
		files[f.Path] = f.Data
		return nil
	}, templates)
	if err != nil {
		t.Fatalf("templates %v: %v", templates, err)
	}
	if len(files) == 0 {
		t.Fatal("no files rendered")
	}
	return files
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d: built in %q, template %q", i+1, gl, wl)
		}
	}
	return "equal"
}

// fuzzCatalog puts one text in every position a catalog text takes.
const fuzzCatalog = `version: 1
languages:
  - {tag: en, name: %[1]s}
  - {tag: ko, name: 한국어}
default_language: en
docs:
  base_url: https://docs.example.com/codes
output:
  markdown: {dir: out/docs}
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: %[1]s, ko: %[1]s}
  description: {en: %[1]s, ko: %[1]s}
  range: [-6, 599]
  categories:
    - {name: local, range: [-6, -1], title: {en: %[1]s, ko: %[1]s}}
    - {name: client, range: [400, 499], title: {en: %[1]s, ko: %[1]s}}
  codes:
    - code: -1
      id: Timeout
      client: true
      message: {en: %[2]s, ko: %[2]s}
    - code: 401
      id: Unauthorized
      message: {en: %[2]s, ko: %[2]s}
      description: {en: %[1]s, ko: %[1]s}
      reference: %[1]s
    - code: 404
      id: NotFound
      message: {en: %[3]s, ko: %[3]s}
      title: {en: %[4]s, ko: %[4]s}
      params:
        - {name: field, type: string, example: %[1]s}
      deprecated: {replacement: Unauthorized, reason: {en: %[1]s, ko: %[1]s}}
  reserved:
    - {code: 402, reason: {en: %[1]s, ko: %[1]s}}
error:
  type: ErrorCode
  prefix: ""
  title: {en: %[1]s, ko: %[1]s}
  range: [1000, 1999]
  codes:
    - code: 1001
      id: Broken
      wire: Broken_Wire
      status: 404
      message: {en: %[2]s, ko: %[2]s}
`

// fuzzSource is fuzzCatalog with s in every text position.
func fuzzSource(s string) string {
	q := textenc.YAMLQuoted
	msg := strings.NewReplacer("{", "{{", "}", "}}").Replace("m " + s)
	title := strings.NewReplacer("{", "", "}", "").Replace("T " + s)
	return fmt.Sprintf(fuzzCatalog, q("t "+s), q(msg), q(msg+" {field}"), q(title))
}

// The fuzz catalog loads with plain text: were it broken, the fuzz target
// would skip every input and pass without comparing anything.
func TestFuzzCatalogLoads(t *testing.T) {
	if _, err := catalog.Parse(filepath.Join(t.TempDir(), "codes.yaml"), []byte(fuzzSource("Not found."))); err != nil {
		t.Fatal(err)
	}
}

// FuzzBuiltinMatchesTemplates: any text, in every position, renders the
// same both ways. Catalogs the loader refuses are skipped.
func FuzzBuiltinMatchesTemplates(f *testing.F) {
	for _, c := range corpus.Classes {
		f.Add(c.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := fuzzSource(s)
		if _, err := catalog.Parse(filepath.Join(t.TempDir(), "codes.yaml"), []byte(src)); err != nil {
			t.Skip(err)
		}
		compareWriters(t, []byte(src), nil)
	})
}

// tidyLines is tidy as it was first written, line by line; it trims trailing blanks from lines, keeps at most one blank line in a
// row outside code blocks, and ends the file with one line feed, so a
// template may space its actions freely.
func tidyLines(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	out := make([]string, 0, len(lines))
	fence := ""
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if fence == "" {
			if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "```") {
				fence = t[:len(t)-len(strings.TrimLeft(t, "`"))]
			}
		} else if strings.TrimSpace(l) == fence {
			fence = ""
		} else {
			out = append(out, l)
			continue
		}
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// FuzzTidy: tidy, which works in place, does what tidyLines does.
func FuzzTidy(f *testing.F) {
	for _, s := range []string{"", "\n", "a\n\n\nb  \n", "```\n\n\n```\n\n", "  ```json\nx \n\n  ``` \nz", "\n\na\n\n", " \t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := string(tidyLines([]byte(s)))
		if got := string(tidy([]byte(s))); got != want {
			t.Errorf("tidy(%q) = %q, want %q", s, got, want)
		}
	})
}
