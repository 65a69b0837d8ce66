package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// gitRepo makes dir a git repository with a fixed identity and returns a
// function that runs git there.
func gitRepo(t *testing.T, dir string) func(dir string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com",
	} {
		t.Setenv(k, v)
	}
	git := func(in string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = in
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git(dir, "init", "-q", "-b", "main")
	return git
}

func must(t *testing.T, r result, what string) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("%s: exit %d\n%s%s", what, r.code, r.stdout, r.stderr)
	}
	return r
}

var fuzzyEntry = regexp.MustCompile(`(?m)^#, fuzzy.*\n((?:#\|.*\n)+)msgctxt "([^"]+)"\n`)

// After an English message changes, the next export marks that entry, and
// only that one, fuzzy with the previous English; so does an export in a
// fresh clone, which has no older revision to look at. lint reports it at
// the Korean text, and importing the reviewed translation clears it.
func TestStaleTranslationSurvivesMerge(t *testing.T) {
	dir := project(t)
	git := gitRepo(t, dir)
	must(t, errgen(t, dir, "generate"), "generate")
	if _, err := os.Stat(filepath.Join(dir, "codes.sum")); err != nil {
		t.Fatalf("generate wrote no codes.sum: %v", err)
	}
	git(dir, "add", ".")
	git(dir, "commit", "-q", "-m", "catalog")
	before := must(t, errgen(t, dir, "generate"), "generate").stderr

	edit(t, filepath.Join(dir, "codes.yaml"), "{en: The channel does not exist.,", "{en: No channel has this ID.,")
	after := must(t, errgen(t, dir, "generate"), "generate after the edit").stderr
	if lintCount(t, after) != lintCount(t, before)+1 {
		t.Errorf("generate does not count the stale translation among lint's warnings:\n%s\n%s", before, after)
	}
	must(t, errgen(t, dir, "check"), "check after the edit")
	git(dir, "commit", "-q", "-am", "reword 2003")

	po := must(t, errgen(t, dir, "translations", "export", "-lang", "ko"), "export").stdout
	fuzzy := fuzzyEntry.FindAllStringSubmatch(po, -1)
	if len(fuzzy) != 1 || fuzzy[0][2] != "error.2003.message" || fuzzy[0][1] != "#| msgid \"The channel does not exist.\"\n" {
		t.Fatalf("want one fuzzy entry, error.2003.message with the previous English; got %q", fuzzy)
	}
	xlf := must(t, errgen(t, dir, "translations", "export", "-lang", "ko", "-format", "xliff"), "export xliff").stdout
	if n := strings.Count(xlf, `state="initial"`); n != 1 {
		t.Errorf("%d segments in state initial, want 1", n)
	}
	if !strings.Contains(xlf, `<note category="previous-source">The channel does not exist.</note>`) {
		t.Error("the XLIFF does not keep the previous English in a note")
	}

	clone := filepath.Join(t.TempDir(), "clone")
	git(dir, "clone", "-q", "--depth", "1", "file://"+dir, clone)
	if got := must(t, errgen(t, clone, "translations", "export", "-lang", "ko"), "export in the clone").stdout; got != po {
		t.Errorf("the clone exports otherwise:\n%s", got)
	}

	koLine := lineOf(t, filepath.Join(dir, "codes.yaml"), "ko: 존재하지 않는 채널입니다")
	r := must(t, errgen(t, clone, "lint"), "lint")
	want := regexp.MustCompile(`codes\.yaml:` + koLine + `:\d+: warning: error\.2003\.message in ko is stale`)
	if !want.MatchString(r.stderr) || strings.Count(r.stderr, "is stale") != 1 {
		t.Errorf("lint does not report the one stale translation at line %s:\n%s", koLine, r.stderr)
	}

	// The translator reviews the entry: the Korean stays, the flag goes.
	reviewed := strings.Replace(po, "#, fuzzy, python-brace-format\n#| msgid \"The channel does not exist.\"\n", "#, python-brace-format\n", 1)
	if err := os.WriteFile(filepath.Join(clone, "ko.po"), []byte(reviewed), 0o644); err != nil {
		t.Fatal(err)
	}
	catBefore, _ := os.ReadFile(filepath.Join(clone, "codes.yaml"))
	r = must(t, errgen(t, clone, "translations", "import", "ko.po"), "import")
	if !strings.Contains(r.stdout, "0 translation(s) written") {
		t.Errorf("import: %s", r.stdout)
	}
	if after, _ := os.ReadFile(filepath.Join(clone, "codes.yaml")); string(after) != string(catBefore) {
		t.Error("importing unchanged translations changed codes.yaml")
	}
	if r := must(t, errgen(t, clone, "lint"), "lint after import"); strings.Contains(r.stderr, "stale") {
		t.Errorf("lint still reports it:\n%s", r.stderr)
	}
	if po := must(t, errgen(t, clone, "translations", "export", "-lang", "ko"), "export after import").stdout; fuzzyEntry.MatchString(po) {
		t.Error("the export still has a fuzzy entry")
	}
	must(t, errgen(t, clone, "check"), "check after import")
}

