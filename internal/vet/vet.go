// Package vet is the analyzer behind `errgen vet` and
// `go vet -vettool=$(go tool -n errgen)`: it reports each place a program
// turns a code of an errgen-generated package into an error that cannot go
// correctly on the wire.
//
// The generated package marks such codes with directives in their doc
// comments, which the analyzer reads as facts of the constants when it
// analyses that package (as a dependency or on its own):
//
//	//errgen:header Allow   the status obliges Allow and the service has no one value for it
//	//errgen:noproblem      the status is below 400: not an error, never a problem
//
// A use is reported where the constant becomes an interface value (an error,
// a Code, an any): passed to New, Wrap, WriteProblem, fmt.Errorf, returned as
// an error, assigned to one. Comparisons (==, switch, errors.Is) and method
// calls are not sends. New(code) is fine when the same expression adds every
// missing header with WithHeader and a constant name. Only the constant is
// followed: a code first stored in a variable of its own type is not.
package vet

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports codes sent without the headers their status obliges, and
// codes below 400 sent as problems.
var Analyzer = &analysis.Analyzer{
	Name:      "errgenwire",
	Doc:       "report errgen codes sent without an obliged header, or sent as a problem with a status below 400",
	URL:       "https://github.com/errgen/errgen#readme",
	Run:       run,
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(duty)},
}

// duty is the fact of a code constant: what sending it bare would break.
type duty struct {
	Headers   []string // obliged headers only the caller can give
	NoProblem bool     // a status below 400
	Status    int
}

func (*duty) AFact() {}

func (d *duty) String() string {
	if d.NoProblem {
		return "noproblem"
	}
	return "header " + strings.Join(d.Headers, ", ")
}

const (
	headerDirective    = "//errgen:header "
	noProblemDirective = "//errgen:noproblem"
)

func run(pass *analysis.Pass) (any, error) {
	exportFacts(pass)
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	generated := map[*token.File]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			generated[pass.Fset.File(f.Pos())] = true
		}
	}
	ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push || generated[pass.Fset.File(n.Pos())] {
			return true
		}
		id := n.(*ast.Ident)
		c, ok := pass.TypesInfo.Uses[id].(*types.Const)
		if !ok {
			return true
		}
		var d duty
		if !pass.ImportObjectFact(c, &d) {
			return true
		}
		check(pass, c, &d, stack)
		return true
	})
	return nil, nil
}

// exportFacts reads the directives of the constants this package declares in
// generated files.
func exportFacts(pass *analysis.Pass) {
	for _, f := range pass.Files {
		if !ast.IsGenerated(f) {
			continue
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Doc == nil {
					continue
				}
				var d duty
				for _, cm := range vs.Doc.List {
					switch {
					case strings.HasPrefix(cm.Text, headerDirective):
						d.Headers = append(d.Headers, strings.TrimSpace(strings.TrimPrefix(cm.Text, headerDirective)))
					case cm.Text == noProblemDirective:
						d.NoProblem = true
					}
				}
				if len(d.Headers) == 0 && !d.NoProblem {
					continue
				}
				for _, name := range vs.Names {
					obj, ok := pass.TypesInfo.Defs[name].(*types.Const)
					if !ok || !obj.Exported() {
						continue
					}
					fd := d
					if v, ok := constant.Int64Val(obj.Val()); ok {
						fd.Status = int(v)
					}
					pass.ExportObjectFact(obj, &fd)
				}
			}
		}
	}
}

// check reports the use of c at the top of stack when it sends c.
func check(pass *analysis.Pass, c *types.Const, d *duty, stack []ast.Node) {
	i := len(stack) - 1
	var e ast.Expr = stack[i].(*ast.Ident)
	if sel, ok := stack[i-1].(*ast.SelectorExpr); ok && sel.Sel == e {
		e, i = sel, i-1 // pkg.Name
	}
	name, ctor := types.ExprString(e), "New"+c.Name()
	if sel, ok := e.(*ast.SelectorExpr); ok {
		ctor = types.ExprString(sel.X) + "." + ctor
	}
	pos := e.Pos()
	for i > 0 {
		if p, ok := stack[i-1].(*ast.ParenExpr); ok {
			e, i = p, i-1
			continue
		}
		break
	}
	if i == 0 {
		return
	}
	target, call, arg := targetType(pass, e, stack[:i])
	if target == nil || !types.IsInterface(target) {
		return
	}
	if call != nil {
		switch fn := callee(pass, call); {
		case fn == nil:
		case isFunc(fn, "errors", "Is"), isFunc(fn, "errors", "As"):
			return // a comparison, not a send
		case arg == 0 && (fn.Name() == "New" || fn.Name() == "Wrap") && fn.Pkg() == c.Pkg() && !d.NoProblem:
			if covered(pass, d.Headers, stack[:i]) {
				return
			}
		}
	}
	if d.NoProblem {
		pass.Reportf(pos, "%s has HTTP status %d, not an error: sent as a problem it goes out as a 500 internal server error; answer with the status itself, not as an error", name, d.Status)
		return
	}
	hs := strings.Join(d.Headers, " and ")
	pass.Reportf(pos, "%s is sent without the %s header its status obliges (RFC 9110), so it goes out as a 500 internal server error; build it with %s, or add the header with New(…).WithHeader(%q, …)", name, hs, ctor, d.Headers[0])
}

