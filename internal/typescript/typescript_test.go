package typescript_test

import (
	"bytes"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/typescript"
)

// cases are the fixture catalogs, testdata/<case>.yaml, each with its
// expected package under testdata/golden/<case>.
var cases = []string{"catalog", "edge"}

func load(t testing.TB, name string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(filepath.Join("testdata", name+".yaml"))
	if err != nil {
		t.Fatalf("%s.yaml: %v", name, err)
	}
	return c
}

// options reads the catalog's output.typescript.
func options(t testing.TB, c *catalog.Catalog) typescript.Options {
	t.Helper()
	return testtool.Options(t, c, typescript.Target.Name, typescript.ReadOptions)
}

// emit renders a fixture and returns its files keyed by their path inside
// the TypeScript target's folder.
func emit(t testing.TB, name string) (*catalog.Catalog, map[string][]byte) {
	t.Helper()
	c := load(t, name)
	files, err := typescript.Target.EmitFor(c)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		rel, ok := strings.CutPrefix(f.Path, options(t, c).Dir+"/")
		if !ok || strings.Contains(rel, "/") {
			t.Fatalf("%s lies outside %s", f.Path, options(t, c).Dir)
		}
		if _, dup := out[rel]; dup {
			t.Fatalf("%s emitted twice", f.Path)
		}
		out[rel] = f.Data
	}
	return c, out
}

// TestGolden compares every emitted file with testdata/golden/<case>, and
// the set of files with the folder's; -update rewrites the folder.
func TestGolden(t *testing.T) {
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			_, files := emit(t, name)
			testtool.GoldenDir(t, filepath.Join("testdata", "golden", name), files, *testtool.Update)
		})
	}
}

var headerLine = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// TestMarker checks what the writer and editors rely on: every file is
// recognisably generated, and JavaScript and declarations open with Go's
// generated-code line.
func TestMarker(t *testing.T) {
	for _, name := range cases {
		_, files := emit(t, name)
		for rel, data := range files {
			if !output.IsGenerated(data) {
				t.Errorf("%s/%s: no %q in its first 4096 bytes", name, rel, output.Marker)
			}
			if ext := path.Ext(rel); ext == ".js" || ext == ".ts" {
				first, _, _ := strings.Cut(string(data), "\n")
				if first != "// "+output.Marker || !headerLine.MatchString(first) {
					t.Errorf("%s/%s starts with %q", name, rel, first)
				}
			}
		}
	}
}

// TestDeterministic emits each fixture twice.
func TestDeterministic(t *testing.T) {
	for _, name := range cases {
		c := load(t, name)
		a, err := typescript.Target.EmitFor(c)
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			b, err := typescript.Target.EmitFor(c)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(a, b, func(x, y output.File) bool { return x.Path == y.Path && bytes.Equal(x.Data, y.Data) }) {
				t.Fatalf("%s: two emits differ", name)
			}
		}
	}
}
