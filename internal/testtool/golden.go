package testtool

import (
	"bytes"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Golden compares got with the golden file at path, reporting a diff when
// they differ; with update (the test's -update flag) it writes got there
// instead, for review.
func Golden[T ~string | ~[]byte](t testing.TB, path string, got T, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update and review the file)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, Diff(string(want), string(got)))
	}
}

// GoldenDir compares got, files keyed by slash-separated paths below dir,
// with the golden folder dir: every file byte for byte, and the set of
// files, so that no golden file outlives the output it recorded. With
// update (the test's -update flag) it rewrites the folder instead, for
// review with git diff.
func GoldenDir(t testing.TB, dir string, got map[string][]byte, update bool) {
	t.Helper()
	if update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for rel, data := range got {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatalf("%v (run go test -update and review the files)", err)
	}
	paths := slices.Collect(maps.Keys(got))
	for p := range want {
		if _, ok := got[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		g, inGot := got[p]
		w, inWant := want[p]
		switch {
		case !inWant:
			t.Errorf("%s: emitted, but %s has no golden file for it (run go test -update)", p, dir)
		case !inGot:
			t.Errorf("%s/%s: golden file of nothing emitted (run go test -update)", dir, p)
		case !bytes.Equal(g, w):
			t.Errorf("%s/%s differs (run go test -update and review the diff):\n%s", dir, p, Diff(string(w), string(g)))
		}
	}
}

// Update is the -update flag of every test package: rewrite the golden
// files (and the other recorded outputs a test compares with) from what
// the code now produces, for review with git diff.
var Update = flag.Bool("update", false, "rewrite the golden files and recorded outputs from the current output, for review")
