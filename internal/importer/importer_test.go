package importer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
	"github.com/errgen/errgen/internal/testtool"
)

// source is one of the five source tables, committed verbatim, with the
// flags that import it.
type source struct {
	file, table, lang, columns string
}

var sources = []source{
	{"000_ebf5670b7b50fbf9.md", "response", "ko", ""},
	{"001_21c0c880079c680f.md", "error", "ko", "Error Message=name"},
	{"002_02ae758af32816f7.md", "http", "en", ""},
	{"003_00747e870ac6a919.md", "http", "message=en,description=ko", ""},
	{"004_aeb7ee7b4c9df8e4.md", "http", "en", ""},
}

func (s source) options(t *testing.T) importer.Options {
	t.Helper()
	langs, err := importer.ParseLangs(s.lang)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := importer.ParseColumns(s.columns)
	if err != nil {
		t.Fatal(err)
	}
	return importer.Options{Table: s.table, Langs: langs, Columns: cols}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// importAll imports the five sources one after the other into catalog.
func importAll(t *testing.T, name string, catalog []byte) ([]byte, []*importer.Result) {
	t.Helper()
	var results []*importer.Result
	for _, s := range sources {
		path := "testdata/sources/" + s.file
		res := importer.Import(name, catalog, path, read(t, path), s.options(t))
		if len(res.Errors) > 0 {
			t.Fatalf("import %s:\n%v", s.file, res.Errors)
		}
		catalog = res.Output
		results = append(results, res)
	}
	return catalog, results
}

// Importing the five sources into the project's codes.yaml changes nothing
// and reports each difference at both positions.
func TestImportSourcesIntoProjectCatalog(t *testing.T) {
	orig := read(t, "../../codes.yaml")
	out, results := importAll(t, "codes.yaml", orig)
	if string(out) != string(orig) {
		t.Errorf("import changed codes.yaml:\n%s", udiff.Unified("codes.yaml", "codes.yaml", string(orig), string(out)))
	}
	var b strings.Builder
	for i, res := range results {
		b.WriteString("# " + sources[i].file + "\n")
		for _, d := range append(res.Warnings, res.Conflicts...) {
			b.WriteString(d.String() + "\n")
		}
	}
	testtool.Golden(t, "testdata/conflicts.golden", b.String(), *testtool.Update)
}

// A merge keeps every line of the catalog it does not change, byte for
// byte and in order: the diff adds lines and removes none.
func TestMergeKeepsCatalogText(t *testing.T) {
	orig := read(t, "../../codes.yaml")
	res := importer.Import("codes.yaml", orig, "testdata/merge/new.csv", read(t, "testdata/merge/new.csv"), importer.Options{Table: "error"})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if res.Added != 3 || res.Filled != 0 {
		t.Errorf("added %d, filled %d; want 3 codes added", res.Added, res.Filled)
	}
	if line, ok := testtool.KeepsLines(string(orig), string(res.Output)); !ok {
		t.Errorf("the merge changed or removed line %d of codes.yaml", line)
	}
	diff := udiff.Unified("codes.yaml", "codes.yaml", string(orig), string(res.Output))
	testtool.Golden(t, "testdata/merge/codes.diff", diff, *testtool.Update)
	if _, err := catalog.Parse("codes.yaml", res.Output); err != nil {
		t.Errorf("the merged catalog does not load:\n%v", err)
	}
}

// Without -prefer=import a conflict keeps the catalog's text; with it the
// source's text replaces only that value.
func TestPreferImport(t *testing.T) {
	orig := read(t, "../../codes.yaml")
	src := "testdata/sources/002_02ae758af32816f7.md"
	opts := importer.Options{Table: "http", Langs: map[string]string{"message": "en", "description": "en"}, PreferImport: true}
	res := importer.Import("codes.yaml", orig, src, read(t, src), opts)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	if res.Replaced != len(res.Conflicts) || res.Replaced == 0 {
		t.Errorf("replaced %d of %d conflicts", res.Replaced, len(res.Conflicts))
	}
	c, err := catalog.Parse("codes.yaml", res.Output)
	if err != nil {
		t.Fatalf("does not load:\n%v", err)
	}
	http := c.Table(catalog.KindHTTP)
	for n, want := range map[int]string{302: "Not temporarily", 503: "Service unnailable", 500: "Internal server error", -1: "There was an ambiguous exception that occurred while handling your request."} {
		if got := http.Lookup(n).Message.Text.Get("en"); got != want {
			t.Errorf("%d: message %q, want the source's %q", n, got, want)
		}
	}
	if got := http.Lookup(302).Message.Text.Get("ko"); got == "" {
		t.Error("302 lost its Korean message")
	}
	testtool.Golden(t, "testdata/prefer.diff", udiff.Unified("codes.yaml", "codes.yaml", string(orig), string(res.Output)), *testtool.Update)
}
