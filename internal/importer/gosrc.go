package importer

import (
	"errors"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// readGo reads the typed integer constants of a Go file: the constant's
// name is the code's name, its doc comment (or line comment) the message,
// the comment's later paragraphs the description. go/types evaluates the
// values, so iota and expressions count as the compiler counts them. When
// the file declares constants of several integer types, opts.GoType picks one.
func (im *importer) readGo(ix *lineIndex) []*sourceTable {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, ix.file, ix.data, parser.ParseComments)
	if err != nil {
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				im.errorf(ix.pos(ix.lineStart(e.Pos.Line)+e.Pos.Column-1), "fix the Go syntax", "invalid Go: %s", e.Msg)
			}
		} else {
			im.errorf(catalog.Pos{File: ix.file, Line: 1, Column: 1}, "fix the Go syntax", "invalid Go: %v", err)
		}
		return nil
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	// Imports are not resolved: constants of the file's own types need none.
	conf := types.Config{Error: func(error) {}}
	_, _ = conf.Check(f.Name.Name, fset, []*ast.File{f}, info)

	type goConst struct {
		name  *ast.Ident
		value string
		doc   *ast.CommentGroup
	}
	byType := map[string][]goConst{}
	var typeNames []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			doc := cmpOr(vs.Doc, vs.Comment)
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			for _, name := range vs.Names {
				c, ok := info.Defs[name].(*types.Const)
				if !ok || name.Name == "_" {
					continue
				}
				named, ok := c.Type().(*types.Named)
				if !ok {
					continue
				}
				if b, ok := named.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 || c.Val().Kind() != constant.Int {
					continue
				}
				tn := named.Obj().Name()
				if _, seen := byType[tn]; !seen {
					typeNames = append(typeNames, tn)
				}
				byType[tn] = append(byType[tn], goConst{name, c.Val().ExactString(), doc})
			}
		}
	}
	start := catalog.Pos{File: ix.file, Line: 1, Column: 1}
	typ := im.opts.GoType
	switch {
	case typ != "" && byType[typ] == nil:
		im.errorf(start, "name one of: "+strings.Join(typeNames, ", "), "the file has no constants of type %s", typ)
		return nil
	case typ == "" && len(typeNames) == 0:
		return nil
	case typ == "" && len(typeNames) > 1:
		im.errorf(start, "choose one with -gotype "+typeNames[0], "the file has constants of %d integer types: %s", len(typeNames), strings.Join(typeNames, ", "))
		return nil
	case typ == "":
		typ = typeNames[0]
	}
	at := func(p token.Pos) catalog.Pos {
		pp := fset.Position(p)
		return ix.pos(ix.lineStart(pp.Line) + pp.Column - 1)
	}
	st := &sourceTable{columns: []column{{field: fieldCode}, {field: fieldWire}, {field: fieldMessage}, {field: fieldDescription}}}
	for _, c := range byType[typ] {
		pos := at(c.name.Pos())
		if st.pos.Line == 0 {
			st.pos = pos
		}
		var msg, desc cell
		if c.doc != nil {
			paras := strings.Split(strings.TrimSpace(c.doc.Text()), "\n\n")
			docPos := at(c.doc.Pos() + 3) // past "// "
			msg = cell{text: withoutName(plain(paras[0]), c.name.Name), pos: docPos}
			rest := slices.Clone(paras[1:])
			for i := range rest {
				rest[i] = plain(rest[i])
			}
			desc = cell{text: strings.Join(rest, " "), pos: docPos}
		}
		st.records = append(st.records, record{pos: pos, cells: []cell{
			{text: c.value, pos: pos}, {text: c.name.Name, pos: pos}, msg, desc,
		}})
	}
	return []*sourceTable{st}
}

func cmpOr(a, b *ast.CommentGroup) *ast.CommentGroup {
	if a != nil {
		return a
	}
	return b
}

// withoutName drops the constant's name from the front of its comment when
// a separator follows it ("OK: die Zahlung …" → "Die Zahlung …"); a
// sentence such as "NotFound means …" stays whole.
func withoutName(s, name string) string {
	rest, ok := strings.CutPrefix(s, name)
	if !ok {
		return s
	}
	trimmed := strings.TrimLeft(rest, " ")
	for _, sep := range []string{":", "—", "–", "- "} {
		if after, ok := strings.CutPrefix(trimmed, sep); ok && strings.TrimSpace(after) != "" {
			r := []rune(strings.TrimSpace(after))
			return strings.ToUpper(string(r[0])) + string(r[1:])
		}
	}
	return s
}
