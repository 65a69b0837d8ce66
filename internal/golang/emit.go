// Package golang emits the Go target: one package holding a named integer
// type per code table, with its constants, lookups and wire forms; an Error
// type that carries a code; and RFC 9457 problem details for net/http.
//
// Emit only renders: it reads the catalog, writes nothing, and returns
// every file in memory, gofmt-clean and with errgen's generated header.
// The generated package depends on the standard library alone.
package golang

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/parallel"
	"github.com/errgen/errgen/internal/textenc"
)

// Emit renders the Go package of c into o.Dir. It fails, with every
// problem found, when a code cannot become Go: an identifier taken by
// another declaration of the package, or a message too odd to template.
func Emit(c *catalog.Catalog, o Options) ([]output.File, error) {
	g, err := newGen(c, o)
	if err != nil {
		return nil, err
	}

	docFile, err := g.render("doc.go", g.docFile())
	if err != nil {
		return nil, err
	}
	files := []output.File{docFile}
	fills := g.runtimeFills()
	for _, name := range runtimeFiles {
		f, err := g.runtimeFile(name, fills[name])
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	// Names the support files declare are taken: no code may claim one.
	for _, f := range files {
		if err := g.declared(f); err != nil {
			return nil, err
		}
	}
	if err := g.checkNames(); err != nil {
		return nil, err
	}

	// Tables render independently: gofmt dominates at scale, so spread it.
	tableFiles := make([]output.File, len(c.Tables))
	errs := make([]error, len(c.Tables))
	parallel.For(len(c.Tables), len(c.Tables), func(i int) {
		tableFiles[i], errs[i] = g.tableFile(c.Tables[i])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	files = append(files, tableFiles...)
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// gen holds what every file of one Emit needs.
type gen struct {
	c     *catalog.Catalog
	pkg   string
	dir   string
	langs []string // language tags in declaration order
	def   int      // index of the default language in langs

	// taken holds the package-level names of the support files, filled in
	// once they are rendered; tables read it, concurrently, afterwards.
	taken map[string]bool

	// plans per table, computed once.
	plans map[*catalog.Table]*plan
	// byStatus caches obliged for response and error codes.
	byStatus map[int]obligation
}

func newGen(c *catalog.Catalog, gt Options) (*gen, error) {
	if !token.IsIdentifier(gt.Package) || gt.Package == "_" {
		return nil, fmt.Errorf("go: package name %q is not a Go identifier", gt.Package)
	}
	g := &gen{c: c, pkg: gt.Package, dir: gt.Dir, def: -1, taken: map[string]bool{}, plans: map[*catalog.Table]*plan{}, byStatus: map[int]obligation{}}
	for i, l := range c.Languages {
		g.langs = append(g.langs, l.Tag)
		if l.Tag == c.Default {
			g.def = i
		}
	}
	if g.def < 0 {
		return nil, fmt.Errorf("go: default language %q is not declared", c.Default)
	}
	var errs []error
	for _, t := range c.Tables {
		p, err := g.plan(t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		g.plans[t] = p
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return g, nil
}

// newFile starts a file with errgen's one-line generated header, which
// go/ast.IsGenerated recognises.
func (g *gen) newFile() *jen.File {
	f := jen.NewFile(g.pkg)
	f.HeaderComment(output.Marker)
	return f
}

func (g *gen) render(name string, f *jen.File) (output.File, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return output.File{}, fmt.Errorf("go: rendering %s: %w", name, err)
	}
	return output.File{Path: path.Join(g.dir, name), Data: buf.Bytes()}, nil
}

// declared records the package-level names of a rendered support file.
func (g *gen) declared(f output.File) error {
	af, err := parser.ParseFile(token.NewFileSet(), f.Path, f.Data, parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("go: parsing %s: %w", f.Path, err)
	}
	for _, name := range topLevelNames(af) {
		g.taken[name] = true
	}
	return nil
}

// checkNames reports every identifier of the package that two declarations
// claim: a constant against a support declaration, a table's functions or
// another code's constructor.
func (g *gen) checkNames() error {
	// A claim says what declares a name; what() spells it out only when
	// there is a collision to report.
	type claim struct {
		code *catalog.Code  // a constant or constructor; nil for a table's names
		t    *catalog.Table // the table, for its names
		ctor bool
		name string // the table's name's role
	}
	what := func(c claim) (string, catalog.Pos) {
		switch {
		case c.code != nil && c.ctor:
			return "the constructor of " + c.code.QualifiedName(), c.code.Pos
		case c.code != nil:
			return fmt.Sprintf("the constant of %s code %d", c.code.Table.Kind, c.code.Number), c.code.Pos
		}
		return c.name + " of the " + string(c.t.Kind) + " table", c.t.Pos
	}
	n := len(g.c.Tables) * 4
	for _, t := range g.c.Tables {
		n += len(t.Codes) + len(g.plans[t].ctors)
	}
	claims := make(map[string]claim, n)
	var errs []error
	add := func(id string, c claim) {
		hint := "choose another id"
		if c.code == nil {
			hint = "choose another type name"
		}
		if g.taken[id] {
			w, pos := what(c)
			errs = append(errs, catalog.Errorf(pos, hint, "Go: %s is named %s, which the generated package already declares", w, id))
			return
		}
		if prev, ok := claims[id]; ok {
			w, pos := what(c)
			pw, ppos := what(prev)
			errs = append(errs, catalog.Errorf(pos, hint, "Go: %s is named %s, as is %s (%s)", w, id, pw, ppos))
			return
		}
		claims[id] = c
	}
	for _, t := range g.c.Tables {
		n := namesOf(t)
		add(n.Type, claim{t: t, name: "the type"})
		add(n.Values, claim{t: t, name: "the Values function"})
		add(n.Parse, claim{t: t, name: "the Parse function"})
		add(n.ParseName, claim{t: t, name: "the ParseName function"})
	}
	for _, t := range g.c.Tables {
		p := g.plans[t]
		for i, code := range t.Codes {
			add(p.name(i), claim{code: code})
		}
	}
	for _, t := range g.c.Tables {
		for _, code := range t.Codes {
			if g.plans[t].ctors[code] != nil {
				add(constructorName(code), claim{code: code, ctor: true})
			}
		}
	}
	return errors.Join(errs...)
}

// topLevelNames lists the names a Go file declares at package level.
func topLevelNames(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

// comment renders lines as a // comment, one jen item a line, verbatim:
// jennifer turns a string with a newline into a /* */ block.
func comment(lines ...string) []jen.Code {
	out := make([]jen.Code, len(lines))
	for i, l := range lines {
		out[i] = jen.Comment(slashes(l))
	}
	return out
}

// slashes returns a comment line as Go source.
func slashes(line string) string {
	if line == "" {
		return "//"
	}
	return "// " + line
}

// addComment adds lines to f as a comment, each its own file-level item.
func addComment(f *jen.File, lines ...string) {
	for _, c := range comment(lines...) {
		f.Add(c)
	}
}

// docWidth is where doc comment prose wraps.
const docWidth = 76

// doc lays paragraphs out as comment lines: prose wrapped at docWidth, a
// blank line between paragraphs. A paragraph that starts with "  - " (a
// list) or "# " (a heading) keeps its lines as they are.
func doc(paras ...string) []string {
	var lines []string
	for i, p := range paras {
		if i > 0 {
			lines = append(lines, "")
		}
		if strings.HasPrefix(p, "  - ") || strings.HasPrefix(p, "# ") {
			lines = append(lines, strings.Split(p, "\n")...)
			continue
		}
		lines = append(lines, wrap(p)...)
	}
	return lines
}

// wrap breaks text into comment lines of at most docWidth bytes at
// spaces, as the streaming writer's paragraphs do (writer.para): one
// wrapper for both.
func wrap(text string) []string {
	var w writer
	w.para("").text(text).end()
	if len(w.b) == 0 {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(string(w.b), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "// ")
	}
	return lines
}

// oneLine makes user text safe for a single comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(textenc.GoComment(s)), " ")
}
