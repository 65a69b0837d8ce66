package golang

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/testtool"
)

// hostile are texts that must reach the Go source safely: quotes and
// escapes for literals, and for doc comments everything gofmt's comment
// syntax could read as a heading, a list, a code block, a link definition
// or a deprecation.
var hostile = []string{
	`He said "hi" \ and \\ too`,
	"`backticks` */ /* // <!-- --> </script>",
	"# Heading-like",
	"[link]: https://example.com/x",
	"1. numbered",
	"  - a bullet",
	"tab\there and\ttab",
	"Deprecated: not really",
	"emoji 😀 and a family 👨\u200d👩\u200d👧 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
	"soft\u00adhyphen and no-break\u00a0space",
	"{{literal}} braces}} and {{",
	"줄바꿈\n다음 줄",
	strings.Repeat("long ", 60) + "end",
	"日本語とカタカナ、ひらがな。",
	"${x} %s %v %!",
}

// noBraces is s without braces, which a title cannot hold.
func noBraces(s string) string { return strings.NewReplacer("{", "", "}", "").Replace(s) }

// synthetic returns the fixture's YAML with n more error codes appended,
// with hostile texts, placeholders and deprecations, spread so that the
// table stays sparse.
func synthetic(t testing.TB, n int) []byte {
	t.Helper()
	base, err := os.ReadFile(filepath.Join("testdata", "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(base)
	q := strconv.Quote
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for i := range n {
		h := hostile[i%len(hostile)]
		id := fmt.Sprintf("Gen%d", i)
		fmt.Fprintf(&b, "    - code: %d\n      id: %s\n      status: %d\n", 10000+i*7, id, []int{400, 401, 404, 413, 429, 500, 503}[i%7])
		title := fmt.Sprintf("      title: {en: %s, ko: %s, ja: %s}\n", q("Title "+noBraces(h)), q("제목 "+noBraces(h)), q("題名 "+noBraces(h)))
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "      message: {en: %s, ko: %s, ja: %s}\n", q(h), q("한국어 "+h), q("日本語 "+h))
			b.WriteString(title)
		case 1:
			fmt.Fprintf(&b, "      message: {en: %s, ko: %s, ja: %s}\n", q(h+" {count} of {name}"), q("{name}의 {count} "+h), q("{count}件 {name} "+h))
			b.WriteString(title)
			fmt.Fprintf(&b, "      params:\n        - {name: count, type: int, example: %d}\n        - {name: name, type: string, example: %s}\n", rng.IntN(100), q(h))
		case 2:
			fmt.Fprintf(&b, "      message: {en: %s, ko: %s, ja: %s}\n", q("plain "+strconv.Itoa(i)), q("평범 "+strconv.Itoa(i)), q("普通 "+strconv.Itoa(i)))
			fmt.Fprintf(&b, "      description: {en: %s, ko: %s, ja: %s}\n", q(h+"\nsecond line"), q(h), q(h))
			fmt.Fprintf(&b, "      reference: %s\n", q(h))
		}
		if i%5 == 4 {
			fmt.Fprintf(&b, "      deprecated:\n        replacement: Gen%d\n        reason: {en: %s, ko: %s, ja: %s}\n", i-1, q(h), q(h), q(h))
		}
		if i%4 == 1 {
			b.WriteString("      retryable: true\n")
		}
	}
	return b.Bytes()
}

func parseCatalog(t testing.TB, name string, data []byte) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// edgeCatalog has what the others lack: one language, no http table (so
// no 500 to fall back on), an empty table, code 0 and a prefixed error
// table.
const edgeCatalog = `version: 1
languages: [{tag: en, name: English}]
default_language: en
docs: {base_url: https://docs.example.com/codes}
output: {dir: out, go: {dir: out/go/errs, package: errs}}
response:
  type: ResponseCode
  prefix: ""
  title: {en: Responses}
  range: [0, 9]
  codes: []
error:
  type: ErrorCode
  prefix: Err
  title: {en: Errors}
  range: [0, 9]
  codes:
    - {code: 0, id: Zero, status: 500, message: {en: zero}}
    - {code: 9, id: Nine, status: 503, retryable: true, message: {en: "nine {n}"}, title: {en: nine}, params: [{name: n, type: int, example: 9}]}
`

// catalogs are every catalog the tests render: the fixture, the project's
// own codes.yaml and test catalogs, a synthetic one and edge cases.
func catalogs(t *testing.T) map[string]*catalog.Catalog {
	t.Helper()
	root := testtool.Root(t)
	cs := map[string]*catalog.Catalog{
		"fixture":   fixture(t),
		"synthetic": parseCatalog(t, "synthetic.yaml", synthetic(t, 300)),
		"edge":      parseCatalog(t, "edge.yaml", []byte(edgeCatalog)),
	}
	for name, rel := range map[string]string{
		"seed":    "codes.yaml",
		"hostile": "testdata/catalogs/hostile.yaml",
		"small":   "testdata/catalogs/small.yaml",
	} {
		c, err := catalog.Load(filepath.Join(root, rel))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		cs[name] = c
	}
	return cs
}

