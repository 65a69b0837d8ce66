package translations

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/hostilecatalog"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
)

// fixture is a catalog as its bytes, its model and its sums file.
type fixture struct {
	name string
	data []byte
	cat  *catalog.Catalog
	sums Sums
}

func load(t *testing.T, name string, data []byte) *fixture {
	t.Helper()
	cat, err := catalog.Parse(name, data, render.Targets...)
	if err != nil {
		t.Fatalf("%s does not load: %v", name, err)
	}
	return &fixture{name: name, data: data, cat: cat}
}

func repoCatalog(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(testtool.Root(t), "codes.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := load(t, "codes.yaml", data)
	sums, err := os.ReadFile(SumsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if f.sums, err = ParseSums("codes.sum", sums); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) export(t *testing.T, lang, format string) []byte {
	t.Helper()
	file, err := Export(f.cat, f.data, f.sums, lang)
	if err != nil {
		t.Fatal(err)
	}
	return Formats[format](file)
}

func (f *fixture) imp(name string, file []byte) *Result {
	return Import(f.cat, f.data, f.sums, name, file, render.Targets...)
}

// write puts data into a file of the test's temporary folder.
func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// translated counts the units of a language that have a translation.
func (f *fixture) translated(t *testing.T, lang string) int {
	t.Helper()
	file, err := Export(f.cat, f.data, f.sums, lang)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range file.Units {
		if u.Target != "" {
			n++
		}
	}
	return n
}

// unchanged fails unless an import wrote the catalog back byte for byte,
// having matched every translation of the file to the catalog's own text.
func (f *fixture) unchanged(t *testing.T, res *Result, lang string) {
	t.Helper()
	if len(res.Errors) > 0 {
		t.Fatalf("import refused the file: %v", res.Errors)
	}
	if want := f.translated(t, lang); res.Reviewed != want || res.Written != 0 {
		t.Errorf("import matched %d of %d translations and wrote %d: the file's text did not come back as it went out", res.Reviewed, want, res.Written)
	}
	if string(res.Output) != string(f.data) {
		t.Errorf("the catalog changed:\n%s", testtool.Diff(string(f.data), string(res.Output)))
	}
}

func TestPOPassesMsgfmtCheckFormat(t *testing.T) {
	msgfmt := testtool.Command(t, "msgfmt", "tools-debian")
	f := repoCatalog(t)
	po := write(t, "ko.po", f.export(t, "ko", "po"))
	testtool.Run(t, "", msgfmt, "--check-format", "-o", os.DevNull, po)
	if n := strings.Count(readFile(t, po), "#, "+poFlag); n == 0 {
		t.Fatal("no entry carries the python-brace-format flag, so msgfmt checked nothing")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A placeholder a translator renamed is caught by gettext's own check and
// by the import, which names the PO line of the translation.
func TestPORenamedPlaceholderRefused(t *testing.T) {
	msgfmt := testtool.Command(t, "msgfmt", "tools-debian")
	f := repoCatalog(t)
	po := string(f.export(t, "ko", "po"))
	const ctx = "msgctxt \"error.6001.message\"\n"
	at := strings.Index(po, ctx)
	if at < 0 {
		t.Fatal("the export has no entry error.6001.message")
	}
	rest := po[at:]
	msgstr := strings.Index(rest, "\nmsgstr ") + 1
	end := msgstr + strings.IndexByte(rest[msgstr:], '\n')
	line := rest[msgstr:end]
	if !strings.Contains(line, "{maxSize}") {
		t.Fatalf("the translation %s has no {maxSize}", line)
	}
	bad := po[:at] + rest[:msgstr] + strings.Replace(line, "{maxSize}", "{maxsize}", 1) + rest[end:]
	wantLine := strings.Count(po[:at+msgstr], "\n") + 1

	path := write(t, "ko.po", []byte(bad))
	out, err := testtool.Output("", msgfmt, "--check-format", "-o", os.DevNull, path)
	if err == nil || !strings.Contains(out, "maxSize") {
		t.Fatalf("msgfmt --check-format passed the renamed placeholder: %v\n%s", err, out)
	}
	res := f.imp("ko.po", []byte(bad))
	if res.Output != nil || len(res.Errors) != 1 {
		t.Fatalf("import took the renamed placeholder: output %d bytes, errors %v", len(res.Output), res.Errors)
	}
	d := res.Errors[0]
	if d.Pos.File != "ko.po" || d.Pos.Line != wantLine || !strings.Contains(d.Message, "drops {maxSize} and adds {maxsize}") {
		t.Errorf("import said %v; want ko.po:%d, naming {maxSize} and {maxsize}", d, wantLine)
	}
}

// msgcat re-wraps every long string; the file still imports to the same
// bytes, each translation matched to the catalog's own text.
func TestPOThroughMsgcatImportsByteIdentical(t *testing.T) {
	msgcat := testtool.Command(t, "msgcat", "tools-debian")
	f := repoCatalog(t)
	po := write(t, "ko.po", f.export(t, "ko", "po"))
	wrapped := filepath.Join(filepath.Dir(po), "wrapped.po")
	testtool.Run(t, "", msgcat, "-o", wrapped, po)
	data := readFile(t, wrapped)
	if !regexp.MustCompile(`(?m)^msgstr ""\n"`).MatchString(data) {
		t.Fatal("msgcat wrapped no string: the test would not show the reader joins them")
	}
	f.unchanged(t, f.imp("wrapped.po", []byte(data)), "ko")
}

func TestXLIFFValidatesAndImportsByteIdentical(t *testing.T) {
	xmllint := testtool.Command(t, "xmllint", "tools-debian")
	f := repoCatalog(t)
	xlf := f.export(t, "ko", "xliff")
	path := write(t, "ko.xlf", xlf)
	schema := filepath.Join("testdata", "xliff", "xliff_core_2.0.xsd")
	testtool.Run(t, "", xmllint, "--noout", "--schema", schema, path)
	if !strings.Contains(string(xlf), `<ph id="maxSize"`) {
		t.Error("the message of 6001 has no <ph> for {maxSize}")
	}
	f.unchanged(t, f.imp("ko.xlf", xlf), "ko")
}

// The schema check can fail: a unit without a segment is not XLIFF.
func TestXLIFFSchemaRefusesBrokenFile(t *testing.T) {
	xmllint := testtool.Command(t, "xmllint", "tools-debian")
	f := repoCatalog(t)
	xlf := string(f.export(t, "ko", "xliff"))
	broken := regexp.MustCompile(`(?s)<segment.*?</segment>`).ReplaceAllString(xlf, "")
	path := write(t, "broken.xlf", []byte(broken))
	schema := filepath.Join("testdata", "xliff", "xliff_core_2.0.xsd")
	if out, err := testtool.Output("", xmllint, "--noout", "--schema", schema, path); err == nil {
		t.Fatalf("xmllint accepted units without segments:\n%s", out)
	}
}

func TestXLIFFPlaceholderChangesRefused(t *testing.T) {
	f := repoCatalog(t)
	xlf := string(f.export(t, "ko", "xliff"))
	target := regexp.MustCompile(`<target>최대 파일 업로드 사이즈 초과 \(<ph id="maxSize"[^>]*></ph>\)</target>`)
	loc := target.FindStringIndex(xlf)
	if loc == nil {
		t.Fatal("the export has no target of 6001 with its <ph>")
	}
	line := strings.Count(xlf[:loc[0]], "\n") + 1
	for name, repl := range map[string]string{
		"renamed": `<target>최대 파일 업로드 사이즈 초과 (<ph id="maxsize"/>)</target>`,
		"dropped": `<target>최대 파일 업로드 사이즈 초과</target>`,
		"as text": `<target>최대 파일 업로드 사이즈 초과 ({maxSize})</target>`,
		"markup":  `<target>최대 <pc id="b">파일</pc> (<ph id="maxSize"/>)</target>`,
	} {
		t.Run(name, func(t *testing.T) {
			bad := xlf[:loc[0]] + repl + xlf[loc[1]:]
			res := f.imp("ko.xlf", []byte(bad))
			if res.Output != nil || len(res.Errors) == 0 {
				t.Fatalf("import took %s", repl)
			}
			if d := res.Errors[0]; d.Pos.File != "ko.xlf" || d.Pos.Line != line {
				t.Errorf("import said %v; want a problem on ko.xlf line %d", d, line)
			}
		})
	}
}

func TestImportRefusals(t *testing.T) {
	f := repoCatalog(t)
	po := string(f.export(t, "ko", "po"))
	for name, c := range map[string]struct {
		edit func(string) string
		line int
		want string
	}{
		"unknown context": {func(s string) string { return strings.Replace(s, `msgctxt "http.title"`, `msgctxt "http.titel"`, 1) }, 0, `"http.titel" is not in the catalog`},
		"plural forms": {func(s string) string {
			return strings.Replace(s, "msgstr \"HTTP 상태 코드\"\n", "msgid_plural \"HTTP status codes\"\nmsgstr[0] \"HTTP 상태 코드\"\n", 1)
		}, 0, "plural forms"},
		"language tag": {func(s string) string { return strings.Replace(s, `"Language: ko\n"`, `"Language: Korean\n"`, 1) }, 0, "not a language the catalog can hold"},
		"c-format":     {func(s string) string { return strings.Replace(s, "#, python-brace-format", "#, c-format", 1) }, 0, "c-format"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := c.edit(po)
			if bad == po {
				t.Fatal("the edit changed nothing")
			}
			res := f.imp("ko.po", []byte(bad))
			if res.Output != nil || len(res.Errors) == 0 {
				t.Fatal("import took the file")
			}
			if d := res.Errors[0]; !strings.Contains(d.Message, c.want) || d.Pos.Line < 1 {
				t.Errorf("import said %v; want %q", d, c.want)
			}
		})
	}
}

// A changed translation is written at its place, and the catalog loads
// with it; nothing else changes.
func TestImportWritesTranslation(t *testing.T) {
	f := repoCatalog(t)
	po := string(f.export(t, "ko", "po"))
	edited := strings.Replace(po, `msgstr "HTTP 상태 코드"`, `msgstr "HTTP \"상태\" 코드: {둘}"`, 1)
	res := f.imp("ko.po", []byte(edited))
	if len(res.Errors) > 0 || res.Written != 1 {
		t.Fatalf("import: %v, %d written", res.Errors, res.Written)
	}
	next := load(t, "codes.yaml", res.Output)
	if got := next.cat.Table(catalog.KindHTTP).Title.Get("ko"); got != `HTTP "상태" 코드: {둘}` {
		t.Errorf("the title in ko is %q", got)
	}
	before, after := strings.Split(string(f.data), "\n"), strings.Split(string(res.Output), "\n")
	if len(before) != len(after) {
		t.Fatalf("the import changed the number of lines:\n%s", testtool.Diff(string(f.data), string(res.Output)))
	}
	for i := range before {
		if before[i] != after[i] && !strings.HasPrefix(before[i], "    ko: HTTP 상태 코드") {
			t.Errorf("the import changed line %d besides the title:\n%s", i+1, testtool.Diff(string(f.data), string(res.Output)))
		}
	}
}

// Every class of the hostile corpus goes out and comes back byte for
// byte, in both formats: into the catalog it came from (no byte changes),
// and into a new language, whose texts must equal the Korean ones they
// were copied from.
func TestHostileRoundTrip(t *testing.T) {
	f := load(t, "codes.yaml", []byte(hostilecatalog.YAML()))
	for _, format := range []string{"po", "xliff"} {
		t.Run(format, func(t *testing.T) {
			out := f.export(t, "ko", format)
			f.unchanged(t, f.imp("ko."+format, out), "ko")

			ja := strings.Replace(string(out), `"Language: ko\n"`, `"Language: ja\n"`, 1)
			ja = strings.Replace(ja, `trgLang="ko"`, `trgLang="ja"`, 1)
			res := f.imp("ja."+format, []byte(ja))
			if len(res.Errors) > 0 || !res.AddedLang {
				t.Fatalf("import of ja: %v (language added: %v)", res.Errors, res.AddedLang)
			}
			next := load(t, "codes.yaml", res.Output)
			want, err := Export(f.cat, f.data, Sums{}, "ko")
			if err != nil {
				t.Fatal(err)
			}
			got, err := Export(next.cat, next.data, Sums{}, "ja")
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Units) != len(want.Units) {
				t.Fatalf("%d texts in ja, %d in ko", len(got.Units), len(want.Units))
			}
			for i, u := range want.Units {
				if got.Units[i].Target != u.Target {
					t.Errorf("%s: ja is %q, ko %q", u.Context, got.Units[i].Target, u.Target)
				}
			}
		})
	}
}

// The hostile texts still pass the formats' own tools.
func TestHostileFilesPassTheirTools(t *testing.T) {
	msgfmt := testtool.Command(t, "msgfmt", "tools-debian")
	xmllint := testtool.Command(t, "xmllint", "tools-debian")
	f := load(t, "codes.yaml", []byte(hostilecatalog.YAML()))
	testtool.Run(t, "", msgfmt, "--check-format", "-o", os.DevNull, write(t, "ko.po", f.export(t, "ko", "po")))
	schema := filepath.Join("testdata", "xliff", "xliff_core_2.0.xsd")
	testtool.Run(t, "", xmllint, "--noout", "--schema", schema, write(t, "ko.xlf", f.export(t, "ko", "xliff")))
}

// TestExportGolden pins both formats and the sums file for the small
// fixture catalog, one of whose Korean messages was translated from an
// older English (review a change with go test -update and git diff).
func TestExportGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "testdata", "catalogs", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f := load(t, "codes.yaml", data)
	root, err := tree(f.name, f.data)
	if err != nil {
		t.Fatal(err)
	}
	f.sums = Record(all(f.cat, root, Sums{}), Sums{})
	k := key{"ko", "error.2003.message"}
	r, ok := f.sums.recs[k]
	if !ok {
		t.Fatal("no record of error.2003.message in ko")
	}
	r.source = "The channel is not there."
	f.sums.recs[k] = r
	testtool.Golden(t, "testdata/golden/small.sum", f.sums.Format(), *testtool.Update)
	testtool.Golden(t, "testdata/golden/small.ko.po", f.export(t, "ko", "po"), *testtool.Update)
	testtool.Golden(t, "testdata/golden/small.ko.xlf", f.export(t, "ko", "xliff"), *testtool.Update)
	testtool.Golden(t, "testdata/golden/small.ja.po", f.export(t, "ja", "po"), *testtool.Update)

	// The stale entry's form is one the formats' own tools accept.
	msgfmt := testtool.Command(t, "msgfmt", "tools-debian")
	xmllint := testtool.Command(t, "xmllint", "tools-debian")
	for _, po := range []string{"small.ko.po", "small.ja.po"} {
		testtool.Run(t, "", msgfmt, "--check-format", "-o", os.DevNull, filepath.Join("testdata", "golden", po))
	}
	testtool.Run(t, "", xmllint, "--noout", "--schema", filepath.Join("testdata", "xliff", "xliff_core_2.0.xsd"), filepath.Join("testdata", "golden", "small.ko.xlf"))
}

// A translation made from an older English stays stale when it comes
// back after the English changed: the sums record the English of the
// file it came in, not the catalog's.
func TestImportFromOlderSourceStaysStale(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "testdata", "catalogs", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	old := load(t, "codes.yaml", data)
	po := strings.Replace(string(old.export(t, "ko", "po")), `msgstr "존재하지 않는 채널입니다"`, `msgstr "채널이 없습니다"`, 1)

	now := load(t, "codes.yaml", []byte(strings.Replace(string(data), "The channel does not exist.", "No channel has this ID.", 1)))
	res := now.imp("ko.po", []byte(po))
	if len(res.Errors) > 0 || res.Written != 1 {
		t.Fatalf("import: %v, %d written", res.Errors, res.Written)
	}
	next := load(t, "codes.yaml", res.Output)
	if next.sums, err = ParseSums("codes.sum", res.Sums); err != nil {
		t.Fatal(err)
	}
	file, err := Export(next.cat, next.data, next.sums, "ko")
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for _, u := range file.Units {
		if u.Stale() {
			stale = append(stale, u.Context+": "+u.Previous+" -> "+u.Target)
		}
	}
	if want := []string{"error.2003.message: The channel does not exist. -> 채널이 없습니다"}; !slices.Equal(stale, want) {
		t.Errorf("stale: %q, want %q", stale, want)
	}
}
