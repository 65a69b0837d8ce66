package testtool

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/output"
)

// WriteFiles makes the output folder dir (relative to root) match files,
// as errgen generate does with files it renders (output.Begin, Put,
// Finish), and returns the changes.
func WriteFiles(tb testing.TB, root, dir string, files []output.File) []output.Change {
	tb.Helper()
	c, err := output.Begin(root, dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		if err := c.Put(f); err != nil {
			c.Abort()
			tb.Fatal(err)
		}
	}
	changes, err := c.Finish()
	if err != nil {
		tb.Fatal(err)
	}
	return changes
}

// WriteFile writes data at rel (slash-separated) under dir, making the
// folders it needs: the fixture writer of tests that build a module on disk.
func WriteFile(tb testing.TB, dir, rel, data string) {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}
