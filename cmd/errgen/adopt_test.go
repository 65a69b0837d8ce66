package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// adoptBlock is the README's local-checkout adoption recipe.
var adoptBlock = regexp.MustCompile("(?s)<!-- adopt-local -->\n```sh\n(.*?)```\n<!-- /adopt-local -->")

// TestAdoptFromCheckout adopts errgen in a brand-new module exactly as the
// README says for a local checkout, then compiles and runs a main that
// imports the generated package.
func TestAdoptFromCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a new module with errgen as a tool: skipped with -short")
	}
	root := testtool.Root(t)
	bash := testtool.Command(t, "bash", "tools-debian")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := adoptBlock.FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no <!-- adopt-local --> sh block")
	}
	svc := t.TempDir()
	testtool.Run(t, svc, "go", "mod", "init", "example.com/svc")
	env := append(os.Environ(), "ERRGEN_CHECKOUT="+root, "GOWORK=off", "GOFLAGS=-mod=mod")
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = svc, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run(bash, "-euo", "pipefail", "-c", string(m[1]))

	for _, f := range []string{"codes.yaml", "generate.go", "out/go/codes/errorcode.go", "out/typescript/index.d.ts", "out/docs/en/_index.md"} {
		if _, err := os.Stat(filepath.Join(svc, f)); err != nil {
			t.Errorf("after the README's commands: %v", err)
		}
	}
	demo := filepath.Join(svc, "cmd", "demo")
	if err := os.MkdirAll(demo, 0o755); err != nil {
		t.Fatal(err)
	}
	src := `package main

import (
	"errors"
	"fmt"

	"example.com/svc/out/go/codes"
)

func main() {
	err := fmt.Errorf("lookup: %w", codes.ItemNotFound)
	fmt.Println(errors.Is(err, codes.ItemNotFound), codes.ItemNotFound.HTTPStatus(), codes.ItemNotFound.Message("ko"))
}
`
	if err := os.WriteFile(filepath.Join(demo, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := run("go", "run", "./cmd/demo"), "true 404 항목이 존재하지 않습니다.\n"; got != want {
		t.Errorf("go run ./cmd/demo = %q, want %q", got, want)
	}
	if out := run("go", "tool", "errgen", "check"); !strings.Contains(out, "up to date") {
		t.Errorf("errgen check after go generate: %s", out)
	}
	if out := run("go", "tool", "errgen", "lint"); !strings.Contains(out, "0 piece(s) of advice") {
		t.Errorf("errgen lint on the starter catalog is not clean:\n%s", out)
	}
}
