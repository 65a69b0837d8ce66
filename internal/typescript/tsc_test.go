package typescript_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// nodeBin finds Node, which runs the compiled consumers and the tools.
func nodeBin(t testing.TB) string {
	t.Helper()
	return testtool.Node(t)
}

// strictOptions are the settings the strictest frontend projects use;
// the generated declarations are checked under them too (skipLibCheck off).
var strictOptions = map[string]any{
	"target":                             "es2022",
	"lib":                                []string{"es2022", "dom"},
	"types":                              []string{},
	"strict":                             true,
	"noUncheckedIndexedAccess":           true,
	"exactOptionalPropertyTypes":         true,
	"isolatedModules":                    true,
	"verbatimModuleSyntax":               true,
	"erasableSyntaxOnly":                 true,
	"noImplicitReturns":                  true,
	"noImplicitOverride":                 true,
	"noFallthroughCasesInSwitch":         true,
	"noPropertyAccessFromIndexSignature": true,
	"noUnusedLocals":                     true,
	"noUnusedParameters":                 true,
	"forceConsistentCasingInFileNames":   true,
	"skipLibCheck":                       false,
	"pretty":                             false,
}

// project lays out a consumer project in a temporary folder: the packages
// installed under node_modules, the .ts files of testdata/<src> under src,
// and a tsconfig.json with the strict options plus extra.
func project(t *testing.T, packages map[string]map[string][]byte, src string, extra map[string]any) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, files := range packages {
		for rel, data := range files {
			write("node_modules/"+name+"/"+rel, data)
		}
	}
	sources, err := filepath.Glob(filepath.Join("testdata", src, "*.ts"))
	if err != nil || len(sources) == 0 {
		t.Fatalf("no sources in testdata/%s: %v", src, err)
	}
	for _, s := range sources {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		write("src/"+filepath.Base(s), data)
	}
	options := map[string]any{}
	for k, v := range strictOptions {
		options[k] = v
	}
	for k, v := range extra {
		options[k] = v
	}
	config, err := json.MarshalIndent(map[string]any{"compilerOptions": options, "include": []string{"src"}}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	write("tsconfig.json", config)
	write("package.json", []byte(`{"private": true, "type": "module"}`+"\n"))
	return dir
}

// TestTypeScript compiles the consumers of testdata/consumer against the
// generated packages with every pinned tsc, runs them with Node and
// compares what they print; and it checks that the mistakes in
// testdata/negative fail with exactly the errors their lines announce.
func TestTypeScript(t *testing.T) {
	tscs := testtool.TSC(t)
	node := nodeBin(t)
	_, codes := emit(t, "catalog")
	_, edge := emit(t, "edge")
	packages := map[string]map[string][]byte{"@example/codes": codes, "edge-codes": edge}

	versions := make([]string, 0, len(tscs))
	for v := range tscs {
		versions = append(versions, v)
	}
	slices.Sort(versions)
	for _, v := range versions {
		tsc := tscs[v]
		t.Run("tsc"+v, func(t *testing.T) {
			t.Parallel()
			t.Run("consumer", func(t *testing.T) {
				t.Parallel()
				dir := project(t, packages, "consumer", map[string]any{
					"module": "nodenext", "moduleResolution": "nodenext", "outDir": "out", "rootDir": "src",
				})
				testtool.Run(t, dir, tsc, "-p", "tsconfig.json")
				for _, name := range []string{"enum", "const", "edge"} {
					got := strings.TrimSpace(testtool.Run(t, dir, node, filepath.Join("out", name+".js")))
					if want := consumerOutput[name]; got != want {
						t.Errorf("node out/%s.js printed\n%s\nwant\n%s", name, got, want)
					}
				}
			})
			// npm init's default project is CommonJS; the generated README
			// says what it must set, and this is that.
			for _, variant := range []struct {
				src      string
				verbatim bool
			}{{"commonjs", false}, {"commonjs-verbatim", true}} {
				t.Run(variant.src, func(t *testing.T) {
					t.Parallel()
					dir := project(t, packages, variant.src, map[string]any{
						"module": "nodenext", "moduleResolution": "nodenext", "outDir": "out", "rootDir": "src",
						"verbatimModuleSyntax": variant.verbatim, "erasableSyntaxOnly": !variant.verbatim,
					})
					initCommonJS(t, dir)
					testtool.Run(t, dir, tsc, "-p", "tsconfig.json")
					got := strings.TrimSpace(testtool.Run(t, dir, node, filepath.Join("out", "main.js")))
					if want := "403 " + commonJSForbiddenKo + " false 403"; got != want {
						t.Errorf("node out/main.js printed %q, want %q", got, want)
					}
				})
			}
			t.Run("negative", func(t *testing.T) {
				t.Parallel()
				dir := project(t, packages, "negative", map[string]any{
					"module": "esnext", "moduleResolution": "bundler", "noEmit": true,
				})
				out, err := testtool.Output(dir, tsc, "-p", "tsconfig.json")
				if err == nil {
					t.Fatalf("the negative consumers compiled:\n%s", out)
				}
				checkDiagnostics(t, dir, out)
			})
		})
	}
}

