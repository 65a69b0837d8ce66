package golang

import (
	"go/token"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// Names of a table's package-level declarations. Data the methods read is
// named like stringer's (_ErrorCode_text): a leading underscore keeps it
// out of the way of every name derived from codes.yaml, which is exported.
type tableNames struct {
	Type      string // ErrorCode
	Values    string // ErrorCodeValues
	Parse     string // ParseErrorCode
	ParseName string // ParseErrorCodeName

	text, off, entry, status, index, values, byName, byWire, find string
}

func namesOf(t *catalog.Table) tableNames {
	u := "_" + t.TypeName + "_"
	return tableNames{
		Type:      t.TypeName,
		Values:    t.TypeName + "Values",
		Parse:     "Parse" + t.TypeName,
		ParseName: "Parse" + t.TypeName + "Name",
		text:      u + "text",
		off:       u + "off",
		entry:     u + "entry",
		status:    u + "status",
		index:     u + "index",
		values:    u + "values",
		byName:    u + "byName",
		byWire:    u + "byWire",
		find:      u + "find",
	}
}

// constructorName names the constructor of a code that needs one.
func constructorName(c *catalog.Code) string { return "New" + c.QualifiedName() }

// fileName names the file of a table: its type name in lower case, with
// nothing that could read as a _test or _GOOS suffix.
func fileName(t *catalog.Table) string {
	return strings.ToLower(strings.ReplaceAll(t.TypeName, "_", "")) + ".go"
}

// predeclared are the universe-scope identifiers a parameter must not
// shadow: a constructor body spells string, int and nil.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "comparable": true, "complex": true, "complex64": true, "complex128": true,
	"copy": true, "delete": true, "error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true,
}

// paramNames returns Go parameter names for names, in order: each
// textenc.LowerCamel, renamed when it is a keyword, a predeclared identifier, a
// package-level name of the generated package (taken) or a name already
// given to an earlier parameter.
func paramNames(names []string, taken func(string) bool) []string {
	out := make([]string, len(names))
	for i, n := range names {
		id := textenc.LowerCamel(n)
		if id == "" || id == "_" {
			id = "arg"
		}
		for token.IsKeyword(id) || predeclared[id] || taken(id) || slices.Contains(out[:i], id) || !token.IsIdentifier(id) {
			id += "_"
		}
		out[i] = id
	}
	return out
}
