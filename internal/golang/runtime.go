package golang

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// The fixed part of the generated package is ordinary Go in runtime/, so
// that the repository compiles, vets and tests it.
//
//go:embed runtime/errors.go runtime/problem.go runtime/lang.go
var runtimeFS embed.FS

// runtimeFiles lists the files copied from runtime/, in the order Emit
// renders them.
var runtimeFiles = []string{"lang.go", "errors.go", "problem.go"}

// A fill replaces what a catalog decides in one declaration of a runtime
// file: its doc comment, the declaration itself, or both.
type fill struct {
	doc  []string       // doc comment lines, as doc lays them out; nil keeps the runtime's
	decl *jen.Statement // nil keeps the runtime's
	// drop removes the declaration, with its doc comment: a helper no
	// code of the catalog calls would be dead code to a linter.
	drop bool
}

// runtimeFills returns, per runtime file, the declarations the catalog
// fills in, by name.
func (g *gen) runtimeFills() map[string]map[string]fill {
	var types, langs []string
	for _, t := range g.c.Tables {
		types = append(types, t.TypeName)
	}
	tags := make([]jen.Code, len(g.c.Languages))
	for i, l := range g.c.Languages {
		tags[i] = jen.Lit(l.Tag)
		langs = append(langs, fmt.Sprintf("%s (%s)", l.Tag, oneLine(l.Name)))
	}
	anyTable := "Code is a code of any table"
	if len(types) > 0 {
		anyTable += ": " + strings.Join(types, ", ")
	}

	internal := fill{
		doc: doc("internalProblem is the problem of an error that carries no code. The http table has no 500, so it is a plain one."),
		decl: jen.Func().Id("internalProblem").Params(jen.String()).Id("Problem").Block(
			jen.Return(jen.Id("Problem").Values(
				jen.Id("Type").Op(":").Lit("about:blank"),
				jen.Id("Title").Op(":").Qual("net/http", "StatusText").Call(jen.Qual("net/http", "StatusInternalServerError")),
				jen.Id("Status").Op(":").Qual("net/http", "StatusInternalServerError"),
			)),
		),
	}
	if c500 := g.c.HTTPStatus(500); c500 != nil {
		internal = fill{
			doc: doc(fmt.Sprintf("internalProblem is the problem of an error that carries no code: %s.", c500.QualifiedName())),
			decl: jen.Func().Id("internalProblem").Params(jen.Id("lang").String()).Id("Problem").Block(
				jen.Return(jen.Id("codeProblem").Call(jen.Id(c500.QualifiedName()), jen.Id("lang"))),
			),
		}
	}

	errorsGo := map[string]fill{
		"Code": {doc: doc(anyTable + ". Every code is an error whose Error is its identifier, so that a bare code can be returned and matched with errors.Is.")},
	}
	if !hasIntParam(g.c) {
		errorsGo["itoa"] = fill{drop: true}
	}
	return map[string]map[string]fill{
		"errors.go": errorsGo,
		"lang.go": {
			"DefaultLanguage": {decl: jen.Const().Id("DefaultLanguage").Op("=").Lit(g.langs[g.def])},
			"docsBaseURL":     {decl: jen.Const().Id("docsBaseURL").Op("=").Lit(g.c.DocsBaseURL)},
			"languageTags":    {decl: jen.Var().Id("languageTags").Op("=").Index(jen.Op("...")).String().Values(tags...)},
			"defaultLang":     {decl: jen.Const().Id("defaultLang").Op("=").Lit(g.def)},
			"Languages":       {doc: doc("Languages returns the tags of the languages messages exist in, in declaration order: " + strings.Join(langs, ", ") + ".")},
		},
		"problem.go": {"internalProblem": internal, "statusHeaders": g.statusHeaders()},
	}
}

// hasIntParam reports whether a code of c has an int parameter, which
// its constructor formats with the runtime's itoa.
func hasIntParam(c *catalog.Catalog) bool {
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			for _, p := range code.Params {
				if p.Type == catalog.ParamInt {
					return true
				}
			}
		}
	}
	return false
}

