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
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/testtool"
)

// TypeScript renders c with the OpenAPI target, runs the pinned openapi-typescript
// on the YAML document and returns the TypeScript it writes.
func TypeScript(t testing.TB, c *catalog.Catalog) string {
	t.Helper()
	files, err := openapi.Target.EmitFor(c)
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
	out := filepath.Join(dir, "errors.d.ts")
	testtool.Run(t, dir, testtool.NodeBin(t, "openapi-typescript"), in, "-o", out)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
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
