// Package testtool finds the pinned tools that `make tools` installs under
// tools/, so tests run the real tsc, redocly, staticcheck … and fail with
// the command that installs them when they are missing.
package testtool

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

// Root returns the repository root: the nearest folder above the test's
// working directory that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// NodeBin returns tools/node_modules/.bin/name.
func NodeBin(t testing.TB, name string) string {
	t.Helper()
	return mustExist(t, filepath.Join(Root(t), "tools", "node_modules", ".bin", name))
}

// NodeModule returns the folder of an installed npm package under tools/.
func NodeModule(t testing.TB, pkg string) string {
	t.Helper()
	return mustExist(t, filepath.Join(Root(t), "tools", "node_modules", filepath.FromSlash(pkg)))
}

// TSC returns the tsc of each pinned TypeScript line, keyed by version line
// ("5", "7"), so a test can compile under both.
func TSC(t testing.TB) map[string]string {
	t.Helper()
	return map[string]string{
		"5": NodeBin(t, "tsc"),
		"7": mustExist(t, filepath.Join(Root(t), "tools", "node_modules", "typescript7", "bin", "tsc")),
	}
}

// GoBin returns tools/bin/name (staticcheck, stringer, protoc-gen-go).
func GoBin(t testing.TB, name string) string {
	t.Helper()
	return mustExist(t, filepath.Join(Root(t), "tools", "bin", name))
}

func mustExist(t testing.TB, path string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s is missing: run `make tools` first (the README's `make test` does)", path)
	}
	return path
}

// Run runs a command in dir and returns its combined output; it fails the
// test with that output when the command fails.
func Run(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	out, err := Output(dir, name, args...)
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return out
}

// Output runs a command in dir and returns its combined output and error,
// for tests that expect a failure.
func Output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var buf bytes.Buffer
	cmd.Stdout = &buf
	cmd.Stderr = &buf
	err := cmd.Run()
	return buf.String(), err
}

// Diff is a unified diff from want (the golden or expected text) to got,
// for test failures: every changed line, not only the first.
func Diff[T ~string | ~[]byte](want, got T) string {
	return udiff.Unified("want", "got", string(want), string(got))
}
