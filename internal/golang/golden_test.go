package golang

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/testtool"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the emitter's output")

const goldenDir = "testdata/golden"

// fixture loads testdata/catalog.yaml, the catalog every test renders.
func fixture(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(filepath.Join("testdata", "catalog.yaml"))
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	return c
}

// emitted renders the fixture once per test binary: several tests read it.
var emitted = sync.OnceValues(func() ([]output.File, error) {
	c, err := catalog.Load(filepath.Join("testdata", "catalog.yaml"))
	if err != nil {
		return nil, err
	}
	return Target.EmitFor(c)
})

func emitFixture(t testing.TB) []output.File {
	t.Helper()
	files, err := emitted()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden compares the fixture's output byte for byte with
// testdata/golden; `go test ./internal/golang -update` rewrites it.
func TestGolden(t *testing.T) {
	files := emitFixture(t)
	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for _, f := range files {
		name := goldenName(t, f)
		want = append(want, name)
		path := filepath.Join(goldenDir, name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		golden, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run go test ./internal/golang -update)", f.Path, err)
			continue
		}
		if !bytes.Equal(golden, f.Data) {
			t.Errorf("%s differs from %s (run go test ./internal/golang -update and review the diff):\n%s",
				f.Path, path, testtool.Diff(string(golden), string(f.Data)))
		}
	}
	// No golden file may outlive the output it recorded.
	var have []string
	err := filepath.WalkDir(goldenDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(goldenDir, p)
		have = append(have, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(have)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("golden files %v, emitted %v", have, want)
	}
}

// goldenName is a file's path below the Go output dir, with .golden added
// so that the go tool never compiles it.
func goldenName(t testing.TB, f output.File) string {
	t.Helper()
	rel, ok := strings.CutPrefix(f.Path, "out/go/codes/")
	if !ok {
		t.Fatalf("%s is not under out/go/codes", f.Path)
	}
	return rel + ".golden"
}

// options reads the catalog's output.go.
func options(t testing.TB, c *catalog.Catalog) Options {
	t.Helper()
	return testtool.Options(t, c, Target.Name, ReadOptions)
}