// A person who changes a source and its translation together has
// translated it: nothing is stale.
func TestSourceAndTranslationChangedTogether(t *testing.T) {
	dir := project(t)
	must(t, errgen(t, dir, "generate"), "generate")
	edit(t, filepath.Join(dir, "codes.yaml"), "{en: The channel does not exist., ko: 존재하지 않는 채널입니다}", "{en: No channel has this ID., ko: 이 ID의 채널이 없습니다}")
	if r := errgen(t, dir, "check"); r.code != 1 || !strings.Contains(r.stdout, "codes.sum: stale") {
		t.Errorf("check does not ask for the sums to follow: %d\n%s", r.code, r.stdout)
	}
	must(t, errgen(t, dir, "generate"), "generate after the edit")
	if po := must(t, errgen(t, dir, "translations", "export", "-lang", "ko"), "export").stdout; fuzzyEntry.MatchString(po) {
		t.Error("an entry is fuzzy")
	}
}

// A hand-written codes.sum is never overwritten, and generate stops
// before it writes anything.
func TestSumsFileNotOverwritten(t *testing.T) {
	dir := project(t)
	if err := os.WriteFile(filepath.Join(dir, "codes.sum"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := errgen(t, dir, "generate"); r.code == 0 {
		t.Errorf("generate wrote over a hand-written codes.sum: %s", r.stdout)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "codes.sum")); string(data) != "mine\n" {
		t.Errorf("codes.sum is now %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("generate wrote out/ although it stopped at codes.sum")
	}
}

// A new language comes in through a file and is added to languages. (The
// Markdown target is turned off: its labels exist in en and ko only.)
func TestImportNewLanguage(t *testing.T) {
	dir := project(t)
	edit(t, filepath.Join(dir, "codes.yaml"), "  markdown: {dir: out/docs}\n", "")
	must(t, errgen(t, dir, "generate"), "generate")
	po := must(t, errgen(t, dir, "translations", "export", "-lang", "ja"), "export").stdout
	if strings.Contains(po, "msgstr \"존") {
		t.Fatal("a language the catalog lacks exported with targets")
	}
	// Fill every target with the Korean, as a stand-in translator.
	ko := must(t, errgen(t, dir, "translations", "export", "-lang", "ko"), "export ko").stdout
	ja := strings.Replace(ko, `"Language: ko\n"`, `"Language: ja\n"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "ja.po"), []byte(ja), 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, errgen(t, dir, "translations", "import", "ja.po"), "import")
	if !strings.Contains(r.stdout, "language ja added") {
		t.Errorf("import: %s", r.stdout)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if !strings.Contains(string(data), "{tag: ja, name: 日本語}") {
		t.Errorf("languages has no ja:\n%s", string(data)[:300])
	}
	must(t, errgen(t, dir, "generate"), "generate with ja")
	must(t, errgen(t, dir, "check"), "check with ja")
}

func lineOf(t *testing.T, path, s string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), s)
	if i < 0 {
		t.Fatalf("%s has no %q", path, s)
	}
	return strconv.Itoa(strings.Count(string(data)[:i], "\n") + 1)
}

// lintCount is the number of lint warnings generate's last line counts.
func lintCount(t *testing.T, stderr string) int {
	t.Helper()
	m := regexp.MustCompile(`errgen: (\d+) lint warning`).FindStringSubmatch(stderr)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// A brand-new module that adopted errgen by the README's recipe sends its
// texts to a translator and back with go tool errgen: the PO passes
// gettext's check, the translator's change lands in the generated Go, and
// the committed state checks clean.
func TestTranslationsInAdopter(t *testing.T) {
	testtool.Command(t, "bash", "tools-debian")
	msgfmt := testtool.Command(t, "msgfmt", "tools-debian")
	a := newAdopter(t, nil)
	if _, err := os.Stat(filepath.Join(a.dir, "codes.sum")); err != nil {
		t.Fatalf("go generate wrote no codes.sum: %v", err)
	}
	a.run("go", "tool", "errgen", "translations", "export", "-lang", "ko", "-o", "ko.po")
	a.run(msgfmt, "--check-format", "-o", os.DevNull, "ko.po")
	po, err := os.ReadFile(filepath.Join(a.dir, "ko.po"))
	if err != nil {
		t.Fatal(err)
	}
	const old, new = `msgstr "항목이 존재하지 않습니다."`, `msgstr "그런 항목이 없습니다."`
	if !strings.Contains(string(po), old) {
		t.Fatalf("the export has no %s", old)
	}
	a.write(map[string]string{"ko.po": strings.Replace(string(po), old, new, 1)})
	if out := a.run("go", "tool", "errgen", "translations", "import", "ko.po"); !strings.Contains(out, "1 translation(s) written") {
		t.Errorf("import: %s", out)
	}
	a.run("go", "generate", "./...")
	if out := a.run("go", "tool", "errgen", "check"); !strings.Contains(out, "up to date") {
		t.Errorf("check: %s", out)
	}
	gen, err := os.ReadFile(filepath.Join(a.dir, "out", "go", "codes", "errorcode.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gen), "그런 항목이 없습니다.") {
		t.Error("the generated Go does not carry the imported translation")
	}
}
