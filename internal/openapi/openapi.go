// Package openapi renders a catalog as an OpenAPI document of reusable
// components, 3.0.3 or (output.openapi.spec_version) 3.1: one integer enum per code table, one wire-name enum
// per table, an RFC 9457 Problem schema, and one response per HTTP error
// status with a named example for every code a server sends with it.
//
// The document is built as an openapi3.T with kin-openapi, written as YAML
// and JSON with the same key order, and loaded back and validated before
// Emit returns it. docs/openapi.md documents the choices and how
// another spec $refs the responses.
package openapi

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/textenc"
)

// document31 is what a document of spec_version "3.1" declares, and
// dialect2020 the JSON Schema dialect its schemas are written in.
const (
	document31  = "3.1.1"
	dialect2020 = "https://json-schema.org/draft/2020-12/schema"
)

// corsHeader is the header output.openapi.cors_origins declares on
// every response.
const corsHeader = "Access-Control-Allow-Origin"

// File names under the target's dir.
const (
	YAMLName = "errors.yaml"
	JSONName = "errors.json"
)

// ProblemSchema is the name of the RFC 9457 schema; ProblemMediaType the
// content type of every response.
const (
	ProblemSchema    = "Problem"
	ProblemMediaType = "application/problem+json"
)

// Member names of the Problem extension: the code number and its wire name.
// The Go and TypeScript targets use the same names.
const (
	MemberCode = "code"
	MemberName = "name"
)

// Ceilings of the Problem schema where the catalog cannot know a length
// (docs/openapi.md lists them): every other bound is the catalog's own.
const (
	// StringParamMax is what a string param counts for in detail's
	// maxLength; an int param counts as the longest int64, 20 characters.
	StringParamMax = 256
	// DetailExtraMax is what a server may add after the filled message in
	// detail (the Go target's Error.Detail), separator included.
	DetailExtraMax = 1024
	// InstanceMax is the longest instance URI reference: RFC 9110, Section
	// 4.1 asks every sender and recipient to handle URIs of 8000 octets.
	InstanceMax = 8000
	// HeaderMax is the longest header value the header components allow,
	// the limit of common servers for one field line.
	HeaderMax = 8192
	// ExtensionMembersMax is how many members beyond its own properties
	// a problem may carry (RFC 9457 allows extension members).
	ExtensionMembersMax = 16
)

// intParamMax is the length of the longest int64 in decimal.
const intParamMax = len("-9223372036854775808")

// internalType and internalTitle are the type and title of the problem a
// server sends for an error that carries no code (the Go target's
// internalProblem): the Problem schema's bounds admit them too.
const (
	internalType  = "about:blank"
	internalTitle = "Internal Server Error"
)

// componentKey is what OpenAPI 3 allows as the key of a component.
var componentKey = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// Emit renders the OpenAPI target: errors.json and errors.yaml in o.Dir.
// It returns an error, with no files, when the document would be invalid.
func Emit(c *catalog.Catalog, o Options) ([]output.File, error) {
	return output.Collect(func(put func(output.File) error) error { return Stream(c, o, put) })
}

// Stream renders the OpenAPI target and passes errors.yaml, then
// errors.json, to put, each written as put takes it.
func Stream(c *catalog.Catalog, o Options, put func(output.File) error) error {
	doc, err := Build(c, o)
	if err != nil {
		return err
	}
	// The document is checked as built, its references resolved in memory:
	// loading the written JSON back took most of the target's time, and
	// the tests load both written files back with kin-openapi anyway.
	// Examples are left to the tests too (which validate them in full on
	// every fixture): kin-openapi compares each example with the whole
	// enum, which is quadratic in the number of codes.
	if err := validateBuilt(doc); err != nil {
		return fmt.Errorf("openapi: the generated document is invalid: %w", err)
	}
	// Each file is written as the output takes it, compared with disk
	// on the way: both grow with the catalog, and neither is held whole.
	for _, f := range []struct {
		name   string
		asJSON bool
	}{{YAMLName, false}, {JSONName, true}} {
		write := func(w io.Writer) error { return writeDoc(w, doc, f.asJSON) }
		if err := put(output.File{Path: path.Join(o.Dir, f.name), Write: write}); err != nil {
			return err
		}
	}
	return nil
}

