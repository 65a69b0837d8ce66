package usage

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
)

const (
	listMode = packages.NeedName | packages.NeedFiles | packages.NeedImports
	loadMode = listMode | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo
)

// scanGo returns every use of a code in the patterns' packages. It lists
// the packages first, which costs no compiling, and type-checks only those
// that import the generated package (a reference needs the import), with
// the generated package itself from source beside them: its constructors
// are recognised by what their bodies reference.
func scanGo(c *catalog.Catalog, opt Options) ([]Use, int, error) {
	genDir, err := filepath.Abs(filepath.Join(c.Root, filepath.FromSlash(c.Output.Target(golang.Target.Name).Dir)))
	if err != nil {
		return nil, 0, err
	}
	patterns := opt.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{Mode: listMode, Dir: opt.Dir, Tests: opt.Tests}
	if len(opt.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opt.Tags, ",")}
	}
	listed, err := load(cfg, append(patterns, genDir))
	if err != nil {
		return nil, 0, err
	}
	genPath := ""
	for _, p := range listed {
		if inDir(p, genDir) && !strings.HasSuffix(p.Name, "_test") {
			genPath = p.PkgPath
		}
	}
	if genPath == "" {
		return nil, 0, fmt.Errorf("no Go package in %s: run errgen generate first", genDir)
	}
	scanned := map[string]bool{} // package paths; -tests lists variants of one
	importers := []string{genDir}
	seen := map[string]bool{genDir: true}
	for _, p := range listed {
		if own(p, genDir) {
			continue
		}
		if p.Name != "main" || !strings.HasSuffix(p.PkgPath, ".test") { // not a generated test main
			scanned[p.PkgPath] = true
		}
		if _, ok := p.Imports[genPath]; ok && len(p.GoFiles) > 0 {
			if dir := filepath.Dir(p.GoFiles[0]); !seen[dir] {
				seen[dir] = true
				importers = append(importers, dir)
			}
		}
	}
	if len(importers) == 1 {
		return nil, len(scanned), nil
	}
	cfg.Mode = loadMode
	pkgs, err := load(cfg, importers)
	if err != nil {
		return nil, 0, err
	}
	var gen *packages.Package
	for _, p := range pkgs {
		if p.PkgPath == genPath && gen == nil && len(p.Syntax) > 0 {
			gen = p
		}
	}
	if gen == nil {
		return nil, 0, fmt.Errorf("the Go package in %s did not load", genDir)
	}
	ix := newIndex(c, gen)
	var uses []Use
	for _, p := range pkgs {
		if !own(p, genDir) {
			uses = append(uses, ix.uses(p, opt.Dir)...)
		}
	}
	return uses, len(scanned), nil
}

// load loads packages and fails with every problem they have.
func load(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading Go packages: %w", err)
	}
	var problems []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			problems = append(problems, e.Error())
		}
	})
	if len(problems) > 0 {
		return nil, fmt.Errorf("the Go packages do not load; usage needs code that type-checks:\n%s", strings.Join(problems, "\n"))
	}
	return pkgs, nil
}

// own reports whether p is the generated package (or a test variant of
// it), whose references to its own codes are no uses.
func own(p *packages.Package, genDir string) bool {
	return inDir(p, genDir) && !strings.HasSuffix(p.Name, "_test")
}

func inDir(p *packages.Package, dir string) bool {
	for _, f := range p.GoFiles {
		if filepath.Dir(f) == dir {
			return true
		}
	}
	return false
}

// index maps the generated package's objects to the codes they stand for.
type index struct {
	path string
	// codes: a constant of a table's type, or a function whose body
	// names exactly one code (a code's constructor), by object name.
	codes map[string]*catalog.Code
	// senders are the package's functions and methods that write a
	// response or build one a server writes (a parameter of type
	// net/http.ResponseWriter, or a result with a ServeHTTP method), by
	// full name: the same across the type-checks of the package.
	senders map[string]bool
}

