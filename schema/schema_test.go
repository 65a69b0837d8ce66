package schema_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/schema"
)

// TestRegistry: the committed schema is Build's for errgen's registry, so
// its output properties are the registry's targets and their schemas.
// `go test ./schema -update` rewrites it.
func TestRegistry(t *testing.T) {
	got, err := schema.Build(render.Targets)
	if err != nil {
		t.Fatal(err)
	}
	testtool.Golden(t, "codes.schema.json", got, *testtool.Update)
	if !bytes.Equal(got, schema.JSON()) {
		t.Error("the embedded schema differs from Build's")
	}
}

// compile compiles the embedded schema; the compiler also checks it
// against the draft 2020-12 meta-schema.
func compile(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.JSON()))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://github.com/errgen/errgen/schema/codes.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// toJSON turns YAML into the value an editor validates: mappings with
// string keys, lists, strings, numbers, booleans and null. YAML that has
// no JSON form (a syntax error, a repeated key) is an error.
func toJSON(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty document is null
	}
	return nodeJSON(doc.Content[0])
}

func nodeJSON(n *yaml.Node) (any, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key that is not a scalar has no JSON form", k.Line)
			}
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("line %d: key %q repeats, which JSON cannot hold", k.Line, k.Value)
			}
			v, err := nodeJSON(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, item := range n.Content {
			v, err := nodeJSON(item)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			return strconv.ParseBool(strings.ToLower(n.Value))
		case "!!int":
			v, ok := new(big.Int).SetString(strings.ReplaceAll(n.Value, "_", ""), 0)
			if !ok {
				return nil, fmt.Errorf("line %d: integer %q", n.Line, n.Value)
			}
			return json.Number(v.String()), nil
		case "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, err
			}
			return f, nil
		}
		return n.Value, nil // !!str, and tags JSON has no type for
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

// validate reports whether the schema accepts the YAML document; notJSON
// is set when the document has no JSON form at all.
func validate(s *jsonschema.Schema, data []byte) (err error, notJSON bool) {
	v, err := toJSON(data)
	if err != nil {
		return err, true
	}
	return s.Validate(v), false
}

// A verdict says who rejects a broken fixture.
type verdict int

const (
	// bySchema: a structural problem (an unknown key, a wrong type, a
	// pattern, a range, a required key) that the schema rejects too.
	bySchema verdict = iota + 1
	// byLoaderOnly: a semantic problem the schema cannot see: it needs
	// other parts of the document (declared languages, other codes, the
	// table's range, the http table, reserved numbers).
	byLoaderOnly
	// notJSON: not a JSON document at all (a YAML syntax error, a repeated
	// key); the YAML parser, the editor's included, rejects it before any
	// schema applies.
	notJSON
)

// broken has an entry for every folder of internal/catalog/testdata/broken:
// a new fixture must say whether the schema rejects it, so the schema and
// the loader cannot drift apart unnoticed.
var broken = map[string]verdict{
	"case_collision":               byLoaderOnly, // ids of two codes
	"client_code_in_error_table":   bySchema,     // `client` is not a key of an error code
	"code_outside_range":           byLoaderOnly, // the table's own range
	"cross_table_collision":        byLoaderOnly, // names across tables
	"duplicate_code":               byLoaderOnly, // numbers of two codes
	"duplicate_id":                 byLoaderOnly, // ids of two codes
	"duplicate_key":                notJSON,
	"empty_file":                   bySchema, // null is not an object
	"invalid_identifier":           bySchema, // id pattern
	"proto_param":                  bySchema, // param name is not __proto__
	"invalid_utf8":                 notJSON,
	"control_escapes":              bySchema, // text pattern
	"control_raw":                  notJSON,  // YAML refuses raw controls
	"resolution_causes":            bySchema, // causes a mapping, a resolution a string
	"reserved_reason_untranslated": bySchema, // requiredTexts
	"invisible_character":          bySchema, // text pattern
	"keyword_identifier":           bySchema, // id pattern
	"malformed_yaml":               notJSON,
	"many_problems":                bySchema,     // id pattern, status maximum
	"missing_required":             bySchema,     // required `languages`
	"only_comments":                bySchema,     // null is not an object
	"output_escapes_root":          bySchema,     // local path pattern
	"placeholder_mismatch":         byLoaderOnly, // message against params
	"reserved_identifier":          bySchema,     // id not NaN or Infinity
	"reserved_reuse":               byLoaderOnly, // the table's reserved numbers
	"status_not_in_http_table":     byLoaderOnly, // the http table
	"static_headers":               bySchema,     // header name pattern, value pattern and type
	"status_out_of_range":          bySchema,     // status maximum
	"tab_indented":                 notJSON,
	"title_missing":                bySchema,     // a message with braces requires title
	"unclosed_brace":               bySchema,     // message placeholder syntax
	"undeclared_language":          byLoaderOnly, // the declared languages
	"unknown_key":                  bySchema,     // additionalProperties
	"unknown_replacement":          byLoaderOnly, // the table's ids
	"wrong_type":                   bySchema,     // code is an integer
}

