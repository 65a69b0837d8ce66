package golang

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// Markers in the skeleton where the bulk goes.
const headMarker = "//errgen:head"

// tableFile renders one table: a skeleton built with jennifer and formatted
// by go/format (the type, its methods and functions), with the parts that
// grow with the catalog (see bulk.go) spliced in after the type and at the
// end.
func (g *gen) tableFile(t *catalog.Table) (output.File, error) {
	p := g.plans[t]
	f := g.newFile()
	addComment(f, g.typeDoc(t)...)
	f.Type().Id(p.names.Type).Int()
	f.Line()
	f.Comment(headMarker)
	f.Line()
	g.methods(f, p)
	g.functions(f, p)

	skel, err := g.render(fileName(t), f)
	if err != nil {
		return output.File{}, err
	}
	i := bytes.Index(skel.Data, []byte(headMarker+"\n"))
	if i < 0 {
		return output.File{}, fmt.Errorf("go: %s: the skeleton lost its marker", skel.Path)
	}
	w := &writer{b: make([]byte, 0, len(skel.Data)+p.sizeHint())}
	w.b = append(w.b, skel.Data[:i]...)
	g.headSection(w, p)
	w.b = append(w.b, skel.Data[i+len(headMarker)+1:]...)
	w.s("\n")
	g.tailSection(w, p)
	skel.Data = w.b
	return skel, nil
}

