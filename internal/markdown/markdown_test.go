package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// A case is a folder of testdata holding a codes.yaml, and its templates
// folder when the catalog names one. Its expected output lies in
// testdata/golden/<case>, file for file, relative to output.markdown.dir.
func cases(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "*", "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range matches {
		names = append(names, filepath.Base(filepath.Dir(m)))
	}
	if len(names) == 0 {
		t.Fatal("no cases in testdata")
	}
	return names
}

// emitCase loads a case and renders it as the command would: the templates
// folder opened with os.DirFS relative to the catalog's folder.
func emitCase(t *testing.T, name string) (*catalog.Catalog, []output.File) {
	t.Helper()
	file := filepath.Join("testdata", name, "codes.yaml")
	if name == repoCase {
		file = filepath.Join("..", "..", "codes.yaml")
	}
	c, err := catalog.Load(file, registry...)
	if err != nil {
		t.Fatalf("loading case %s: %v", name, err)
	}
	var overrides fs.FS
	if dir := options(t, c).Templates; dir != "" {
		overrides = os.DirFS(filepath.Join(c.Root, dir))
	}
	files, err := emitFS(t, c, overrides)
	if err != nil {
		t.Fatalf("case %s: %v", name, err)
	}
	return c, files
}

// relative returns the files keyed by their path inside the docs folder.
func relative(t *testing.T, c *catalog.Catalog, files []output.File) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range files {
		rel, ok := strings.CutPrefix(f.Path, options(t, c).Dir+"/")
		if !ok {
			t.Errorf("%s lies outside output.markdown.dir %s", f.Path, options(t, c).Dir)
			continue
		}
		if _, dup := m[rel]; dup {
			t.Errorf("%s is emitted twice", f.Path)
		}
		m[rel] = f.Data
	}
	return m
}

func TestGolden(t *testing.T) {
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			c, files := emitCase(t, name)
			testtool.GoldenDir(t, filepath.Join("testdata", "golden", name), relative(t, c, files), *testtool.Update)
		})
	}
}

// repoCase names the project's own codes.yaml among the cases of the
// checks that need no golden files.
const repoCase = "codes.yaml"

// checkedCases are the cases plus the project's codes.yaml.
func checkedCases(t *testing.T) []string {
	t.Helper()
	names := cases(t)
	if _, err := os.Stat(filepath.Join("..", "..", "codes.yaml")); err == nil {
		names = append(names, repoCase)
	}
	return names
}

// Every file carries the marker, after the front matter when there is
// some, and every code has its page where catalog.DocsPath says.
func TestLayout(t *testing.T) {
	for _, name := range checkedCases(t) {
		t.Run(name, func(t *testing.T) {
			c, files := emitCase(t, name)
			got := relative(t, c, files)
			for p, data := range got {
				if !output.IsGenerated(data) {
					t.Errorf("%s lacks the marker", p)
				}
				if !strings.HasSuffix(p, ".md") {
					continue
				}
				s := string(data)
				if options(t, c).FrontMatter {
					end := strings.Index(s, "\n---\n")
					if !strings.HasPrefix(s, "---\n") || end < 0 {
						t.Errorf("%s does not start with front matter", p)
						continue
					}
					s = s[end+len("\n---\n"):]
				}
				if !strings.HasPrefix(s, markerLine) {
					t.Errorf("%s: the marker line %q does not open the page (after any front matter)", p, markerLine)
				}
			}
			for _, l := range c.Languages {
				for _, table := range c.Tables {
					for _, code := range table.Codes {
						p := strings.TrimPrefix(catalog.DocsPath(code, l.Tag), "/") + ".md"
						if _, ok := got[p]; !ok {
							t.Errorf("code %d in %s has no page at %s", code.Number, l.Tag, p)
						}
					}
				}
			}
		})
	}
}

// options reads the catalog's output.markdown.
func options(t testing.TB, c *catalog.Catalog) Options {
	t.Helper()
	return testtool.Options(t, c, Target.Name, ReadOptions)
}

// emitFS renders c with its own options and the override folder fsys.
func emitFS(t testing.TB, c *catalog.Catalog, fsys fs.FS) ([]output.File, error) {
	t.Helper()
	return Emit(c, options(t, c), fsys)
}
