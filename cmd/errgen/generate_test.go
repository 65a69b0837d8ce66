package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGenerateRestoresEditKeepingSizeAndTime edits a generated page the
// way `touch -r` hides an edit from anything that trusts size and
// modification time; the next generate must still restore it.
func TestGenerateRestoresEditKeepingSizeAndTime(t *testing.T) {
	dir := project(t)
	if r := errgen(t, dir, "generate"); r.code != 0 {
		t.Fatalf("generate: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page := filepath.Join(dir, "out/docs/en/error/2003.md")
	want, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	// Far in the past, as a file untouched since long before any check.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(page, old, old); err != nil {
		t.Fatal(err)
	}
	const from, to = "The channel does not exist.", "The channel does not EXIST."
	edit(t, page, from, to)
	if err := os.Chtimes(page, old, old); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() != before.Size() || !after.ModTime().Equal(old) {
		t.Fatalf("the edit changed the file's size (%d -> %d) or time (%v)", before.Size(), after.Size(), after.ModTime())
	}

	r := errgen(t, dir, "generate", "-v")
	if r.code != 0 || !strings.Contains(r.stdout, "update out/docs/en/error/2003.md") || !strings.Contains(r.stdout, "1 changed") {
		t.Errorf("generate did not restore the edited page: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(page); string(got) != string(want) {
		t.Errorf("the page is not what errgen generates:\n%s", got)
	}
}

// TestGenerateFollowsSymlinkedTemplate changes what a symlinked override
// points at, leaving the link itself as it was; the next generate must
// render with the new target.
func TestGenerateFollowsSymlinkedTemplate(t *testing.T) {
	dir := project(t)
	tmpl := filepath.Join(dir, "templates")
	if err := os.Mkdir(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "codes.yaml"), "markdown: {dir: out/docs}", "markdown: {dir: out/docs, templates: templates}")
	target := filepath.Join(dir, "root.md")
	if err := os.WriteFile(target, []byte("# Our codes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../root.md", filepath.Join(tmpl, "root.md.tmpl")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	index := filepath.Join(dir, "out/docs/_index.md")
	for _, heading := range []string{"# Our codes", "# Our error codes"} {
		if err := os.WriteFile(target, []byte(heading+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := errgen(t, dir, "generate"); r.code != 0 {
			t.Fatalf("generate: %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if got, _ := os.ReadFile(index); !strings.Contains(string(got), heading+"\n") {
			t.Errorf("_index.md does not use the override's target %q:\n%s", heading, got)
		}
	}
}

// TestGenerateQuietCountsUntranslated: generate says nothing when all is
// well, lists its files with -v, and a code left without its Korean
// message still generates (exit 0) but is counted in one line on stderr
// with the command that lists it; its Korean page shows the English.
func TestGenerateQuietCountsUntranslated(t *testing.T) {
	dir := t.TempDir()
	errgen(t, dir, "init")
	if r := errgen(t, dir, "generate"); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("generate of the clean starter: exit %d, want 0 and no output\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := errgen(t, dir, "generate", "-v")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != 0 || len(lines) != 1 || !strings.HasSuffix(lines[0], " file(s) generated, 0 changed") {
		t.Errorf("generate -v with nothing to change: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	edit(t, filepath.Join(dir, "codes.yaml"), "        ko: 항목이 존재하지 않습니다.\n", "")
	r = errgen(t, dir, "generate")
	want := "errgen: 1 lint warning(s) in codes.yaml (1 untranslated text(s)); `errgen lint` lists them\n"
	if r.code != 0 || r.stdout != "" || r.stderr != want {
		t.Errorf("generate without a Korean message: exit %d\nstdout %q\nstderr %q\nwant stderr %q", r.code, r.stdout, r.stderr, want)
	}
	page, err := os.ReadFile(filepath.Join(dir, "out", "docs", "ko", "error", "1001.md"))
	if err != nil || !strings.Contains(string(page), "The item does not exist.") {
		t.Errorf("the Korean page does not show the English message: %v\n%s", err, page)
	}
	if r := errgen(t, dir, "lint"); !strings.Contains(r.stderr, "untranslated") {
		t.Errorf("lint does not list what generate counted:\n%s", r.stderr)
	}
	if r := errgen(t, dir, "generate", "-q"); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("generate -q prints: %s%s", r.stdout, r.stderr)
	}

	// -exit-code: 1 with the changed files named, then 0 once in place.
	edit(t, filepath.Join(dir, "codes.yaml"), "        en: The item does not exist.\n", "        en: The item is gone.\n")
	r = errgen(t, dir, "generate", "-q", "-exit-code")
	if r.code != 1 || !strings.Contains(r.stderr, "update out/docs/en/error/1001.md\n") || !strings.HasSuffix(r.stderr, " file(s) changed; review and stage them\n") {
		t.Errorf("generate -exit-code after an edit: exit %d\n%s", r.code, r.stderr)
	}
	if r := errgen(t, dir, "generate", "-q", "-exit-code"); r.code != 0 || r.stderr != "" {
		t.Errorf("generate -exit-code with nothing to change: exit %d\n%s", r.code, r.stderr)
	}
}