// validateBuilt resolves the references of a document built in memory and
// validates it, without examples.
func validateBuilt(doc *openapi3.T) error {
	loader := openapi3.NewLoader()
	if err := loader.ResolveRefsIn(doc, nil); err != nil {
		return fmt.Errorf("resolve references: %w", err)
	}
	return doc.Validate(loader.Context, openapi3.DisableExamplesValidation(), openapi3.EnableMultiError())
}

// Validate loads an OpenAPI document from data with kin-openapi and
// validates it, reporting every problem rather than the first.
func Validate(data []byte) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	ctx := loader.Context
	if ctx == nil {
		ctx = context.Background()
	}
	return doc.Validate(ctx, openapi3.EnableMultiError())
}

// Build assembles the document. It checks every component key first and
// reports all bad or colliding keys at once.
func Build(c *catalog.Catalog, o Options) (*openapi3.T, error) {
	b := &builder{c: c, o: o, doc: &openapi3.T{
		OpenAPI:    Version30,
		Extensions: map[string]any{"x-generated": output.Marker},
		Info: &openapi3.Info{
			Title:       o.Title,
			Version:     o.Version,
			Description: infoDescription,
			Extensions: map[string]any{
				"x-language":  c.Default,
				"x-languages": languageTags(c),
			},
		},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas:   openapi3.Schemas{},
			Headers:   openapi3.Headers{},
			Responses: openapi3.ResponseBodies{},
		},
	}}
	if o.SpecVersion == Version31 {
		b.doc.OpenAPI = document31
		b.doc.JSONSchemaDialect = dialect2020
	}
	b.plan()
	if err := b.checkKeys(); err != nil {
		return nil, err
	}
	b.addSchemas()
	b.addResponses()
	return b.doc, nil
}

const infoDescription = "Error components generated by errgen from the code catalog: " +
	"an integer enum and a wire-name enum per code table, the RFC 9457 `Problem` schema, " +
	"and one `application/problem+json` response per HTTP error status, to `$ref` from other specs. " +
	"Text is in the language `x-language` names; each other language of `x-languages` " +
	"sits beside it in an extension named after the field and the language tag " +
	"(`x-<field>-<tag>`, e.g. `x-summary-<tag>` beside `summary`)."

func languageTags(c *catalog.Catalog) []string {
	tags := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		tags[i] = l.Tag
	}
	return tags
}

type builder struct {
	c   *catalog.Catalog
	o   Options
	doc *openapi3.T

	// Derived once by plan, in a fixed order.
	enums     []*enumPlan     // one per table
	responses []*responsePlan // by status
	headers   []*headerPlan   // by component key
	bounds    problemBounds
}

// problemBounds are the longest texts and the numbers a problem can carry,
// from every code a server sends (and the problem of an error without a
// code), so the Problem schema bounds each member by what errgen's servers
// send.
type problemBounds struct {
	typ, title, detail, name int // maxLength, in characters as JSON Schema counts them
	codeMin, codeMax         int // the numbers of the codes a server sends
	codes                    bool
}

// add widens b to hold what a server may send for code.
func (b *problemBounds) add(c *catalog.Catalog, code *catalog.Code) {
	if !b.codes {
		b.codeMin, b.codeMax, b.codes = code.Number, code.Number, true
	}
	b.codeMin, b.codeMax = min(b.codeMin, code.Number), max(b.codeMax, code.Number)
	b.typ = max(b.typ, utf8.RuneCountInString(c.ProblemType(code)))
	b.name = max(b.name, utf8.RuneCountInString(code.Wire))
	for _, l := range c.Languages {
		b.title = max(b.title, utf8.RuneCountInString(code.Title.Get(l.Tag)))
		b.detail = max(b.detail, detailMax(code, l.Tag))
	}
}

