package render_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/typescript"
)

// fuzzCatalog places fuzzed text in every text slot of a small catalog.
// JSON string syntax is valid YAML double-quoted syntax, so any string
// reaches the loader intact (invalid UTF-8 aside, which the loader tests
// cover).
func fuzzCatalog(en, ko, desc, example string) []byte {
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	// A title holds no braces; the messages keep the fuzzed text.
	t := func(s string) string { return "T " + strings.NewReplacer("{", "", "}", "").Replace(s) }
	return fmt.Appendf(nil, `version: 1
languages:
  - {tag: en, name: English}
  - {tag: ko, name: %s}
default_language: en
docs:
  base_url: https://docs.example.com/codes
output:
  dir: out
  go: {dir: out/go/codes, package: codes}
  typescript: {dir: out/typescript, package: "@fuzz/codes", version: 1.0.0}
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: %s, ko: %s}
  range: [-6, 599]
  codes:
    - code: 400
      id: BadRequest
      message: {en: %s, ko: %s}
      title: {en: %s, ko: %s}
      description: {en: %s, ko: %s}
error:
  type: ErrorCode
  title: {en: %s, ko: %s}
  range: [1000, 1999]
  codes:
    - code: 1001
      id: Fuzzed
      status: 400
      message: {en: %s, ko: %s}
      title: {en: %s, ko: %s}
      description: {en: %s, ko: %s}
      params:
        - {name: p, type: string, example: %s}
    - code: 1002
      id: Plain
      status: 400
      message: {en: %s, ko: %s}
      title: {en: %s, ko: %s}
      deprecated: {replacement: Fuzzed, reason: {en: %s, ko: %s}}
`, q(ko), q(desc), q(ko), q(en), q(ko), q(t(en)), q(t(ko)), q(desc), q(desc), q(en), q(ko),
		q(en+" {p}"), q("{p} "+ko), q(t(en)), q(t(ko)), q(desc), q(desc), q(example), q(en), q(ko), q(t(en)), q(t(ko)), q(desc), q(desc))
}

var (
	stdImporter     types.Importer
	stdImporterOnce sync.Once
)

// typeCheckGo parses and type-checks a generated Go package in-process.
func typeCheckGo(t *testing.T, files []output.File) {
	t.Helper()
	stdImporterOnce.Do(func() { stdImporter = importer.Default() })
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments)
		if err != nil {
			t.Fatalf("generated Go does not parse: %v", err)
		}
		if !ast.IsGenerated(file) {
			t.Fatalf("%s lacks the generated-code header", f.Path)
		}
		parsed = append(parsed, file)
	}
	conf := types.Config{Importer: stdImporter}
	if _, err := conf.Check("codes", fset, parsed, nil); err != nil {
		t.Fatalf("generated Go does not type-check: %v", err)
	}
}

// FuzzEmit: whatever text the loader accepts, the Go target yields a
// package that type-checks and the TypeScript target emits without error.
// TestFuzzCorpusTypeChecks runs the corpus through the real tsc.
func FuzzEmit(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	f.Fuzz(func(t *testing.T, en, ko, desc, example string) {
		c, err := catalog.Parse("codes.yaml", fuzzCatalog(en, ko, desc, example))
		if err != nil {
			return // rejected with a position: the loader tests cover that
		}
		goFiles, err := golang.Target.EmitFor(c)
		if err != nil {
			t.Fatalf("Go target failed on an accepted catalog: %v", err)
		}
		typeCheckGo(t, goFiles)
		if _, err := typescript.Target.EmitFor(c); err != nil {
			t.Fatalf("TypeScript target failed on an accepted catalog: %v", err)
		}
	})
}

var fuzzSeeds = [][4]string{
	{"plain", "평문", "desc", "15MB"},
	{`"quoted" \ back\slash`, "`백틱` */", "*/ /* // <!-- -->", `"`},
	{"${{x}} {{{{y}}}}", "</script><script>", "| pipe || `tick`", "</script>"},
	{"line\nbreak\r\nCR\rend", "널\x00문자\x07", "\x1b[31mred", "\x00"},
	{"emoji 🚀 👨‍👩‍👧", "🇰🇷", "\u2028\u2029 separators", "\u2028"},
	{"package main; func init() {{ }}", "%v %s %!", "\\u0041 \\x41", "%d"},
}

// TestFuzzCorpusTypeChecks runs the seeds and the committed corpus of
// FuzzEmit through tsc 7 under strict settings, in one compile.
func TestFuzzCorpusTypeChecks(t *testing.T) {
	inputs := append([][4]string{}, fuzzSeeds...)
	corpus, _ := filepath.Glob("testdata/fuzz/FuzzEmit/*")
	for _, path := range corpus {
		args, err := readCorpusFile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		inputs = append(inputs, args)
	}
	root := t.TempDir()
	var consumers []string
	for i, in := range inputs {
		c, err := catalog.Parse("codes.yaml", fuzzCatalog(in[0], in[1], in[2], in[3]))
		if err != nil {
			continue
		}
		files, err := render.Render(c, render.Targets)
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		dir := filepath.Join(root, strconv.Itoa(i))
		testtool.WriteFiles(t, dir, c.Output.Dir, files)
		name := strconv.Itoa(i) + "/consumer.ts"
		mustWrite(t, filepath.Join(root, name), `import { ErrorCode, errorCodeMessages, formatErrorCode } from "./out/typescript/index.js";
export const m: string = errorCodeMessages.ko[ErrorCode.Plain] + formatErrorCode(ErrorCode.Fuzzed, { p: "x" });
`)
		consumers = append(consumers, name)
	}
	if len(consumers) < len(fuzzSeeds) {
		t.Fatalf("only %d of the %d seeds were accepted", len(consumers), len(fuzzSeeds))
	}
	cfg, _ := json.Marshal(map[string]any{
		"compilerOptions": map[string]any{"strict": true, "noEmit": true, "module": "nodenext", "moduleResolution": "nodenext",
			"target": "es2022", "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "isolatedModules": true},
		"files": consumers,
	})
	mustWrite(t, filepath.Join(root, "tsconfig.json"), string(cfg))
	mustWrite(t, filepath.Join(root, "package.json"), `{"type": "module"}`)
	testtool.Run(t, root, testtool.TSC(t)["7"], "-p", ".")
}

// readCorpusFile reads a `go test fuzz v1` file of four strings.
func readCorpusFile(path string) ([4]string, error) {
	var args [4]string
	data, err := os.ReadFile(path)
	if err != nil {
		return args, err
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 5 || lines[0] != "go test fuzz v1" {
		return args, fmt.Errorf("not a four-string corpus file")
	}
	for i, line := range lines[1:] {
		s, ok := strings.CutPrefix(line, "string(")
		if !ok || !strings.HasSuffix(s, ")") {
			return args, fmt.Errorf("line %d is not a string", i+2)
		}
		if args[i], err = strconv.Unquote(strings.TrimSuffix(s, ")")); err != nil {
			return args, err
		}
	}
	return args, nil
}
