package typescript

import (
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/textenc"
)

// The JavaScript is ES2015 plus modules: no optional chaining, no
// Object.hasOwn, so it runs untranspiled in every browser a bundler still
// targets. Every top-level statement is a literal, a function or an
// export: importing a module runs nothing, and a bundler drops whatever a
// consumer does not use. Indexes (by wire name, by status) are built on
// first use.

// commonJS renders what both entry forms share: languages, the docs base
// URL and the problem parser.
func (g *gen) commonJS() string {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("\n")
	b.WriteString("export const languages = [")
	for i, tag := range g.langs {
		if i > 0 {
			b.WriteString(", ")
		}
		textenc.WriteJSString(&b, tag)
	}
	b.WriteString("];\n\n")
	b.WriteString("export const defaultLanguage = ")
	textenc.WriteJSString(&b, g.c.Default)
	b.WriteString(";\n\n")
	b.WriteString("export const languageNames = {\n")
	for _, l := range g.c.Languages {
		b.WriteString("  ")
		textenc.WriteJSString(&b, l.Tag)
		b.WriteString(": ")
		textenc.WriteJSString(&b, l.Name)
		b.WriteString(",\n")
	}
	b.WriteString("};\n\n")
	b.WriteString(`export function isLanguage(value) {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(languageNames, value);
}

export const docsBaseUrl = `)
	textenc.WriteJSString(&b, g.c.DocsBaseURL)
	b.WriteString(`;

export function parseProblem(body) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return undefined;
  }
  const { type, title, status, detail, instance, code, name } = body;
  if (
    typeof title !== "string" ||
    !Number.isInteger(status) || status < 400 || status > 599 ||
    !Number.isInteger(code) ||
    typeof name !== "string"
  ) {
    return undefined;
  }
  const problem = { type: typeof type === "string" ? type : "about:blank", title, status };
  if (typeof detail === "string") {
    problem.detail = detail;
  }
  if (typeof instance === "string") {
    problem.instance = instance;
  }
  problem.code = code;
  problem.name = name;
  return problem;
}
`)
	return b.String()
}

// runtimeJS renders the helpers the table modules share. No entry
// re-exports them.
func (g *gen) runtimeJS() string {
	return Header + `
import { defaultLanguage, docsBaseUrl, isLanguage } from "./common.js";

const hasOwn = Object.prototype.hasOwnProperty;

// has reports whether value is a code of the table whose per-code map is
// byCode: a number that is an own key of it.
export function has(byCode, value) {
  return typeof value === "number" && hasOwn.call(byCode, value);
}

// format fills a code's message; args is [params?, language?]. A missing
// param keeps its {placeholder}; an unknown language falls back to the
// default one.
export function format(messages, templates, code, args) {
  let params;
  let language = args[0];
  if (typeof language === "object" && language !== null) {
    params = language;
    language = args[1];
  }
  if (!isLanguage(language)) {
    language = defaultLanguage;
  }
  const parts = hasOwn.call(templates, code) ? templates[code][language] : undefined;
  if (parts === undefined) {
    return hasOwn.call(messages[language], code) ? messages[language][code] : "";
  }
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    text += (params !== undefined && hasOwn.call(params, name) ? String(params[name]) : "{" + name + "}") + parts[i + 1];
  }
  return text;
}

// index groups codes by the value byCode gives each, in code order; every
// group is frozen, since lookups hand it out.
export function index(codes, byCode) {
  const groups = new Map();
  for (const code of codes) {
    const group = groups.get(byCode[code]);
    if (group === undefined) {
      groups.set(byCode[code], [code]);
    } else {
      group.push(code);
    }
  }
  for (const group of groups.values()) {
    Object.freeze(group);
  }
  return groups;
}

// lookup returns a group of index, or an empty one.
export function lookup(groups, value) {
  const group = groups.get(value);
  return group === undefined ? Object.freeze([]) : group;
}

// problemType is a code's problem type URI: the same in every language.
export function problemType(table, code) {
  return docsBaseUrl + "/" + table + "/" + code;
}

export function docsUrl(table, code, language) {
  return docsBaseUrl + "/" + (isLanguage(language) ? language : defaultLanguage) + "/" + table + "/" + code;
}
`
}

// textMap writes `export const name = { lang: { code: text, … }, … };`,
// a table's texts per language.
func (g *gen) textMap(b *strings.Builder, t *table, name string, text func(*catalog.Code, string) string) {
	b.WriteString("export const " + name + " = {\n")
	for _, tag := range g.langs {
		b.WriteString("  ")
		textenc.WriteJSString(b, tag)
		b.WriteString(": {\n")
		for _, c := range t.Codes {
			b.WriteString("    " + key(c.Number) + ": ")
			textenc.WriteJSString(b, text(c, tag))
			b.WriteString(",\n")
		}
		b.WriteString("  },\n")
	}
	b.WriteString("};\n\n")
}

