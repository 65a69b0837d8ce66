package main

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
)

// project copies the small fixture catalog into a fresh folder as
// codes.yaml and returns the folder.
func project(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/catalogs/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "codes.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func runIn(t *testing.T, e *env, dir string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e.stdout, e.stderr = &out, &errOut
	if e.targets == nil {
		e.targets = render.Targets
	}
	t.Chdir(dir)
	code := runEnv(e, args)
	return result{code, out.String(), errOut.String()}
}

func errgen(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runIn(t, &env{}, dir, args...)
}

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return m
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGenerateCheckAndStale(t *testing.T) {
	dir := project(t)
	if r := errgen(t, dir, "generate"); r.code != 0 {
		t.Fatalf("generate: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := errgen(t, dir, "check"); r.code != 0 {
		t.Fatalf("check after generate: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before := snapshot(t, dir)
	if r := errgen(t, dir, "generate", "-v"); r.code != 0 || !strings.Contains(r.stdout, "0 changed") {
		t.Errorf("second generate should change nothing: %s", r.stdout)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("second generate changed files")
	}

	edit(t, filepath.Join(dir, "codes.yaml"), "The channel does not exist.", "No such channel.")
	r := errgen(t, dir, "check")
	if r.code != 1 {
		t.Fatalf("check after an edit: exit %d, want 1", r.code)
	}
	for _, want := range []string{"out/go/codes/", "out/typescript/", "out/openapi/", "out/docs/en/error/2003.md: stale", "+", "No such channel."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check output does not mention %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "run `errgen generate`") {
		t.Errorf("check should say what to do: %s", r.stderr)
	}
}

func TestBrokenCatalogWritesNothing(t *testing.T) {
	dir := project(t)
	errgen(t, dir, "generate")
	before := snapshot(t, dir)
	edit(t, filepath.Join(dir, "codes.yaml"), "id: ChannelNotFound", "id: channel-not-found")
	edit(t, filepath.Join(dir, "codes.yaml"), "status: 404\n      message: {en: No room", "status: 999\n      message: {en: No room")
	r := errgen(t, dir, "generate")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "codes.yaml:") || !strings.HasPrefix(lines[1], "codes.yaml:") ||
		lines[2] != "errgen: 2 problem(s) in codes.yaml" || lines[3] != "errgen: nothing was written" {
		t.Errorf("want both problems with positions, then a summary:\n%s", r.stderr)
	}
	after := snapshot(t, dir)
	delete(before, "codes.yaml")
	delete(after, "codes.yaml")
	if !maps.Equal(before, after) {
		t.Error("a failed generate changed out/")
	}

	r = errgen(t, dir, "lint", "-format", "github")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "::error file=codes.yaml,line=") {
		t.Errorf("github format: %d %s", r.code, r.stderr)
	}
}

// TestFailureInSecondTargetLeavesOutAsItWas makes the second target fail
// after the first has rendered: nothing may reach the disk.
func TestFailureInSecondTargetLeavesOutAsItWas(t *testing.T) {
	dir := project(t)
	errgen(t, dir, "generate")
	edit(t, filepath.Join(dir, "codes.yaml"), "The channel does not exist.", "No such channel.")
	before := snapshot(t, dir)
	failing := slices.Clone(render.Targets)
	failing[1].Emit = func(*catalog.Catalog, *catalog.TargetConfig) ([]output.File, error) { return nil, errors.New("boom") }
	failing[1].Stream = nil // render streams a target that can
	r := runIn(t, &env{targets: failing}, dir, "generate")
	if r.code != 1 || !strings.Contains(r.stderr, "boom") || !strings.Contains(r.stderr, "nothing was written") {
		t.Fatalf("want a failure naming the target: %d %s", r.code, r.stderr)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("out/ changed although a target failed")
	}
}

func TestHandWrittenFileIsRefused(t *testing.T) {
	dir := project(t)
	errgen(t, dir, "generate")
	generated, err := filepath.Glob(filepath.Join(dir, "out", "go", "codes", "*.go"))
	if err != nil || len(generated) == 0 {
		t.Fatalf("no generated Go files: %v", err)
	}
	mine := generated[0]
	if err := os.WriteFile(mine, []byte("package codes // hand-written\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	r := errgen(t, dir, "generate")
	want := "out/go/codes/" + filepath.Base(mine) + ": exists and was not generated by errgen"
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Fatalf("want a refusal naming the file: %d %s", r.code, r.stderr)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("generate touched files although it refused")
	}
}

func TestRemovedTargetRemovesOnlyItsFiles(t *testing.T) {
	dir := project(t)
	errgen(t, dir, "generate")
	notes := filepath.Join(dir, "out", "docs", "NOTES.md")
	if err := os.WriteFile(notes, []byte("hand-written"), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "codes.yaml"), "  markdown: {dir: out/docs}\n", "")
	if r := errgen(t, dir, "generate"); r.code != 0 {
		t.Fatalf("generate: %s", r.stderr)
	}
	left := snapshot(t, filepath.Join(dir, "out", "docs"))
	if len(left) != 1 || left["NOTES.md"] != "hand-written" {
		t.Errorf("out/docs should hold only the hand-written file, has %d files", len(left))
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "go")); err != nil {
		t.Errorf("other targets must stay: %v", err)
	}
}

