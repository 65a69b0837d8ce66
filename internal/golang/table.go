package golang

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/errgen/errgen/internal/catalog"
)

// tableFile renders one table: its type, constants, compile guard, packed
// data, methods, functions and constructors.
func (g *gen) tableFile(t *catalog.Table) *jen.File {
	p := g.plans[t]
	n := p.names
	f := g.newFile()

	// The type.
	addComment(f, g.typeDoc(t)...)
	f.Type().Id(n.Type).Int()
	f.Line()

	// The constants.
	if len(t.Codes) > 0 {
		defs := make([]jen.Code, 0, len(t.Codes)*6)
		for i, c := range t.Codes {
			if i > 0 {
				defs = append(defs, jen.Line())
			}
			defs = append(defs, comment(g.codeDoc(c)...)...)
			defs = append(defs, jen.Id(c.QualifiedName()).Id(n.Type).Op("=").Lit(c.Number))
		}
		f.Const().Defs(defs...)
		f.Line()
		g.guard(f, p)
	}

	g.data(f, p)
	g.methods(f, p)
	g.functions(f, p)
	g.constructors(f, p)
	return f
}

// typeDoc documents a table's type.
func (g *gen) typeDoc(t *catalog.Table) []string {
	def := g.langs[g.def]
	paras := []string{fmt.Sprintf("%s is a code of the %s table: %s.", t.TypeName, t.Kind, strings.TrimSuffix(oneLine(t.Title[def]), "."))}
	if d := firstLine(t.Description[def]); d != "" {
		paras = append(paras, d)
	}
	paras = append(paras, fmt.Sprintf("Its values are the constants below, in code order; %s lists them. Any other value is not Valid and has no name, status or message.", namesOf(t).Values))
	return doc(paras...)
}

// codeDoc documents one constant: what it is, its message in every
// language, the first line of its description and its deprecation.
func (g *gen) codeDoc(c *catalog.Code) []string {
	var what string
	switch {
	case c.Table.Kind == catalog.KindHTTP && c.Client:
		what = fmt.Sprintf("client-side code %d, raised by an HTTP client when no response came; a server never sends it", c.Number)
	case c.Table.Kind == catalog.KindHTTP:
		what = fmt.Sprintf("HTTP status %d", c.Number)
	default:
		what = fmt.Sprintf("%s code %d, sent with HTTP status %d", c.Table.Kind, c.Number, c.Status)
	}
	first := c.QualifiedName() + " is " + what + "."
	if c.Reference != "" {
		first += " See " + strings.TrimSuffix(oneLine(c.Reference), ".") + "."
	}
	if c.Retryable {
		first += " Retryable."
	}
	var list strings.Builder
	for i, l := range g.langs {
		if i > 0 {
			list.WriteByte('\n')
		}
		list.WriteString("  - " + l + ": " + oneLine(display(c, l)))
	}
	paras := []string{first, list.String()}
	if d := firstLine(c.Description[g.langs[g.def]]); d != "" {
		paras = append(paras, d)
	}
	if c.Deprecated != nil {
		paras = append(paras, g.deprecation(c))
	}
	return doc(paras...)
}

// deprecation writes the Deprecated: paragraph that gopls and staticcheck
// (SA1019) read.
func (g *gen) deprecation(c *catalog.Code) string {
	d := c.Deprecated
	s := "Deprecated:"
	if r := d.Replacement; r != nil {
		s += " use " + r.QualifiedName() + " instead."
	}
	if reason := oneLine(d.Reason[g.langs[g.def]]); reason != "" {
		s += " " + reason
	} else if d.Replacement == nil {
		s += " do not use it in new code."
	}
	return s
}

// firstLine is the first line of a text, safe as a paragraph of a doc
// comment: one that began "Deprecated:" would deprecate the declaration.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	s = oneLine(s)
	if strings.HasPrefix(s, "Deprecated:") {
		s = "Note: " + s
	}
	return s
}

