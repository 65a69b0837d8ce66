package typescript

import (
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// writeDoc writes a JSDoc comment at an indent. Lines must already be safe
// inside a comment: catalog text goes through docLines or docText first.
// Leading and trailing blank lines are dropped; nothing is written when no
// line is left.
func writeDoc(b *strings.Builder, indent string, lines []string) {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return
	}
	if len(lines) == 1 && !strings.HasPrefix(lines[0], "@") {
		b.WriteString(indent + "/** " + lines[0] + " */\n")
		return
	}
	b.WriteString(indent + "/**\n")
	for _, l := range lines {
		if l == "" {
			b.WriteString(indent + " *\n")
		} else {
			b.WriteString(indent + " * " + l + "\n")
		}
	}
	b.WriteString(indent + " */\n")
}

// commonDTS declares common.js.
func (g *gen) commonDTS() string {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("\n")
	names := make([]string, len(g.c.Languages))
	for i, l := range g.c.Languages {
		names[i] = "`" + textenc.JSDocText(l.Tag) + "` (" + textenc.JSDocText(l.Name) + ")"
	}
	writeDoc(&b, "", []string{"A language of the messages: " + strings.Join(names, ", ") + "."})
	b.WriteString("export type Language = ")
	for i, tag := range g.langs {
		if i > 0 {
			b.WriteString(" | ")
		}
		textenc.WriteJSString(&b, tag)
	}
	b.WriteString(";\n\n")

	writeDoc(&b, "", []string{"Every {@link Language}, in the order codes.yaml declares them."})
	b.WriteString("export declare const languages: readonly [")
	for i, tag := range g.langs {
		if i > 0 {
			b.WriteString(", ")
		}
		textenc.WriteJSString(&b, tag)
	}
	b.WriteString("];\n\n")

	writeDoc(&b, "", []string{"The language of a message when none, or an unknown one, is asked for."})
	b.WriteString("export declare const defaultLanguage: ")
	textenc.WriteJSString(&b, g.c.Default)
	b.WriteString(";\n\n")

	writeDoc(&b, "", []string{"Each language's name for itself, e.g. for a language picker."})
	b.WriteString("export declare const languageNames: Readonly<Record<Language, string>>;\n\n")

	writeDoc(&b, "", []string{"Whether value is a {@link Language}."})
	b.WriteString("export declare function isLanguage(value: unknown): value is Language;\n\n")

	writeDoc(&b, "", []string{"The docs site's base URL: a code's page is `{docsBaseUrl}/{language}/{table}/{code}`."})
	b.WriteString("export declare const docsBaseUrl: ")
	textenc.WriteJSString(&b, g.c.DocsBaseURL)
	b.WriteString(";\n\n")

	b.WriteString(`/**
 * Problem details (RFC 9457) of an error response, extended with the ` + "`code`" + `
 * that identifies it and that code's wire ` + "`name`" + `: the OpenAPI document's
 * ` + "`Problem`" + ` schema. Narrow ` + "`code`" + ` with a table's guard, e.g.
 * ` + "`" + g.exampleGuard() + "(problem.code)`" + `.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc9457}
 */
export interface Problem {
  /**
   * Identifies the problem type, the same in every language:
   * ` + "`{docsBaseUrl}/{table}/{code}`" + `, a docs page that leads to each language's page.
   */
  readonly type: string;
  /**
   * Short summary of the problem type, the same for every occurrence and
   * without placeholders. Show ` + "`detail`" + ` when there is one.
   */
  readonly title: string;
  /** The HTTP status code the server sent with this problem: 400 to 599. */
  readonly status: number;
  /**
   * Explanation of this occurrence: the code's message with its params
   * filled, then anything the server adds. What a UI shows first.
   */
  readonly detail?: string;
  /** Identifies this occurrence of the problem. */
  readonly instance?: string;
  /** The code: a number of one of the code tables. */
  readonly code: number;
  /** The code's wire name. */
  readonly name: string;
}

/**
 * Narrows a parsed JSON body (e.g. ` + "`await response.json()`" + `) to a {@link Problem},
 * or returns undefined when it is not one: ` + "`title`" + ` and ` + "`name`" + ` must be
 * strings, ` + "`status`" + ` an integer from 400 to 599 (only errors are problems) and ` + "`code`" + ` an integer.
 * As RFC 9457 says, a ` + "`type`" + `, ` + "`detail`" + ` or ` + "`instance`" + ` of another type is
 * ignored, and a missing ` + "`type`" + ` is ` + "`about:blank`" + `. The result is a new object
 * with only the members above; a code unknown to this package is kept, so
 * a newer server's problem still parses.
 */
export declare function parseProblem(body: unknown): Problem | undefined;
`)
	return b.String()
}

