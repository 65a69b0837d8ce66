// Package typescript renders the TypeScript target: an installable npm
// package (ES module, no dependencies, no side effects at import) with, per
// code table, an enum and an erasable `as const` form, message maps per
// language, a typed placeholder formatter, guards, lookups and the RFC 9457
// problem type.
//
// The package ships JavaScript with hand-written-equivalent declarations
// (.js + .d.ts), rendered here in pure Go: that is what every npm package
// ships, so it runs in Node, Jest, Vitest and any bundler, and type-checks
// under any consumer's tsconfig without compiling anything in node_modules.
package typescript

import (
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/textenc"
)

// Header opens every generated JavaScript and declaration file.
const Header = "// " + output.Marker + "\n"

// The package's module files. The per-table runtime modules are named for
// the table kind (http.js, response.js, error.js), which is fixed and unique.
const (
	enumEntry   = "index"    // the enum form: the package's main entry
	constEntry  = "const"    // the erasable form: the "./const" entry
	commonFile  = "common"   // languages, docs URL, Problem: shared by both forms
	runtimeFile = "internal" // helpers of the table modules; not exported
)

// Names that the generated sources refer to and that a table's type or
// value names must therefore not shadow, plus the few global names a type
// named like them would confuse readers with.
var globals = map[string]bool{
	"Array": true, "Boolean": true, "Error": true, "Function": true, "Infinity": true,
	"JSON": true, "Map": true, "Math": true, "NaN": true, "Number": true, "Object": true,
	"Partial": true, "Promise": true, "Readonly": true, "ReadonlyArray": true,
	"Record": true, "Set": true, "String": true, "Symbol": true, "undefined": true,
}

var (
	identPattern = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
)

// maxSafe is Number.MAX_SAFE_INTEGER: a code beyond it would not survive
// the trip through a JavaScript number.
const maxSafe = 1<<53 - 1

// table is one code table with every name the TypeScript target derives
// from its TypeName, computed once.
type table struct {
	*catalog.Table
	module string // runtime module file, without extension
	stem   string // camelCase stem of value names: errorCode

	Type        string // ErrorCode: the enum, or the const object and union
	Values      string // errorCodes: readonly ErrorCode[]
	Is          string // isErrorCode
	Messages    string // errorCodeMessages[language][code]
	Templates   string // errorCodeTemplates (module-private)
	Params      string // ErrorCodeParams: placeholder types per code
	FormatArgs  string // ErrorCodeFormatArgs<C>
	Format      string // formatErrorCode(code, …args)
	WireType    string // ErrorCodeWire: union of the wire names
	Wire        string // errorCodeWire[code]
	ByWire      string // errorCodesByWire(wire)
	Status      string // errorCodeStatus[code]
	ByStatus    string // errorCodesByStatus(status)
	Retryable   string // errorCodeRetryable[code]
	DocsURL     string // errorCodeDocsUrl(code, language)
	Titles      string // errorCodeTitles[language][code]
	ProblemType string // errorCodeProblemType(code)
	IsProblem   string // isErrorCodeProblem(problem)

	wires []string // distinct wire names, sorted
	docs  []string // each code's rendered comment (memberDocs)
}

func newTable(t *catalog.Table) *table {
	stem := textenc.LowerCamel(t.TypeName)
	x := &table{
		Table:       t,
		module:      string(t.Kind),
		stem:        stem,
		Type:        t.TypeName,
		Values:      plural(stem),
		Is:          "is" + t.TypeName,
		Messages:    stem + "Messages",
		Templates:   stem + "Templates",
		Params:      t.TypeName + "Params",
		FormatArgs:  t.TypeName + "FormatArgs",
		Format:      "format" + t.TypeName,
		WireType:    t.TypeName + "Wire",
		Wire:        stem + "Wire",
		ByWire:      plural(stem) + "ByWire",
		Status:      stem + "Status",
		ByStatus:    plural(stem) + "ByStatus",
		Retryable:   stem + "Retryable",
		DocsURL:     stem + "DocsUrl",
		Titles:      stem + "Titles",
		ProblemType: stem + "ProblemType",
		IsProblem:   "is" + t.TypeName + "Problem",
	}
	seen := map[string]bool{}
	for _, c := range t.Codes {
		if !seen[c.Wire] {
			seen[c.Wire] = true
			x.wires = append(x.wires, c.Wire)
		}
	}
	slices.Sort(x.wires)
	return x
}

