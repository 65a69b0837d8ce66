// Package openapi renders a catalog as an OpenAPI 3.0.3 document of
// reusable components: one integer enum per code table, one wire-name enum
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
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// Version is the OpenAPI version of the document. 3.0.3 rather than 3.1:
// kin-openapi, oapi-codegen, openapi-generator and openapi-typescript all
// read it, and a 3.1 spec may $ref 3.0 components while the reverse breaks.
const Version = "3.0.3"

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

// componentKey is what OpenAPI 3 allows as the key of a component.
var componentKey = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// Emit renders the OpenAPI target: errors.yaml and errors.json in
// c.Output.OpenAPI.Dir. It returns no files when the target is off, and an
// error, with no files, when the document would be invalid.
func Emit(c *catalog.Catalog) ([]output.File, error) {
	if c.Output.OpenAPI == nil {
		return nil, nil
	}
	doc, err := Build(c)
	if err != nil {
		return nil, err
	}
	// The document is checked as built, its references resolved in memory:
	// loading the written JSON back took most of the target's time, and
	// the tests load both written files back with kin-openapi anyway.
	// Examples are left to the tests too (which validate them in full on
	// every fixture): kin-openapi compares each example with the whole
	// enum, which is quadratic and took seconds at 10 000 codes.
	if err := validateBuilt(doc); err != nil {
		return nil, fmt.Errorf("openapi: the generated document is invalid: %w", err)
	}
	root, err := tree(doc)
	if err != nil {
		return nil, err
	}
	// YAML encoding is the slowest step left: it runs while the JSON is
	// written. Both files come from root.
	var yamlData []byte
	var yamlErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		yamlData, yamlErr = encodeYAML(root)
	}()
	jsonData, err := encodeJSON(root)
	<-done
	if err = errors.Join(err, yamlErr); err != nil {
		return nil, err
	}
	dir := c.Output.OpenAPI.Dir
	return []output.File{
		{Path: path.Join(dir, YAMLName), Data: yamlData},
		{Path: path.Join(dir, JSONName), Data: jsonData},
	}, nil
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
func Build(c *catalog.Catalog) (*openapi3.T, error) {
	if c.Output.OpenAPI == nil {
		return nil, errors.New("openapi: the target is off in this catalog")
	}
	b := &builder{c: c, doc: &openapi3.T{
		OpenAPI:    Version,
		Extensions: map[string]any{"x-generated": output.Marker},
		Info: &openapi3.Info{
			Title:       c.Output.OpenAPI.Title,
			Version:     c.Output.OpenAPI.Version,
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
	doc *openapi3.T

	// Derived once by plan, in a fixed order.
	enums     []*enumPlan     // one per table
	responses []*responsePlan // by status
	headers   []*headerPlan   // by component key
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
	for _, t := range b.c.Tables {
		e := &enumPlan{table: t}
		// A set, not a search of e.wire: that was quadratic, 3 s at 50 000 codes.
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
// two components share.
func (b *builder) checkKeys() error {
	var errs []error
	seen := map[string]string{}
	check := func(kind, key, what string) {
		if !componentKey.MatchString(key) {
			errs = append(errs, fmt.Errorf("openapi: %s key %q (%s) does not match %s", kind, key, what, componentKey))
		}
		id := kind + "/" + key
		if prev, ok := seen[id]; ok {
			errs = append(errs, fmt.Errorf("openapi: %s key %q names both %s and %s", kind, key, prev, what))
			return
		}
		seen[id] = what
	}
	check("schema", ProblemSchema, "the RFC 9457 problem")
	for _, e := range b.enums {
		check("schema", e.table.TypeName, "the "+string(e.table.Kind)+" table's codes")
		if s := e.wireSchema(); s != "" {
			check("schema", s, "the "+string(e.table.Kind)+" table's wire names")
		}
	}
	for _, r := range b.responses {
		check("response", r.name, "HTTP status "+strconv.Itoa(r.status))
	}
	for _, h := range b.headers {
		check("header", h.key, "header "+h.name)
	}
	return errors.Join(errs...)
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

// addSchemas adds one integer enum and one wire-name enum per table, and the
// Problem schema that refers to them.
func (b *builder) addSchemas() {
	schemas := b.doc.Components.Schemas
	problem := problemSchema()
	code, name := problem.Properties[MemberCode].Value, problem.Properties[MemberName].Value
	for _, e := range b.enums {
		t := e.table
		s := openapi3.NewInt32Schema()
		s.Title = t.Title[b.c.Default]
		s.Description = markdownText(t.Description[b.c.Default])
		s.Extensions = b.translations(nil, "title", func(l string) string { return t.Title[l] })
		s.Extensions = b.translations(s.Extensions, "description", func(l string) string { return markdownText(t.Description[l]) })
		var (
			enum        = make([]any, len(t.Codes))
			names       = make([]string, len(t.Codes))
			descs       = map[string][]string{}
			deprecated  []string
			serverCodes bool
		)
		for i, c := range t.Codes {
			enum[i] = c.Number
			names[i] = c.ID
			for _, l := range b.c.Languages {
				descs[l.Tag] = append(descs[l.Tag], placeholderText(c.Message, l.Tag))
			}
			if c.Deprecated != nil {
				deprecated = append(deprecated, c.ID)
			}
			serverCodes = serverCodes || !c.Client
		}
		s.Enum = enum
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
		if serverCodes {
			code.AnyOf = append(code.AnyOf, schemaRef(t.TypeName))
		}

		if ws := e.wireSchema(); ws != "" {
			w := openapi3.NewStringSchema()
			w.Description = "Wire names of " + t.TypeName + ": the `" + MemberName +
				"` member of a problem. Several codes may share one name; client-side codes have none."
			wire := make([]any, len(e.wire))
			for i, n := range e.wire {
				wire[i] = n
			}
			w.Enum = wire
			schemas[ws] = w.NewRef()
			name.AnyOf = append(name.AnyOf, schemaRef(ws))
		}
	}
	// A lone alternative is used directly: linters reject a one-item anyOf.
	for _, m := range []struct{ member, typ, format string }{
		{MemberCode, openapi3.TypeInteger, "int32"},
		{MemberName, openapi3.TypeString, ""},
	} {
		s := problem.Properties[m.member].Value
		switch len(s.AnyOf) {
		case 0:
			s.Type = &openapi3.Types{m.typ}
			s.Format = m.format
		case 1:
			problem.Properties[m.member] = s.AnyOf[0]
		}
	}
	schemas[ProblemSchema] = problem.NewRef()
}

// problemSchema is RFC 9457's problem details object with two extension
// members; code and name are completed by addSchemas.
func problemSchema() *openapi3.Schema {
	s := openapi3.NewObjectSchema()
	s.Description = "Problem details (RFC 9457) of an error response, extended with the `" +
		MemberCode + "` that identifies it and that code's wire `" + MemberName + "`."
	s.ExternalDocs = &openapi3.ExternalDocs{URL: "https://www.rfc-editor.org/rfc/rfc9457"}

	typ := openapi3.NewStringSchema().WithFormat("uri")
	typ.Description = "Identifies the problem type: the documentation page of the code."
	title := openapi3.NewStringSchema()
	title.Description = "Short, human-readable summary: the code's message."
	status := openapi3.NewInt32Schema().WithMin(100).WithMax(599)
	status.Description = "The HTTP status code the server sent with this problem."
	detail := openapi3.NewStringSchema()
	detail.Description = "Human-readable explanation specific to this occurrence."
	instance := openapi3.NewStringSchema().WithFormat("uri-reference")
	instance.Description = "Identifies this occurrence of the problem."
	code := openapi3.NewSchema()
	code.Description = "The code: a number of one of the code tables."
	name := openapi3.NewSchema()
	name.Description = "The code's wire name."

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
	for _, h := range b.headers {
		p := openapi3.Parameter{
			Description: b.headerDescription(h, b.c.Default),
			Required:    h.required,
			Schema:      openapi3.NewStringSchema().NewRef(),
		}
		p.Extensions = b.translations(nil, "description", func(l string) string { return b.headerDescription(h, l) })
		b.doc.Components.Headers[h.key] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: p}}
	}
	for _, r := range b.responses {
		resp := openapi3.NewResponse().WithDescription(b.responseDescription(r, b.c.Default))
		resp.Extensions = b.translations(nil, "description", func(l string) string { return b.responseDescription(r, l) })
		if len(r.headers) > 0 {
			resp.Headers = openapi3.Headers{}
			for _, h := range r.headers {
				resp.Headers[h.header.Name] = &openapi3.HeaderRef{Ref: "#/components/headers/" + h.key}
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
		if d := u.header.Description[lang]; d != "" {
			// Continuation lines are indented to stay in the list item.
			line += ". " + strings.ReplaceAll(markdownText(d), "\n", "\n  ")
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
	s := strconv.Itoa(r.status) + " " + markdownText(placeholderText(r.http.Message, lang))
	if d := r.http.Description[lang]; d != "" {
		s += "\n\n" + markdownText(d)
	}
	return s
}

// example is a full problem body for a code, with its message as summary
// and its description (and deprecation) as description.
func (b *builder) example(code *catalog.Code) *openapi3.Example {
	lang := b.c.Default
	// The body the Go target sends: title is the message with its
	// placeholders unfilled (the same for every occurrence, as RFC 9457
	// wants), detail the message filled with the params' examples.
	value := map[string]any{
		"type":     b.c.DocsURL(code, lang),
		"title":    placeholderText(code.Message, lang),
		"status":   code.Status,
		MemberCode: code.Number,
		MemberName: code.Wire,
	}
	if len(code.Params) > 0 {
		value["detail"] = exampleText(code, lang)
	}
	ex := &openapi3.Example{
		Summary:     b.exampleSummary(code, lang),
		Description: b.exampleDescription(code, lang),
		Value:       value,
	}
	ex.Extensions = b.translations(nil, "summary", func(l string) string { return b.exampleSummary(code, l) })
	ex.Extensions = b.translations(ex.Extensions, "description", func(l string) string { return b.exampleDescription(code, l) })
	if code.Deprecated != nil {
		if ex.Extensions == nil {
			ex.Extensions = map[string]any{}
		}
		ex.Extensions["x-deprecated"] = true
	}
	return ex
}

func (b *builder) exampleSummary(code *catalog.Code, lang string) string {
	return strconv.Itoa(code.Number) + " " + code.ID + ": " + placeholderText(code.Message, lang)
}

// exampleDescription joins a code's description and its deprecation. The
// "Deprecated:" keyword stays as is in every language, like Go's and
// JSDoc's markers, so tools and readers find it.
func (b *builder) exampleDescription(code *catalog.Code, lang string) string {
	var parts []string
	if d := code.Description[lang]; d != "" {
		parts = append(parts, markdownText(d))
	}
	if dep := code.Deprecated; dep != nil {
		s := "Deprecated:"
		if dep.Replacement != nil {
			s += " use " + dep.Replacement.QualifiedName() + " (" + strconv.Itoa(dep.Replacement.Number) + ")."
		}
		if r := dep.Reason[lang]; r != "" {
			s += " " + markdownText(r)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n\n")
}
