// Package openapitest runs the pinned openapi-typescript on the OpenAPI
// target's output, so tests of other targets can compare their own types
// with what an API client generated from the spec would see.
//
// The TypeScript target's test uses it like this, so the two targets
// cannot drift:
//
//	want := openapitest.CodeUnions(t, c) // "ErrorCode" → [1001 1002 …]
//	// compare with the members of the generated ErrorCode union/enum
package openapitest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/testtool"
)

// TypeScript renders c with the OpenAPI target, runs the pinned openapi-typescript
// on the YAML document and returns the TypeScript it writes.
func TypeScript(t testing.TB, c *catalog.Catalog) string {
	t.Helper()
	ts, _ := typeScript(t, c, "", false)
	return ts
}

// typeScript renders c with the OpenAPI target, in spec_version version
// where it is not "", runs the pinned openapi-typescript on the YAML
// document (with --enum where enum is set) and returns what it writes and
// the file it wrote it to.
func typeScript(t testing.TB, c *catalog.Catalog, version string, enum bool) (ts, file string) {
	t.Helper()
	o := testtool.Options(t, c, openapi.Target.Name, openapi.ReadOptions)
	if version != "" {
		o.SpecVersion = version
	}
	files, err := openapi.Emit(c, o)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, openapi.YAMLName)
	for _, f := range files {
		if filepath.Base(f.Path) == openapi.YAMLName {
			if err := os.WriteFile(in, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := filepath.Join(dir, "errors.ts")
	args := []string{in, "-o", out}
	if enum {
		args = append(args, "--enum")
	}
	testtool.Run(t, dir, testtool.NodeBin(t, "openapi-typescript"), args...)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data), out
}

// dumpEnums prints, as JSON, every enum object of the compiled module
// named by argv[2] (name → member → number), as Node evaluates it.
const dumpEnums = `const m = await import(process.argv[2]);
const out = {};
for (const [name, value] of Object.entries(m)) {
  if (value === null || typeof value !== "object") continue;
  out[name] = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "number") out[name][k] = v;
  }
}
process.stdout.write(JSON.stringify(out));
`

// Enums renders c in the given spec_version, runs the pinned
// openapi-typescript with --enum, compiles what it writes with the pinned
// tsc under --strict (any error fails the test: a catalog's text must not
// leak out of a string or a comment) and returns each enum as Node
// evaluates the compiled module: enum name → member name → number.
func Enums(t testing.TB, c *catalog.Catalog, version string) map[string]map[string]int {
	t.Helper()
	_, file := typeScript(t, c, version, true)
	dir := filepath.Dir(file)
	testtool.Run(t, dir, testtool.NodeBin(t, "tsc"), "--strict", "--target", "es2022", "--module", "es2022",
		"--noEmitOnError", "--outDir", filepath.Join(dir, "js"), file)
	js := filepath.Join(dir, "js", strings.TrimSuffix(filepath.Base(file), ".ts")+".mjs")
	if err := os.Rename(strings.TrimSuffix(js, ".mjs")+".js", js); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "dump.mjs")
	if err := os.WriteFile(script, []byte(dumpEnums), 0o644); err != nil {
		t.Fatal(err)
	}
	var enums map[string]map[string]int
	if err := json.Unmarshal([]byte(testtool.Run(t, dir, testtool.Node(t), script, js)), &enums); err != nil {
		t.Fatal(err)
	}
	return enums
}

// CodeUnions returns, for each table of c (keyed by its TypeName), the
// numbers of the union type openapi-typescript generates for its enum
// schema, in the order it lists them.
func CodeUnions(t testing.TB, c *catalog.Catalog) map[string][]int {
	t.Helper()
	unions := Unions(TypeScript(t, c))
	got := map[string][]int{}
	for _, table := range c.Tables {
		members, ok := unions[table.TypeName]
		if !ok {
			t.Fatalf("openapi-typescript wrote no union for schema %s", table.TypeName)
		}
		for _, m := range members {
			n, err := strconv.Atoi(m)
			if err != nil {
				t.Fatalf("schema %s: union member %s is not a number", table.TypeName, m)
			}
			got[table.TypeName] = append(got[table.TypeName], n)
		}
	}
	return got
}

var (
	unionLine = regexp.MustCompile(`(?m)^\s*([A-Za-z_$][\w$]*): ((?:-?\d+|"[^"\\]*")(?: \| (?:-?\d+|"[^"\\]*"))*);$`)
	member    = regexp.MustCompile(`-?\d+|"[^"\\]*"`)
)

// Unions finds every property of openapi-typescript output whose type is
// a union of literals (`ErrorCode: 1001 | 1002;`, `ErrorCodeName: "A" |
// "B";`) and returns its members as written: numbers as digits, strings
// with their quotes. Names must be unique in the document; in errgen's
// they are, since only the enum schemas have literal unions.
func Unions(ts string) map[string][]string {
	out := map[string][]string{}
	for _, m := range unionLine.FindAllStringSubmatch(ts, -1) {
		out[m[1]] = member.FindAllString(m[2], -1)
	}
	return out
}