// TestBrokenFixtures checks both directions on every broken catalog: the
// loader rejects all of them, and the schema rejects exactly those the
// table above says it must.
func TestBrokenFixtures(t *testing.T) {
	s := compile(t)
	dirs, err := filepath.Glob("../internal/catalog/testdata/broken/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no broken fixtures found")
	}
	seen := map[string]bool{}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			want, ok := broken[name]
			if !ok {
				t.Fatalf("new broken fixture: add %q to the broken table in schema_test.go, with bySchema if the schema rejects it (and make it do so), byLoaderOnly if only the loader can, notJSON if it is not JSON", name)
			}
			data, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := catalog.Parse("codes.yaml", data, render.Targets...); err == nil {
				t.Error("the loader accepts it")
			}
			err, notJSONDoc := validate(s, data)
			switch want {
			case notJSON:
				if !notJSONDoc {
					t.Errorf("expected no JSON form, but it converts (schema says %v)", err)
				}
			case bySchema:
				if notJSONDoc || err == nil {
					t.Errorf("the schema should reject it, got %v", err)
				}
			case byLoaderOnly:
				if notJSONDoc || err != nil {
					t.Errorf("the schema should accept it (the problem is semantic), got %v", err)
				}
			}
		})
	}
	for name := range broken {
		if !seen[name] {
			t.Errorf("broken table names %s, which is not a fixture", name)
		}
	}
}

// TestValidCatalogs: every catalog the loader accepts, the schema accepts.
func TestValidCatalogs(t *testing.T) {
	s := compile(t)
	paths, err := filepath.Glob("../testdata/catalogs/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	paths = append([]string{"../codes.yaml"}, paths...)
	for _, must := range []string{"../codes.yaml", "../testdata/catalogs/small.yaml"} {
		if !slices.Contains(paths, must) {
			t.Errorf("%s is missing", must)
		}
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := catalog.Parse(path, data, render.Targets...); err != nil {
				t.Fatalf("the loader rejects it:\n%v", err)
			}
			if err, _ := validate(s, data); err != nil {
				t.Errorf("the schema rejects a catalog the loader accepts:\n%v", err)
			}
		})
	}
}

// textCatalog is a valid catalog whose 404 message in English is
// message, written inside a YAML double-quoted string.
func textCatalog(message string) []byte {
	return []byte(`version: 1
languages:
  - {tag: en, name: English}
  - {tag: ko, name: 한국어}
default_language: en
docs:
  base_url: https://docs.example.com/codes
http:
  type: HTTPCode
  title: {en: HTTP, ko: HTTP}
  range: [100, 599]
  codes:
    - code: 404
      id: NotFound
      message: {en: "` + message + `", ko: 없음}
`)
}

// loaderTextOK parses a textCatalog and reports whether the loader finds
// the message text itself acceptable: undeclared placeholders are a
// semantic problem the schema leaves to the loader.
func loaderTextOK(t *testing.T, data []byte) bool {
	t.Helper()
	_, err := catalog.Parse("codes.yaml", data, render.Targets...)
	if err == nil {
		return true
	}
	var diags catalog.Diagnostics
	if !errors.As(err, &diags) {
		t.Fatal(err)
	}
	for _, d := range diags {
		if !strings.Contains(d.Message, "which is not a declared param") {
			return false
		}
	}
	return true
}

// TestTextCharacters compares the schema with the loader on every control,
// format, separator and white-space character, inside text and alone: the
// loader refuses invisible and bidirectional controls and blank text.
func TestTextCharacters(t *testing.T) {
	s := compile(t)
	runes := textRunes()
	if len(runes) < 250 {
		t.Fatalf("only %d characters", len(runes))
	}
	for _, r := range runes {
		for _, text := range []string{fmt.Sprintf(`x\U%08Xy`, r), fmt.Sprintf(`\U%08X`, r)} {
			data := textCatalog(text)
			loader := loaderTextOK(t, data)
			err, nj := validate(s, data)
			if nj {
				t.Fatalf("%q: %v", text, err)
			}
			if loader != (err == nil) {
				t.Errorf("message %q (U+%04X): loader accepts: %t, schema accepts: %t (%v)", text, r, loader, err == nil, err)
			}
		}
	}
}