// methods emits the methods of a table's type.
func (g *gen) methods(f *jen.File, p *plan) {
	n := p.names
	T := n.Type
	recv := func() *jen.Statement { return jen.Func().Params(jen.Id("c").Id(T)) }
	idx := func() jen.Code { return jen.Id("i").Op(":=").Id("c").Dot("index").Call() }
	none := func(v jen.Code) jen.Code {
		return jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(v))
	}

	// index
	if p.dense {
		addComment(f, doc(fmt.Sprintf("index returns the index of c in %s, or -1 when c is no code.", n.values))...)
		f.Add(recv()).Id("index").Params().Int().Block(
			jen.If(
				jen.Id("k").Op(":=").Add(offset(jen.Int().Call(jen.Id("c")), p.min)),
				jen.Id("k").Op(">=").Lit(0).Op("&&").Id("k").Op("<").Len(jen.Id(n.index)),
			).Block(jen.Return(jen.Int().Call(jen.Id(n.index).Index(jen.Id("k"))).Op("-").Lit(1))),
			jen.Return(jen.Lit(-1)),
		)
	} else {
		addComment(f, doc(fmt.Sprintf("index returns the index of c in %s, or -1 when c is no code. The codes spread too thinly for an array, so it searches the sorted values.", n.values))...)
		f.Add(recv()).Id("index").Params().Int().Block(
			jen.List(jen.Id("lo"), jen.Id("hi")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id(n.values))),
			jen.For(jen.Id("lo").Op("<").Id("hi")).Block(
				jen.Id("m").Op(":=").Int().Call(jen.Uint().Call(jen.Id("lo").Op("+").Id("hi")).Op(">>").Lit(1)),
				jen.If(jen.Id(n.values).Index(jen.Id("m")).Op("<").Id("c")).Block(
					jen.Id("lo").Op("=").Id("m").Op("+").Lit(1),
				).Else().Block(
					jen.Id("hi").Op("=").Id("m"),
				),
			),
			jen.If(jen.Id("lo").Op("<").Len(jen.Id(n.values)).Op("&&").Id(n.values).Index(jen.Id("lo")).Op("==").Id("c")).Block(
				jen.Return(jen.Id("lo")),
			),
			jen.Return(jen.Lit(-1)),
		)
	}
	f.Line()

	// entry
	addComment(f, doc(fmt.Sprintf("%s returns entry j of code i from %s.", n.entry, n.text))...)
	f.Func().Id(n.entry).Params(jen.List(jen.Id("i"), jen.Id("j")).Int()).String().Block(
		jen.Id("k").Op(":=").Id("i").Op("*").Lit(p.slots).Op("+").Id("j"),
		jen.Return(jen.Id(n.text).Index(jen.Id(n.off).Index(jen.Id("k")).Op(":").Id(n.off).Index(jen.Id("k").Op("+").Lit(1)))),
	)
	f.Line()
	get := func(j jen.Code) *jen.Statement { return jen.Id(n.entry).Call(jen.Id("i"), j) }

	addComment(f, doc("String returns the identifier of c, such as "+quoteExample(p, slotName)+", or "+T+"(n) when c is no code.")...)
	f.Add(recv()).Id("String").Params().String().Block(
		idx(),
		none(jen.Lit(T+"(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c"))).Op("+").Lit(")")),
		jen.Return(get(jen.Lit(slotName))),
	)
	f.Line()

	addComment(f, doc("Error returns String: a code is an error, so a bare code can be returned and matched with errors.Is. New and the New… constructors add detail, placeholder values and a cause.")...)
	f.Add(recv()).Id("Error").Params().String().Block(jen.Return(jen.Id("c").Dot("String").Call()))
	f.Line()

	addComment(f, doc("WireName returns the name c travels under, such as "+quoteExample(p, slotWire)+", or \"\" when c is no code. Several codes may share a wire name.")...)
	f.Add(recv()).Id("WireName").Params().String().Block(
		idx(), none(jen.Lit("")), jen.Return(get(jen.Lit(slotWire))),
	)
	f.Line()

	addComment(f, doc("HTTPStatus returns the HTTP status a server sends with c, or 0 when c is no code or is raised by a client.")...)
	f.Add(recv()).Id("HTTPStatus").Params().Int().Block(
		idx(), none(jen.Lit(0)), jen.Return(jen.Int().Call(jen.Id(n.status).Index(jen.Id("i")))),
	)
	f.Line()

	addComment(f, doc("Message returns the message of c in lang, or in DefaultLanguage when lang is not one of Languages; placeholders read {name}. It returns \"\" when c is no code.")...)
	f.Add(recv()).Id("Message").Params(jen.Id("lang").String()).String().Block(
		jen.Return(jen.Id("c").Dot("message").Call(jen.Id("langIndex").Call(jen.Id("lang")))),
	)
	f.Line()
	f.Add(recv()).Id("message").Params(jen.Id("l").Int()).String().Block(
		idx(), none(jen.Lit("")), jen.Return(get(jen.Lit(slotMsg).Op("+").Id("l"))),
	)
	f.Line()

	addComment(f, doc("Title returns the problem title of c in lang, or in DefaultLanguage when lang is not one of Languages: a short summary, the same for every occurrence, without placeholders (its message where that has none). It returns \"\" when c is no code.")...)
	f.Add(recv()).Id("Title").Params(jen.Id("lang").String()).String().Block(
		jen.Return(jen.Id("c").Dot("title").Call(jen.Id("langIndex").Call(jen.Id("lang")))),
	)
	f.Line()

	addComment(f, doc(fmt.Sprintf("ProblemType returns the problem type URI of c, the same in every language: {base}/%s/{number}, where the docs site leads to each language's page. It returns \"\" when c is no code.", p.t.Kind))...)
	f.Add(recv()).Id("ProblemType").Params().String().Block(
		jen.If(jen.Op("!").Id("c").Dot("Valid").Call()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("docsBaseURL").Op("+").Lit("/"+string(p.t.Kind)+"/").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c")))),
	)
	f.Line()

	addComment(f, doc(fmt.Sprintf("DocsURL returns the link to the page of c in the docs in lang, or in DefaultLanguage when lang is not one of Languages: {base}/{lang}/%s/{number}. It returns \"\" when c is no code.", p.t.Kind))...)
	f.Add(recv()).Id("DocsURL").Params(jen.Id("lang").String()).String().Block(
		jen.If(jen.Op("!").Id("c").Dot("Valid").Call()).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("docsBaseURL").Op("+").Lit("/").Op("+").Id("languageTags").Index(jen.Id("langIndex").Call(jen.Id("lang"))).
			Op("+").Lit("/"+string(p.t.Kind)+"/").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c")))),
	)
	f.Line()

	addComment(f, doc("Valid reports whether c is one of the declared codes.")...)
	f.Add(recv()).Id("Valid").Params().Bool().Block(jen.Return(jen.Id("c").Dot("index").Call().Op(">=").Lit(0)))
	f.Line()

	f.Add(recv()).Id("number").Params().Int().Block(jen.Return(jen.Int().Call(jen.Id("c"))))
	f.Line()

	// Wire forms.
	addComment(f, doc("MarshalText writes c as its decimal number, the form a code takes as a JSON object key; see the package doc.")...)
	f.Add(recv()).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual("strconv", "AppendInt").Call(jen.Nil(), jen.Int64().Call(jen.Id("c")), jen.Lit(10)), jen.Nil()),
	)
	f.Line()
	addComment(f, doc("UnmarshalText reads a decimal number. It accepts a number no code has, so that a code added by a newer peer decodes; Valid tells such a code apart.")...)
	f.Func().Params(jen.Id("c").Op("*").Id(T)).Id("UnmarshalText").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(jen.String().Call(jen.Id("b"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit(g.pkg+": "+T+" %q is not a decimal number"), jen.Id("b"))),
		),
		jen.Op("*").Id("c").Op("=").Id(T).Call(jen.Id("v")),
		jen.Return(jen.Nil()),
	)
	f.Line()
	addComment(f, doc("MarshalJSON writes c as a JSON number; see the package doc.")...)
	f.Add(recv()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("c").Dot("MarshalText").Call()),
	)
	f.Line()
	addComment(f, doc("UnmarshalJSON reads a JSON number, or a string holding one: the form of a code as an object key. null leaves c as it is.")...)
	f.Func().Params(jen.Id("c").Op("*").Id(T)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Id("b")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
		jen.If(jen.Len(jen.Id("b")).Op(">=").Lit(2).Op("&&").Id("b").Index(jen.Lit(0)).Op("==").LitRune('"').Op("&&").Id("b").Index(jen.Len(jen.Id("b")).Op("-").Lit(1)).Op("==").LitRune('"')).Block(
			jen.Id("b").Op("=").Id("b").Index(jen.Lit(1).Op(":").Len(jen.Id("b")).Op("-").Lit(1)),
		),
		jen.Return(jen.Id("c").Dot("UnmarshalText").Call(jen.Id("b"))),
	)
	f.Line()
}