// detailMax is the longest detail of a code in lang: its message with
// every param at its longest, then what the server adds.
func detailMax(code *catalog.Code, lang string) int {
	n := DetailExtraMax
	for _, seg := range code.Message.Segments(lang) {
		if seg.Param == "" {
			n += utf8.RuneCountInString(seg.Literal)
			continue
		}
		n += StringParamMax
		for _, p := range code.Params {
			if p.Name == seg.Param && p.Type == catalog.ParamInt {
				n += intParamMax - StringParamMax
				break
			}
		}
	}
	return n
}

type enumPlan struct {
	table *catalog.Table
	wire  []string // distinct wire names of server codes, first-seen order
}

// wireSchema names a table's wire-name enum, or "" when it has none.
func (e *enumPlan) wireSchema() string {
	if len(e.wire) == 0 {
		return ""
	}
	return e.table.TypeName + "Name"
}

type responsePlan struct {
	status int
	name   string        // component key, e.g. NotFound
	http   *catalog.Code // the http table's entry, or nil
	codes  []*catalog.Code
	// headers in the order the catalog lists them, with their component.
	headers []responseHeader
}

type responseHeader struct {
	header catalog.Header
	key    string // components.headers key
}

// headerPlan is one components.headers entry and the responses using it.
type headerPlan struct {
	key      string
	name     string
	required bool
	uses     []headerUse // by status
}

type headerUse struct {
	response *responsePlan
	header   catalog.Header
}

// plan derives names and groupings: which statuses get a response and
// which codes each one shows, and the header components.
func (b *builder) plan() {
	byStatus := map[int]*responsePlan{}
	b.bounds = problemBounds{typ: len(internalType), title: len(internalTitle), detail: DetailExtraMax}
	for _, t := range b.c.Tables {
		e := &enumPlan{table: t}
		// A set, not a search of e.wire, which is quadratic in the codes.
		seen := map[string]bool{}
		for _, code := range t.Codes {
			if code.Client {
				continue // raised by a client: never on the wire
			}
			if !seen[code.Wire] {
				seen[code.Wire] = true
				e.wire = append(e.wire, code.Wire)
			}
			if code.Status < 400 {
				continue // success and redirection carry no problem
			}
			b.bounds.add(b.c, code)
			r := byStatus[code.Status]
			if r == nil {
				r = &responsePlan{status: code.Status, http: b.c.HTTPStatus(code.Status)}
				r.name = "Status" + strconv.Itoa(code.Status)
				if r.http != nil {
					r.name = r.http.ID
				}
				byStatus[code.Status] = r
				b.responses = append(b.responses, r)
			}
			r.codes = append(r.codes, code)
		}
		b.enums = append(b.enums, e)
	}
	slices.SortFunc(b.responses, func(x, y *responsePlan) int { return cmp.Compare(x.status, y.status) })

	// Headers are keyed by name, so another spec finds Retry-After at
	// #/components/headers/Retry-After. Where one name is MUST for some
	// statuses and not for others, the MUST ones get Name.Required (a
	// $ref cannot override required). Each component lists every use.
	var keys []string
	groups := map[string]*headerPlan{}
	required := map[string]map[bool]bool{}
	for _, r := range b.responses {
		if r.http == nil {
			continue
		}
		for _, h := range b.c.ObligedHeaders(r.http) {
			if required[h.Name] == nil {
				required[h.Name] = map[bool]bool{}
			}
			required[h.Name][h.Requirement == catalog.Must] = true
		}
	}
	for _, r := range b.responses {
		if r.http == nil {
			continue
		}
		for _, h := range b.c.ObligedHeaders(r.http) {
			must := h.Requirement == catalog.Must
			key := h.Name
			if must && len(required[h.Name]) > 1 {
				key += ".Required"
			}
			g := groups[key]
			if g == nil {
				g = &headerPlan{key: key, name: h.Name, required: must}
				groups[key] = g
				keys = append(keys, key)
			}
			g.uses = append(g.uses, headerUse{response: r, header: h})
			r.headers = append(r.headers, responseHeader{header: h, key: key})
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		b.headers = append(b.headers, groups[k])
	}
}

// checkKeys reports every component key that OpenAPI would reject or that
// two components share, at the catalog position that names it.
func (b *builder) checkKeys() error {
	var errs []error
	seen := map[string]string{}
	check := func(kind, key, what string, pos catalog.Pos) {
		if !componentKey.MatchString(key) {
			errs = append(errs, catalog.Errorf(pos, "", "OpenAPI: %s key %q (%s) does not match %s", kind, key, what, componentKey))
		}
		id := kind + "/" + key
		if prev, ok := seen[id]; ok {
			errs = append(errs, catalog.Errorf(pos, "", "OpenAPI: %s key %q names both %s and %s", kind, key, prev, what))
			return
		}
		seen[id] = what
	}
	check("schema", ProblemSchema, "the RFC 9457 problem", catalog.Pos{})
	for _, e := range b.enums {
		check("schema", e.table.TypeName, "the "+string(e.table.Kind)+" table's codes", e.table.Pos)
		if s := e.wireSchema(); s != "" {
			check("schema", s, "the "+string(e.table.Kind)+" table's wire names", e.table.Pos)
			check("schema", e.variant(), "the "+string(e.table.Kind)+" table's problem", e.table.Pos)
		}
	}
	for _, r := range b.responses {
		check("response", r.name, "HTTP status "+strconv.Itoa(r.status), r.pos())
	}
	if len(b.o.CORSOrigins) > 0 {
		check("header", corsHeader, "output.openapi.cors_origins", catalog.Pos{})
	}
	for _, h := range b.headers {
		check("header", h.key, "header "+h.name, h.uses[0].response.pos())
	}
	return errors.Join(errs...)
}

// pos is where the catalog lists the response's status: its http code,
// else its first code.
func (r *responsePlan) pos() catalog.Pos {
	if r.http != nil {
		return r.http.Pos
	}
	if len(r.codes) > 0 {
		return r.codes[0].Pos
	}
	return catalog.Pos{}
}

// translations adds, for each language but the document's, the extension
// x-<field>-<tag> holding text in that language. Languages without text
// are left out.
func (b *builder) translations(ext map[string]any, field string, text func(lang string) string) map[string]any {
	for _, l := range b.c.Languages {
		if l.Tag == b.c.Default {
			continue
		}
		if s := text(l.Tag); s != "" {
			if ext == nil {
				ext = map[string]any{}
			}
			ext["x-"+field+"-"+l.Tag] = s
		}
	}
	return ext
}

func schemaRef(name string) *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Ref: "#/components/schemas/" + name}
}