// exampleGuard names a guard for the docs.
func (g *gen) exampleGuard() string { return g.exampleTable().Is }

// entryDTS declares an entry module: the enum form (index.d.ts) or the
// erasable const form (const.d.ts). Both declare the same names; only each
// table's own type differs.
func (g *gen) entryDTS(enum bool) string {
	var b strings.Builder
	n := 0
	for _, t := range g.tables {
		n += len(t.Codes)
	}
	b.Grow(n * 400)
	b.WriteString(Header)
	b.WriteString("\nimport type { Language, Problem } from \"./" + commonFile + ".js\";\n\n")
	b.WriteString("export * from \"./" + commonFile + ".js\";\n")
	for _, t := range g.tables {
		b.WriteString("\n")
		g.tableDTS(&b, t, enum)
	}
	return b.String()
}

func (g *gen) tableDTS(b *strings.Builder, t *table, enum bool) {
	var doc []string
	for _, tag := range g.langs {
		doc = append(doc, textenc.JSDocText(t.Title.Get(tag)), "")
	}
	if !t.Description.Empty() {
		for _, tag := range g.langs {
			doc = append(doc, "")
			doc = append(doc, textenc.JSDocLines(t.Description.Get(tag))...)
		}
	}
	if !enum {
		doc = append(doc, "", "An erasable enum: a const object, and the union of its values as a type.")
	}
	writeDoc(b, "", doc)
	if enum {
		b.WriteString("export declare enum " + t.Type + " {\n")
		for i, c := range t.Codes {
			b.WriteString(t.memberDocs(g)[i])
			b.WriteString("  " + c.ID + " = " + strconv.Itoa(c.Number) + ",\n")
		}
		b.WriteString("}\n\n")
	} else {
		b.WriteString("export declare const " + t.Type + ": {\n")
		for i, c := range t.Codes {
			b.WriteString(t.memberDocs(g)[i])
			b.WriteString("  readonly " + c.ID + ": " + strconv.Itoa(c.Number) + ";\n")
		}
		b.WriteString("};\n")
		b.WriteString("export type " + t.Type + " = (typeof " + t.Type + ")[keyof typeof " + t.Type + "];\n\n")
	}

	link := "{@link " + t.Type + "}"
	decl := func(doc string, line string) {
		writeDoc(b, "", []string{doc})
		b.WriteString(line + "\n\n")
	}
	decl("Every "+link+", in ascending order.",
		"export declare const "+t.Values+": readonly "+t.Type+"[];")
	decl("Whether value is "+article(t.Type)+" "+link+": a number of the "+string(t.Kind)+" table.",
		"export declare function "+t.Is+"(value: unknown): value is "+t.Type+";")
	writeDoc(b, "", []string{
		"The message of every " + link + " in every {@link Language}, each placeholder",
		"shown as `{name}`: {@link " + t.Format + "} fills them.",
	})
	b.WriteString("export declare const " + t.Messages + ": Readonly<Record<Language, Readonly<Record<" + t.Type + ", string>>>>;\n\n")

	writeDoc(b, "", []string{"The placeholders of each " + link + " whose message has any, with their types."})
	b.WriteString("export interface " + t.Params + " {")
	hasParams := false
	for _, c := range t.Codes {
		if len(c.Params) == 0 {
			continue
		}
		hasParams = true
		b.WriteString("\n  readonly [" + t.Type + "." + c.ID + "]: {")
		for i, p := range c.Params {
			if i > 0 {
				b.WriteString(";")
			}
			typ := "string"
			if p.Type == catalog.ParamInt {
				typ = "number"
			}
			b.WriteString(" readonly " + p.Name + ": " + typ)
		}
		b.WriteString(" };")
	}
	if hasParams {
		b.WriteString("\n")
	}
	b.WriteString("}\n\n")

	writeDoc(b, "", []string{
		"What {@link " + t.Format + "} takes after the code: the params when the code's",
		"message has placeholders, then the language.",
	})
	b.WriteString("export type " + t.FormatArgs + "<C extends " + t.Type + "> = C extends keyof " + t.Params + "\n" +
		"  ? [params: " + t.Params + "[C], language?: Language | undefined]\n" +
		"  : [language?: Language | undefined];\n\n")

	writeDoc(b, "", []string{
		"The message of " + article(t.Type) + " " + link + " in a language (default: {@link defaultLanguage}),",
		"its placeholders filled from params: `" + g.formatExample(t) + "`.",
		"The compiler asks for exactly the params the code's message has; a",
		"param missing at run time keeps its `{name}`.",
	})
	b.WriteString("export declare function " + t.Format + "<C extends " + t.Type + ">(code: C, ...args: " + t.FormatArgs + "<C>): string;\n\n")

	writeDoc(b, "", []string{"Every wire name of " + article(t.Type) + " " + link + ": the `name` member of a problem."})
	b.WriteString("export type " + t.WireType + " =")
	if len(t.wires) == 0 {
		b.WriteString(" never")
	}
	for _, w := range t.wires {
		b.WriteString("\n  | ")
		textenc.WriteJSString(b, w)
	}
	b.WriteString(";\n\n")
	decl("The wire name of every "+link+".",
		"export declare const "+t.Wire+": Readonly<Record<"+t.Type+", "+t.WireType+">>;")
	writeDoc(b, "", []string{
		"Every " + link + " with a wire name, ascending; empty for an unknown name.",
		"Several codes may share one name (they differ in number, not on the",
		"wire), so this returns them all: tell them apart by a problem's `code`.",
	})
	b.WriteString("export declare function " + t.ByWire + "(wire: string): readonly " + t.Type + "[];\n\n")
	statusDoc := "The HTTP status a server sends with every " + link + "."
	if t.Kind == catalog.KindHTTP {
		statusDoc = "The HTTP status of every " + link + ": the code itself, or 0 for a client-side exception."
	}
	decl(statusDoc,
		"export declare const "+t.Status+": Readonly<Record<"+t.Type+", number>>;")
	decl("Every "+link+" a server sends with an HTTP status, ascending; empty when none.",
		"export declare function "+t.ByStatus+"(status: number): readonly "+t.Type+"[];")
	decl("Whether a request that failed with "+article(t.Type)+" "+link+" may succeed when retried.",
		"export declare const "+t.Retryable+": Readonly<Record<"+t.Type+", boolean>>;")
	writeDoc(b, "", []string{"The docs page of " + article(t.Type) + " " + link + " in a language (default: {@link defaultLanguage})."})
	b.WriteString("export declare function " + t.DocsURL + "(code: " + t.Type + ", language?: Language | undefined): string;\n\n")
	writeDoc(b, "", []string{
		"The problem title of every " + link + " in every {@link Language}: a short summary",
		"the same for every occurrence, without placeholders. A UI shows a problem's",
		"`detail` when it has one (the message with its params filled), else this.",
	})
	b.WriteString("export declare const " + t.Titles + ": Readonly<Record<Language, Readonly<Record<" + t.Type + ", string>>>>;\n\n")
	writeDoc(b, "", []string{
		"The problem type URI of " + article(t.Type) + " " + link + ", the same in every language:",
		"`{docsBaseUrl}/" + t.docsPath() + "/{code}`, a docs page that leads to each language's page.",
	})
	b.WriteString("export declare function " + t.ProblemType + "(code: " + t.Type + "): string;\n\n")
	writeDoc(b, "", []string{
		"Whether a parsed {@link Problem} is one of " + article(t.Type) + " " + link + ": its `type` is",
		"that code's {@link " + t.ProblemType + "} (numbers repeat across tables; types do not)",
		"and its code's status is 400 or above.",
	})
	b.WriteString("export declare function " + t.IsProblem + "(problem: Problem): problem is Problem & { readonly code: " + t.Type + " };\n")
}