// textRunes is every control, format, separator, white-space and
// bidirectional control character, and a few ordinary ones.
func textRunes() []rune {
	var runes []rune
	for _, table := range []*unicode.RangeTable{unicode.Cc, unicode.Cf, unicode.Zs, unicode.Zl, unicode.Zp, unicode.White_Space, unicode.Bidi_Control} {
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if unicode.Is(table, r) && !slices.Contains(runes, r) {
				runes = append(runes, r)
			}
		}
	}
	return append(runes, 'a', '가', '\u200c', '\u200d', '\u180e', 0x1F680)
}

// braceTexts is every string of up to five characters from { } a 1 and
// space.
func braceTexts() []string {
	alphabet := []string{"{", "}", "a", "1", " "}
	texts := []string{""}
	for n, prev := 0, []string{""}; n < 5; n++ {
		var next []string
		for _, p := range prev {
			for _, c := range alphabet {
				next = append(next, p+c)
			}
		}
		texts = append(texts, next...)
		prev = next
	}
	return texts
}

// TestMessageBraces compares the schema's placeholder syntax with the
// loader's on every string of up to five characters from { } a 1 and
// space.
func TestMessageBraces(t *testing.T) {
	s := compile(t)
	disagree := 0
	texts := braceTexts()
	for _, text := range texts {
		data := textCatalog(text)
		loader := loaderTextOK(t, data)
		err, _ := validate(s, data)
		if loader != (err == nil) {
			disagree++
			if disagree <= 20 {
				t.Errorf("message %q: loader accepts: %t, schema accepts: %t", text, loader, err == nil)
			}
		}
	}
	if disagree > 0 {
		t.Errorf("%d of %d messages disagree", disagree, len(texts))
	}
}

// TestStructure checks what editors rely on: every property has a
// description, and every object with properties refuses unknown keys.
func TestStructure(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema is %v", doc["$schema"])
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok && path != "" && !strings.HasSuffix(path, "/then") && !strings.HasSuffix(path, "/else") && !strings.HasSuffix(path, "/if") {
				if v["additionalProperties"] != false {
					t.Errorf("%s: additionalProperties is not false", path)
				}
				for name, p := range props {
					if _, ok := p.(map[string]any)["description"]; !ok {
						t.Errorf("%s/properties/%s has no description", path, name)
					}
				}
			}
			for k, sub := range v {
				walk(path+"/"+k, sub)
			}
		case []any:
			for i, sub := range v {
				walk(path+"/"+strconv.Itoa(i), sub)
			}
		}
	}
	walk("#", doc)
	if doc["additionalProperties"] != false {
		t.Error("the top level allows unknown keys")
	}
	for name, def := range doc["$defs"].(map[string]any) {
		if _, ok := def.(map[string]any)["description"]; !ok {
			t.Errorf("$defs/%s has no description", name)
		}
	}
}

// TestDocumentedKeys checks that every key of the example in
// docs/codes-yaml.md is a property the schema describes.
func TestDocumentedKeys(t *testing.T) {
	doc, err := os.ReadFile("../docs/codes-yaml.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("no yaml block in docs/codes-yaml.md")
	}
	var example yaml.Node
	if err := yaml.Unmarshal([]byte(block), &example); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	var keys func(n *yaml.Node)
	keys = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				documented[n.Content[i].Value] = true
			}
		}
		for _, c := range n.Content {
			keys(c)
		}
	}
	keys(&example)
	props := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["properties"].(map[string]any); ok {
				for name := range p {
					props[name] = true
				}
			}
			for _, sub := range v {
				walk(sub)
			}
		case []any:
			for _, sub := range v {
				walk(sub)
			}
		}
	}
	var s any
	if err := json.Unmarshal(schema.JSON(), &s); err != nil {
		t.Fatal(err)
	}
	walk(s)
	if len(documented) < 40 {
		t.Fatalf("only %d keys found in the documentation's example", len(documented))
	}
	for key := range documented {
		switch key {
		case "en", "ko", "...", // language tags and elisions of the example
			"WWW-Authenticate": // a header name under the free-form headers: map
			continue
		}
		if !props[key] {
			t.Errorf("docs/codes-yaml.md documents %q, which the schema does not describe", key)
		}
	}
}

