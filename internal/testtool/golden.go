package testtool

import (
	"os"
	"path/filepath"
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
