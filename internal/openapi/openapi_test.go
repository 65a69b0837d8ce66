package openapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/openapi/openapitest"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/textenc"
)

// A case is a catalog and whether testdata/golden/<name> holds its output.
type testCase struct {
	name    string
	catalog string
	golden  bool
}

var cases = []testCase{
	// Every feature the target treats specially, in three languages.
	{"catalog", "testdata/catalog.yaml", true},
	// No http table, Korean as the document language.
	{"nohttp", "testdata/nohttp.yaml", true},
	// The project's own codes.yaml: the seed catalog.
	{"seed", "../../codes.yaml", true},
	// The trust tests' hostile strings (quotes, comment ends, <script>,
	// control characters, line breaks, long lines): every check but the
	// golden comparison, so that file can grow freely.
	{"hostile", "../../testdata/catalogs/hostile.yaml", false},
}

func caseNamed(t testing.TB, name string) testCase {
	t.Helper()
	for _, tc := range cases {
		if tc.name == name {
			return tc
		}
	}
	t.Fatalf("no case %s", name)
	return testCase{}
}

func load(t testing.TB, file string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(file)
	if err != nil {
		t.Fatalf("load %s: %v", file, err)
	}
	return c
}

func emit(t testing.TB, c *catalog.Catalog) map[string][]byte {
	t.Helper()
	files, err := openapi.Target.EmitFor(c)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ // sorted, as every streaming target's Emit returns them
		path.Join(options(t, c).Dir, openapi.JSONName),
		path.Join(options(t, c).Dir, openapi.YAMLName),
	}
	var got []string
	out := map[string][]byte{}
	for _, f := range files {
		got = append(got, f.Path)
		out[path.Base(f.Path)] = f.Data
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Emit wrote %q, want %q", got, want)
	}
	return out
}

// goldenDir is where a case's output in one spec version is kept:
// testdata/golden/<case> for 3.0.3, testdata/golden/<case>-3.1 for 3.1.
func goldenDir(tc testCase, version string) string {
	if version == openapi.Version30 {
		return filepath.Join("testdata", "golden", tc.name)
	}
	return filepath.Join("testdata", "golden", tc.name+"-"+version)
}

// TestGolden compares both files of every case, in both spec versions,
// with its goldenDir, byte for byte. Run `go test ./internal/openapi
// -update` after a wanted change and review the diff.
func TestGolden(t *testing.T) {
	for _, tc := range cases {
		if !tc.golden {
			continue
		}
		for _, v := range specVersions {
			t.Run(tc.name+"-"+v, func(t *testing.T) {
				files := emitVersion(t, tc, v)
				for _, name := range []string{openapi.YAMLName, openapi.JSONName} {
					testtool.Golden(t, filepath.Join(goldenDir(tc, v), name), files[name], *testtool.Update)
				}
			})
		}
	}
}

// TestMarker checks the generated-file marker: the exact first line of
// the YAML, and a string within output's window in the JSON.
func TestMarker(t *testing.T) {
	for _, tc := range cases {
		emit(t, load(t, tc.catalog)) // checks the files' paths
		for _, v := range specVersions {
			marker(t, tc.name+" "+v, emitVersion(t, tc, v))
		}
	}
}