// addSchemas adds one integer enum and one wire-name enum per table, the
// Problem schema, and for each table a Problem variant that types code
// and name by the table's enums.
func (b *builder) addSchemas() {
	schemas := b.doc.Components.Schemas
	var variants []string
	for _, e := range b.enums {
		t := e.table
		s := openapi3.NewInt32Schema().WithMin(float64(t.Min)).WithMax(float64(t.Max))
		s.Title = textenc.OneLine(t.Title.Get(b.c.Default))
		s.Description = textenc.CommonMark(t.Description.Get(b.c.Default))
		s.Extensions = b.translations(nil, "title", func(l string) string { return textenc.OneLine(t.Title.Get(l)) })
		s.Extensions = b.translations(s.Extensions, "description", func(l string) string { return textenc.CommonMark(t.Description.Get(l)) })
		var (
			enum       = make([]any, len(t.Codes))
			names      = make([]string, len(t.Codes))
			descs      = map[string][]string{}
			deprecated []string
		)
		for i, c := range t.Codes {
			enum[i] = c.Number
			names[i] = c.ID
			for _, l := range b.c.Languages {
				descs[l.Tag] = append(descs[l.Tag], textenc.OneLine(placeholderText(c.Message, l.Tag)))
			}
			if c.Deprecated != nil {
				deprecated = append(deprecated, c.ID)
			}
		}
		s.Enum = enum
		if b.o.SpecVersion == Version31 {
			s.OneOf = b.enumMembers(t)
		}
		if s.Extensions == nil {
			s.Extensions = map[string]any{}
		}
		s.Extensions["x-enum-varnames"] = names
		s.Extensions["x-enum-descriptions"] = descs[b.c.Default]
		for _, l := range b.c.Languages {
			if l.Tag != b.c.Default {
				s.Extensions["x-enum-descriptions-"+l.Tag] = descs[l.Tag]
			}
		}
		if len(deprecated) > 0 {
			s.Extensions["x-enum-deprecated"] = deprecated
		}
		schemas[t.TypeName] = s.NewRef()

		ws := e.wireSchema()
		if ws == "" {
			continue // no code of the table reaches the wire
		}
		w := openapi3.NewStringSchema()
		w.Description = "Wire names of " + t.TypeName + ": the `" + MemberName +
			"` member of a problem. Several codes may share one name; client-side codes have none."
		wire := make([]any, len(e.wire))
		for i, n := range e.wire {
			wire[i] = n
		}
		w.Enum = wire
		schemas[ws] = w.NewRef()

		// A variant per table rather than code and name as an anyOf of
		// the tables' enums: ogen cannot generate such an anyOf (its
		// "complex anyOf" is not implemented) and drops the operations
		// that use it.
		members := openapi3.NewObjectSchema()
		members.Properties = openapi3.Schemas{MemberCode: schemaRef(t.TypeName), MemberName: schemaRef(ws)}
		v := openapi3.NewSchema()
		v.Description = "A `" + ProblemSchema + "` whose `" + MemberCode + "` is one of " + t.TypeName +
			" and whose `" + MemberName + "` one of " + ws + "."
		v.AllOf = openapi3.SchemaRefs{schemaRef(ProblemSchema), members.NewRef()}
		schemas[e.variant()] = v.NewRef()
		variants = append(variants, e.variant())
	}
	schemas[ProblemSchema] = b.problemSchema(variants).NewRef()
}

