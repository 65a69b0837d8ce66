package render_test

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/openapi/openapitest"
	"github.com/errgen/errgen/internal/testtool"
)

const enumValues = `import * as codes from "./out/typescript/index.js";
const out = {};
for (const name of process.argv.slice(2)) {
  out[name] = Object.fromEntries(Object.entries(codes[name]).filter(([, v]) => typeof v === "number"));
}
process.stdout.write(JSON.stringify(out));
`

// TestTypeScriptMatchesOpenAPI generates the real catalog, then compares
// the members of each TypeScript enum (as Node loads the package) with the
// code union openapi-typescript derives from the OpenAPI output: a client
// typed from the spec and one using the package must agree on every code.
func TestTypeScriptMatchesOpenAPI(t *testing.T) {
	c, dir := generate(t, "../../codes.yaml")
	mustWrite(t, dir+"/values.mjs", enumValues)
	args := []string{"values.mjs"}
	for _, table := range c.Tables {
		args = append(args, table.TypeName)
	}
	var fromTS map[string]map[string]int
	if err := json.Unmarshal([]byte(testtool.Run(t, dir, testtool.Node(t), args...)), &fromTS); err != nil {
		t.Fatal(err)
	}
	fromSpec := openapitest.CodeUnions(t, c)
	for _, table := range c.Tables {
		spec := slices.Clone(fromSpec[table.TypeName])
		slices.Sort(spec)
		ts := slices.Sorted(maps.Values(fromTS[table.TypeName]))
		if len(spec) != len(table.Codes) || !slices.Equal(spec, ts) {
			t.Errorf("%s:\n openapi-typescript %v\n TypeScript target  %v", table.TypeName, spec, ts)
		}
	}
	// openapi-typescript --enum names each member by x-enum-varnames: in
	// every spec version, its enums are the TypeScript target's, member
	// for member.
	for _, v := range []string{openapi.Version30, openapi.Version31} {
		enums := openapitest.Enums(t, c, v)
		for _, table := range c.Tables {
			if !maps.Equal(enums[table.TypeName], fromTS[table.TypeName]) {
				t.Errorf("%s %s:\n openapi-typescript --enum %v\n TypeScript target       %v", v, table.TypeName, enums[table.TypeName], fromTS[table.TypeName])
			}
		}
	}
}
