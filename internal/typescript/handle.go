package typescript

import (
	"github.com/errgen/errgen/internal/catalog"
)

// handle is the TypeScript target's catalog.Target.Handle: how a client
// recognises a code in a problem it received. The names are the package's
// own (newTable), so the docs cannot show one the package lacks; the
// snippet test in internal/render compiles them with tsc.
func handle(c *catalog.Catalog, tc *catalog.TargetConfig) (func(*catalog.Code) *catalog.Snippet, error) {
	o, err := ReadOptions(tc)
	if err != nil {
		return nil, err
	}
	snippets := map[*catalog.Code]*catalog.Snippet{}
	for _, t := range c.Tables {
		x := newTable(t)
		for _, code := range t.Codes {
			if !code.IsProblem() {
				continue
			}
			src := "import { " + x.Type + ", " + x.IsProblem + ", parseProblem } from \"" + o.PackageName + "\";\n\n" +
				"const problem = parseProblem(await response.json());\n" +
				"if (problem !== undefined && " + x.IsProblem + "(problem) && problem.code === " + x.Type + "." + code.ID + ") {\n" +
				"  // …\n}"
			snippets[code] = &catalog.Snippet{Name: "TypeScript", Lang: "ts", Source: src}
		}
	}
	return func(code *catalog.Code) *catalog.Snippet { return snippets[code] }, nil
}