// enumMembers are a table's codes as 3.1 writes an enum with a name and a
// text per member: a oneOf of {const, title, description}, the title the
// code's id, the description its whole message (line breaks kept, as
// CommonMark) and its description, each other language beside it.
func (b *builder) enumMembers(t *catalog.Table) openapi3.SchemaRefs {
	members := make(openapi3.SchemaRefs, len(t.Codes))
	for i, c := range t.Codes {
		m := &openapi3.Schema{Const: c.Number, Title: c.ID, Description: memberDescription(c, b.c.Default)}
		m.Extensions = b.translations(nil, "description", func(l string) string { return memberDescription(c, l) })
		if c.Deprecated != nil {
			m.Deprecated = true
		}
		members[i] = m.NewRef()
	}
	return members
}

// memberDescription is a code's message, placeholders as {name}, and its
// description, in one language.
func memberDescription(c *catalog.Code, lang string) string {
	s := textenc.CommonMark(placeholderText(c.Message, lang))
	if d := c.Description.Get(lang); d != "" {
		s += "\n\n" + textenc.CommonMark(d)
	}
	return s
}

// variant names the table's Problem variant.
func (e *enumPlan) variant() string { return e.table.TypeName + ProblemSchema }

// problemSchema is RFC 9457's problem details object with two extension
// members, each member bounded by what a server sends (b.bounds).
func (b *builder) problemSchema(variants []string) *openapi3.Schema {
	bounds := b.bounds
	s := openapi3.NewObjectSchema()
	s.Description = "Problem details (RFC 9457) of an error response, extended with the `" +
		MemberCode + "` that identifies it and that code's wire `" + MemberName + "`."
	s.ExternalDocs = &openapi3.ExternalDocs{URL: "https://www.rfc-editor.org/rfc/rfc9457"}

	typ := openapi3.NewStringSchema().WithFormat("uri-reference").WithMaxLength(int64(bounds.typ))
	typ.Description = "Identifies the problem type: {docsBaseUrl}/{table}/{code}, the same in every language; the docs site serves a page there that links to each language's page. `" + internalType + "` for an error that carries no code."
	title := openapi3.NewStringSchema().WithMaxLength(int64(bounds.title))
	title.Description = "Short, human-readable summary of the problem type, the same for every occurrence; it holds no placeholder. Show `detail` where present: it is the message with its placeholders filled."
	status := openapi3.NewInt32Schema().WithMin(400).WithMax(599)
	status.Description = "The HTTP status code the server sent with this problem: only 4xx and 5xx responses carry problem details."
	detail := openapi3.NewStringSchema().WithMaxLength(int64(bounds.detail))
	detail.Description = "Human-readable explanation specific to this occurrence."
	instance := openapi3.NewStringSchema().WithFormat("uri-reference").WithMaxLength(InstanceMax)
	instance.Description = "Identifies this occurrence of the problem."
	code := openapi3.NewInt32Schema().WithMin(float64(bounds.codeMin)).WithMax(float64(bounds.codeMax))
	code.Description = "The code: a number of one of the code tables."
	name := openapi3.NewStringSchema().WithMaxLength(int64(bounds.name))
	name.Description = "The code's wire name."
	if len(variants) > 0 {
		code.Description += " Each table's enum types it in the variant " + strings.Join(variants, ", ") + "."
		name.Description += " Each table's wire-name enum types it in the same variants."
	}

	s.Properties = openapi3.Schemas{
		"type":     typ.NewRef(),
		"title":    title.NewRef(),
		"status":   status.NewRef(),
		"detail":   detail.NewRef(),
		"instance": instance.NewRef(),
		MemberCode: code.NewRef(),
		MemberName: name.NewRef(),
	}
	s.Required = []string{"type", "title", "status", MemberCode, MemberName}
	s.MaxProps = openapi3.Ptr(uint64(len(s.Properties) + ExtensionMembersMax))
	return s
}

