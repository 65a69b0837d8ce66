package output

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func gen(body string) []byte { return []byte("// " + Marker + "\n" + body) }

// tree reads every file under root into path → content.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func write(t *testing.T, root, p string, data []byte) {
	t.Helper()
	full := filepath.Join(root, p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteCreatesUpdatesAndRemovesStale(t *testing.T) {
	root := t.TempDir()
	write(t, root, "out/go/old.go", gen("old"))
	write(t, root, "out/go/keep.go", gen("same"))
	write(t, root, "out/notes.md", []byte("hand-written, not in the set"))
	changes, err := writeFiles(root, "out", []File{
		{Path: "out/go/keep.go", Data: gen("same")},
		{Path: "out/ts/new.ts", Data: gen("new")},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, string(c.Kind)+" "+c.Path)
	}
	if strings.Join(got, ", ") != "delete out/go/old.go, create out/ts/new.ts" {
		t.Errorf("changes: %v", got)
	}
	want := map[string]string{
		"out/go/keep.go": string(gen("same")),
		"out/ts/new.ts":  string(gen("new")),
		"out/notes.md":   "hand-written, not in the set",
	}
	if got := tree(t, root); !maps.Equal(got, want) {
		t.Errorf("tree after write: %v", got)
	}
}

func TestHandWrittenFileIsRefusedAndUntouched(t *testing.T) {
	root := t.TempDir()
	write(t, root, "out/go/codes.go", []byte("package codes // mine"))
	before := tree(t, root)
	_, err := writeFiles(root, "out", []File{
		{Path: "out/go/a.go", Data: gen("a")},
		{Path: "out/go/codes.go", Data: gen("theirs")},
	}, nil)
	var conflicts ConflictError
	if !errors.As(err, &conflicts) || len(conflicts) != 1 || conflicts[0].Path != "out/go/codes.go" {
		t.Fatalf("want one conflict naming out/go/codes.go, got %v", err)
	}
	if got := tree(t, root); !maps.Equal(got, before) {
		t.Errorf("the folder changed: %v", got)
	}
}

func TestPathsOutsideTheOutputFolderAreRefused(t *testing.T) {
	for _, p := range []string{"../x.go", "out/../x.go", "/etc/x", "elsewhere/x.go", "out/./x.go"} {
		_, err := plan(t.TempDir(), "out", []File{{Path: p, Data: gen("")}})
		if err == nil || !strings.Contains(err.Error(), "outside the output folder") {
			t.Errorf("%s: got %v", p, err)
		}
	}
}

// TestFailureHalfwayRollsBack fails the second rename: the first file has
// been replaced by then, and must be restored.
func TestFailureHalfwayRollsBack(t *testing.T) {
	root := t.TempDir()
	write(t, root, "out/a/one.go", gen("one v1"))
	write(t, root, "out/b/two.go", gen("two v1"))
	write(t, root, "out/c/gone.go", gen("stale"))
	before := tree(t, root)
	failSecond := func(p string) error {
		if p == "out/b/two.go" {
			return errors.New("disk full")
		}
		return nil
	}
	_, err := writeFiles(root, "out", []File{
		{Path: "out/a/one.go", Data: gen("one v2")},
		{Path: "out/b/two.go", Data: gen("two v2")},
		{Path: "out/b/three.go", Data: gen("three")},
	}, failSecond)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("want the injected failure, got %v", err)
	}
	if got := tree(t, root); !maps.Equal(got, before) {
		t.Errorf("the folder changed:\n got %v\nwant %v", got, before)
	}
}

// TestConcurrentWrites runs writers of two different sets at once; the
// folder must end as exactly one of them, never a mix.
func TestConcurrentWrites(t *testing.T) {
	root := t.TempDir()
	setA := []File{{Path: "out/x/a.go", Data: gen("A")}, {Path: "out/x/shared.go", Data: gen("A")}}
	setB := []File{{Path: "out/y/b.go", Data: gen("B")}, {Path: "out/x/shared.go", Data: gen("B")}}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			set := setA
			if i%2 == 1 {
				set = setB
			}
			if _, err := writeFiles(root, "out", set, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got := tree(t, root)
	asMap := func(set []File) map[string]string {
		m := map[string]string{}
		for _, f := range set {
			m[f.Path] = string(f.Data)
		}
		return m
	}
	if !maps.Equal(got, asMap(setA)) && !maps.Equal(got, asMap(setB)) {
		t.Errorf("folder is a mix of both sets: %v", got)
	}
}

func TestIsGenerated(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{"// " + Marker + "\npackage x", true},
		{"---\ntitle: x\n---\n<!-- " + Marker + " -->\n", true},
		{"package x // hand-written", false},
		{strings.Repeat("x", markerWindow) + Marker, false},
	} {
		if got := IsGenerated([]byte(tc.data)); got != tc.want {
			t.Errorf("IsGenerated(%.40q) = %v", tc.data, got)
		}
	}
}

// TestCommitStagesUntilFinish puts files one at a time: no file a reader
// sees changes until Finish (a new file may appear, written in place), and
// Abort leaves the folder as it was, new folders removed.
func TestCommitStagesUntilFinish(t *testing.T) {
	root := t.TempDir()
	write(t, root, "out/a.go", gen("a v1"))
	write(t, root, "out/gone.go", gen("stale"))
	before := tree(t, root)
	visible := func() map[string]string {
		m := tree(t, root)
		for p := range m {
			if strings.Contains(p, tempInfix) {
				delete(m, p)
			}
		}
		return m
	}
	for _, finish := range []bool{false, true} {
		c, err := Begin(root, "out")
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, f := range []File{{Path: "out/a.go", Data: gen("a v2")}, {Path: "out/new/b.go", Data: gen("b")}} {
			wg.Go(func() {
				if err := c.Put(f); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		got := visible()
		if got["out/new/b.go"] != string(gen("b")) {
			t.Errorf("the new file is not in place before Finish: %v", got)
		}
		delete(got, "out/new/b.go")
		if !maps.Equal(got, before) {
			t.Fatalf("files changed before Finish: %v", got)
		}
		if !finish {
			c.Abort()
			if got := tree(t, root); !maps.Equal(got, before) {
				t.Fatalf("Abort left %v", got)
			}
			if _, err := os.Stat(filepath.Join(root, "out", "new")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Abort left the new file's folder: %v", err)
			}
			continue
		}
		changes, err := c.Finish()
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) != 3 {
			t.Errorf("changes: %v", changes)
		}
	}
	want := map[string]string{"out/a.go": string(gen("a v2")), "out/new/b.go": string(gen("b"))}
	if got := tree(t, root); !maps.Equal(got, want) {
		t.Errorf("after Finish: %v", got)
	}
}

// TestLeftoverStagedFileIsRemoved: a staged file left by a run that was
// killed carries the marker and is not rendered, so the next run removes it.
func TestLeftoverStagedFileIsRemoved(t *testing.T) {
	root := t.TempDir()
	write(t, root, "out/.a.go"+tempInfix+"killed1", gen("half"))
	if _, err := writeFiles(root, "out", []File{{Path: "out/a.go", Data: gen("a")}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, root); !maps.Equal(got, map[string]string{"out/a.go": string(gen("a"))}) {
		t.Errorf("tree: %v", got)
	}
}
