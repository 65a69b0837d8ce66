package main

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// importData is testdata/import, absolute: errgen runs in the test's folder.
var importData, _ = filepath.Abs(filepath.Join("testdata", "import"))

// copyInto copies files of testdata/import into dir.
func copyInto(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(importData, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Broken sources give every problem with its position and write nothing.
func TestImportBrokenSources(t *testing.T) {
	for _, name := range []string{"ragged.csv", "duplicate.md", "bidi.tsv", "empty.md", "many.md", "unknown-column.txt"} {
		t.Run(name, func(t *testing.T) {
			dir := project(t)
			copyInto(t, dir, "broken/"+name)
			before := snapshot(t, dir)
			r := errgen(t, dir, "import", "-table", "error", "-lang", "ko", name)
			if r.code != exitProblem {
				t.Errorf("exit %d, want %d", r.code, exitProblem)
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Error("a failed import changed the folder")
			}
			testtool.Golden(t, filepath.Join(importData, "broken", name+".stderr"), r.stderr, *update)
		})
	}
}

// A CSV and a Go file of constants fill a foreign catalog that then
// generates clean and passes check.
func TestImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, "zahlung/codes.yaml", "zahlung/fehler.csv", "zahlung/status.go")
	steps := [][]string{
		{"import", "-table", "http", "status.go"},
		{"import", "-table", "error", "-columns", "Meldung=message", "fehler.csv"},
		{"generate"},
		{"check"},
		{"lint"},
	}
	for _, args := range steps {
		if r := errgen(t, dir, args...); r.code != exitOK {
			t.Fatalf("errgen %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	testtool.Golden(t, filepath.Join(importData, "zahlung", "codes.yaml.golden"), string(got), *update)
	// The same import again finds everything in place.
	r := errgen(t, dir, "import", "-n", "-table", "error", "-columns", "Meldung=message", "fehler.csv")
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Errorf("a repeated import is not a no-op: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// -n prints the diff and writes nothing.
func TestImportDryRun(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, "zahlung/codes.yaml", "zahlung/fehler.csv")
	before := snapshot(t, dir)
	r := errgen(t, dir, "import", "-n", "-table", "error", "-columns", "Meldung=message", "fehler.csv")
	if r.code != exitOK || r.stderr != "" {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("-n changed the folder")
	}
	testtool.Golden(t, filepath.Join(importData, "dry-run.diff"), r.stdout, *update)
}