// guard emits stringer's compile-time check: when a constant's value
// changes without regenerating, an index goes out of range.
func (g *gen) guard(f *jen.File, p *plan) {
	body := []jen.Code{
		jen.Comment("// An \"invalid array index\" compiler error signifies that the constant values have changed."),
		jen.Comment("// Re-run errgen to generate them again."),
		jen.Var().Id("x").Index(jen.Lit(1)).Struct(),
	}
	for _, c := range p.t.Codes {
		body = append(body, jen.Id("_").Op("=").Id("x").Index(offset(jen.Id(c.QualifiedName()), c.Number)))
	}
	f.Func().Id("_").Params().Block(body...)
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

// uintType is the narrowest unsigned type of uint16 and uint32 that holds max.
func uintType(max int) *jen.Statement {
	if max <= 1<<16-1 {
		return jen.Uint16()
	}
	return jen.Uint32()
}

func ints(xs []int) []jen.Code {
	out := make([]jen.Code, len(xs))
	for i, x := range xs {
		out[i] = jen.Lit(x)
	}
	return out
}

// data emits the packed text, its offsets and the lookup arrays.
func (g *gen) data(f *jen.File, p *plan) {
	n := p.names
	codes := p.t.Codes

	addComment(f, doc(fmt.Sprintf("%s packs, for each code in order, its identifier, its wire name and its message in %s; %s[k] and %s[k+1] bound entry k, entry j of code i being k = i*%d+j.",
		n.text, strings.Join(g.langs, ", "), n.off, n.off, p.slots))...)
	f.Const().Id(n.text).Op("=").Lit(p.text)
	f.Line()
	f.Var().Id(n.off).Op("=").Index(jen.Op("...")).Add(uintType(len(p.text))).Values(ints(p.offs)...)
	f.Line()

	status := make([]int, len(codes))
	names := make([]jen.Code, len(codes))
	for i, c := range codes {
		status[i] = c.Status
		names[i] = jen.Id(c.QualifiedName())
	}
	addComment(f, doc(fmt.Sprintf("%s holds the codes in order; %s their HTTP statuses.", n.values, n.status))...)
	f.Var().Id(n.values).Op("=").Index(jen.Op("...")).Id(n.Type).Values(names...)
	f.Line()
	f.Var().Id(n.status).Op("=").Index(jen.Op("...")).Uint16().Values(ints(status)...)
	f.Line()

	if p.dense {
		keyed := make([]jen.Code, len(codes))
		for i, c := range codes {
			keyed[i] = jen.Lit(c.Number - p.min).Op(":").Lit(i + 1)
		}
		addComment(f, doc(fmt.Sprintf("%s maps c%s to 1 + the index of c in %s, 0 meaning no code.", n.index, offsetText(p.min), n.values))...)
		f.Var().Id(n.index).Op("=").Index(jen.Op("...")).Add(uintType(len(codes) + 1)).Values(keyed...)
		f.Line()
	}

	addComment(f, doc(fmt.Sprintf("%s holds the indices of the codes sorted by identifier, %s one index per wire name sorted by wire name: for a wire name several codes share, the lowest-numbered code that is not deprecated.", n.byName, n.byWire))...)
	f.Var().Id(n.byName).Op("=").Index(jen.Op("...")).Add(uintType(len(codes))).Values(ints(p.byName)...)
	f.Line()
	f.Var().Id(n.byWire).Op("=").Index(jen.Op("...")).Add(uintType(len(codes))).Values(ints(p.byWire)...)
	f.Line()
}

func offsetText(min int) string {
	switch {
	case min > 0:
		return "-" + strconv.Itoa(min)
	case min < 0:
		return "+" + strconv.Itoa(-min)
	}
	return ""
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

	// template
	addComment(f, doc("template returns the message of c in language l with placeholder i written as \"\\x00\" followed by byte i, or \"\" when c has no placeholders.")...)
	var cases []jen.Code
	for _, c := range p.t.Codes {
		tm, ok := p.templates[c]
		if !ok {
			continue
		}
		lits := make([]jen.Code, len(tm))
		for i, s := range tm {
			lits[i] = jen.Lit(s)
		}
		cases = append(cases, jen.Case(jen.Id(c.QualifiedName())).Block(
			jen.Return(jen.Index(jen.Op("...")).String().Values(lits...).Index(jen.Id("l"))),
		))
	}
	if len(cases) == 0 {
		f.Func().Params(jen.Id(T)).Id("template").Params(jen.Int()).String().Block(jen.Return(jen.Lit("")))
	} else {
		f.Add(recv()).Id("template").Params(jen.Id("l").Int()).String().Block(
			jen.Switch(jen.Id("c")).Block(cases...),
			jen.Return(jen.Lit("")),
		)
	}
	f.Line()

	// Retryable
	var retry []jen.Code
	for _, c := range p.t.Codes {
		if c.Retryable {
			retry = append(retry, jen.Id(c.QualifiedName()))
		}
	}
	addComment(f, doc("Retryable reports whether a request that failed with c may succeed when repeated unchanged.")...)
	if len(retry) == 0 {
		f.Func().Params(jen.Id(T)).Id("Retryable").Params().Bool().Block(jen.Return(jen.False()))
	} else {
		f.Add(recv()).Id("Retryable").Params().Bool().Block(
			jen.Switch(jen.Id("c")).Block(jen.Case(retry...).Block(jen.Return(jen.True()))),
			jen.Return(jen.False()),
		)
	}
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
	addComment(f, doc("UnmarshalJSON reads a JSON number, as UnmarshalText reads text; null leaves c as it is.")...)
	f.Func().Params(jen.Id("c").Op("*").Id(T)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Id("b")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
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

// constructors emits New<Code> for each code that needs arguments.
func (g *gen) constructors(f *jen.File, p *plan) {
	for _, c := range p.t.Codes {
		k := p.ctors[c]
		if k == nil {
			continue
		}
		var names []string
		for _, prm := range k.params {
			names = append(names, prm.Name)
		}
		names = append(names, k.headers...)
		if k.retry != "" {
			names = append(names, retryAfterHeader)
		}
		ids := paramNames(names, func(s string) bool { return g.taken[s] })

		var params, args, fields []jen.Code
		for i, prm := range k.params {
			id := ids[i]
			if prm.Type == catalog.ParamInt {
				params = append(params, jen.Id(id).Int())
				args = append(args, jen.Id("itoa").Call(jen.Id(id)))
			} else {
				params = append(params, jen.Id(id).String())
				args = append(args, jen.Id(id))
			}
		}
		for i, h := range k.headers {
			id := ids[len(k.params)+i]
			params = append(params, jen.Id(id).String())
			fields = append(fields, jen.Values(jen.Lit(h), jen.Id(id)))
		}
		retry := jen.Nil()
		if k.retry != "" {
			id := ids[len(ids)-1]
			if k.retry == catalog.Must {
				params = append(params, jen.Id(id).Id("RetryAfter"))
				fields = append(fields, jen.Values(jen.Lit(retryAfterHeader), jen.Id(id).Dot("value")))
			} else {
				params = append(params, jen.Id(id).Op("...").Id("RetryAfter"))
				retry = jen.Id(id)
			}
		}
		argv, fieldv := jen.Nil(), jen.Nil()
		if len(args) > 0 {
			argv = jen.Index().String().Values(args...)
		}
		if len(fields) > 0 {
			fieldv = jen.Index().Id("field").Values(fields...)
		}

		addComment(f, g.ctorDoc(c, k, ids)...)
		f.Func().Id(constructorName(c)).Params(params...).Op("*").Id("Error").Block(
			jen.Return(jen.Id("newError").Call(jen.Id(c.QualifiedName()), argv, fieldv, retry)),
		)
		f.Line()
	}
}

func (g *gen) ctorDoc(c *catalog.Code, k *ctor, ids []string) []string {
	def := g.langs[g.def]
	paras := []string{fmt.Sprintf("%s returns an Error of %s, whose message reads: %s", constructorName(c), c.QualifiedName(), oneLine(display(c, def)))}
	var notes []string
	for i, h := range k.headers {
		notes = append(notes, fmt.Sprintf("%s is the %s header its status obliges.", ids[len(k.params)+i], h))
	}
	if k.retry == catalog.Must {
		notes = append(notes, fmt.Sprintf("%s is the Retry-After header its status obliges.", ids[len(ids)-1]))
	} else if k.retry != "" {
		notes = append(notes, fmt.Sprintf("%s optionally sets the Retry-After header (the last one wins).", ids[len(ids)-1]))
	}
	if len(notes) > 0 {
		paras = append(paras, strings.Join(notes, " "))
	}
	if c.Deprecated != nil {
		s := "Deprecated:"
		if r := c.Deprecated.Replacement; r != nil {
			if g.plans[r.Table].ctors[r] != nil {
				s += " use " + constructorName(r) + " instead."
			} else {
				s += " use New(" + r.QualifiedName() + ") instead."
			}
		} else {
			s += " " + c.QualifiedName() + " is deprecated."
		}
		paras = append(paras, s)
	}
	return doc(paras...)
}
