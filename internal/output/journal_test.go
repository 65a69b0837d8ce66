package output

import (
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// die stops a Commit as a killed process stops: nothing more is written
// or removed, the journal and every temporary file stay, and only the
// lock goes (as the kernel drops a dead process's flock).
func die(c *Commit) {
	c.mu.Lock()
	c.keep = true
	c.mu.Unlock()
	c.Abort()
}

// TestRecoverAfterDeath stops a write at every moment between its
// journal's commit and its end, and before the commit; then Recover must
// leave the folder wholly new (after the commit), or wholly old (before
// it, or when the journal says undo), with no temporary file.
func TestRecoverAfterDeath(t *testing.T) {
	old := map[string]string{
		"out/a.go":      string(gen("a v1")),
		"out/b/b.go":    string(gen("b v1")),
		"out/gone.go":   string(gen("stale")),
		"out/keep.go":   string(gen("same")),
		"out/notes.txt": "hand-written",
	}
	updated := map[string]string{
		"out/a.go":      string(gen("a v2")),
		"out/b/b.go":    string(gen("b v2")),
		"out/keep.go":   string(gen("same")),
		"out/new/c.go":  string(gen("c")),
		"out/new/d.go":  string(gen("d")),
		"out/notes.txt": "hand-written",
	}
	setUp := func(t *testing.T) (string, *Commit) {
		root := t.TempDir()
		for p, data := range old {
			write(t, root, p, []byte(data))
		}
		c, err := Begin(root, "out")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []File{
			{Path: "out/a.go", Data: gen("a v2")},
			{Path: "out/b/b.go", Data: gen("b v2")},
			{Path: "out/keep.go", Data: gen("same")},
			{Path: "out/new/c.go", Data: gen("c")},
			written("out/new/d.go", gen("d")),
		} {
			if err := c.Put(f); err != nil {
				t.Fatal(err)
			}
		}
		return root, c
	}
	check := func(t *testing.T, root string, want map[string]string, state string) {
		t.Helper()
		r, err := Recover(root, "out")
		if err != nil {
			t.Fatal(err)
		}
		if r.Journal != state || !r.Found() {
			t.Errorf("recovery %+v, want the journal %q", r, state)
		}
		if got := tree(t, root); !maps.Equal(got, want) {
			t.Errorf("after recovery:\n got %v\nwant %v", keys(got), keys(want))
		}
		if r, err := Recover(root, "out"); err != nil || r.Found() {
			t.Errorf("a second recovery found %+v, %v", r, err)
		}
	}

	t.Run("before the commit", func(t *testing.T) {
		root, c := setUp(t)
		die(c)
		if len(tree(t, root)) <= len(old) {
			t.Fatal("the write left nothing to recover")
		}
		check(t, root, old, "undone")
	})
	for k := range 4 { // a, b, gone, then the end of the renames
		for _, undo := range []bool{false, true} {
			name := "after rename " + string(rune('0'+k))
			if undo {
				name += ", undoing"
			}
			t.Run(name, func(t *testing.T) {
				root, c := setUp(t)
				n := 0
				c.beforeRename = func(string) error {
					if n == k {
						die(c)
						runtime.Goexit()
					}
					n++
					return nil
				}
				done := make(chan struct{})
				go func() {
					defer close(done)
					c.Finish()
				}()
				<-done
				want, state := updated, "finished"
				if undo {
					f, err := os.OpenFile(filepath.Join(root, "out", JournalName), os.O_WRONLY|os.O_APPEND, 0)
					if err != nil {
						t.Fatal(err)
					}
					f.WriteString("undo\n")
					f.Close()
					want, state = old, "undone"
				}
				check(t, root, want, state)
			})
		}
	}
	t.Run("stray files", func(t *testing.T) {
		root := t.TempDir()
		write(t, root, "out/a.go", gen("a"))
		write(t, root, "out/docs/.1.md"+tempInfix+"x1", []byte("half"))
		write(t, root, "out/.a.go"+tempInfix+"x2", nil)
		r, err := Recover(root, "out")
		if err != nil {
			t.Fatal(err)
		}
		if r.Journal != "" || strings.Join(r.Stray, " ") != "out/.a.go.errgen-x2 out/docs/.1.md.errgen-x1" {
			t.Errorf("recovery %+v", r)
		}
		if got := tree(t, root); !maps.Equal(got, map[string]string{"out/a.go": string(gen("a"))}) {
			t.Errorf("tree: %v", got)
		}
	})
}

func keys(m map[string]string) []string {
	var ks []string
	for k, v := range m {
		ks = append(ks, k+"="+strings.TrimPrefix(v, "// "+Marker+"\n"))
	}
	return ks
}