// placeholderText is a message with each placeholder shown as {name}: the
// form the Go target's Message and a problem's title have, and the
// TypeScript target's docs show.
func placeholderText(m catalog.Message, lang string) string {
	return m.Plain(lang, func(p string) string { return "{" + p + "}" })
}

// exampleText is a message with each placeholder filled by its example.
func exampleText(code *catalog.Code, lang string) string {
	return code.Message.Plain(lang, func(p string) string {
		for _, param := range code.Params {
			if param.Name == p {
				if param.Example != "" {
					return param.Example
				}
				break
			}
		}
		return "{" + p + "}"
	})
}

// addResponses adds the header components and one response per status.
func (b *builder) addResponses() {
	if len(b.o.CORSOrigins) > 0 {
		origins := make([]any, len(b.o.CORSOrigins))
		for i, o := range b.o.CORSOrigins {
			origins[i] = o
		}
		schema := openapi3.NewStringSchema().WithMaxLength(HeaderMax)
		schema.Enum = origins
		b.doc.Components.Headers[corsHeader] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
			Description: "The origins whose browser pages may read the response (output.openapi.cors_origins).",
			Schema:      schema.NewRef(),
		}}}
	}
	for _, h := range b.headers {
		p := openapi3.Parameter{
			Description: b.headerDescription(h, b.c.Default),
			Required:    h.required,
			Schema:      openapi3.NewStringSchema().WithMaxLength(HeaderMax).NewRef(),
		}
		p.Extensions = b.translations(nil, "description", func(l string) string { return b.headerDescription(h, l) })
		b.doc.Components.Headers[h.key] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: p}}
	}
	for _, r := range b.responses {
		resp := openapi3.NewResponse().WithDescription(b.responseDescription(r, b.c.Default))
		resp.Extensions = b.translations(nil, "description", func(l string) string { return b.responseDescription(r, l) })
		if len(r.headers) > 0 || len(b.o.CORSOrigins) > 0 {
			resp.Headers = openapi3.Headers{}
			for _, h := range r.headers {
				resp.Headers[h.header.Name] = &openapi3.HeaderRef{Ref: "#/components/headers/" + h.key}
			}
			if len(b.o.CORSOrigins) > 0 {
				resp.Headers[corsHeader] = &openapi3.HeaderRef{Ref: "#/components/headers/" + corsHeader}
			}
		}
		examples := openapi3.Examples{}
		for _, code := range r.codes {
			examples[code.QualifiedName()] = &openapi3.ExampleRef{Value: b.example(code)}
		}
		resp.Content = openapi3.Content{ProblemMediaType: &openapi3.MediaType{
			Schema:   schemaRef(ProblemSchema),
			Examples: examples,
		}}
		b.doc.Components.Responses[r.name] = &openapi3.ResponseRef{Value: resp}
	}
}

