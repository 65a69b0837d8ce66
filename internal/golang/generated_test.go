package golang

// These tests do not trust the golden files: they build the generated
// package, vet and staticcheck it, and run a test program against it
// (testdata/consumer) that checks every method of every code against
// expectations this file derives from the catalog model, independently of
// the emitter.

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/testtool"
)

var consumerBench = flag.String("consumer.bench", "", "run the consumer's benchmarks matching this pattern with -benchmem and log the results (see BENCH.md)")

// module is a temporary Go module holding the generated package under
// codes/, built once and shared by the tests of this file.
type module struct {
	dir string
	err error
}

var (
	modOnce sync.Once
	mod     module
)

// consumerModule writes the fixture's package, the consumer test program,
// its fixtures and the expectations into a temporary module.
func consumerModule(t *testing.T) string {
	t.Helper()
	modOnce.Do(func() {
		dir, err := os.MkdirTemp("", "errgen-golang-")
		if err != nil {
			mod.err = err
			return
		}
		mod.dir = dir
		c, err := catalog.Load(filepath.Join("testdata", "catalog.yaml"))
		if err != nil {
			mod.err = err
			return
		}
		files, err := emitted()
		if err != nil {
			mod.err = err
			return
		}
		mod.err = writeModule(dir, c, files)
	})
	if mod.err != nil {
		t.Fatal(mod.err)
	}
	return mod.dir
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if mod.dir != "" {
		os.RemoveAll(mod.dir)
	}
	os.Exit(code)
}

func writeModule(dir string, c *catalog.Catalog, files []output.File) error {
	write := func(rel string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	if err := write("go.mod", []byte("module example.com/consumer\n\ngo 1.26\n")); err != nil {
		return err
	}
	for _, f := range files {
		rel, ok := strings.CutPrefix(f.Path, c.Output.Target(Target.Name).Dir+"/")
		if !ok {
			return os.ErrInvalid
		}
		if err := write("codes/"+rel, f.Data); err != nil {
			return err
		}
	}
	// The consumer program: *.go.txt files, so that this module's go
	// tool never compiles them in place, and JSON fixtures.
	err := filepath.WalkDir(filepath.Join("testdata", "consumer"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join("testdata", "consumer"), p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return write(strings.TrimSuffix(filepath.ToSlash(rel), ".txt"), data)
	})
	if err != nil {
		return err
	}
	exp, err := json.MarshalIndent(expectations(c), "", "  ")
	if err != nil {
		return err
	}
	return write("codes/testdata/expect.json", exp)
}

// goCmd runs the go tool in the module, offline and with this toolchain.
func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestGenerated builds, vets and tests the generated package with the
// consumer program; the subtests share one module and one build cache.
func TestGenerated(t *testing.T) {
	dir := consumerModule(t)

	t.Run("vet", func(t *testing.T) {
		if out, err := goCmd(t, dir, "vet", "./codes", "./deprecated"); err != nil {
			t.Fatalf("go vet: %v\n%s", err, out)
		}
	})

	t.Run("consumer", func(t *testing.T) {
		// -benchtime=1x runs each benchmark once: they must work, not
		// measure (see -consumer.bench).
		out, err := goCmd(t, dir, "test", "-count=1", "-bench=.", "-benchtime=1x", "./codes")
		if err != nil {
			t.Fatalf("go test of the consumer program: %v\n%s", err, out)
		}
	})

	t.Run("missing argument", func(t *testing.T) {
		// A constructor's arguments are compile-time obligations: leaving
		// one out, or passing Retry-After to a code whose status does not
		// list it, does not build.
		out, err := goCmd(t, dir, "build", "./mustfail/...")
		if err == nil {
			t.Fatal("the mustfail package built")
		}
		for _, want := range []string{
			`not enough arguments in call to codes.NewFileSizeLimitExceeded`,
			`not enough arguments in call to codes.NewHTTPUnauthorized`,
			`not enough arguments in call to codes.NewTooManyRequests`,
			`too many arguments in call to codes.NewParamsBindingError`,
			`cannot use "8" (untyped string constant) as int value in argument to codes.NewResponseRoomFull`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("go build of mustfail does not say %q:\n%s", want, out)
			}
		}
	})

	if *consumerBench != "" {
		t.Run("bench", func(t *testing.T) {
			out, err := goCmd(t, dir, "test", "-run=^$", "-bench="+*consumerBench, "-benchmem", "-count=1", "./codes")
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			t.Log("\n" + out)
		})
	}
}