// tableJS renders one table's runtime data and functions: everything but
// the enum or const object itself, so both entry forms share one copy.
func (g *gen) tableJS(t *table) string {
	var b strings.Builder
	b.Grow(len(t.Codes) * 64 * (len(g.langs) + 2))
	b.WriteString(Header)
	b.WriteString("\nimport { docsUrl, format, has, index, lookup, problemType } from \"./" + runtimeFile + ".js\";\n\n")

	b.WriteString("export const " + t.Values + " = [")
	for i, c := range t.Codes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(c.Number))
	}
	b.WriteString("];\n\n")

	b.WriteString("export function " + t.Is + "(value) {\n  return has(" + t.Status + ", value);\n}\n\n")

	g.textMap(&b, t, t.Messages, placeholderText)
	g.textMap(&b, t, t.Titles, func(c *catalog.Code, tag string) string { return c.Title.Get(tag) })

	b.WriteString("const " + t.Templates + " = {")
	hasParams := false
	for _, c := range t.Codes {
		if len(c.Params) == 0 {
			continue
		}
		hasParams = true
		b.WriteString("\n  " + key(c.Number) + ": {\n")
		for _, tag := range g.langs {
			b.WriteString("    ")
			textenc.WriteJSString(&b, tag)
			b.WriteString(": [")
			for i, p := range parts(c, tag) {
				if i > 0 {
					b.WriteString(", ")
				}
				textenc.WriteJSString(&b, p)
			}
			b.WriteString("],\n")
		}
		b.WriteString("  },")
	}
	if hasParams {
		b.WriteString("\n")
	}
	b.WriteString("};\n\n")
	b.WriteString("export function " + t.Format + "(code, ...args) {\n  return format(" +
		t.Messages + ", " + t.Templates + ", code, args);\n}\n\n")

	perCode := func(name string, value func(i int) string) {
		b.WriteString("export const " + name + " = {\n")
		for i, c := range t.Codes {
			b.WriteString("  " + key(c.Number) + ": " + value(i) + ",\n")
		}
		b.WriteString("};\n\n")
	}
	lazyIndex := func(fn, param, byCode string) {
		cache := fn + "Index"
		b.WriteString("let " + cache + ";\n\n")
		b.WriteString("export function " + fn + "(" + param + ") {\n")
		b.WriteString("  if (" + cache + " === undefined) {\n")
		b.WriteString("    " + cache + " = index(" + t.Values + ", " + byCode + ");\n  }\n")
		b.WriteString("  return lookup(" + cache + ", " + param + ");\n}\n\n")
	}
	perCode(t.Wire, func(i int) string { return textenc.JSString(t.Codes[i].Wire) })
	lazyIndex(t.ByWire, "wire", t.Wire)
	perCode(t.Status, func(i int) string { return strconv.Itoa(t.Codes[i].Status) })
	lazyIndex(t.ByStatus, "status", t.Status)
	perCode(t.Retryable, func(i int) string { return strconv.FormatBool(t.Codes[i].Retryable) })

	b.WriteString("export function " + t.DocsURL + "(code, language) {\n  return docsUrl(")
	textenc.WriteJSString(&b, t.docsPath())
	b.WriteString(", code, language);\n}\n\n")

	b.WriteString("export function " + t.ProblemType + "(code) {\n  return problemType(")
	textenc.WriteJSString(&b, t.docsPath())
	b.WriteString(", code);\n}\n\n")
	// The type tells tables apart where numbers repeat (response 404 and
	// HTTP 404); the status keeps codes below 400 out, as servers do.
	b.WriteString("export function " + t.IsProblem + "(problem) {\n  return has(" + t.Status + ", problem.code) && " +
		t.Status + "[problem.code] >= 400 && problem.type === problemType(")
	textenc.WriteJSString(&b, t.docsPath())
	b.WriteString(", problem.code);\n}\n")
	return b.String()
}

// entryJS renders an entry module: the shared modules re-exported, then
// each table's enum object (with the reverse mapping a TypeScript numeric
// enum has) or const object.
func (g *gen) entryJS(enum bool) string {
	var b strings.Builder
	b.WriteString(Header)
	b.WriteString("\nexport * from \"./" + commonFile + ".js\";\n")
	for _, t := range g.tables {
		b.WriteString("export * from \"./" + t.module + ".js\";\n")
	}
	for _, t := range g.tables {
		b.WriteString("\nexport const " + t.Type + " = {\n")
		for _, c := range t.Codes {
			b.WriteString("  " + c.ID + ": " + strconv.Itoa(c.Number) + ",\n")
		}
		if enum {
			for _, c := range t.Codes {
				b.WriteString("  " + key(c.Number) + ": ")
				textenc.WriteJSString(&b, c.ID)
				b.WriteString(",\n")
			}
		}
		b.WriteString("};\n")
	}
	return b.String()
}