// quoteExample quotes an entry of a table's first code, for doc comments.
func quoteExample(p *plan, slot int) string {
	if len(p.t.Codes) == 0 {
		return `"X"`
	}
	return strconv.Quote(p.text[p.offs[slot]:p.offs[slot+1]])
}

// functions emits the package-level functions of a table.
func (g *gen) functions(f *jen.File, p *plan) {
	n := p.names
	T := n.Type
	idxT := uintType(len(p.t.Codes))

	addComment(f, doc(fmt.Sprintf("%s returns every %s in code order.", n.Values, T))...)
	f.Func().Id(n.Values).Params().Index().Id(T).Block(
		jen.Id("v").Op(":=").Id(n.values),
		jen.Return(jen.Id("v").Index(jen.Op(":"))),
	)
	f.Line()

	addComment(f, doc(fmt.Sprintf("%s returns the %s numbered n, or an error wrapping ErrUnknownCode.", n.Parse, T))...)
	f.Func().Id(n.Parse).Params(jen.Id("n").Int()).Params(jen.Id(T), jen.Error()).Block(
		jen.If(jen.Id("c").Op(":=").Id(T).Call(jen.Id("n")), jen.Id("c").Dot("Valid").Call()).Block(
			jen.Return(jen.Id("c"), jen.Nil()),
		),
		jen.Return(jen.Lit(0), jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: no "+T+" is numbered %d"), jen.Id("ErrUnknownCode"), jen.Id("n"))),
	)
	f.Line()

	addComment(f, doc(fmt.Sprintf("%s returns the %s whose identifier (String) or wire name (WireName) is s, or an error wrapping ErrUnknownCode. An identifier wins over a wire name; a wire name several codes share gives the lowest-numbered of them that is not deprecated.", n.ParseName, T))...)
	f.Func().Id(n.ParseName).Params(jen.Id("s").String()).Params(jen.Id(T), jen.Error()).Block(
		jen.Id("i").Op(":=").Id(n.find).Call(jen.Id(n.byName).Index(jen.Op(":")), jen.Lit(slotName), jen.Id("s")),
		jen.If(jen.Id("i").Op("<").Lit(0)).Block(
			jen.Id("i").Op("=").Id(n.find).Call(jen.Id(n.byWire).Index(jen.Op(":")), jen.Lit(slotWire), jen.Id("s")),
		),
		jen.If(jen.Id("i").Op("<").Lit(0)).Block(
			jen.Return(jen.Lit(0), jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: no "+T+" is named %q"), jen.Id("ErrUnknownCode"), jen.Id("s"))),
		),
		jen.Return(jen.Id(n.values).Index(jen.Id("i")), jen.Nil()),
	)
	f.Line()

	addComment(f, doc(fmt.Sprintf("%s returns the index of the code whose entry j is s, searching sorted, which orders code indices by that entry; or -1.", n.find))...)
	f.Func().Id(n.find).Params(jen.Id("sorted").Index().Add(idxT), jen.Id("j").Int(), jen.Id("s").String()).Int().Block(
		jen.List(jen.Id("lo"), jen.Id("hi")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id("sorted"))),
		jen.For(jen.Id("lo").Op("<").Id("hi")).Block(
			jen.Id("m").Op(":=").Int().Call(jen.Uint().Call(jen.Id("lo").Op("+").Id("hi")).Op(">>").Lit(1)),
			jen.If(jen.Id(n.entry).Call(jen.Int().Call(jen.Id("sorted").Index(jen.Id("m"))), jen.Id("j")).Op("<").Id("s")).Block(
				jen.Id("lo").Op("=").Id("m").Op("+").Lit(1),
			).Else().Block(
				jen.Id("hi").Op("=").Id("m"),
			),
		),
		jen.If(jen.Id("lo").Op("<").Len(jen.Id("sorted"))).Block(
			jen.If(jen.Id("i").Op(":=").Int().Call(jen.Id("sorted").Index(jen.Id("lo"))), jen.Id(n.entry).Call(jen.Id("i"), jen.Id("j")).Op("==").Id("s")).Block(
				jen.Return(jen.Id("i")),
			),
		),
		jen.Return(jen.Lit(-1)),
	)
	f.Line()
}

// offset renders x-n, as x+|n| when n is negative and x when it is zero.
func offset(x *jen.Statement, n int) *jen.Statement {
	switch {
	case n > 0:
		return x.Op("-").Lit(n)
	case n < 0:
		return x.Op("+").Lit(-n)
	}
	return x
}

// uintType is uintName as jennifer code.
func uintType(max int) *jen.Statement { return jen.Id(uintName(max)) }