// TestFiles checks every file of every catalog's package: errgen's
// one-line header, which go/ast.IsGenerated recognises; source exactly as
// gofmt formats it (the per-code parts are written without go/format, see
// bulk.go); and imports from the standard library only.
func TestFiles(t *testing.T) {
	for name, c := range catalogs(t) {
		t.Run(name, func(t *testing.T) {
			files, err := Target.EmitFor(c)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if !strings.HasPrefix(f.Path, options(t, c).Dir+"/") || !strings.HasSuffix(f.Path, ".go") {
					t.Errorf("%s is not a .go file in %s", f.Path, options(t, c).Dir)
				}
				if first, _, _ := strings.Cut(string(f.Data), "\n"); first != "// "+output.Marker {
					t.Errorf("%s starts %q", f.Path, first)
				}
				if !output.IsGenerated(f.Data) {
					t.Errorf("%s: output.IsGenerated is false", f.Path)
				}
				af, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, parser.ParseComments)
				if err != nil {
					t.Errorf("%s does not parse: %v", f.Path, err)
					continue
				}
				if !ast.IsGenerated(af) {
					t.Errorf("%s: go/ast.IsGenerated is false", f.Path)
				}
				if af.Name.Name != options(t, c).Package {
					t.Errorf("%s is package %s", f.Path, af.Name.Name)
				}
				for _, imp := range af.Imports {
					p, _ := strconv.Unquote(imp.Path.Value)
					if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
						t.Errorf("%s imports %s, outside the standard library", f.Path, p)
					}
				}
				formatted, err := format.Source(f.Data)
				if err != nil {
					t.Errorf("%s: %v", f.Path, err)
				} else if !bytes.Equal(formatted, f.Data) {
					t.Errorf("%s is not gofmt-clean:\n%s", f.Path, testtool.Diff(string(formatted), string(f.Data)))
				}
				if !utf8.Valid(f.Data) {
					t.Errorf("%s is not UTF-8", f.Path)
				}
			}
		})
	}
}

// TestCompiles builds and vets the package of every catalog, in one
// module.
func TestCompiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/all\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, c := range catalogs(t) {
		files, err := Target.EmitFor(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range files {
			p := filepath.Join(dir, name, pathBase(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if out, err := goCmd(t, dir, "vet", "./..."); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

func pathBase(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// TestDeterministic renders the synthetic catalog repeatedly, with one and
// with several threads: the bytes never change.
func TestDeterministic(t *testing.T) {
	c := parseCatalog(t, "synthetic.yaml", synthetic(t, 200))
	first, err := Target.EmitFor(c)
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for i := range 20 {
		runtime.GOMAXPROCS(1 + i%4)
		again, err := Target.EmitFor(c)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(first, again, func(a, b output.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
			t.Fatalf("run %d differs", i)
		}
	}
}

// collisionBase is a minimal catalog the collision cases add codes to, so
// that the positions they expect stay put.
const collisionBase = `version: 1
languages: [{tag: en, name: English}]
default_language: en
docs: {base_url: https://docs.example.com/codes}
output: {dir: out, go: {dir: out/go/codes, package: codes}}
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: HTTP}
  range: [-6, 599]
  codes:
    - {code: 400, id: BadRequest, message: {en: Bad Request}}
error:
  type: ErrorCode
  prefix: ""
  title: {en: Errors}
  range: [1000, 9999]
  codes:
    - code: 1001
      id: Bad
      status: 400
      message: {en: "bad {x}"}
      title: {en: bad}
      params: [{name: x, example: y}]
`

// TestCollisions checks that a code whose Go name another declaration
// takes fails the emitter, every collision reported with its position.
func TestCollisions(t *testing.T) {
	for _, c := range []struct {
		name, add string
		want      []string
	}{
		{"support declaration", "    - {code: 1002, id: Problem, status: 400, message: {en: x}}\n",
			[]string{"c.yaml:25:14: Go: the constant of error code 1002 is named Problem, which the generated package already declares; choose another id"}},
		{"constructor", "    - {code: 1002, id: NewBad, status: 400, message: {en: x}}\n",
			[]string{"c.yaml:19:13: Go: the constructor of Bad is named NewBad, as is the constant of error code 1002 (c.yaml:25:14); choose another id"}},
		{"table function", "    - {code: 1002, id: ParseHTTPCode, status: 400, message: {en: x}}\n    - {code: 1003, id: MatchLanguage, status: 400, message: {en: x}}\n",
			[]string{
				"c.yaml:25:14: Go: the constant of error code 1002 is named ParseHTTPCode, as is the Parse function of the http table (c.yaml:7:3); choose another id",
				"c.yaml:26:14: Go: the constant of error code 1003 is named MatchLanguage, which the generated package already declares; choose another id",
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat := parseCatalog(t, "c.yaml", []byte(collisionBase+c.add))
			_, err := Target.EmitFor(cat)
			if err == nil {
				t.Fatal("Emit succeeded")
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, c.want) {
				t.Errorf("Emit error:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	if _, err := Target.EmitFor(parseCatalog(t, "c.yaml", []byte(collisionBase))); err != nil {
		t.Errorf("the base catalog: %v", err)
	}
}

func TestBadPackageName(t *testing.T) {
	if _, err := Emit(fixture(t), Options{Dir: "out/go/x", Package: "go-codes"}); err == nil || !strings.Contains(err.Error(), `package name "go-codes"`) {
		t.Errorf("Emit with a bad package name: %v", err)
	}
}

func TestParamNames(t *testing.T) {
	taken := func(s string) bool { return s == "itoa" || s == "fill" }
	got := paramNames([]string{"type", "string", "itoa", "Type", "url", "URL", "_", "len"}, taken)
	want := []string{"type_", "string_", "itoa_", "type__", "url", "url_", "arg", "len_"}
	if !slices.Equal(got, want) {
		t.Errorf("paramNames = %q, want %q", got, want)
	}
}

func BenchmarkEmit(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		c := parseCatalog(b, "synthetic.yaml", synthetic(b, n))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Target.EmitFor(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
