package openapi_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/testtool"
)

// specVersions are the values of output.openapi.spec_version, each
// checked by the consumers below.
var specVersions = []string{openapi.Version30, openapi.Version31}

// emitVersion renders c with its own options but the given spec_version
// and returns the files by base name.
func emitVersion(t testing.TB, tc testCase, version string) map[string][]byte {
	t.Helper()
	c := load(t, tc.catalog)
	o := options(t, c)
	o.SpecVersion = version
	files, err := openapi.Emit(c, o)
	if err != nil {
		t.Fatalf("%s %s: %v", tc.name, version, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[filepath.Base(f.Path)] = f.Data
	}
	return out
}

// spectralResult is one finding of `spectral lint --format json`.
type spectralResult struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Path     []any  `json:"path"`
	Severity int    `json:"severity"` // 0 error, 1 warning, 2 info, 3 hint
}

// corsRule is the one rule that needs a fact only the service knows.
const corsRule = "owasp:api8:2023-define-cors-origin"

// documentedWarning matches a rule's row in docs/openapi.md's table of
// the Spectral warnings that stay.
var documentedWarning = regexp.MustCompile("(?m)^\\| `([a-z0-9:-]+)` \\|")

// TestSpectralOWASP lints every case's YAML, in both versions, with the
// pinned Spectral under spectral:oas and the pinned OWASP ruleset
// (testdata/spectral.yaml): no error may remain but the CORS rule's on a
// catalog that gives no origins, and every warning's rule must be listed
// in docs/openapi.md with why it stays. Then it proves the ruleset bites:
// a Problem string without its maxLength is an error.
func TestSpectralOWASP(t *testing.T) {
	spectral := testtool.NodeBin(t, "spectral")
	ruleset, err := filepath.Abs("testdata/spectral.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile("../../docs/openapi.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range documentedWarning.FindAllStringSubmatch(string(docs), -1) {
		documented = append(documented, m[1])
	}
	dir := t.TempDir()
	lint := func(file string) []spectralResult {
		t.Helper()
		report := file + ".json"
		// Spectral exits 1 when it finds an error: the report says which.
		out, _ := testtool.Output(dir, spectral, "lint", "--ruleset", ruleset, "--format", "json", "--output", report, "--quiet", file)
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatalf("spectral wrote no report for %s: %v\n%s", file, err, out)
		}
		var results []spectralResult
		if err := json.Unmarshal(data, &results); err != nil {
			t.Fatalf("%s: %v\n%s", report, err, data)
		}
		return results
	}
	for _, tc := range cases {
		for _, v := range specVersions {
			files := emitVersion(t, tc, v)
			file := filepath.Join(dir, tc.name+"-"+v+"-"+openapi.YAMLName)
			if err := os.WriteFile(file, files[openapi.YAMLName], 0o644); err != nil {
				t.Fatal(err)
			}
			origins := len(options(t, load(t, tc.catalog)).CORSOrigins) > 0
			for _, r := range lint(file) {
				switch {
				case r.Severity == 0 && r.Code == corsRule && !origins:
					// The service gave no origins: docs/openapi.md says how.
				case r.Severity == 0:
					t.Errorf("%s %s: %s at %v: %s", tc.name, v, r.Code, r.Path, r.Message)
				case r.Severity == 1 && !slices.Contains(documented, r.Code):
					t.Errorf("%s %s: warning %s at %v is not listed in docs/openapi.md: %s", tc.name, v, r.Code, r.Path, r.Message)
				}
			}
		}
	}

	// The ruleset is live: the seed document with one bound removed fails.
	files := emitVersion(t, caseNamed(t, "seed"), openapi.Version30)
	text := string(files[openapi.YAMLName])
	bound := regexp.MustCompile(`(?m)^(\s+)maxLength: \d+\n`)
	loc := bound.FindStringIndex(text[strings.Index(text, "    Problem:"):])
	if loc == nil {
		t.Fatal("the seed Problem schema has no maxLength")
	}
	at := strings.Index(text, "    Problem:")
	broken := text[:at+loc[0]] + text[at+loc[1]:]
	file := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range lint(file) {
		found = found || (r.Severity == 0 && r.Code == "owasp:api4:2023-string-limit")
	}
	if !found {
		t.Error("Spectral accepted a Problem string without maxLength")
	}
}