func marker(t *testing.T, name string, files map[string][]byte) {
	t.Helper()
	y, j := files[openapi.YAMLName], files[openapi.JSONName]
	first, _, _ := bytes.Cut(y, []byte("\n"))
	if string(first) != "# "+output.Marker {
		t.Errorf("%s: YAML starts with %q", name, first)
	}
	for file, data := range files {
		if !output.IsGenerated(data) {
			t.Errorf("%s: %s is not recognised as generated", name, file)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal(j, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["x-generated"] != output.Marker {
		t.Errorf("%s: JSON x-generated = %v", name, doc["x-generated"])
	}
}

// TestDeterministic renders each case several times from freshly loaded
// catalogs: map order must never leak into the output.
func TestDeterministic(t *testing.T) {
	for _, tc := range cases {
		for _, v := range specVersions {
			first := emitVersion(t, tc, v)
			for range 5 {
				again := emitVersion(t, tc, v)
				if !reflect.DeepEqual(first, again) {
					t.Fatalf("%s %s: two runs differ", tc.name, v)
				}
			}
		}
	}
}

// TestSameDocument checks that the YAML and the JSON hold one tree, in
// both spec versions.
func TestSameDocument(t *testing.T) {
	for _, tc := range cases {
		for _, v := range specVersions {
			sameDocument(t, tc.name+" "+v, emitVersion(t, tc, v))
		}
	}
}

func sameDocument(t *testing.T, name string, files map[string][]byte) {
	t.Helper()
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(files[openapi.YAMLName], &fromYAML); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(files[openapi.JSONName], &fromJSON); err != nil {
		t.Fatal(err)
	}
	// yaml.v3 reads integers as int, encoding/json as float64.
	norm, err := json.Marshal(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	var y any
	if err := json.Unmarshal(norm, &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(y, fromJSON) {
		t.Errorf("%s: YAML and JSON hold different documents", name)
	}
}

// TestValidateGolden validates the committed golden files with kin-openapi
// straight from disk, independently of Emit: the 3.1 ones as 3.1.
func TestValidateGolden(t *testing.T) {
	for _, tc := range cases {
		if !tc.golden {
			continue
		}
		for _, v := range specVersions {
			for _, name := range []string{openapi.YAMLName, openapi.JSONName} {
				file := filepath.Join(goldenDir(tc, v), name)
				loader := openapi3.NewLoader()
				doc, err := loader.LoadFromFile(file)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if doc.IsOpenAPI31OrLater() != (v == openapi.Version31) {
					t.Errorf("%s: kin-openapi reads openapi %s", file, doc.OpenAPI)
				}
				if err := doc.Validate(loader.Context, openapi3.EnableMultiError()); err != nil {
					t.Errorf("%s: %v", file, err)
				}
			}
		}
	}
}

// TestValidateRejects proves that Validate is not a rubber stamp: each
// broken variant of a generated document must fail.
func TestValidateRejects(t *testing.T) {
	files := emit(t, load(t, "testdata/catalog.yaml"))
	good := string(files[openapi.JSONName])
	if err := openapi.Validate([]byte(good)); err != nil {
		t.Fatalf("the unbroken document fails: %v", err)
	}
	for _, b := range []struct{ name, old, new string }{
		{"example code outside every enum", `"code": 441,`, `"code": 99999,`},
		{"example status is a string", `"status": 404,`, `"status": "404",`},
		{"example wire name longer than every wire name", `"name": "RoomNotFound",`, `"name": "` + strings.Repeat("RoomNotFound", 20) + `",`},
		{"dangling schema ref", `"$ref": "#/components/schemas/Problem"`, `"$ref": "#/components/schemas/Nope"`},
		{"dangling header ref", `"$ref": "#/components/headers/Retry-After"`, `"$ref": "#/components/headers/Nope"`},
		{"bad component key", `"NotFound": {`, `"Not Found": {`},
		{"no info version", `"version": "2.1.0"`, `"version": ""`},
	} {
		if !strings.Contains(good, b.old) {
			t.Fatalf("%s: %q is not in the document", b.name, b.old)
		}
		bad := strings.Replace(good, b.old, b.new, 1)
		if err := openapi.Validate([]byte(bad)); err == nil {
			t.Errorf("%s: Validate accepted it", b.name)
		}
	}
}

// TestContent reads the emitted YAML back with kin-openapi and checks it
// against the catalog, field by field, for every code.
func TestContent(t *testing.T) {
	for _, tc := range cases {
		for _, v := range specVersions {
			t.Run(tc.name+"-"+v, func(t *testing.T) {
				c := load(t, tc.catalog)
				files := emitVersion(t, tc, v)
				doc, err := openapi3.NewLoader().LoadFromData(files[openapi.YAMLName])
				if err != nil {
					t.Fatal(err)
				}
				checkContent(t, c, doc, v)
			})
		}
	}
}

func checkContent(t *testing.T, c *catalog.Catalog, doc *openapi3.T, version string) {
	t.Helper()
	if doc.Info.Title != options(t, c).Title || doc.Info.Version != options(t, c).Version {
		t.Errorf("info = %q %q", doc.Info.Title, doc.Info.Version)
	}
	switch version {
	case openapi.Version30:
		if doc.OpenAPI != openapi.Version30 || doc.JSONSchemaDialect != "" {
			t.Errorf("openapi %s, jsonSchemaDialect %q", doc.OpenAPI, doc.JSONSchemaDialect)
		}
	case openapi.Version31:
		if !strings.HasPrefix(doc.OpenAPI, "3.1.") || doc.JSONSchemaDialect != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("openapi %s, jsonSchemaDialect %q, want 3.1.x in JSON Schema 2020-12", doc.OpenAPI, doc.JSONSchemaDialect)
		}
	}
	if doc.Paths.Len() != 0 {
		t.Errorf("paths has %d entries", doc.Paths.Len())
	}
	comp := doc.Components
	var others []string
	for _, l := range c.Languages {
		if l.Tag != c.Default {
			others = append(others, l.Tag)
		}
	}

	// Enum schemas: values, names and texts in code order, equal lengths.
	wantSchemas := []string{openapi.ProblemSchema}
	for _, table := range c.Tables {
		s := comp.Schemas[table.TypeName]
		if s == nil {
			t.Fatalf("no schema %s", table.TypeName)
		}
		wantSchemas = append(wantSchemas, table.TypeName)
		var nums []any
		var ids, wires []string
		texts := map[string][]string{}
		for _, code := range table.Codes {
			nums = append(nums, float64(code.Number))
			ids = append(ids, code.ID)
			for _, l := range c.Languages {
				// One line: openapi-typescript pastes each after `//`.
				texts[l.Tag] = append(texts[l.Tag], textenc.OneLine(code.Message.Plain(l.Tag, braces)))
			}
			if !code.Client && !slices.Contains(wires, code.Wire) {
				wires = append(wires, code.Wire)
			}
		}
		v := s.Value
		if !v.Type.Is(openapi3.TypeInteger) || !reflect.DeepEqual(v.Enum, nums) {
			t.Errorf("%s: type %v enum %v, want integer %v", table.TypeName, v.Type, v.Enum, nums)
		}
		if v.Min == nil || v.Max == nil || *v.Min != float64(table.Min) || *v.Max != float64(table.Max) {
			t.Errorf("%s: minimum/maximum are not the table's range %d…%d", table.TypeName, table.Min, table.Max)
		}
		checkMembers(t, c, table, v, version)
		checkList(t, v.Extensions, table.TypeName, "x-enum-varnames", ids)
		checkList(t, v.Extensions, table.TypeName, "x-enum-descriptions", texts[c.Default])
		for _, l := range others {
			checkList(t, v.Extensions, table.TypeName, "x-enum-descriptions-"+l, texts[l])
		}
		if len(wires) > 0 {
			name := table.TypeName + "Name"
			wantSchemas = append(wantSchemas, name, table.TypeName+openapi.ProblemSchema)
			w := comp.Schemas[name]
			if w == nil {
				t.Fatalf("no schema %s", name)
			}
			var enum []string
			for _, e := range w.Value.Enum {
				enum = append(enum, e.(string))
			}
			if !slices.Equal(enum, wires) {
				t.Errorf("%s enum = %q, want %q (deduplicated, no client codes)", name, enum, wires)
			}
		}
	}
	var gotSchemas []string
	for k := range comp.Schemas {
		gotSchemas = append(gotSchemas, k)
	}
	slices.Sort(gotSchemas)
	slices.Sort(wantSchemas)
	if !slices.Equal(gotSchemas, wantSchemas) {
		t.Errorf("schemas %q, want %q", gotSchemas, wantSchemas)
	}
	problem := comp.Schemas[openapi.ProblemSchema].Value
	for _, p := range []string{"type", "title", "status", "detail", "instance", openapi.MemberCode, openapi.MemberName} {
		if problem.Properties[p] == nil {
			t.Errorf("Problem has no %s", p)
		}
	}

	// Responses: exactly the statuses ≥ 400 some server code is sent
	// with; each shows exactly the codes sent with it.
	type want struct {
		name  string
		codes []*catalog.Code
	}
	wantResp := map[int]*want{}
	var statuses []int
	for _, table := range c.Tables {
		for _, code := range table.Codes {
			if code.Client || code.Status < 400 {
				continue
			}
			w := wantResp[code.Status]
			if w == nil {
				w = &want{name: "Status" + strconv.Itoa(code.Status)}
				if h := c.HTTPStatus(code.Status); h != nil {
					w.name = h.ID
				}
				wantResp[code.Status] = w
				statuses = append(statuses, code.Status)
			}
			w.codes = append(w.codes, code)
		}
	}
	if len(comp.Responses) != len(wantResp) {
		t.Errorf("%d responses, want %d", len(comp.Responses), len(wantResp))
	}
	usedHeaders := map[string]bool{}
	for _, status := range statuses {
		w := wantResp[status]
		r := comp.Responses[w.name]
		if r == nil {
			t.Errorf("no response %s for status %d", w.name, status)
			continue
		}
		mt := r.Value.Content[openapi.ProblemMediaType]
		if len(r.Value.Content) != 1 || mt == nil || mt.Schema.Ref != "#/components/schemas/"+openapi.ProblemSchema {
			t.Errorf("%s: content is not %s with $ref Problem", w.name, openapi.ProblemMediaType)
			continue
		}
		if len(mt.Examples) != len(w.codes) {
			t.Errorf("%s: %d examples, want %d", w.name, len(mt.Examples), len(w.codes))
		}
		for _, code := range w.codes {
			ex := mt.Examples[code.QualifiedName()]
			if ex == nil {
				t.Errorf("%s: no example %s", w.name, code.QualifiedName())
				continue
			}
			got, _ := json.Marshal(ex.Value.Value)
			body := map[string]any{
				"type":   c.ProblemType(code),
				"title":  code.Title.Get(c.Default),
				"status": status,
				"code":   code.Number,
				"name":   code.Wire,
			}
			if len(code.Params) > 0 {
				body["detail"] = code.Message.Plain(c.Default, exampleFill(code))
			}
			wantBody, _ := json.Marshal(body)
			if !bytes.Equal(got, wantBody) {
				t.Errorf("%s/%s: value %s, want %s", w.name, code.QualifiedName(), got, wantBody)
			}
			if got := ex.Value.Extensions["x-deprecated"] == true; got != (code.Deprecated != nil) {
				t.Errorf("%s/%s: x-deprecated = %v", w.name, code.QualifiedName(), got)
			}
			for _, l := range others {
				s, _ := ex.Value.Extensions["x-summary-"+l].(string)
				if !strings.HasSuffix(s, textenc.OneLine(code.Message.Plain(l, braces))) {
					t.Errorf("%s/%s: x-summary-%s = %q", w.name, code.QualifiedName(), l, s)
				}
			}
		}
		// Headers: those the http table obliges, MUST → required.
		var obliged []catalog.Header
		if h := c.HTTPStatus(status); h != nil {
			obliged = c.ObligedHeaders(h)
		}
		// And the CORS origin, where the catalog gives origins.
		origins := options(t, c).CORSOrigins
		if want := len(obliged) + min(len(origins), 1); len(r.Value.Headers) != want {
			t.Errorf("%s: %d headers, want %d", w.name, len(r.Value.Headers), want)
		}
		if len(origins) > 0 {
			cors := r.Value.Headers["Access-Control-Allow-Origin"]
			if cors == nil || cors.Value == nil || !reflect.DeepEqual(cors.Value.Schema.Value.Enum, toAny(origins)) {
				t.Errorf("%s: Access-Control-Allow-Origin is not the catalog's origins %q", w.name, origins)
			} else {
				usedHeaders["Access-Control-Allow-Origin"] = true
			}
		}
		for _, h := range obliged {
			ref := r.Value.Headers[h.Name]
			if ref == nil || !strings.HasPrefix(ref.Ref, "#/components/headers/"+h.Name) {
				t.Errorf("%s: header %s is not a $ref to components.headers", w.name, h.Name)
				continue
			}
			key := strings.TrimPrefix(ref.Ref, "#/components/headers/")
			usedHeaders[key] = true
			if got := ref.Value.Required; got != (h.Requirement == catalog.Must) {
				t.Errorf("%s: header %s required = %v, requirement %s", w.name, h.Name, got, h.Requirement)
			}
		}
	}
	if len(comp.Headers) != len(usedHeaders) {
		t.Errorf("%d header components, %d used", len(comp.Headers), len(usedHeaders))
	}

	// Client codes travel nowhere: no example anywhere has their number
	// in a client table's code set.
	for _, r := range comp.Responses {
		for key := range r.Value.Content[openapi.ProblemMediaType].Examples {
			for _, table := range c.Tables {
				for _, code := range table.Codes {
					if code.Client && code.QualifiedName() == key {
						t.Errorf("client code %s has an example", key)
					}
				}
			}
		}
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// checkMembers checks a table's enum members as 3.1 writes them, a oneOf
// of {const, title, description}, and that 3.0 has none (it cannot hold
// const).
func checkMembers(t *testing.T, c *catalog.Catalog, table *catalog.Table, s *openapi3.Schema, version string) {
	t.Helper()
	if version == openapi.Version30 {
		if len(s.OneOf) != 0 {
			t.Errorf("%s: 3.0.3 with a oneOf", table.TypeName)
		}
		return
	}
	if len(s.OneOf) != len(table.Codes) {
		t.Fatalf("%s: %d oneOf members, want %d", table.TypeName, len(s.OneOf), len(table.Codes))
	}
	text := func(code *catalog.Code, lang string) string {
		d := textenc.CommonMark(code.Message.Plain(lang, braces))
		if desc := code.Description.Get(lang); desc != "" {
			d += "\n\n" + textenc.CommonMark(desc)
		}
		return d
	}
	for i, code := range table.Codes {
		m := s.OneOf[i].Value
		if fmt.Sprint(m.Const) != strconv.Itoa(code.Number) || m.Title != code.ID || m.Description != text(code, c.Default) {
			t.Errorf("%s member %d = {const %v, title %q, description %q}, want {%d, %q, %q}",
				table.TypeName, i, m.Const, m.Title, m.Description, code.Number, code.ID, text(code, c.Default))
		}
		if m.Deprecated != (code.Deprecated != nil) {
			t.Errorf("%s member %s: deprecated = %v", table.TypeName, code.ID, m.Deprecated)
		}
		for _, l := range c.Languages {
			if got, _ := m.Extensions["x-description-"+l.Tag].(string); l.Tag != c.Default && got != text(code, l.Tag) {
				t.Errorf("%s member %s: x-description-%s = %q, want %q", table.TypeName, code.ID, l.Tag, got, text(code, l.Tag))
			}
		}
	}
}

func braces(p string) string { return "{" + p + "}" }

func exampleFill(code *catalog.Code) func(string) string {
	return func(p string) string {
		for _, param := range code.Params {
			if param.Name == p {
				return param.Example
			}
		}
		return "{" + p + "}"
	}
}

func checkList(t *testing.T, ext map[string]any, schema, key string, want []string) {
	t.Helper()
	raw, ok := ext[key].([]any)
	if !ok {
		t.Errorf("%s: %s missing or not a list", schema, key)
		return
	}
	var got []string
	for _, v := range raw {
		got = append(got, fmt.Sprint(v))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: %s = %q, want %q", schema, key, got, want)
	}
}

// TestKeys checks that Emit refuses component keys OpenAPI rejects or two
// components share, naming all of them, and writes nothing.
func TestKeys(t *testing.T) {
	c := load(t, "testdata/catalog.yaml")
	c.Table(catalog.KindResponse).TypeName = openapi.ProblemSchema // collides
	c.Table(catalog.KindError).TypeName = "Error Code"             // space
	h := c.Table(catalog.KindHTTP).Lookup(401)
	h.Headers = append(h.Headers, catalog.Header{Name: "X/Bad", Requirement: catalog.May})
	files, err := openapi.Target.EmitFor(c)
	if err == nil || files != nil {
		t.Fatalf("Emit = %d files, %v", len(files), err)
	}
	for _, want := range []string{`"Problem"`, `"Error Code"`, `"Error CodeName"`, `"X/Bad"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s:\n%v", want, err)
		}
	}
}

// writeTree writes the emitted files under dir at their catalog-relative
// paths, as errgen generate would, and returns their absolute paths.
func writeTree(t *testing.T, dir string, c *catalog.Catalog) []string {
	t.Helper()
	files, err := openapi.Target.EmitFor(c)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// exampleTree lays out the seed output and examples/openapi/api.yaml as
// in the repository, so the example's relative $refs resolve.
func exampleTree(t *testing.T) (dir, spec string) {
	t.Helper()
	return exampleTreeIn(t, openapi.Version30)
}

// exampleTreeIn is exampleTree with the components in the given spec
// version; for 3.1 the example declares itself 3.1.1 too, as a team
// that moved would.
func exampleTreeIn(t *testing.T, version string) (dir, spec string) {
	t.Helper()
	dir = t.TempDir()
	tc := caseNamed(t, "seed")
	c := load(t, tc.catalog)
	if options(t, c).Dir != "out/openapi" {
		t.Fatalf("codes.yaml writes OpenAPI to %s; update examples/openapi/api.yaml's $refs", options(t, c).Dir)
	}
	for name, data := range emitVersion(t, tc, version) {
		writeFile(t, filepath.Join(dir, "out", "openapi", name), string(data))
	}
	data, err := os.ReadFile("../../examples/openapi/api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if version == openapi.Version31 {
		const v30 = "\nopenapi: 3.0.3\n"
		if !strings.Contains(text, v30) {
			t.Fatalf("examples/openapi/api.yaml does not declare %q", v30)
		}
		text = strings.Replace(text, v30, "\nopenapi: 3.1.1\n", 1)
	}
	spec = filepath.Join(dir, "examples", "openapi", "api.yaml")
	writeFile(t, spec, text)
	return dir, spec
}

// TestExampleSpecKin loads the example spec with kin-openapi, following
// its $refs into the generated document, and validates it.
func TestExampleSpecKin(t *testing.T) {
	for _, v := range specVersions {
		_, spec := exampleTreeIn(t, v)
		loader := openapi3.NewLoader()
		loader.IsExternalRefsAllowed = true
		doc, err := loader.LoadFromFile(spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := doc.Validate(loader.Context, openapi3.EnableMultiError()); err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		op := doc.Paths.Find("/rooms/{roomId}").Get
		nf := op.Responses.Status(404)
		if nf == nil || nf.Value == nil || nf.Value.Content[openapi.ProblemMediaType].Examples["ResponseRoomNotFound"] == nil {
			t.Fatalf("%s: the example's 404 does not resolve to the generated NotFound response", v)
		}
	}
}

// TestRedocly lints every case's YAML and JSON and the example spec with
// the pinned @redocly/cli under testdata/redocly.yaml (recommended-strict:
// a warning fails too), then proves the linter catches a broken $ref.
func TestRedocly(t *testing.T) {
	redocly := testtool.NodeBin(t, "redocly")
	config, err := filepath.Abs("testdata/redocly.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir, spec := exampleTree(t)
	args := []string{"lint", "--config", config, "--format", "stylish"}
	for _, tc := range cases {
		args = append(args, writeTree(t, filepath.Join(dir, "cases", tc.name), load(t, tc.catalog))...)
		for name, data := range emitVersion(t, tc, openapi.Version31) {
			file := filepath.Join(dir, "cases", tc.name+"-"+openapi.Version31, name)
			writeFile(t, file, string(data))
			args = append(args, file)
		}
	}
	testtool.Run(t, dir, redocly, args...)
	// The example is a full API: lint it under recommended-strict alone,
	// with no rule switched off, and as a 3.1 API on 3.1 components.
	testtool.Run(t, dir, redocly, "lint", "--extends", "recommended-strict", "--format", "stylish", spec)
	_, spec31 := exampleTreeIn(t, openapi.Version31)
	testtool.Run(t, dir, redocly, "lint", "--extends", "recommended-strict", "--format", "stylish", spec31)
	// The README's recipe for one-file tools: bundle, then lint the bundle.
	bundled := filepath.Join(dir, "api.bundled.yaml")
	testtool.Run(t, dir, redocly, "bundle", spec, "-o", bundled)
	testtool.Run(t, dir, redocly, "lint", "--extends", "recommended-strict", "--format", "stylish", bundled)

	data, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "responses/NotFound", "responses/NoSuchResponse", 1)
	if err := os.WriteFile(spec, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := testtool.Output(dir, redocly, "lint", "--extends", "recommended-strict", "--format", "stylish", spec); err == nil {
		t.Errorf("redocly accepted a $ref to a missing response:\n%s", out)
	}
}

// TestOpenAPITypeScript runs the pinned openapi-typescript on the output
// and checks the union it generates for each table: exactly the catalog's
// numbers, in code order.
func TestOpenAPITypeScript(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each run starts Node: about 1.5 s
			c := load(t, tc.catalog)
			got := openapitest.CodeUnions(t, c)
			for _, table := range c.Tables {
				var want []int
				for _, code := range table.Codes {
					want = append(want, code.Number)
				}
				if !slices.Equal(got[table.TypeName], want) {
					t.Errorf("%s union = %v, want %v", table.TypeName, got[table.TypeName], want)
				}
			}
			// With --enum, in every version: TypeScript that tsc --strict
			// compiles, one enum per table named by x-enum-varnames. The
			// seed and the hostile catalog: the fixtures add nothing here.
			if tc.name != "seed" && tc.name != "hostile" {
				return
			}
			for _, v := range specVersions {
				enums := openapitest.Enums(t, c, v)
				for _, table := range c.Tables {
					want := map[string]int{}
					for _, code := range table.Codes {
						want[code.ID] = code.Number
					}
					if !maps.Equal(enums[table.TypeName], want) {
						t.Errorf("%s: enum %s = %v, want %v", v, table.TypeName, enums[table.TypeName], want)
					}
				}
			}
		})
	}
}

// options reads the catalog's output.openapi.
func options(t testing.TB, c *catalog.Catalog) openapi.Options {
	t.Helper()
	return testtool.Options(t, c, openapi.Target.Name, openapi.ReadOptions)
}

// TestOptionsRejects checks that output.openapi's spec_version and
// cors_origins refuse what errgen cannot write, each problem at its line,
// all at once.
func TestOptionsRejects(t *testing.T) {
	data, err := os.ReadFile("testdata/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	good := "openapi: {dir: out/openapi, title: Fixture API errors, version: 2.1.0}"
	bad := "openapi: {dir: out/openapi, title: Fixture API errors, version: 2.1.0, spec_version: \"3.2\",\n    cors_origins: [\"https://app.example.com/path\", \"https://ok.example.com\", \"https://ok.example.com\", \"*\"]}"
	if !strings.Contains(string(data), good) {
		t.Fatalf("testdata/catalog.yaml no longer has %q", good)
	}
	file := filepath.Join(t.TempDir(), "codes.yaml")
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), good, bad, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = catalog.Load(file, openapi.Target)
	if err == nil {
		t.Fatal("the catalog loads")
	}
	for _, want := range []string{
		`codes.yaml:14:`, `spec_version "3.2"`,
		`codes.yaml:15:`, `"https://app.example.com/path" is not an origin`, `"https://ok.example.com" is listed twice`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %s:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), `"*" is not`) {
		t.Errorf("\"*\" is an origin:\n%v", err)
	}
}
