package breaking_test

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/breaking"
	"github.com/errgen/errgen/internal/catalog"
)

// gitRepo makes a repository in a temporary folder whose history holds
// each of commits in turn: path → contents, written then committed.
func gitRepo(t *testing.T, commits ...map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("init", "-q", "-b", "main")
	for i, files := range commits {
		for path, data := range files {
			full := filepath.Join(dir, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		run("add", "-A")
		run("commit", "-q", "-m", "commit "+string(rune('1'+i)))
	}
	return dir
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestAgainstGitRevision compares the working catalog with the one two
// commits back, by revision name, as `errgen breaking --against HEAD~1`
// does in CI.
func TestAgainstGitRevision(t *testing.T) {
	old := read(t, "testdata/wire_changed/old.yaml")
	new := read(t, "testdata/wire_changed/new.yaml")
	repo := gitRepo(t,
		map[string]string{"api/codes.yaml": old, "README": "x"},
		map[string]string{"api/codes.yaml": new},
	)
	t.Chdir(filepath.Join(repo, "api"))
	current, err := catalog.Load("codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	against, err := breaking.LoadAgainst("HEAD~1", "codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if against.Path != "HEAD~1:api/codes.yaml" {
		t.Errorf("old catalog is named %q, want HEAD~1:api/codes.yaml", against.Path)
	}
	got := render(breaking.Compare(against, current))
	want := "codes.yaml:44:13: error code 2003: wire name changed from \"ChannelNotFound\" to \"ChannelMissing\" (was HEAD~1:api/codes.yaml:44:13); clients match on the wire name: keep `wire: ChannelNotFound`, or add a new code and deprecate this one\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}

	// HEAD holds the same catalog as the working tree: nothing changed.
	head, err := breaking.LoadAgainst("HEAD", "codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r := breaking.Compare(head, current); len(r.Changes) > 0 {
		t.Errorf("HEAD differs from the working tree:\n%s", render(r))
	}

	// The current path may be given from elsewhere in the repository.
	t.Chdir(repo)
	if c, err := breaking.LoadAgainst("HEAD~1", "api/codes.yaml"); err != nil || c.Path != "HEAD~1:api/codes.yaml" {
		t.Errorf("from the top: %v, %v", c, err)
	}
}

func TestAgainstFile(t *testing.T) {
	c, err := breaking.LoadAgainst("testdata/wire_changed/old.yaml", "testdata/wire_changed/new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != "testdata/wire_changed/old.yaml" {
		t.Errorf("Path = %q", c.Path)
	}
}

func TestAgainstErrors(t *testing.T) {
	base := read(t, "testdata/unchanged/old.yaml")
	repo := gitRepo(t,
		map[string]string{"README": "no catalog yet"},
		map[string]string{"codes.yaml": "version: 1\nlanguages: []\n"},
		map[string]string{"codes.yaml": base},
	)
	t.Chdir(repo)

	// The first commit has no catalog: nothing to compare against.
	_, err := breaking.LoadAgainst("HEAD~2", "codes.yaml")
	if !errors.Is(err, fs.ErrNotExist) || !errors.Is(err, breaking.ErrNoCatalog) {
		t.Errorf("HEAD~2 has no codes.yaml; got %v", err)
	}

	// An invalid old catalog reports its problems at the revision's path.
	_, err = breaking.LoadAgainst("HEAD~1", "codes.yaml")
	var diags catalog.Diagnostics
	if !errors.As(err, &diags) || !strings.HasPrefix(diags[0].String(), "HEAD~1:codes.yaml:1:1: ") {
		t.Errorf("invalid old catalog: got %v", err)
	}

	for _, spec := range []string{"no-such-branch", "HEAD~9", "--output=/tmp/x", ""} {
		_, err := breaking.LoadAgainst(spec, "codes.yaml")
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			t.Errorf("LoadAgainst(%q): got %v, want an error that is not ErrNotExist", spec, err)
		}
	}
}

// TestAgainstOutsideGit reads a revision where there is no repository.
func TestAgainstOutsideGit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	path := filepath.Join(dir, "codes.yaml")
	if err := os.WriteFile(path, []byte(read(t, "testdata/unchanged/old.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := breaking.LoadAgainst("HEAD~1", path)
	if err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("got %v", err)
	}
}
