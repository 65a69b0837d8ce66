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

	r := errgen(t, dir, "generate")
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