// headerDescription says, in one language, which responses carry the
// header, how strongly (RFC 2119) and what for.
func (b *builder) headerDescription(h *headerPlan, lang string) string {
	lines := make([]string, len(h.uses))
	for i, u := range h.uses {
		line := "- " + strconv.Itoa(u.response.status) + " " + u.response.name + ": " + string(u.header.Requirement)
		if d := u.header.Description.Get(lang); d != "" {
			// Continuation lines are indented to stay in the list item.
			line += ". " + strings.ReplaceAll(textenc.CommonMark(d), "\n", "\n  ")
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// responseDescription is the http table's message (and description) for
// the status, in one language.
func (b *builder) responseDescription(r *responsePlan, lang string) string {
	if r.http == nil {
		if lang != b.c.Default {
			return ""
		}
		return "HTTP " + strconv.Itoa(r.status)
	}
	s := strconv.Itoa(r.status) + " " + textenc.CommonMark(placeholderText(r.http.Message, lang))
	if d := r.http.Description.Get(lang); d != "" {
		s += "\n\n" + textenc.CommonMark(d)
	}
	return s
}

// example is a full problem body for a code, with its message as summary
// and its description (and deprecation) as description. The body and the
// other languages' texts are made when the document is written (lazy):
// kin-openapi's validation reads neither, and they are much of the
// document's size.
func (b *builder) example(code *catalog.Code) *openapi3.Example {
	lang := b.c.Default
	ex := &openapi3.Example{
		Summary:     b.exampleSummary(code, lang),
		Description: b.exampleDescription(code, lang),
		Value: lazy(func() any {
			// The body the Go target sends: type and title are the same
			// for every occurrence (RFC 9457), detail is the message
			// filled with the params' examples.
			value := map[string]any{
				"type":     b.c.ProblemType(code),
				"title":    code.Title.Get(lang),
				"status":   code.Status,
				MemberCode: code.Number,
				MemberName: code.Wire,
			}
			if len(code.Params) > 0 {
				value["detail"] = exampleText(code, lang)
			}
			return value
		}),
	}
	for _, l := range b.c.Languages {
		if l.Tag == lang {
			continue
		}
		if ex.Extensions == nil {
			ex.Extensions = map[string]any{}
		}
		// A summary has text in every language; a description may have none.
		ex.Extensions["x-summary-"+l.Tag] = lazy(func() any { return b.exampleSummary(code, l.Tag) })
		if code.Deprecated != nil || code.Description.Get(l.Tag) != "" {
			ex.Extensions["x-description-"+l.Tag] = lazy(func() any { return b.exampleDescription(code, l.Tag) })
		}
	}
	if code.Deprecated != nil {
		if ex.Extensions == nil {
			ex.Extensions = map[string]any{}
		}
		ex.Extensions["x-deprecated"] = true
	}
	return ex
}

// lazy is a value of the document made when the document is written: the
// writers here and encoding/json (kin-openapi's MarshalJSON) both call it.
type lazy func() any

func (f lazy) MarshalYAML() (any, error)    { return f(), nil }
func (f lazy) MarshalJSON() ([]byte, error) { return json.Marshal(f()) }

func (b *builder) exampleSummary(code *catalog.Code, lang string) string {
	return strconv.Itoa(code.Number) + " " + code.ID + ": " + textenc.OneLine(placeholderText(code.Message, lang))
}

// exampleDescription joins a code's description and its deprecation. The
// "Deprecated:" keyword stays as is in every language, like Go's and
// JSDoc's markers, so tools and readers find it.
func (b *builder) exampleDescription(code *catalog.Code, lang string) string {
	var parts []string
	if d := code.Description.Get(lang); d != "" {
		parts = append(parts, textenc.CommonMark(d))
	}
	if dep := code.Deprecated; dep != nil {
		s := "Deprecated:"
		if dep.Replacement != nil {
			s += " use " + dep.Replacement.QualifiedName() + " (" + strconv.Itoa(dep.Replacement.Number) + ")."
		}
		if r := dep.Reason.Get(lang); r != "" {
			s += " " + textenc.CommonMark(r)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n\n")
}
