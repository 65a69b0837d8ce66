// Package testtool finds the pinned tools that `make tools` installs under
// tools/, so tests run the real tsc, redocly, staticcheck, chromium ….
//
// A contributor with only Go installed can run `go test ./...`: a test whose
// tool is missing skips with one line naming the tool and the make target
// that installs it. `make test` and CI set ERRGEN_REQUIRE_TOOLS=1, which turns
// every such skip into a failure, so CI can never pass by skipping.
package testtool

import (
	"bytes"
	"fmt"
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

// RequireEnv is the switch that makes a missing tool a test failure.
const RequireEnv = "ERRGEN_REQUIRE_TOOLS"

// Missing skips the test, or fails it when RequireEnv is set, because tool
// is not installed; target is the make target that installs it.
func Missing(t testing.TB, tool, target string) {
	t.Helper()
	msg := fmt.Sprintf("%s is not installed: run `make %s` (make test does)", tool, target)
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s; %s is set, so a missing tool fails", msg, RequireEnv)
	}
	t.Skip("skipping: " + msg)
}

// Command returns the path of a system command on PATH (node, chromium,
// git, python3), skipping or failing through Missing when it is absent.
func Command(t testing.TB, name, target string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, target)
	}
	return path
}

// Node returns the node executable; every npm tool below needs it.
func Node(t testing.TB) string {
	t.Helper()
	return Command(t, "node", "tools-node")
}

// Chromium returns Debian's chromium, which the browser tests drive.
func Chromium(t testing.TB) string {
	t.Helper()
	return Command(t, "chromium", "tools-debian")
}

// NodeBin returns tools/node_modules/.bin/name.
func NodeBin(t testing.TB, name string) string {
	t.Helper()
	Node(t)
	return mustExist(t, filepath.Join(Root(t), "tools", "node_modules", ".bin", name), "tools-node")
}

// NodeModule returns the folder of an installed npm package under tools/.
func NodeModule(t testing.TB, pkg string) string {
	t.Helper()
	Node(t)
	return mustExist(t, filepath.Join(Root(t), "tools", "node_modules", filepath.FromSlash(pkg)), "tools-node")
}

// TSC returns the tsc of each pinned TypeScript line, keyed by version line
// ("5", "7"), so a test can compile under both.
func TSC(t testing.TB) map[string]string {
	t.Helper()
	return map[string]string{
		"5": NodeBin(t, "tsc"),
		"7": filepath.Join(NodeModule(t, "typescript7"), "bin", "tsc"),
	}
}

// GoBin returns tools/bin/name (staticcheck, golangci-lint, stringer,
// protoc-gen-go).
func GoBin(t testing.TB, name string) string {
	t.Helper()
	return mustExist(t, filepath.Join(Root(t), "tools", "bin", name), "tools-go")
}

func mustExist(t testing.TB, path, target string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		rel, rerr := filepath.Rel(Root(t), path)
		if rerr != nil {
			rel = path
		}
		Missing(t, rel, target)
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