// formatExample shows a formatter call in the docs, with the first code
// that has params, or the first code.
func (g *gen) formatExample(t *table) string {
	for _, c := range t.Codes {
		if len(c.Params) > 0 {
			args := make([]string, len(c.Params))
			for i, p := range c.Params {
				v := strconv.Quote(p.Example)
				if p.Type == catalog.ParamInt {
					v = p.Example
				}
				args[i] = p.Name + ": " + v
			}
			return textenc.JSDocText(t.Format + "(" + t.Type + "." + c.ID + ", { " + strings.Join(args, ", ") + " }, \"" + g.c.Default + "\")")
		}
	}
	if len(t.Codes) > 0 {
		return t.Format + "(" + t.Type + "." + t.Codes[0].ID + ", \"" + g.c.Default + "\")"
	}
	return t.Format + "(code)"
}

// memberDocs renders every code's comment once, for both entry forms.
func (t *table) memberDocs(g *gen) []string {
	if t.docs == nil {
		t.docs = make([]string, len(t.Codes))
		var b strings.Builder
		for i, c := range t.Codes {
			b.Reset()
			writeDoc(&b, "  ", g.memberDoc(t, c))
			t.docs[i] = b.String()
		}
	}
	return t.docs
}

// memberDoc is the JSDoc of one code: its message in every language, its
// facts, its docs page and, when deprecated, the replacement and reason.
func (g *gen) memberDoc(t *table, c *catalog.Code) []string {
	var lines []string
	for _, tag := range g.langs {
		lines = append(lines, textenc.JSDocLines(placeholderText(c, tag))...)
		lines = append(lines, "")
	}
	facts := []string{"`" + strconv.Itoa(c.Number) + "`"}
	switch {
	case c.Client:
		facts = append(facts, "raised by the HTTP client, never sent by a server")
	case t.Kind != catalog.KindHTTP:
		facts = append(facts, "HTTP "+strconv.Itoa(c.Status))
	}
	facts = append(facts, "wire `"+textenc.JSDocText(c.Wire)+"`")
	if c.Retryable {
		facts = append(facts, "retryable")
	}
	lines = append(lines, strings.Join(facts, " · "))
	if len(c.Params) > 0 {
		lines = append(lines, "")
		ps := make([]string, len(c.Params))
		for i, p := range c.Params {
			typ := "string"
			if p.Type == catalog.ParamInt {
				typ = "number"
			}
			ps[i] = "`" + p.Name + "`: " + typ
			if p.Example != "" {
				ps[i] += ", e.g. " + textenc.JSDocText(p.Example)
			}
		}
		lines = append(lines, "Params: "+strings.Join(ps, "; ")+".")
	}
	lines = append(lines, "", "@see {@link "+textenc.JSDocURL(g.c.DocsURL(c, g.c.Default))+"}")
	if d := c.Deprecated; d != nil {
		dep := "@deprecated"
		if r := d.Replacement; r != nil {
			dep += " Use {@link " + t.Type + "." + r.ID + "} (" + strconv.Itoa(r.Number) + ") instead."
		}
		lines = append(lines, dep)
		if !d.Reason.Empty() {
			for _, tag := range g.langs {
				lines = append(lines, textenc.JSDocLines(d.Reason.Get(tag))...)
			}
		}
	}
	return lines
}
