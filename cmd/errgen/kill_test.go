//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/testtool"
)

// killCodes is the size of the kill test's catalog: a few thousand codes,
// several thousand files, so that a run lasts long enough to be killed
// while it renders, while it stages and while it renames.
const killCodes = 2000

// TestKilledGenerate kills the real errgen generate with SIGKILL at 20
// moments of a run in which every file changes, spread over rendering,
// staging and the renames. After each kill errgen check must exit
// non-zero, and the next generate must leave out/ byte for byte as a
// clean generation leaves it, with no errgen temporary file anywhere.
func TestKilledGenerate(t *testing.T) {
	root := testtool.Root(t)
	dir := memDir(t)
	errgen := filepath.Join(dir, "errgen")
	testtool.Run(t, root, "go", "build", "-o", errgen, "./cmd/errgen")
	a := filepath.Join(dir, "a.yaml")
	testtool.Run(t, root, "go", "run", "./bench/synth", "-n", fmt.Sprint(killCodes), "-o", a)
	data, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	// b changes every file: each text, the docs URL, the language names,
	// the Go package and the npm version.
	b := everyFileChanged(data)
	catalogs := [2][]byte{data, b}

	// The clean generation of each catalog, into a folder of its own.
	var clean [2]map[string][]byte
	for i, cat := range catalogs {
		ref := filepath.Join(dir, fmt.Sprint("clean", i))
		mustWrite(t, filepath.Join(ref, "codes.yaml"), cat)
		testtool.Run(t, ref, errgen, "generate", "-q")
		clean[i] = readTree(t, filepath.Join(ref, "out"))
	}
	if n := countSame(clean[0], clean[1]); n > 3 {
		t.Fatalf("%d files are the same in both catalogs' output; every file must change", n)
	}

	work := filepath.Join(dir, "work")
	yaml := filepath.Join(work, "codes.yaml")
	journal := filepath.Join(work, "out", output.JournalName)
	mustWrite(t, yaml, catalogs[0])
	testtool.Run(t, work, errgen, "generate", "-q")
	cur := 0

	// One uninterrupted run towards the other catalog gives the moments:
	// how long until the journal commits (rendering and staging), and how
	// long the renames take after it.
	start := time.Now()
	cur = 1
	mustWrite(t, yaml, catalogs[cur])
	cmd := exec.Command(errgen, "generate", "-q")
	cmd.Dir = work
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := waitFor(journal, cmd)
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	staging, renames := committed.Sub(start), time.Since(committed)
	t.Logf("an uninterrupted run: %v until the journal committed, %v of renames after it", staging.Round(time.Millisecond), renames.Round(time.Millisecond))

	phases := map[string]int{}
	for k := range 20 {
		cur = 1 - cur
		mustWrite(t, yaml, catalogs[cur])
		// A run faster than the one measured may end before its kill: the
		// moment is then tried again, earlier.
		killed := false
		for scale := time.Duration(8); scale > 0 && !killed; scale /= 2 {
			cmd := exec.Command(errgen, "generate", "-q")
			cmd.Dir = work
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if k < 12 {
				// Before the commit: spread over loading, rendering and staging.
				time.Sleep(staging * time.Duration(k+1) * scale / 13 / 8)
			} else {
				// During the renames: from the journal's creation on.
				waitFor(journal, cmd)
				time.Sleep(renames * time.Duration(k-12) * scale / 9 / 8)
			}
			cmd.Process.Signal(syscall.SIGKILL)
			err := cmd.Wait()
			var exit *exec.ExitError
			killed = errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
			if !killed {
				t.Logf("kill %d: the run ended before it was killed (%v); trying earlier", k, err)
				// The write is complete: back to the other catalog's output.
				mustWrite(t, yaml, catalogs[1-cur])
				testtool.Run(t, work, errgen, "generate", "-q")
				mustWrite(t, yaml, catalogs[cur])
			}
		}
		if !killed {
			t.Fatalf("kill %d: every run ended before its kill", k)
		}
		phase := phaseOf(t, work)
		phases[phase]++
		if out, err := testtool.Output(work, errgen, "check"); err == nil {
			t.Errorf("kill %d (%s): errgen check passed after the kill:\n%s", k, phase, out)
		}
		if out, err := testtool.Output(work, errgen, "generate", "-q"); err != nil {
			t.Fatalf("kill %d (%s): errgen generate: %v\n%s", k, phase, err, out)
		}
		got := readTree(t, filepath.Join(work, "out"))
		if d := treeDiff(clean[cur], got); d != "" {
			t.Fatalf("kill %d (%s): out/ is not the clean generation:\n%s", k, phase, d)
		}
	}
	t.Logf("kills by phase: %v", phases)
	if phases["renaming"] < 4 || phases["staging"]+phases["rendering"] < 8 {
		t.Errorf("kills by phase %v: want at least 4 while renaming and 8 before", phases)
	}
}

// memDir is a temporary folder in memory (/dev/shm) where there is one:
// the test is about what a kill leaves, not about the disk, and 80 runs
// that each flush thousands of files would spend most of their time
// waiting on it.
func memDir(t *testing.T) string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "errgen-kill-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// everyFileChanged is the catalog data with a change that reaches every
// generated file.
func everyFileChanged(data []byte) []byte {
	for _, r := range []struct{ re, with string }{
		{`(?m)^(\s+(?:en|ko): ")`, `${1}Z `},
		{`base_url: \S+`, `base_url: https://docs.example.org/errors`},
		{`name: English`, `name: Englisch`},
		{`package: codes`, `package: errcodes`},
		{`(?m)^(    version: )1\.0\.0`, `${1}1.0.1`},
	} {
		data = regexp.MustCompile(r.re).ReplaceAll(data, []byte(r.with))
	}
	return data
}

// waitFor polls until the file name exists or cmd has ended, and returns
// when that was.
func waitFor(name string, cmd *exec.Cmd) time.Time {
	for {
		if _, err := os.Lstat(name); err == nil {
			return time.Now()
		}
		if cmd.ProcessState != nil {
			return time.Now()
		}
		if err := cmd.Process.Signal(syscall.Signal(0)); err != nil {
			return time.Now()
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// phaseOf says what a kill interrupted, from what it left in out/: a
// committed journal (renaming), temporary files (staging) or nothing yet
// (rendering).
func phaseOf(t *testing.T, work string) string {
	if data, err := os.ReadFile(filepath.Join(work, "out", output.JournalName)); err == nil && bytes.Contains(data, []byte("\ncommit\n")) {
		return "renaming"
	}
	for p := range readTree(t, filepath.Join(work, "out")) {
		if strings.Contains(p, ".errgen-") {
			return "staging"
		}
	}
	return "rendering"
}

// readTree reads every file under dir, hidden ones included, into path →
// bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// treeDiff lists what differs between two trees, as diff -r -q does.
func treeDiff(want, got map[string][]byte) string {
	var b strings.Builder
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			fmt.Fprintf(&b, "missing %s\n", p)
		case !bytes.Equal(w, g):
			fmt.Fprintf(&b, "differs %s\n", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			fmt.Fprintf(&b, "extra %s\n", p)
		}
	}
	return b.String()
}

func countSame(a, b map[string][]byte) int {
	n := 0
	for p, d := range a {
		if bytes.Equal(d, b[p]) {
			n++
		}
	}
	return n
}

func mustWrite(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