// targetType returns the type e (whose parents are stack) is converted to,
// or nil when it keeps its own; for a call argument also the call and the
// argument's index.
func targetType(pass *analysis.Pass, e ast.Expr, stack []ast.Node) (types.Type, *ast.CallExpr, int) {
	info := pass.TypesInfo
	parent := stack[len(stack)-1]
	switch p := parent.(type) {
	case *ast.CallExpr:
		argi := slices.Index(p.Args, e)
		if argi < 0 {
			return nil, nil, 0
		}
		if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
			return tv.Type, nil, 0 // a conversion
		}
		sig, ok := types.Unalias(info.TypeOf(p.Fun)).(*types.Signature)
		if !ok {
			return nil, nil, 0 // a builtin
		}
		params := sig.Params()
		switch {
		case sig.Variadic() && argi >= params.Len()-1 && !p.Ellipsis.IsValid():
			return params.At(params.Len() - 1).Type().(*types.Slice).Elem(), p, argi
		case argi < params.Len():
			return params.At(argi).Type(), p, argi
		}
	case *ast.AssignStmt:
		if i := slices.Index(p.Rhs, e); i >= 0 && len(p.Lhs) == len(p.Rhs) && p.Tok == token.ASSIGN {
			return info.TypeOf(p.Lhs[i]), nil, 0
		}
	case *ast.ValueSpec:
		if i := slices.Index(p.Values, e); i >= 0 && p.Type != nil {
			return info.TypeOf(p.Type), nil, 0
		}
	case *ast.ReturnStmt:
		i := slices.Index(p.Results, e)
		if i < 0 {
			return nil, nil, 0
		}
		for j := len(stack) - 2; j >= 0; j-- {
			var ft *ast.FuncType
			switch f := stack[j].(type) {
			case *ast.FuncDecl:
				ft = f.Type
			case *ast.FuncLit:
				ft = f.Type
			default:
				continue
			}
			if res := resultTypes(info, ft); i < len(res) {
				return res[i], nil, 0
			}
			return nil, nil, 0
		}
	case *ast.KeyValueExpr:
		if p.Value == e && len(stack) >= 2 {
			if lit, ok := stack[len(stack)-2].(*ast.CompositeLit); ok {
				return elemType(info.TypeOf(lit), p.Key), nil, 0
			}
		}
	case *ast.CompositeLit:
		return elemType(info.TypeOf(p), nil), nil, 0
	case *ast.SendStmt:
		if ch, ok := types.Unalias(info.TypeOf(p.Chan)).Underlying().(*types.Chan); ok && p.Value == e {
			return ch.Elem(), nil, 0
		}
	}
	return nil, nil, 0
}

func resultTypes(info *types.Info, ft *ast.FuncType) []types.Type {
	var out []types.Type
	if ft.Results == nil {
		return nil
	}
	for _, f := range ft.Results.List {
		t := info.TypeOf(f.Type)
		for range max(len(f.Names), 1) {
			out = append(out, t)
		}
	}
	return out
}

// elemType is the type of an element of a composite literal of type t: a
// struct field named by key, or the element of a slice, array or map.
func elemType(t types.Type, key ast.Expr) types.Type {
	if t == nil {
		return nil
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Pointer:
		return elemType(u.Elem(), key)
	case *types.Struct:
		if id, ok := key.(*ast.Ident); ok {
			for i := range u.NumFields() {
				if u.Field(i).Name() == id.Name {
					return u.Field(i).Type()
				}
			}
		}
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}

// callee returns the function a call calls, or nil.
func callee(pass *analysis.Pass, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	}
	if id == nil {
		return nil
	}
	fn, _ := pass.TypesInfo.Uses[id].(*types.Func)
	return fn
}

func isFunc(fn *types.Func, pkg, name string) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == pkg && fn.Name() == name
}

// covered reports whether the New or Wrap call on top of stack is followed
// by WithHeader calls that add every header, each named by a constant.
func covered(pass *analysis.Pass, headers []string, stack []ast.Node) bool {
	have := map[string]bool{}
	for j := len(stack) - 1; j >= 2; j -= 2 {
		sel, ok := stack[j-1].(*ast.SelectorExpr)
		if !ok || sel.X != stack[j] {
			break
		}
		call, ok := stack[j-2].(*ast.CallExpr)
		if !ok || call.Fun != sel {
			break
		}
		if sel.Sel.Name == "WithHeader" && len(call.Args) == 2 {
			if tv, ok := pass.TypesInfo.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				have[strings.ToLower(constant.StringVal(tv.Value))] = true
			}
		}
	}
	for _, h := range headers {
		if !have[strings.ToLower(h)] {
			return false
		}
	}
	return true
}
