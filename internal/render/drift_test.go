package render_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/errgen/errgen/internal/openapi/openapitest"
	"github.com/errgen/errgen/internal/testtool"
)

const enumValues = `import * as codes from "./out/typescript/index.js";
const out = {};
for (const name of process.argv.slice(2)) {
  out[name] = Object.values(codes[name]).filter((v) => typeof v === "number").sort((a, b) => a - b);
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
	var fromTS map[string][]int
	if err := json.Unmarshal([]byte(testtool.Run(t, dir, testtool.Node(t), args...)), &fromTS); err != nil {
		t.Fatal(err)
	}
	fromSpec := openapitest.CodeUnions(t, c)
	for _, table := range c.Tables {
		spec := slices.Clone(fromSpec[table.TypeName])
		slices.Sort(spec)
		if len(spec) != len(table.Codes) || !slices.Equal(spec, fromTS[table.TypeName]) {
			t.Errorf("%s:\n openapi-typescript %v\n TypeScript target  %v", table.TypeName, spec, fromTS[table.TypeName])
		}
	}
}