// exports lists the names a table adds to an entry module.
func (t *table) exports() []string {
	return []string{t.Type, t.Values, t.Is, t.Messages, t.Params, t.FormatArgs, t.Format,
		t.WireType, t.Wire, t.ByWire, t.Status, t.ByStatus, t.Retryable, t.DocsURL,
		t.Titles, t.ProblemType, t.IsProblem}
}

// commonExports are the names common.js and common.d.ts export.
var commonExports = []string{"Language", "languages", "defaultLanguage", "languageNames",
	"isLanguage", "docsBaseUrl", "Problem", "parseProblem"}

// gen holds what every file of one Emit needs.
type gen struct {
	c      *catalog.Catalog
	ts     Options
	tables []*table
	langs  []string // tags in declaration order
}

// Emit renders the TypeScript package into ts.Dir. It returns an error
// (with no files) when the catalog holds something the package cannot
// carry.
func Emit(c *catalog.Catalog, ts Options) ([]output.File, error) {
	return output.Collect(func(put func(output.File) error) error { return Stream(c, ts, put) })
}

// Stream renders the TypeScript target and passes each file to put as
// soon as it is written, rather than all of them, which grow with the
// catalog, at once.
func Stream(c *catalog.Catalog, ts Options, put func(output.File) error) error {
	g := &gen{c: c, ts: ts}
	for _, l := range c.Languages {
		g.langs = append(g.langs, l.Tag)
	}
	for _, t := range c.Tables {
		g.tables = append(g.tables, newTable(t))
	}
	if err := g.check(); err != nil {
		return err
	}

	// Each file is written when its turn comes, not all at once.
	type file struct {
		name string
		data func() string
	}
	files := []file{
		{"package.json", g.packageJSON},
		{"README.md", g.readme},
		{commonFile + ".js", g.commonJS},
		{commonFile + ".d.ts", g.commonDTS},
		{runtimeFile + ".js", g.runtimeJS},
	}
	for _, t := range g.tables {
		files = append(files, file{t.module + ".js", func() string { return g.tableJS(t) }})
	}
	for _, e := range []struct {
		on    bool
		entry string
		enum  bool
	}{{ts.Enum, enumEntry, true}, {ts.Const, constEntry, false}} {
		if e.on {
			files = append(files,
				file{e.entry + ".js", func() string { return g.entryJS(e.enum) }},
				file{e.entry + ".d.ts", func() string { return g.entryDTS(e.enum) }})
		}
	}
	for _, f := range files {
		// Written as a string: a copy into a []byte would hold the
		// file twice.
		write := func(w io.Writer) error {
			_, err := io.WriteString(w, f.data())
			return err
		}
		if err := put(output.File{Path: path.Join(ts.Dir, f.name), Write: write}); err != nil {
			return err
		}
	}
	return nil
}

