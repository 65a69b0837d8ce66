package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/templates"
)

// seedWith loads the seed case with output.markdown.templates naming dir.
func seedWith(t *testing.T, dir string) *catalog.Catalog {
	return seedWithOptions(t, "templates: "+dir)
}

// seedWithOptions loads the seed case with more output.markdown options.
func seedWithOptions(t *testing.T, options string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seed", "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "markdown: {dir: out/docs}", "markdown: {dir: out/docs, "+options+"}", 1)
	if src == string(data) {
		t.Fatal("the seed case no longer has the markdown line this test edits")
	}
	c, err := catalog.Parse(filepath.Join(t.TempDir(), "codes.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func embedded(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(templates.FS(), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func byPath(files []output.File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
	}
	return m
}

// An override replaces the one template of its name, and nothing else.
func TestOverrideReplacesTemplate(t *testing.T) {
	base, err := emitFS(t, seedWith(t, "team"), fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	code := strings.Replace(embedded(t, codeTemplate), "# {{$c.Number}} {{md $c.ID}}", "# Code {{$c.Number}}: {{md $c.ID}}", 1)
	files, err := emitFS(t, seedWith(t, "team"), fstest.MapFS{codeTemplate: {Data: []byte(code)}})
	if err != nil {
		t.Fatal(err)
	}
	before, after := byPath(base), byPath(files)
	if len(before) != len(after) {
		t.Fatalf("%d files with the override, %d without", len(after), len(before))
	}
	c := seedWith(t, "team")
	changed := 0
	for p, b := range before {
		a := after[p]
		_, _, code := locate(c, strings.TrimPrefix(p, "out/docs/"))
		want := b
		if code != nil {
			n := strconv.Itoa(code.Number)
			want = strings.Replace(b, "\n# "+n+" "+code.ID+"\n", "\n# Code "+n+": "+code.ID+"\n", 1)
			changed++
		}
		if a != want {
			t.Errorf("%s with the override of %s:\n%s\nwant:\n%s", p, codeTemplate, a, want)
		}
	}
	if changed == 0 {
		t.Error("no code page found")
	}
}

// An override of labels.yaml changes the words of the pages.
func TestOverrideLabels(t *testing.T) {
	labels := strings.ReplaceAll(embedded(t, labelsFile), "  retryable: Retryable", "  retryable: Retry?")
	files, err := emitFS(t, seedWith(t, "team"), fstest.MapFS{labelsFile: {Data: []byte(labels)}})
	if err != nil {
		t.Fatal(err)
	}
	page := byPath(files)["out/docs/en/error/1001-1004.md"]
	if !strings.Contains(page, "| Retry? |") || strings.Contains(page, "Retryable") {
		t.Errorf("the label override did not reach the part's table header:\n%s", page)
	}
}

// Every way an override folder can be wrong is an error that names the
// file, and the line when there is one.
func TestOverrideErrors(t *testing.T) {
	labels := embedded(t, labelsFile)
	tests := []struct {
		name    string
		fsys    fs.FS
		options string
		want    string
		nilFS   bool
	}{
		{
			name: "parse error",
			fsys: fstest.MapFS{codeTemplate: {Data: []byte("# {{.Code.Number}}\n\n{{if .Code}}\n")}},
			want: "markdown: team/code.md.tmpl:4: unexpected EOF",
		},
		{
			name: "unknown function",
			fsys: fstest.MapFS{tableTemplate: {Data: []byte("line one\n{{shout .Title}}\n")}},
			want: `markdown: team/table.md.tmpl:2: function "shout" not defined`,
		},
		{
			name: "execution error",
			fsys: fstest.MapFS{indexTemplate: {Data: []byte("# {{.L.Title}}\n\n{{.Nonsense}}\n")}},
			want: `markdown: rendering en/_index.md: team/index.md.tmpl:3:2: executing "index.md.tmpl" at <.Nonsense>: can't evaluate field Nonsense in type *markdown.Page`,
		},
		{
			name:    "front matter execution error",
			fsys:    fstest.MapFS{frontMatterTemplate: {Data: []byte("---\ntitle: {{yaml .Code.ID}}\n---\n")}},
			options: "front_matter: true",
			want:    `markdown: rendering the front matter of _index.md: team/frontmatter.md.tmpl:2:19: executing "frontmatter.md.tmpl" at <.Code.ID>: nil pointer evaluating *catalog.Code.ID`,
		},
		{
			name: "unknown name",
			fsys: fstest.MapFS{"codes.md.tmpl": {Data: []byte("# {{.Code.Number}}\n")}},
			want: "markdown: team/codes.md.tmpl: unknown template; a templates folder may only hold files named like the embedded ones: code.md.tmpl, frontmatter.md.tmpl, index.md.tmpl, labels.yaml, neutral.html, page.html, part.md.tmpl, root.md.tmpl, site.css, table.md.tmpl, type.md.tmpl",
		},
		{
			name: "folder inside",
			fsys: fstest.MapFS{"partials/x.md.tmpl": {Data: []byte("x")}},
			want: "markdown: team/partials: unknown template",
		},
		{
			name: "missing folder",
			fsys: os.DirFS(filepath.Join(t.TempDir(), "nowhere")),
			want: "markdown: the templates folder team (output.markdown.templates) does not exist",
		},
		{
			name:  "folder named but not given",
			nilFS: true,
			want:  "markdown: output.markdown.templates names team, but no folder was given to Emit",
		},
		{
			name: "labels with an unknown key",
			fsys: fstest.MapFS{labelsFile: {Data: []byte(strings.Replace(labels, "  retryable: Retryable\n", "  retryable: Retryable\n  retry: Retry\n", 1))}},
			want: "markdown: team/labels.yaml:" + strconv.Itoa(lineOf(labels, "  retryable: Retryable\n")+1) + ": field retry not found in type markdown.Labels",
		},
		{
			name: "labels missing a key",
			fsys: fstest.MapFS{labelsFile: {Data: []byte(strings.Replace(labels, "  retryable: 재시도 가능\n", "", 1))}},
			want: "markdown: team/labels.yaml:" + strconv.Itoa(lineOf(labels, "\nko:\n")+1) + `: language ko has no label "retryable"`,
		},
		{
			name: "labels with an unknown search key",
			fsys: fstest.MapFS{labelsFile: {Data: []byte(strings.Replace(labels, "    clear_search: Clear\n", "    clear_search: Clear\n    clear: None\n", 1))}},
			want: "markdown: team/labels.yaml:" + strconv.Itoa(lineOf(labels, "    clear_search: Clear\n")+1) + ": field clear not found in type markdown.Search",
		},
		{
			name: "labels missing a search key",
			fsys: fstest.MapFS{labelsFile: {Data: []byte(strings.Replace(labels, "    clear_search: 지우기\n", "", 1))}},
			want: "markdown: team/labels.yaml:" + strconv.Itoa(lineOf(labels, "\nko:\n")+1) + `: language ko has no label "search.clear_search"`,
		},
		{
			name: "labels missing a language",
			fsys: fstest.MapFS{labelsFile: {Data: []byte(labels[:strings.Index(labels, "\nko:\n")+1])}},
			want: "markdown: team/labels.yaml has no labels for language ko; add them to your own labels.yaml",
		},
		{
			name: "labels not YAML",
			fsys: fstest.MapFS{labelsFile: {Data: []byte("en:\n  title: a\n    code: b\n")}},
			want: "markdown: team/labels.yaml:3: mapping values are not allowed in this context",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := tt.fsys
			if tt.nilFS {
				fsys = nil
			}
			options := "templates: team"
			if tt.options != "" {
				options += ", " + tt.options
			}
			files, err := emitFS(t, seedWithOptions(t, options), fsys)
			if err == nil {
				t.Fatalf("no error; %d files", len(files))
			}
			if files != nil {
				t.Errorf("files returned with the error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n  %s\nwant it to start with\n  %s", err, tt.want)
			}
		})
	}
}

// Nothing names ko or en: a catalog in a language the embedded labels
// lack is refused with what to do, not rendered half in English.
func TestLanguageWithoutLabels(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "seed", "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer("{tag: ko, name: 한국어}", "{tag: fr, name: Français}", "ko:", "fr:").Replace(string(data))
	c, err := catalog.Parse("codes.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = emitFS(t, c, nil)
	want := "markdown: embedded labels.yaml has no labels for language fr"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want one starting with %q", err, want)
	}
}

// lineOf returns the 1-based line on which s begins in text.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if i < 0 {
		panic("no " + s)
	}
	return strings.Count(text[:i], "\n") + 1
}
