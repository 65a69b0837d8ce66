package render_test

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/hostilecatalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
)

// golangciConfig turns on golangci-lint's default linters and off its
// exclusion of generated files.
const golangciConfig = `version: "2"
linters:
  default: standard
  exclusions:
    generated: disable
`

// TestLintAsHandWritten runs the pinned staticcheck and golangci-lint
// (its default linters) over the Go that codes.yaml, the foreign and the
// hostile catalog generate, with errgen's marker taken out so that
// neither tool treats a file as generated: a team that lints everything
// must see nothing from the package.
func TestLintAsHandWritten(t *testing.T) {
	staticcheck := testtool.GoBin(t, "staticcheck")
	golangci := testtool.GoBin(t, "golangci-lint")
	root := testtool.Root(t)
	hostile := filepath.Join(t.TempDir(), "codes.yaml")
	if err := os.WriteFile(hostile, []byte(hostilecatalog.YAML()), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(rel, data string) { testtool.WriteFile(t, dir, rel, data) }
	write("go.mod", "module example.com/lint\n\ngo 1.26\n")
	write(".golangci.yml", golangciConfig)
	for name, file := range map[string]string{
		"codes":   filepath.Join(root, "codes.yaml"),
		"foreign": filepath.Join(root, "testdata", "catalogs", "foreign.yaml"),
		"hostile": hostile,
	} {
		c, err := catalog.Load(file, render.Targets...)
		if err != nil {
			t.Fatal(err)
		}
		files, err := golang.Target.EmitFor(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if !strings.Contains(string(f.Data), output.Marker) {
				t.Fatalf("%s: no marker to take out", f.Path)
			}
			write(name+"/"+path.Base(f.Path), strings.Replace(string(f.Data), output.Marker, "Linted as hand-written.", 1))
		}
	}
	env := append(os.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local",
		"GOLANGCI_LINT_CACHE="+t.TempDir())
	for _, args := range [][]string{
		{staticcheck, "./..."},
		{golangci, "run", "--max-issues-per-linter=0", "--max-same-issues=0", "./..."},
	} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s on the generated packages: %v\n%s", filepath.Base(args[0]), err, out)
		}
	}
}