// statusHeaders fills the function that lists, per HTTP status, the headers
// a problem with it must carry and the service's value of each ("" when only
// the caller can give one).
func (g *gen) statusHeaders() fill {
	var cases []jen.Code
	if t := g.c.Table(catalog.KindHTTP); t != nil {
		for _, c := range t.Codes {
			duties := problemDuties(c)
			if len(duties) == 0 {
				continue
			}
			var fields []jen.Code
			for _, h := range duties {
				fields = append(fields, jen.Values(jen.Lit(h.Name), jen.Lit(h.Static)))
			}
			cases = append(cases, jen.Case(jen.Lit(c.Number)).Block(jen.Return(jen.Index().Id("field").Values(fields...))))
		}
	}
	body := []jen.Code{jen.Return(jen.Nil())}
	if len(cases) > 0 {
		body = []jen.Code{jen.Switch(jen.Id("status")).Block(cases...), jen.Return(jen.Nil())}
	}
	return fill{decl: jen.Func().Id("statusHeaders").Params(jen.Id("status").Int()).Index().Id("field").Block(body...)}
}

// problemDuties returns the headers every problem response with an http
// code's status must carry: its MUST headers and the SHOULD headers the
// catalog enforces. A status below 400 sends no problem, so it has none.
func problemDuties(c *catalog.Code) []catalog.Header {
	if c.Status < 400 {
		return nil
	}
	var out []catalog.Header
	for _, h := range c.Headers {
		if h.Duty() {
			out = append(out, h)
		}
	}
	return out
}

// runtimeFile renders runtime/name for the package: errgen's header, the
// package's name, and the runtime's source with fills applied.
func (g *gen) runtimeFile(name string, fills map[string]fill) (output.File, error) {
	src, err := runtimeFS.ReadFile("runtime/" + name)
	if err != nil {
		return output.File{}, err
	}
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return output.File{}, fmt.Errorf("go: runtime/%s: %w", name, err)
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }

	type edit struct {
		from, to int
		text     string
	}
	edits := []edit{{0, off(af.Name.End()), slashes(output.Marker) + "\n\npackage " + g.pkg}}
	done := map[string]bool{}
	for _, d := range af.Decls {
		id, docs := declName(d)
		f, ok := fills[id]
		if !ok {
			continue
		}
		done[id] = true
		if f.drop {
			from := d.Pos()
			if docs != nil {
				from = docs.Pos()
			}
			edits = append(edits, edit{off(from), off(d.End()), ""})
			continue
		}
		if f.doc != nil {
			if docs == nil {
				return output.File{}, fmt.Errorf("go: runtime/%s: %s has no doc comment to fill", name, id)
			}
			var text []string
			for _, l := range f.doc {
				text = append(text, slashes(l))
			}
			edits = append(edits, edit{off(docs.Pos()), off(docs.End()), strings.Join(text, "\n")})
		}
		if f.decl != nil {
			var b bytes.Buffer
			if err := f.decl.Render(&b); err != nil {
				return output.File{}, fmt.Errorf("go: runtime/%s: rendering %s: %w", name, id, err)
			}
			edits = append(edits, edit{off(d.Pos()), off(d.End()), strings.TrimSpace(b.String())})
		}
	}
	for id := range fills {
		if !done[id] {
			return output.File{}, fmt.Errorf("go: runtime/%s declares no %s to fill", name, id)
		}
	}

	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	var b bytes.Buffer
	at := 0
	for _, e := range edits {
		b.Write(src[at:e.from])
		b.WriteString(e.text)
		at = e.to
	}
	b.Write(src[at:])
	out, err := format.Source(b.Bytes())
	if err != nil {
		return output.File{}, fmt.Errorf("go: runtime/%s: %w\n%s", name, err, b.Bytes())
	}
	return output.File{Path: path.Join(g.dir, name), Data: out}, nil
}

// declName returns the name a top-level declaration declares and its doc
// comment; a grouped declaration has no one name.
func declName(d ast.Decl) (string, *ast.CommentGroup) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			return d.Name.Name, d.Doc
		}
	case *ast.GenDecl:
		if len(d.Specs) != 1 {
			return "", nil
		}
		switch s := d.Specs[0].(type) {
		case *ast.TypeSpec:
			return s.Name.Name, d.Doc
		case *ast.ValueSpec:
			if len(s.Names) == 1 {
				return s.Names[0].Name, d.Doc
			}
		}
	}
	return "", nil
}
