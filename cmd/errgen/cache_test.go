package main

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/cache"
	"github.com/errgen/errgen/internal/output"
)

const cacheHit = "nothing changed since the last generate"

// cached runs errgen with a cache of its own in cacheDir.
func cached(t *testing.T, cacheDir, dir string, args ...string) result {
	t.Helper()
	return runIn(t, &env{cache: func() *cache.Cache { return cache.At(cacheDir) }}, dir, args...)
}

// TestCacheSkipsOnlyWhatIsUnchanged checks that a cached generate renders
// nothing when nothing changed, and that every change that the full
// generate would act on makes it render again, with the same result.
func TestCacheSkipsOnlyWhatIsUnchanged(t *testing.T) {
	dir, cacheDir := project(t), t.TempDir()
	mustGenerate := func(what string, wantHit bool) result {
		t.Helper()
		r := cached(t, cacheDir, dir, "generate")
		if r.code != 0 {
			t.Fatalf("%s: generate: %d\n%s%s", what, r.code, r.stdout, r.stderr)
		}
		if hit := strings.Contains(r.stdout, cacheHit); hit != wantHit {
			t.Fatalf("%s: cache hit %v, want %v:\n%s", what, hit, wantHit, r.stdout)
		}
		if c := errgen(t, dir, "check"); c.code != 0 {
			t.Fatalf("%s: out/ is not what a full render gives:\n%s", what, c.stdout)
		}
		return r
	}
	mustGenerate("first run", false)
	before := snapshot(t, dir)
	mustGenerate("unchanged", true)
	if !maps.Equal(before, snapshot(t, dir)) {
		t.Fatal("a cache hit changed files")
	}

	page := filepath.Join(dir, "out/docs/en/error/2003.md")
	edit(t, page, "The channel does not exist.", "Edited by hand.")
	if r := mustGenerate("a generated file edited", false); !strings.Contains(r.stdout, "update out/docs/en/error/2003.md") {
		t.Errorf("the edited file was not restored:\n%s", r.stdout)
	}

	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	mustGenerate("a generated file removed", false)

	stray := filepath.Join(dir, "out/docs/en/error/9999.md")
	if err := os.WriteFile(stray, []byte("<!-- "+output.Marker+" -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGenerate("a stale generated file", false)
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("the stale generated file is still there: %v", err)
	}

	handWritten := filepath.Join(dir, "out/docs/NOTES.md")
	if err := os.WriteFile(handWritten, []byte("ours\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGenerate("a hand-written file beside the output", true)

	edit(t, filepath.Join(dir, "codes.yaml"), "The channel does not exist.", "No such channel.")
	mustGenerate("the catalog edited", false)
	mustGenerate("unchanged again", true)

	if r := cached(t, cacheDir, dir, "generate", "-force"); r.code != 0 || strings.Contains(r.stdout, cacheHit) || !strings.Contains(r.stdout, "0 changed") {
		t.Errorf("-force should render and change nothing: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got, err := os.ReadFile(handWritten); err != nil || string(got) != "ours\n" {
		t.Errorf("the hand-written file changed: %q %v", got, err)
	}
}

// TestCacheFollowsTemplates checks that editing or adding a template makes
// the next generate render again.
func TestCacheFollowsTemplates(t *testing.T) {
	dir, cacheDir := project(t), t.TempDir()
	tmpl := filepath.Join(dir, "templates")
	if err := os.Mkdir(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(dir, "codes.yaml"), "markdown: {dir: out/docs}", "markdown: {dir: out/docs, templates: templates}")
	run := func(what string, wantHit bool) {
		t.Helper()
		r := cached(t, cacheDir, dir, "generate")
		if r.code != 0 || strings.Contains(r.stdout, cacheHit) != wantHit {
			t.Fatalf("%s: exit %d, cache hit %v, want %v\n%s%s", what, r.code, !wantHit, wantHit, r.stdout, r.stderr)
		}
	}
	run("first run", false)
	run("unchanged", true)
	root := filepath.Join(tmpl, "root.md.tmpl")
	if err := os.WriteFile(root, []byte("# Our codes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("a template added", false)
	if got, _ := os.ReadFile(filepath.Join(dir, "out/docs/index.md")); !strings.Contains(string(got), "# Our codes") {
		t.Errorf("the override was not used:\n%s", got)
	}
	run("unchanged", true)
	if err := os.WriteFile(root, []byte("# Our error codes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("a template edited", false)
}

// TestCacheOffRendersEveryTime checks ERRGEN_CACHE=off.
func TestCacheOffRendersEveryTime(t *testing.T) {
	t.Setenv(cache.Env, "off")
	dir := project(t)
	for range 2 {
		r := runIn(t, &env{cache: cache.Open}, dir, "generate")
		if r.code != 0 || strings.Contains(r.stdout, cacheHit) {
			t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
		}
	}
}
