package golang

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/testtool"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

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
	got := map[string][]byte{}
	for _, f := range emitFixture(t) {
		got[goldenName(t, f)] = f.Data
	}
	testtool.GoldenDir(t, goldenDir, got, *testtool.Update)
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
