package render_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// TestSnippetsCompile compiles the "Handle it" snippets of the docs, as a
// reader copies them from the code pages, against the Go package and the
// TypeScript package generated from the same catalog: with go vet and with
// the pinned tsc. A renamed constant, constructor or enum member that a
// snippet still named would fail here; the last subtest shows that it does.
func TestSnippetsCompile(t *testing.T) {
	for _, path := range []string{"../../codes.yaml", hostile} {
		t.Run(filepath.Base(path), func(t *testing.T) { compileSnippets(t, path, false) })
	}
	t.Run("corpus", func(t *testing.T) { compileSnippets(t, corpusCatalog(t), false) })
	t.Run("renamed", func(t *testing.T) { compileSnippets(t, "../../codes.yaml", true) })
}

// fencedBlocks returns the go and ts fenced code blocks of a page, as
// [info, text] pairs.
func fencedBlocks(page string) [][2]string {
	var blocks [][2]string
	lines := strings.Split(page, "\n")
	for i := 0; i < len(lines); i++ {
		fence := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], "`"))]
		info := lines[i][len(fence):]
		if len(fence) < 3 || info != "go" && info != "ts" {
			continue
		}
		end := slices.Index(lines[i+1:], fence)
		if end < 0 {
			break
		}
		blocks = append(blocks, [2]string{info, strings.Join(lines[i+1:i+1+end], "\n")})
		i += end + 1
	}
	return blocks
}

func compileSnippets(t *testing.T, path string, rename bool) {
	c, dir := generate(t, path)
	// The snippets of every code page, each once (every language shows
	// the same lines).
	snippets := map[string][]string{}
	docs := filepath.Join(dir, filepath.FromSlash(c.Output.Target("markdown").Dir))
	pages, err := filepath.Glob(filepath.Join(docs, "*", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		if !regexp.MustCompile(`^-?[0-9]+\.md$`).MatchString(filepath.Base(page)) {
			continue
		}
		data, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range fencedBlocks(string(data)) {
			if !slices.Contains(snippets[b[0]], b[1]) {
				snippets[b[0]] = append(snippets[b[0]], b[1])
			}
		}
	}
	problems := 0
	for _, tb := range c.Tables {
		for _, code := range tb.Codes {
			if code.IsProblem() {
				problems++
			}
		}
	}
	for _, lang := range []string{"go", "ts"} {
		if len(snippets[lang]) != problems {
			t.Fatalf("%d distinct %s snippets on the code pages, want one per problem code: %d", len(snippets[lang]), lang, problems)
		}
	}
	if rename {
		// As if the Go and TypeScript names had changed under the docs.
		snippets["go"][0] = strings.Replace(snippets["go"][0], "(err, codes.", "(err, codes.Renamed", 1)
		snippets["ts"][0] = strings.Replace(snippets["ts"][0], "problem.code === ", "problem.code === Renamed.", 1)
	}

	goDir := filepath.Join(dir, filepath.FromSlash(filepath.Dir(c.Output.Target("go").Dir)))
	pkg := filepath.Base(c.Output.Target("go").Dir)
	var prog strings.Builder
	fmt.Fprintf(&prog, "package main\n\nimport (\n\t\"errors\"\n\t\"net/http\"\n\t\"time\"\n\n\t\"snippets/%s\"\n)\n\nvar _, _ = errors.Is, time.Second\n\n", pkg)
	for i, s := range snippets["go"] {
		fmt.Fprintf(&prog, "func handle%d(err error, w http.ResponseWriter, r *http.Request) {\n%s\n}\n\n", i, s)
	}
	prog.WriteString("func main() {}\n")
	mustWrite(t, filepath.Join(goDir, "go.mod"), "module snippets\n\ngo 1.26\n")
	mustWrite(t, filepath.Join(goDir, "main.go"), prog.String())
	out, goErr := testtool.Output(goDir, "go", "vet", ".")

	tsDir := filepath.Join(dir, "ts")
	ts := c.Output.Target("typescript")
	pkgJSON, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ts.Dir), "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`"name": "([^"]+)"`).FindSubmatch(pkgJSON)
	if err := os.MkdirAll(filepath.Join(tsDir, "node_modules", filepath.Dir(string(name[1]))), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, filepath.FromSlash(ts.Dir)), filepath.Join(tsDir, "node_modules", string(name[1]))); err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, s := range snippets["ts"] {
		n := fmt.Sprintf("s%d.ts", i)
		names = append(names, `"`+n+`"`)
		mustWrite(t, filepath.Join(tsDir, n), s+"\n\ndeclare const response: { json(): Promise<unknown> };\n")
	}
	mustWrite(t, filepath.Join(tsDir, "package.json"), `{"type": "module"}`)
	mustWrite(t, filepath.Join(tsDir, "tsconfig.json"), `{"compilerOptions": {"strict": true, "noEmit": true, "module": "nodenext",
  "moduleResolution": "nodenext", "target": "es2022", "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
  "isolatedModules": true, "skipLibCheck": false}, "files": [`+strings.Join(names, ", ")+`]}`)
	tsOut, tsErr := testtool.Output(tsDir, testtool.TSC(t)["5"], "-p", ".")

	switch {
	case rename && (goErr == nil || tsErr == nil):
		t.Errorf("a renamed name compiled: go vet: %v, tsc: %v", goErr, tsErr)
	case rename:
		if !strings.Contains(out, "Renamed") || !strings.Contains(tsOut, "Renamed") {
			t.Errorf("the renamed snippets failed for another reason:\n%s\n%s", out, tsOut)
		}
	default:
		if goErr != nil {
			t.Errorf("go vet of the Go snippets: %v\n%s", goErr, out)
		}
		if tsErr != nil {
			t.Errorf("tsc of the TypeScript snippets: %v\n%s", tsErr, tsOut)
		}
	}
}
