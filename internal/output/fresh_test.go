package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFresh(t *testing.T) {
	root := t.TempDir()
	files := []File{
		{Path: "out/a.txt", Data: []byte("// " + Marker + "\nalpha\n")},
		{Path: "out/sub/b.txt", Data: []byte("// " + Marker + "\nbravo\n")},
	}
	var w Writer
	before := time.Now()
	if _, err := w.Write(root, "out", files); err != nil {
		t.Fatal(err)
	}
	recs, err := Records(root, files)
	if err != nil {
		t.Fatal(err)
	}
	later := before.Add(time.Hour) // a check long after the files were written
	a := filepath.Join(root, "out/a.txt")

	check := func(what string, verified time.Time, wantFresh, wantRacy bool) {
		t.Helper()
		fresh, renewed := Fresh(root, "out", recs, verified)
		racy := renewed != nil
		if fresh != wantFresh || (fresh && racy != wantRacy) {
			t.Errorf("%s: fresh %v racy %v, want %v %v", what, fresh, racy, wantFresh, wantRacy)
		}
	}
	check("just written", before, true, true)
	check("checked long after", later, true, false)

	// An edit of the same size within the racy window, its time set back:
	// only hashing finds it.
	info, _ := os.Stat(a)
	os.WriteFile(a, []byte("// "+Marker+"\nALPHA\n"), 0o644)
	os.Chtimes(a, info.ModTime(), info.ModTime())
	check("same size, same time, racy", before, false, false)
	// The same edit with the time it really has.
	os.Chtimes(a, time.Now().Add(time.Minute), time.Now().Add(time.Minute))
	check("same size, new time", later, false, false)
	os.WriteFile(a, files[0].Data, 0o644)
	check("restored by hand: hashed, and equal", later, true, true)
	// The renewed records carry the file's new time: trusted from then on.
	_, renewed := Fresh(root, "out", recs, later)
	info, _ = os.Stat(a)
	if renewed["out/a.txt"].MTime != info.ModTime().UnixNano() || renewed["out/a.txt"].Sum != recs["out/a.txt"].Sum {
		t.Errorf("renewed record %+v, file time %d", renewed["out/a.txt"], info.ModTime().UnixNano())
	}
	if fresh, again := Fresh(root, "out", renewed, later); !fresh || again != nil {
		t.Errorf("with renewed records: fresh %v, hashed again %v", fresh, again != nil)
	}

	os.WriteFile(filepath.Join(root, "out/notes.md"), []byte("ours\n"), 0o644)
	check("a hand-written file beside", later, true, true)
	stray := filepath.Join(root, "out/sub/old.txt")
	os.WriteFile(stray, []byte("// "+Marker+"\n"), 0o644)
	check("a stale generated file", later, false, false)
	os.Remove(stray)

	os.Remove(a)
	check("a file missing", later, false, false)
	os.Mkdir(a, 0o755)
	check("a folder where a file was", later, false, false)
	os.Remove(a)
	os.Symlink(filepath.Join(root, "out/sub/b.txt"), a)
	check("a symlink where a file was", later, false, false)
}