// check reports, all at once, what the catalog's loader does not promise
// but valid TypeScript needs: identifiers, unique names in one module,
// numbers a JavaScript number holds exactly, every message in every
// language.
func (g *gen) check() error {
	var errs []error
	// A problem without a position is the target's (see render.Render).
	fail := func(pos catalog.Pos, format string, args ...any) {
		if pos.File == "" {
			errs = append(errs, fmt.Errorf(format, args...))
			return
		}
		errs = append(errs, catalog.Errorf(pos, "", "TypeScript: "+format, args...))
	}
	if !g.ts.Enum && !g.ts.Const {
		fail(catalog.Pos{}, "output.typescript selects neither the enum nor the const form")
	}
	if len(g.langs) == 0 {
		fail(catalog.Pos{}, "the catalog declares no language")
	}
	for _, tag := range g.langs {
		if !catalog.ValidLanguageTag(tag) {
			fail(catalog.Pos{}, "language tag %q cannot name a docs path segment", tag)
		}
	}
	if !slices.Contains(g.langs, g.c.Default) {
		fail(catalog.Pos{}, "default language %q is not among the languages", g.c.Default)
	}
	owner := map[string]string{} // exported name → who declares it
	for _, name := range commonExports {
		owner[name] = "the package's shared declarations"
	}
	for _, t := range g.tables {
		if !identPattern.MatchString(t.Type) || globals[t.Type] {
			fail(t.Pos, "type name %q of the %s table cannot name a TypeScript enum and type; choose another", t.Type, t.Kind)
			continue
		}
		clashes := map[string][]string{} // owner → names
		var owners []string
		for _, name := range t.exports() {
			if prev, ok := owner[name]; ok {
				if clashes[prev] == nil {
					owners = append(owners, prev)
				}
				clashes[prev] = append(clashes[prev], name)
			}
			owner[name] = "the " + string(t.Kind) + " table"
		}
		for _, prev := range owners {
			fail(t.Pos, "the %s table's type name %s derives %s, which %s already declares; rename the type",
				t.Kind, t.Type, strings.Join(clashes[prev], ", "), prev)
		}
		ids := map[string]bool{}
		numbers := map[int]bool{}
		for _, c := range t.Codes {
			switch {
			case !identPattern.MatchString(c.ID) || c.ID == "Infinity" || c.ID == "NaN":
				fail(c.Pos, "id %q cannot name an enum member", c.ID)
			case ids[c.ID]:
				fail(c.Pos, "id %s repeats in the %s table", c.ID, t.Kind)
			}
			ids[c.ID] = true
			if numbers[c.Number] {
				fail(c.Pos, "code %d repeats in the %s table", c.Number, t.Kind)
			}
			numbers[c.Number] = true
			if c.Number > maxSafe || c.Number < -maxSafe {
				fail(c.Pos, "code %d is beyond what a JavaScript number holds exactly", c.Number)
			}
			for _, p := range c.Params {
				if !identPattern.MatchString(p.Name) || p.Name == "__proto__" {
					fail(c.Pos, "param %q of code %d cannot be a property of the params object", p.Name, c.Number)
				}
			}
			for _, tag := range g.langs {
				if _, ok := c.Message.Text.Lookup(tag); !ok {
					fail(c.Pos, "code %d has no message in %s", c.Number, tag)
				}
			}
			if d := c.Deprecated; d != nil && d.Replacement != nil && d.Replacement.Table != c.Table {
				fail(c.Pos, "code %d is replaced by a code of another table", c.Number)
			}
		}
	}
	return errors.Join(errs...)
}

// key is a code number as an object key: negative numbers need quotes.
func key(n int) string {
	if n < 0 {
		return `"` + strconv.Itoa(n) + `"`
	}
	return strconv.Itoa(n)
}

// placeholderText is a code's message with each placeholder as {name}: the
// text of the message maps and the comments.
func placeholderText(c *catalog.Code, lang string) string {
	return c.Message.Plain(lang, func(p string) string { return "{" + p + "}" })
}

// parts splits a message into alternating literal text and param names,
// literal first and last: "a {x} b" → ["a ", "x", " b"].
func parts(c *catalog.Code, lang string) []string {
	out := []string{""}
	for _, s := range c.Message.Segments(lang) {
		if s.Param != "" {
			out = append(out, s.Param, "")
		} else {
			out[len(out)-1] += s.Literal
		}
	}
	return out
}

// docsPath is the table's path segment in docs URLs (catalog.DocsPath).
func (t *table) docsPath() string { return string(t.Kind) }