// TestPatternsInJavaScript checks that every pattern means the same in
// ECMA-262 (what editors such as yaml-language-server run, with the u
// flag) as in Go's RE2 (what the tests above validate with), on every
// string of the committed catalogs and the text samples above.
func TestPatternsInJavaScript(t *testing.T) {
	node := testtool.Node(t)
	var doc any
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	var patterns []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok && !slices.Contains(patterns, p) {
				patterns = append(patterns, p)
			}
			for _, sub := range v {
				walk(sub)
			}
		case []any:
			for _, sub := range v {
				walk(sub)
			}
		}
	}
	walk(doc)
	slices.Sort(patterns)

	samples := braceTexts()
	for _, r := range textRunes() {
		samples = append(samples, "x"+string(r)+"y", string(r))
	}
	samples = append(samples, "out", "out/go", "../x", "..", ".", "./x", ".x", "..x", "/abs", `a\b`, "out/../out/go",
		"codes", "Codes", "_", "1a", "코드", "a-b", "@acme/codes", "1.0.0", "1.0", "https://x.example/a", "http://x/?q",
		"Retry-After", "en", "pt-BR", "EN", "NaN", "ChannelNotFound", "channel_not_found", "")
	paths, _ := filepath.Glob("../testdata/catalogs/*.yaml")
	for _, path := range append(paths, "../codes.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			t.Fatal(err)
		}
		var scalars func(n *yaml.Node)
		scalars = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				samples = append(samples, n.Value)
			}
			for _, c := range n.Content {
				scalars(c)
			}
		}
		scalars(&n)
	}

	input, err := json.Marshal(map[string]any{"patterns": patterns, "samples": samples})
	if err != nil {
		t.Fatal(err)
	}
	const script = `const {patterns, samples} = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(patterns.map(p => { const re = new RegExp(p, "u"); return samples.map(s => re.test(s)); })));`
	cmd := exec.Command(node, "-e", script)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var js [][]bool
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	for i, p := range patterns {
		re := regexp.MustCompile(p)
		differ := 0
		for j, s := range samples {
			if re.MatchString(s) != js[i][j] {
				differ++
				if differ <= 5 {
					t.Errorf("pattern %q on %q: Go %t, JavaScript %t", p, s, re.MatchString(s), js[i][j])
				}
			}
		}
	}
	t.Logf("%d patterns agree on %d strings", len(patterns), len(samples))
}

// TestAjv validates the same documents with a second, independent
// validator: Ajv (draft 2020-12, strict mode, Unicode patterns), the
// JavaScript validator much of the editor tooling builds on. It must reach
// the same verdict as the Go validator on every catalog and fixture.
func TestAjv(t *testing.T) {
	node := testtool.Node(t)
	ajv := testtool.NodeModule(t, "@redocly/ajv")
	s := compile(t)

	type doc struct {
		Name string `json:"name"`
		Doc  any    `json:"doc"`
		want bool
	}
	var docs []doc
	paths, _ := filepath.Glob("../testdata/catalogs/*.yaml")
	dirs, _ := filepath.Glob("../internal/catalog/testdata/broken/*")
	for _, dir := range dirs {
		paths = append(paths, filepath.Join(dir, "codes.yaml"))
	}
	for _, path := range append(paths, "../codes.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		v, err := toJSON(data)
		if err != nil {
			continue // not JSON: no validator sees it
		}
		docs = append(docs, doc{Name: path, Doc: v, want: s.Validate(v) == nil})
	}
	input, err := json.Marshal(map[string]any{"schema": json.RawMessage(schema.JSON()), "docs": docs})
	if err != nil {
		t.Fatal(err)
	}
	script := `const Ajv2020 = require(process.argv[1] + "/dist/2020").default;
const {schema, docs} = JSON.parse(require("fs").readFileSync(0, "utf8"));
const ajv = new Ajv2020({allErrors: true, strict: true, strictRequired: false});
const validate = ajv.compile(schema);
process.stdout.write(JSON.stringify(docs.map(d => validate(d.doc))));`
	cmd := exec.Command(node, "-e", script, ajv)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got []bool
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(docs) {
		t.Fatalf("Ajv answered %q: %v", out, err)
	}
	for i, d := range docs {
		if got[i] != d.want {
			t.Errorf("%s: Ajv says valid: %t, the Go validator: %t", d.Name, got[i], d.want)
		}
	}
	t.Logf("Ajv agrees on %d documents", len(docs))
}
