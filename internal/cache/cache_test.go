package cache

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/output"
)

// fakeExecutable points the cache's idea of errgen at a file of the test's.
func fakeExecutable(t *testing.T, c *Cache, content string, mtime time.Time) string {
	t.Helper()
	exe := filepath.Join(t.TempDir(), "errgen")
	if err := os.WriteFile(exe, []byte(content), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(exe, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	c.executable = func() (string, error) { return exe, nil }
	return exe
}

func TestKeyFollowsEveryInput(t *testing.T) {
	c := At(t.TempDir())
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	exe := fakeExecutable(t, c, "errgen v1", t0)
	dir := t.TempDir()
	cat := filepath.Join(dir, "codes.yaml")
	tmpl := filepath.Join(dir, "tmpl")
	if err := os.Mkdir(tmpl, 0o755); err != nil {
		t.Fatal(err)
	}
	in := Inputs{Catalog: cat, Templates: "tmpl"}
	key := func() Key {
		t.Helper()
		k, err := c.Key(in, []byte("catalog"))
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	seen := map[Key]string{}
	distinct := func(what string) {
		t.Helper()
		k := key()
		if prev, dup := seen[k]; dup {
			t.Fatalf("%s: same key as %s", what, prev)
		}
		seen[k] = what
	}
	distinct("start")
	if k := key(); seen[k] != "start" {
		t.Fatal("the key is not stable")
	}
	if k, _ := c.Key(in, []byte("catalog, edited")); seen[k] != "" {
		t.Error("the catalog's bytes are not in the key")
	}
	os.WriteFile(filepath.Join(tmpl, "code.md.tmpl"), []byte("a"), 0o644)
	distinct("a template added")
	os.WriteFile(filepath.Join(tmpl, "code.md.tmpl"), []byte("b"), 0o644)
	distinct("a template edited")
	// A rebuilt errgen: new bytes, new modification time.
	os.WriteFile(exe, []byte("errgen v2"), 0o755)
	os.Chtimes(exe, t0.Add(time.Second), t0.Add(time.Second))
	distinct("errgen rebuilt")
	other := t.TempDir()
	os.Mkdir(filepath.Join(other, "tmpl"), 0o755)
	os.WriteFile(filepath.Join(other, "tmpl", "code.md.tmpl"), []byte("b"), 0o644)
	in.Catalog = filepath.Join(other, "codes.yaml")
	distinct("another catalog path")
}

// TestExecutableSumIsRemembered checks that the executable's sum comes
// from the memo while the file's stamp is unchanged, and is computed again
// once it is not.
func TestExecutableSumIsRemembered(t *testing.T) {
	c := At(t.TempDir())
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	exe := fakeExecutable(t, c, "errgen v1", t0)
	first, err := c.executableSum()
	if err != nil || first != output.Sum([]byte("errgen v1")) {
		t.Fatalf("sum %q, %v", first, err)
	}
	// Same size and time, other bytes: only a memo can answer the old sum,
	// which shows the memo is used (errgen itself never changes in place).
	os.WriteFile(exe, []byte("errgen v2"), 0o755)
	os.Chtimes(exe, t0, t0)
	if again, _ := c.executableSum(); again != first {
		t.Errorf("the memo was not used")
	}
	os.Chtimes(exe, t0.Add(time.Nanosecond), t0.Add(time.Nanosecond))
	if now, _ := c.executableSum(); now != output.Sum([]byte("errgen v2")) {
		t.Errorf("a new modification time did not recompute the sum")
	}
}

func TestStoreAndLookup(t *testing.T) {
	c := At(t.TempDir())
	fakeExecutable(t, c, "errgen", time.Now())
	cat := filepath.Join(t.TempDir(), "codes.yaml")
	os.WriteFile(cat, []byte("v1"), 0o644)
	if _, ok := c.Lookup(cat); ok {
		t.Fatal("hit before any store")
	}
	in := Inputs{Catalog: cat}
	key, err := c.Key(in, []byte("v1"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Store(in, key, "out", map[string]output.Record{"out/a": {Sum: output.Sum([]byte("a"))}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	e, ok := c.Lookup(cat)
	if !ok || e.Dir != "out" || e.Files["out/a"].Sum != output.Sum([]byte("a")) {
		t.Fatalf("lookup after store: %v %+v", ok, e)
	}
	os.WriteFile(cat, []byte("v2"), 0o644)
	if _, ok := c.Lookup(cat); ok {
		t.Error("hit after the catalog changed")
	}
	var off *Cache
	if _, ok := off.Lookup(cat); ok || off.Store(in, key, "out", nil, time.Now()) != nil {
		t.Error("a nil cache should miss and store nothing")
	}
}