// bundle inlines the example spec's $refs, with the components in the
// given spec version, into one file with the pinned redocly, as
// docs/openapi.md tells one-file tools to, and returns the bundle's path
// and its operations' ids.
func bundle(t *testing.T, version string) (bundled string, ops []string) {
	t.Helper()
	redocly := testtool.NodeBin(t, "redocly")
	dir, spec := exampleTreeIn(t, version)
	bundled = filepath.Join(dir, "api.bundled.yaml")
	testtool.Run(t, dir, redocly, "bundle", spec, "-o", bundled)
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(bundled)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Paths.InMatchingOrder() {
		for _, op := range doc.Paths.Value(p).Operations() {
			ops = append(ops, op.OperationID)
		}
	}
	slices.Sort(ops)
	if len(ops) == 0 {
		t.Fatal("the example spec has no operation")
	}
	return bundled, ops
}

// TestGoGenerators feeds the bundled example spec to the pinned ogen and
// oapi-codegen (tools/go.mod): each must generate a client and a server
// that keep every operation, and the code must build against the same
// pinned modules. oapi-codegen gets both spec versions; ogen gets 3.0.3,
// the version docs/openapi.md tells its users to choose (its v1.25.0
// stops on 3.1's oneOf enum members: "sum types with same names" is not
// implemented).
func TestGoGenerators(t *testing.T) {
	ogen := testtool.GoBin(t, "ogen")
	oapiCodegen := testtool.GoBin(t, "oapi-codegen")
	goCmd := testtool.Command(t, "go", "tools-go")
	mod := t.TempDir()
	type generated struct{ file, decl string }
	var want []generated
	for _, v := range specVersions {
		bundled, ops := bundle(t, v)
		pkg := "v" + strings.ReplaceAll(v, ".", "")
		dir := filepath.Dir(bundled)
		if v == openapi.Version30 {
			testtool.Run(t, dir, ogen, "--target", filepath.Join(mod, "ogen"+pkg), "--package", "ogen"+pkg, "--clean", bundled)
		}
		writeFile(t, filepath.Join(mod, "oapi"+pkg, "doc.go"), "package oapi"+pkg+"\n")
		testtool.Run(t, dir, oapiCodegen, "-generate", "types,client,std-http-server", "-package", "oapi"+pkg,
			"-o", filepath.Join(mod, "oapi"+pkg, "api.gen.go"), bundled)
		for _, op := range ops {
			name := strings.ToUpper(op[:1]) + op[1:]
			if v == openapi.Version30 {
				want = append(want,
					generated{"ogen" + pkg + "/oas_client_gen.go", "func (c *Client) " + name + "(ctx context.Context"},
					generated{"ogen" + pkg + "/oas_server_gen.go", "\t" + name + "(ctx context.Context"})
			}
			want = append(want,
				generated{"oapi" + pkg + "/api.gen.go", "func (c *Client) " + name + "(ctx context.Context"},
				generated{"oapi" + pkg + "/api.gen.go", "\t" + name + "(w http.ResponseWriter, r *http.Request"})
		}
	}
	for _, w := range want {
		data, err := os.ReadFile(filepath.Join(mod, w.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), w.decl) {
			t.Errorf("%s has no %s: the generator dropped an operation", w.file, w.decl)
		}
	}

	// A module of the generated packages, requiring exactly what
	// tools/go.mod pins.
	gomod, err := os.ReadFile(filepath.Join(testtool.Root(t), "tools", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(gomod), "\n")
	writeFile(t, filepath.Join(mod, "go.mod"), "module consumer\n"+rest)
	gosum, err := os.ReadFile(filepath.Join(testtool.Root(t), "tools", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(mod, "go.sum"), string(gosum))
	build := exec.Command(goCmd, "build", "./...")
	build.Dir = mod
	// -mod=mod records the sums of the packages the generated code needs
	// beyond the generators' own, at the versions tools/go.mod selects.
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the generated code does not build: %v\n%s", err, out)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