// TestDeterministic renders the root catalog 50 times across GOMAXPROCS
// values: every run must be byte-identical.
func TestDeterministic(t *testing.T) {
	c, err := catalog.Load("../../codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	first, err := render.Render(c, render.Targets)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for i := range 50 {
		runtime.GOMAXPROCS(1 + i%4)
		c, err := catalog.Load("../../codes.yaml")
		if err != nil {
			t.Fatal(err)
		}
		files, err := render.Render(c, render.Targets)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(first) {
			t.Fatalf("run %d: %d files, first run %d", i, len(files), len(first))
		}
		for j := range files {
			if files[j].Path != first[j].Path || !bytes.Equal(files[j].Data, first[j].Data) {
				t.Fatalf("run %d: %s differs from the first run", i, files[j].Path)
			}
		}
	}
}

func TestEveryGeneratedFileCarriesTheMarker(t *testing.T) {
	c, err := catalog.Load("../../codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(c, render.Targets)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !output.IsGenerated(f.Data) {
			t.Errorf("%s has no %q header", f.Path, output.Marker)
		}
	}
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	if r := errgen(t, dir); r.code != 2 || !strings.Contains(r.stderr, "Commands:") {
		t.Errorf("no args: %d %s", r.code, r.stderr)
	}
	if r := errgen(t, dir, "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %s", r.code, r.stderr)
	}
	for _, c := range commands {
		r := errgen(t, dir, c.name, "-h")
		if r.code != 0 || !strings.Contains(r.stderr, "Usage: errgen "+c.name) {
			t.Errorf("%s -h: %d %s", c.name, r.code, r.stderr)
		}
		if c.name != "version" && !strings.Contains(r.stderr, "Examples:") {
			t.Errorf("%s -h has no examples", c.name)
		}
	}
	if r := errgen(t, dir, "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "errgen ") {
		t.Errorf("version: %q", r.stdout)
	}
	if r := errgen(t, dir, "generate", "-format", "xml"); r.code != 2 {
		t.Errorf("bad -format: %d", r.code)
	}
}

// TestGoGenerateInFreshClone copies the committed tree (as git lists it)
// to a new folder without out/, runs `go generate ./...` there, and then
// checks the result with the built errgen: out/ comes back exactly.
func TestGoGenerateInFreshClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen: skipped with -short")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	clone := t.TempDir()
	for _, p := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if strings.HasPrefix(p, "out/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, p))
		if errors.Is(err, os.ErrNotExist) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		full := filepath.Join(clone, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The real binary, run twice: the second run changes nothing, and an
	// edit of the catalog reaches out/.
	goGenerate := func() {
		t.Helper()
		gen := exec.Command("go", "generate", "./...")
		gen.Dir = clone
		if out, err := gen.CombinedOutput(); err != nil {
			t.Fatalf("go generate: %v\n%s", err, out)
		}
	}
	goGenerate()
	goGenerate()
	if r := errgen(t, clone, "check"); r.code != 0 {
		t.Fatalf("check after go generate: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	edit(t, filepath.Join(clone, "codes.yaml"), "존재하지 않는 채널입니다", "채널이 없습니다")
	r := errgen(t, clone, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "out/go/codes/") || !strings.Contains(r.stdout, ": stale") {
		t.Errorf("check after editing a message: %d\n%s", r.code, r.stdout)
	}
	goGenerate()
	if r := errgen(t, clone, "check"); r.code != 0 {
		t.Fatalf("check after editing and generating again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestEmitterErrorsArePositioned: a catalog the loader accepts but no
// emitter can render. Every problem of every target is printed at once,
// each at its place in codes.yaml, as text and as GitHub annotations.
func TestEmitterErrorsArePositioned(t *testing.T) {
	dir := project(t)
	path := filepath.Join(dir, "codes.yaml")
	edit(t, path, "  type: ResponseCode\n", "  type: Problem\n")
	edit(t, path, "    - code: 1010\n", `    - code: 1005
      id: WriteProblem
      status: 500
      message: {en: Clashes with Go, ko: 충돌}
    - code: 1010
`)
	before := snapshot(t, dir)
	text := regexp.MustCompile(`^codes\.yaml:\d+:\d+: `)
	github := regexp.MustCompile(`^::error file=codes\.yaml,line=\d+,col=\d+::`)
	for _, tc := range []struct {
		format string
		line   *regexp.Regexp
	}{{"text", text}, {"github", github}} {
		r := errgen(t, dir, "generate", "-format", tc.format)
		if r.code != 1 {
			t.Fatalf("-format %s: exit %d\n%s", tc.format, r.code, r.stderr)
		}
		var problems []string
		for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
			if strings.HasPrefix(l, "errgen: ") {
				continue // the count and "nothing was written"
			}
			if !tc.line.MatchString(l) {
				t.Errorf("-format %s: %q is not positioned", tc.format, l)
			}
			problems = append(problems, l)
		}
		all := strings.Join(problems, "\n")
		for _, want := range []string{"Go: ", "TypeScript: ", "OpenAPI: ", "WriteProblem"} {
			if !strings.Contains(all, want) {
				t.Errorf("-format %s: no problem mentions %q:\n%s", tc.format, want, all)
			}
		}
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("errgen wrote files although every target failed")
	}
}
