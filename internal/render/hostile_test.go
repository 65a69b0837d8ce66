package render_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/textenc"
)

// messages is table type → code → language → message, the shape every
// round trip below prints, so one comparison serves all targets.
type messages map[string]map[string]map[string]string

// want builds the expected messages from the catalog: text as a reader
// sees it, literal braces unescaped and placeholders as {name}.
func want(c *catalog.Catalog) messages {
	m := messages{}
	for _, t := range c.Tables {
		m[t.TypeName] = map[string]map[string]string{}
		for _, code := range t.Codes {
			byLang := map[string]string{}
			for _, l := range c.Languages {
				byLang[l.Tag] = code.Message.Plain(l.Tag, func(p string) string { return "{" + p + "}" })
			}
			m[t.TypeName][itoa(code.Number)] = byLang
		}
	}
	return m
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

const hostile = "../../testdata/catalogs/hostile.yaml"

// generate renders a catalog, loaded with the registry as errgen loads
// it, and writes it into a fresh folder.
func generate(t *testing.T, path string) (*catalog.Catalog, string) {
	t.Helper()
	c, err := catalog.Load(path, render.Targets...)
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(c, render.Targets)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	testtool.WriteFiles(t, dir, c.Output.Dir, files)
	return c, dir
}

func compareMessages(t *testing.T, target string, got, want messages) {
	t.Helper()
	for table, codes := range want {
		for code, byLang := range codes {
			if !maps.Equal(got[table][code], byLang) {
				t.Errorf("%s: %s %s round trip:\n got %q\nwant %q", target, table, code, got[table][code], byLang)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d tables, want %d", target, len(got), len(want))
	}
}

const goProgram = `package main

import (
	"encoding/json"
	"os"
	"strconv"

	"hostile/codes"
)

func main() {
	out := map[string]map[string]map[string]string{"HTTPCode": {}, "ErrorCode": {}}
	for _, c := range codes.HTTPCodeValues() {
		out["HTTPCode"][strconv.Itoa(int(c))] = map[string]string{"en": c.Message("en"), "ko": c.Message("ko")}
	}
	for _, c := range codes.ErrorCodeValues() {
		out["ErrorCode"][strconv.Itoa(int(c))] = map[string]string{"en": c.Message("en"), "ko": c.Message("ko")}
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`

// TestHostileGoRoundTrip builds the generated package with the real Go
// toolchain, vets it, and runs a program that prints every message back.
func TestHostileGoRoundTrip(t *testing.T) {
	forCatalogs(t, roundTripGo)
}

func roundTripGo(t *testing.T, path string) {
	c, dir := generate(t, path)
	mod := filepath.Join(dir, "out", "go")
	mustWrite(t, filepath.Join(mod, "go.mod"), "module hostile\n\ngo 1.26\n")
	mustWrite(t, filepath.Join(mod, "main.go"), goProgram)
	testtool.Run(t, mod, "go", "vet", "./...")
	var got messages
	if err := json.Unmarshal([]byte(testtool.Run(t, mod, "go", "run", ".")), &got); err != nil {
		t.Fatal(err)
	}
	compareMessages(t, "go", got, want(c))
}

const jsProgram = `import * as codes from "./out/typescript/index.js";
const out = { HTTPCode: {}, ErrorCode: {} };
for (const [table, values, maps] of [
  ["HTTPCode", codes.httpCodes, codes.httpCodeMessages],
  ["ErrorCode", codes.errorCodes, codes.errorCodeMessages],
]) {
  for (const v of values) out[table][String(v)] = { en: maps.en[v], ko: maps.ko[v] };
}
process.stdout.write(JSON.stringify(out));
`

const tsConsumer = `import { ErrorCode, errorCodeMessages, formatErrorCode } from "./out/typescript/index.js";
const m: string = errorCodeMessages.ko[ErrorCode.CommentEnd];
const f: string = formatErrorCode(ErrorCode.WithParams, { field: "*/", value: 1 });
export { m, f };
`

// TestHostileTypeScriptRoundTrip type-checks the package with tsc 7 under
// strict settings and runs its JavaScript with Node.
func TestHostileTypeScriptRoundTrip(t *testing.T) {
	forCatalogs(t, roundTripTypeScript)
}

func roundTripTypeScript(t *testing.T, path string) {
	c, dir := generate(t, path)
	mustWrite(t, filepath.Join(dir, "main.mjs"), jsProgram)
	mustWrite(t, filepath.Join(dir, "consumer.ts"), tsConsumer)
	mustWrite(t, filepath.Join(dir, "tsconfig.json"), `{"compilerOptions": {"strict": true, "noEmit": true, "module": "nodenext",
  "moduleResolution": "nodenext", "target": "es2022", "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
  "isolatedModules": true, "skipLibCheck": false}, "files": ["consumer.ts"]}`)
	mustWrite(t, filepath.Join(dir, "package.json"), `{"type": "module"}`)
	testtool.Run(t, dir, testtool.TSC(t)["7"], "-p", ".")
	var got messages
	if err := json.Unmarshal([]byte(testtool.Run(t, dir, testtool.Node(t), "main.mjs")), &got); err != nil {
		t.Fatal(err)
	}
	compareMessages(t, "javascript", got, want(c))
}

// TestHostileOpenAPIRoundTrip validates both documents with kin-openapi
// and reads the messages back from each through a generic parser.
func TestHostileOpenAPIRoundTrip(t *testing.T) {
	forCatalogs(t, roundTripOpenAPI)
}

func roundTripOpenAPI(t *testing.T, path string) {
	c, dir := generate(t, path)
	for _, name := range []string{"errors.yaml", "errors.json"} {
		path := filepath.Join(dir, "out", "openapi", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var tree map[string]any
		if strings.HasSuffix(name, ".json") {
			err = json.Unmarshal(data, &tree)
		} else {
			err = yaml.Unmarshal(data, &tree)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		schemas := tree["components"].(map[string]any)["schemas"].(map[string]any)
		got := messages{}
		for _, table := range []string{"HTTPCode", "ErrorCode"} {
			s := schemas[table].(map[string]any)
			got[table] = map[string]map[string]string{}
			for i, v := range s["enum"].([]any) {
				got[table][fmt.Sprint(v)] = map[string]string{
					"en": s["x-enum-descriptions"].([]any)[i].(string),
					"ko": s["x-enum-descriptions-ko"].([]any)[i].(string),
				}
			}
		}
		// x-enum-descriptions hold each message on one line: the
		// words are the catalog's, every line break and control a space.
		oneLine := want(c)
		for _, codes := range oneLine {
			for _, byLang := range codes {
				for l, text := range byLang {
					byLang[l] = textenc.OneLine(text)
				}
			}
		}
		compareMessages(t, name, got, oneLine)
	}
}

// forCatalogs runs a round trip on the hostile catalog and on the corpus
// catalog (every class of package hostile in every text position).
func forCatalogs(t *testing.T, roundTrip func(t *testing.T, path string)) {
	t.Run("hostile.yaml", func(t *testing.T) { roundTrip(t, hostile) })
	t.Run("corpus", func(t *testing.T) { roundTrip(t, corpusCatalog(t)) })
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.TrimLeft(data, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}