// consumerOutput is what each compiled consumer prints, written out by hand
// from the fixtures (not produced by the generator under test).
var consumerOutput = map[string]string{
	"enum": `{"reactions":["fix the form","retry later","retry later","retry later","ask the owner","retry later","shrink it","shrink it","upgrade"],` +
		`"messages":["Invalid parameter","잘못된 파라미터"],"french":"Quota dépassé",` +
		`"en":"Maximum file upload size exceeded ({maxSize})","ko":"최대 파일 업로드 사이즈 초과 ({maxSize})",` +
		`"fill":"최대 파일 업로드 사이즈 초과 (15MB)","fillDefault":"The message exceeds 4096 bytes.",` +
		`"fillBraces":"Used 3 of 10 {files}.","plain":"잘못된 파라미터","plainDefault":"Invalid parameter",` +
		`"guard":[true,false,false,false,false],"wire":[1003,1004,1005,3000],"unknownWire":[],` +
		`"status":429,"retryable":false,` +
		`"docs":"https://docs.example.com/codes/ko/error/6001","docsDefault":"https://docs.example.com/codes/en/error/6001",` +
		`"client":"offline: -6","server":"ko: 404","reverse":"Timeout","response":441,` +
		`"problem":{"type":"https://docs.example.com/codes/en/error/6001","title":"Maximum file upload size exceeded (15MB)",` +
		`"status":413,"detail":"photo.png is 20MB","instance":"/uploads/7","code":6001,"name":"FileSizeLimitExceeded"},` +
		`"described":"shrink it / 최대 파일 업로드 사이즈 초과 ({maxSize}) / photo.png is 20MB","notProblem":"not a problem"}`,
	"const": `{"reactions":["fix the form","retry later","retry later","retry later","ask the owner","retry later","shrink it","shrink it","upgrade"],` +
		`"ko":"최대 파일 업로드 사이즈 초과 ({maxSize})","fill":"Maximum file upload size exceeded (1GB)",` +
		`"guard":"잘못된 파라미터","problem":{"type":"about:blank","title":"Bad","status":400,"code":1000,"name":"BindingError"}}`,
	"edge": `{"languages":["en","ko","pt-BR"],"labels":["Aborted","constructor"],` +
		`"braces":"{literal} 3 of 3 {n} } x","bracesDefault":"y: 1/1 {리터럴}","missing":"{n} {name} {x}",` +
		`"quotes":"He said \"hi\" and left a \\ backslash, a ` + "`backtick`" + ` and ${notATemplate}.",` +
		`"toString":[1],"proto":[]}`,
}

var (
	diagnosticLine = regexp.MustCompile(`^(src/[^(]+)\((\d+),\d+\): error (TS\d+): (.*)$`)
	expectMarker   = regexp.MustCompile(`// expect (TS\d+)(?: (.*))?$`)
)

// checkDiagnostics compares tsc's errors with the `// expect TSnnnn text`
// markers of the negative sources: the same lines, the same codes, each
// message containing the marker's text.
func checkDiagnostics(t *testing.T, dir, out string) {
	t.Helper()
	type diag struct{ code, text string }
	got := map[string]diag{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		m := diagnosticLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, " ") {
				t.Errorf("unexpected tsc output: %s", line)
			}
			continue
		}
		where := m[1] + ":" + m[2]
		if prev, dup := got[where]; dup {
			t.Errorf("%s: a second error %s %s (first %s)", where, m[3], m[4], prev.code)
		}
		got[where] = diag{m[3], m[4]}
	}
	want := map[string]diag{}
	sources, _ := filepath.Glob(filepath.Join(dir, "src", "*.ts"))
	for _, s := range sources {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := expectMarker.FindStringSubmatch(line); m != nil {
				want["src/"+filepath.Base(s)+":"+strconv.Itoa(i+1)] = diag{m[1], strings.Trim(m[2], `'`)}
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no `// expect` markers in testdata/negative")
	}
	for where, w := range want {
		g, ok := got[where]
		switch {
		case !ok:
			t.Errorf("%s: no error; want %s mentioning %q", where, w.code, w.text)
		case g.code != w.code || !strings.Contains(g.text, w.text):
			t.Errorf("%s: error %s %q; want %s mentioning %q", where, g.code, g.text, w.code, w.text)
		}
	}
	for where, g := range got {
		if _, ok := want[where]; !ok {
			t.Errorf("%s: unexpected error %s %s", where, g.code, g.text)
		}
	}
}

// initCommonJS replaces the test project's package.json with the one
// `npm init -y` writes, which declares no "type": "module".
func initCommonJS(t *testing.T, dir string) {
	t.Helper()
	npm := testtool.Command(t, "npm", "tools-node")
	if err := os.Remove(filepath.Join(dir, "package.json")); err != nil {
		t.Fatal(err)
	}
	testtool.Run(t, dir, npm, "init", "-y")
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"module"`) {
		t.Fatalf("npm init wrote an ES module project:\n%s", data)
	}
}

// commonJSForbiddenKo is testdata/catalog.yaml's Korean message of 403.
const commonJSForbiddenKo = "금지됨"