// TestStaticcheck runs the pinned staticcheck on the generated package,
// which must be clean, and on a package that uses deprecated codes, where
// it must report SA1019 exactly there.
func TestStaticcheck(t *testing.T) {
	staticcheck := testtool.GoBin(t, "staticcheck")
	dir := consumerModule(t)
	run := func(args ...string) (string, error) {
		cmd := exec.Command(staticcheck, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("./codes"); err != nil {
		t.Fatalf("staticcheck on the generated package: %v\n%s", err, out)
	}

	out, _ := run("-checks", "all", "./deprecated")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		// deprecated/use.go:11:2: example.com/consumer/codes.InternalServerError1004 is deprecated: … (SA1019)
		got = append(got, regexp.MustCompile(`^.*?(use\.go:\d+):\d+: (.*)$`).ReplaceAllString(line, "$1: $2"))
	}
	want := []string{
		"use.go:11: example.com/consumer/codes.InternalServerError1004 is deprecated: use InternalServerError instead. 1003으로 통합되었습니다.  (SA1019)",
		"use.go:12: example.com/consumer/codes.ResponseUnknown is deprecated: do not use it in new code.  (SA1019)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("staticcheck on the deprecated package:\n got %q\nwant %q", got, want)
	}
}

// The expectations the consumer program checks, derived from the catalog
// with the catalog's own functions (DocsURL, ObligedHeaders, Plain), never
// from the emitter's output.
type expect struct {
	Languages []string      `json:"languages"`
	Default   string        `json:"default"`
	Tables    []expectTable `json:"tables"`
}

type expectTable struct {
	Type  string       `json:"type"`
	Codes []expectCode `json:"codes"`
	// Wire maps each wire name to the number ParseName returns for it.
	Wire map[string]int `json:"wire"`
}

type expectCode struct {
	Number     int               `json:"number"`
	Name       string            `json:"name"`
	Wire       string            `json:"wire"`
	Status     int               `json:"status"`
	Retryable  bool              `json:"retryable"`
	Deprecated bool              `json:"deprecated"`
	Messages   map[string]string `json:"messages"` // as Message returns them
	Filled     map[string]string `json:"filled"`   // placeholders filled with their examples
	Docs       map[string]string `json:"docs"`
	Titles     map[string]string `json:"titles"`
	Type       string            `json:"type"` // the problem type URI
	// Must lists the headers a problem with the status must carry that the
	// service has no one value for; Static those it has, with the value.
	Must   []string          `json:"must"`
	Static map[string]string `json:"static"`
}

func expectations(c *catalog.Catalog) expect {
	e := expect{Default: c.Default}
	for _, l := range c.Languages {
		e.Languages = append(e.Languages, l.Tag)
	}
	for _, t := range c.Tables {
		et := expectTable{Type: t.TypeName, Wire: map[string]int{}}
		for _, code := range t.Codes {
			ec := expectCode{
				Number:     code.Number,
				Name:       code.QualifiedName(),
				Wire:       code.Wire,
				Status:     code.Status,
				Retryable:  code.Retryable,
				Deprecated: code.Deprecated != nil,
				Messages:   map[string]string{},
				Filled:     map[string]string{},
				Docs:       map[string]string{},
				Titles:     map[string]string{},
				Type:       c.ProblemType(code),
				Static:     map[string]string{},
			}
			for _, l := range e.Languages {
				ec.Messages[l] = code.Message.Plain(l, func(p string) string { return "{" + p + "}" })
				ec.Filled[l] = code.Message.Plain(l, func(p string) string {
					for _, prm := range code.Params {
						if prm.Name == p {
							return prm.Example
						}
					}
					return "?"
				})
				ec.Docs[l] = c.DocsURL(code, l)
				ec.Titles[l] = code.Title.Get(l)
			}
			for _, h := range c.ObligedHeaders(code) {
				switch {
				case code.Status < 400 || !h.Duty():
				case h.Static != "":
					ec.Static[h.Name] = h.Static
				default:
					ec.Must = append(ec.Must, h.Name)
				}
			}
			et.Codes = append(et.Codes, ec)
			// The lowest-numbered code not deprecated, else the lowest.
			if prev, ok := et.Wire[code.Wire]; !ok || (t.Lookup(prev).Deprecated != nil && code.Deprecated == nil) {
				et.Wire[code.Wire] = code.Number
			}
		}
		e.Tables = append(e.Tables, et)
	}
	return e
}
