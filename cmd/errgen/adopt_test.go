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

// readmeBlock is the sh block of README.md between <!-- name --> and
// <!-- /name -->: the commands a user copies, run here verbatim.
func readmeBlock(t *testing.T, name string) string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(testtool.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- " + regexp.QuoteMeta(name) + " -->\n```sh\n(.*?)```\n<!-- /" + regexp.QuoteMeta(name) + " -->").FindSubmatch(readme)
	if m == nil {
		t.Fatalf("README.md has no <!-- %s --> sh block", name)
	}
	return string(m[1])
}

// adopter is a brand-new module that adopts errgen from this checkout.
type adopter struct {
	t   *testing.T
	dir string
	env []string
}

// newAdopter makes a module example.com/svc with the given files (path →
// content) and runs the README's local-checkout adoption recipe in it.
func newAdopter(t *testing.T, files map[string]string) *adopter {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a new module with errgen as a tool: skipped with -short")
	}
	root := testtool.Root(t)
	a := &adopter{t: t, dir: t.TempDir(), env: append(os.Environ(), "ERRGEN_CHECKOUT="+root, "GOWORK=off", "GOFLAGS=-mod=mod")}
	testtool.Run(t, a.dir, "go", "mod", "init", "example.com/svc")
	a.write(files)
	a.run("bash", "-euo", "pipefail", "-c", readmeBlock(t, "adopt-local"))
	return a
}

func (a *adopter) write(files map[string]string) {
	a.t.Helper()
	for name, content := range files {
		path := filepath.Join(a.dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			a.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			a.t.Fatal(err)
		}
	}
}

// output runs a command in the module and returns its combined output
// and error.
func (a *adopter) output(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = a.dir, a.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (a *adopter) run(name string, args ...string) string {
	a.t.Helper()
	out, err := a.output(name, args...)
	if err != nil {
		a.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// TestAdoptFromCheckout adopts errgen in a brand-new module exactly as the
// README says for a local checkout, then compiles and runs a main that
// imports the generated package.
func TestAdoptFromCheckout(t *testing.T) {
	testtool.Command(t, "bash", "tools-debian")
	a := newAdopter(t, nil)
	for _, f := range []string{"codes.yaml", "generate.go", "out/go/codes/errorcode.go", "out/typescript/index.d.ts", "out/docs/en/_index.md"} {
		if _, err := os.Stat(filepath.Join(a.dir, f)); err != nil {
			t.Errorf("after the README's commands: %v", err)
		}
	}
	a.write(map[string]string{"cmd/demo/main.go": `package main

import (
	"errors"
	"fmt"

	"example.com/svc/out/go/codes"
)

func main() {
	err := fmt.Errorf("lookup: %w", codes.ItemNotFound)
	fmt.Println(errors.Is(err, codes.ItemNotFound), codes.ItemNotFound.HTTPStatus(), codes.ItemNotFound.Message("ko"))
}
`})
	if got, want := a.run("go", "run", "./cmd/demo"), "true 404 항목이 존재하지 않습니다.\n"; got != want {
		t.Errorf("go run ./cmd/demo = %q, want %q", got, want)
	}
	if out := a.run("go", "tool", "errgen", "check"); !strings.Contains(out, "up to date") {
		t.Errorf("errgen check after go generate: %s", out)
	}
	if out := a.run("go", "tool", "errgen", "lint"); !strings.Contains(out, "0 piece(s) of advice") {
		t.Errorf("errgen lint on the starter catalog is not clean:\n%s", out)
	}
	// The build information of a replaced module names the replacement.
	if out := a.run("go", "tool", "errgen", "version"); !strings.Contains(out, ", replaced by "+testtool.Root(t)+" ") {
		t.Errorf("errgen version does not name the checkout it was built from: %s", out)
	}
}

// TestVetLineFromReadme adopts errgen in a module whose root package is
// main (so the README's generate.go must join package main), sends a 200
// as a problem, and runs the README's vet line verbatim: it must run
// errgen's analyzer through go vet and report the line.
func TestVetLineFromReadme(t *testing.T) {
	testtool.Command(t, "bash", "tools-debian")
	a := newAdopter(t, map[string]string{"main.go": "package main\n\nfunc main() {}\n"})
	if out := a.run("go", "build", "./..."); out != "" {
		t.Errorf("go build: %s", out)
	}
	a.write(map[string]string{"main.go": `package main

import (
	"net/http"

	"example.com/svc/out/go/codes"
)

func handle(w http.ResponseWriter, r *http.Request) {
	codes.WriteProblem(w, r, codes.HTTPOK)
}

func main() { http.HandleFunc("/", handle) }
`})
	line := strings.TrimSpace(readmeBlock(t, "vet-line"))
	out, err := a.output("bash", "-c", line)
	if err == nil || !strings.Contains(out, "main.go:10:27: codes.HTTPOK has HTTP status 200, not an error") {
		t.Errorf("%s: %v, want the finding at main.go:10:27\n%s", line, err, out)
	}
}