func newIndex(c *catalog.Catalog, gen *packages.Package) *index {
	ix := &index{path: gen.PkgPath, codes: map[string]*catalog.Code{}, senders: map[string]bool{}}
	byType := map[string]*catalog.Table{}
	for _, t := range c.Tables {
		byType[t.TypeName] = t
	}
	scope := gen.Types.Scope()
	constants := map[types.Object]*catalog.Code{}
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		switch obj := obj.(type) {
		case *types.Const:
			named, ok := obj.Type().(*types.Named)
			if !ok || named.Obj().Pkg() != gen.Types {
				continue
			}
			t := byType[named.Obj().Name()]
			n, exact := constant.Int64Val(obj.Val())
			if t == nil || !exact {
				continue
			}
			if code := codeOf(t, int(n)); code != nil {
				constants[obj] = code
				ix.codes[name] = code
			}
		case *types.Func:
			ix.sender(obj)
		case *types.TypeName:
			if named, ok := obj.Type().(*types.Named); ok {
				for m := range named.Methods() {
					ix.sender(m)
				}
			}
		}
	}
	for _, f := range gen.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !fd.Name.IsExported() || fd.Body == nil {
				continue
			}
			var named *catalog.Code
			several := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				if code := constants[gen.TypesInfo.Uses[id]]; code != nil {
					if named != nil && named != code {
						several = true
					}
					named = code
				}
				return true
			})
			if named != nil && !several {
				ix.codes[fd.Name.Name] = named
			}
		}
	}
	return ix
}

func codeOf(t *catalog.Table, n int) *catalog.Code {
	for _, c := range t.Codes {
		if c.Number == n {
			return c
		}
	}
	return nil
}

func (ix *index) sender(f *types.Func) {
	sig := f.Signature()
	for v := range sig.Params().Variables() {
		if isNamed(v.Type(), "net/http", "ResponseWriter") {
			ix.senders[f.FullName()] = true
			return
		}
	}
	for v := range sig.Results().Variables() {
		ms := types.NewMethodSet(v.Type())
		if ms.Lookup(nil, "ServeHTTP") != nil || ms.Lookup(f.Pkg(), "ServeHTTP") != nil {
			ix.senders[f.FullName()] = true
			return
		}
	}
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// object returns the package-level object of the generated package that
// obj is, or nil: a local of the same name, a field or a method is none.
func (ix *index) object(obj types.Object) *catalog.Code {
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != ix.path || obj.Parent() != obj.Pkg().Scope() {
		return nil
	}
	return ix.codes[obj.Name()]
}

func (ix *index) uses(p *packages.Package, dir string) []Use {
	var us []Use
	for id, obj := range p.TypesInfo.Uses {
		code := ix.object(obj)
		if code == nil {
			continue
		}
		u := Use{Code: code, Lang: Go, Pos: position(p.Fset, id.Pos(), dir)}
		if code.Client {
			for _, f := range p.Syntax {
				if f.FileStart <= id.Pos() && id.Pos() <= f.FileEnd {
					u.Server = ix.serverPath(p, f, id)
				}
			}
		}
		us = append(us, u)
	}
	return us
}

// serverPath reports whether id is part of an argument or receiver of a
// call to one of the generated package's senders: WriteProblem(w, r,
// New(HTTPTimeout)) writes a response; errors.Is(err, HTTPTimeout) in a
// handler only recognises what a client call returned.
func (ix *index) serverPath(p *packages.Package, f *ast.File, id *ast.Ident) bool {
	path, _ := astutil.PathEnclosingInterval(f, id.Pos(), id.End())
	for _, n := range path {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			continue
		}
		var callee types.Object
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			callee = p.TypesInfo.Uses[fun]
		case *ast.SelectorExpr:
			callee = p.TypesInfo.Uses[fun.Sel]
			if sel := p.TypesInfo.Selections[fun]; sel != nil {
				callee = sel.Obj()
			}
		}
		if fn, ok := callee.(*types.Func); ok && ix.senders[fn.Origin().FullName()] {
			return true
		}
	}
	return false
}

func position(fset *token.FileSet, pos token.Pos, dir string) catalog.Pos {
	p := fset.Position(pos)
	return catalog.Pos{File: relative(dir, p.Filename), Line: p.Line, Column: p.Column}
}

// relative prints a path relative to dir when it lies under it.
func relative(dir, file string) string {
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(file)
}
