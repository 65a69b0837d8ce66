package output

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// The journal is how a write survives the death of its process. A
// rollback needs the process alive; the journal does not. It lives in
// the output folder (JournalName) and holds, one line each:
//
//	create "out/a.md"                       a new file, noted before it is made
//	update "out/b.md" "out/.b.md.errgen-1" "out/.b.md.errgen-2"
//	delete "out/c.md" "out/.c.md.errgen-3"  path, staged file, backup
//	commit                                  every line above is complete
//	undo                                    the write failed; roll it back
//
// create lines are appended as new files are placed, before each one
// appears. Everything else is appended in one write and synced before
// the first rename: that is the commit point. The next errgen that takes
// the folder's lock (generate, check) reads a journal left behind and
// finishes the write (commit without undo) or undoes it (no commit, or
// undo), then removes every errgen temporary file under the folder.
const JournalName = ".errgen-journal"

// journal records one write as it goes.
type journal struct {
	name string // full path
	f    *os.File
}

type journalOp string

const (
	opCreate journalOp = "create"
	opUpdate journalOp = "update"
	opDelete journalOp = "delete"
	opCommit journalOp = "commit"
	opUndo   journalOp = "undo"
)

// line is one journal line: an operation and its paths, slash-separated
// and relative to the root.
type line struct {
	op    journalOp
	paths []string
}

func (l line) String() string {
	var b strings.Builder
	b.WriteString(string(l.op))
	for _, p := range l.paths {
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(p))
	}
	b.WriteByte('\n')
	return b.String()
}

// append writes lines in one call: a process killed during it leaves the
// whole text or a cut one, never lines out of order.
func (j *journal) append(lines ...line) error {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.String())
	}
	_, err := j.f.WriteString(b.String())
	return err
}

// openJournal starts the journal of a write in the output folder base.
// The folder's lock is held, and recovery ran: no journal is there.
func openJournal(base string) (*journal, error) {
	name := filepath.Join(base, JournalName)
	f, err := openFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	return &journal{name: name, f: f}, nil
}

// commit appends the renames and removals to come and the commit line,
// then makes the journal durable, its name included: after a power loss
// the next run must still find it.
func (j *journal) commit(lines []line) error {
	if err := j.append(append(lines, line{op: opCommit})...); err != nil {
		return err
	}
	if err := j.f.Sync(); err != nil {
		return err
	}
	return syncDir(filepath.Dir(j.name))
}

// remove ends the journal: the write is complete, or wholly undone.
func (j *journal) remove() error {
	j.f.Close()
	return os.Remove(j.name)
}

// Recovery is what opening the output folder found of an earlier write
// that did not end: its process was killed or the machine stopped.
type Recovery struct {
	// Journal is "finished" when an interrupted write was completed,
	// "undone" when it was rolled back, else empty.
	Journal string
	// Files is how many files the interrupted write had changed or was
	// about to change.
	Files int
	// Stray lists errgen's temporary files that were removed, paths
	// relative to the root.
	Stray []string
}

// Found reports whether anything was left of an interrupted write.
func (r Recovery) Found() bool { return r.Journal != "" || len(r.Stray) > 0 }

// Recover takes the lock of the output folder dir (relative to root) and
// finishes or undoes a write that errgen was killed in, removing every
// temporary file it left. Begin does the same; check calls Recover to
// report what it found.
func Recover(root, dir string) (Recovery, error) {
	base := filepath.Join(root, filepath.FromSlash(dir))
	if _, err := os.Stat(base); errors.Is(err, fs.ErrNotExist) {
		return Recovery{}, nil
	}
	unlock, err := lock(root, dir)
	if err != nil {
		return Recovery{}, err
	}
	defer unlock()
	return recoverLocked(root, dir)
}

// recoverLocked is Recover with the lock held.
func recoverLocked(root, dir string) (Recovery, error) {
	var r Recovery
	base := filepath.Join(root, filepath.FromSlash(dir))
	full := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	lines, err := readJournal(filepath.Join(base, JournalName), dir)
	if err != nil {
		return r, err
	}
	if lines != nil {
		r.Journal, r.Files, err = replay(lines, full, base)
		if err != nil {
			return r, fmt.Errorf("%s: finishing an interrupted write: %w", path.Join(dir, JournalName), err)
		}
	}
	// Every temporary file is stray now: the lock is held, so no live
	// errgen is writing, and the journal's own were used above.
	err = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != base && skipDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !isTemp(d.Name()) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if err := os.Remove(p); err != nil {
			return err
		}
		if d.Name() != JournalName {
			r.Stray = append(r.Stray, filepath.ToSlash(rel))
		}
		return nil
	})
	return r, err
}

// replay finishes or undoes the write a journal records.
func replay(lines []line, full func(string) string, base string) (state string, files int, err error) {
	committed, undo := false, false
	for _, l := range lines {
		committed = committed || l.op == opCommit
		undo = undo || l.op == opUndo
	}
	var errs []error
	try := func(err error) {
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	for _, l := range lines {
		if l.op == opCommit || l.op == opUndo {
			continue
		}
		files++
		target := full(l.paths[0])
		switch {
		case !committed || undo:
			state = "undone"
			switch l.op {
			case opCreate:
				try(os.Remove(target))
				removeEmptyParents(base, filepath.Dir(target))
			case opUpdate, opDelete:
				// A backup exists once its change began: it holds the old
				// bytes (for an update, the staged file goes with the strays).
				backup := full(l.paths[len(l.paths)-1])
				if _, err := os.Lstat(backup); err == nil {
					try(os.Rename(backup, target))
				}
			}
		default:
			state = "finished"
			switch l.op {
			case opCreate:
				// A new file is not synced (see the README); one a power
				// loss cut before its marker would be refused as hand-written.
				if ok, err := hasMarker(target); err == nil && !ok {
					try(os.Remove(target))
				}
			case opUpdate:
				if _, err := os.Lstat(full(l.paths[1])); err == nil {
					try(os.Rename(full(l.paths[1]), target))
				}
			case opDelete:
				if ok, err := hasMarker(target); err == nil && ok {
					try(os.Remove(target))
				}
				removeEmptyParents(base, filepath.Dir(target))
			}
		}
	}
	return state, files, errors.Join(errs...)
}

// readJournal reads the journal at name; nil when there is none. A path
// outside the output folder dir is refused, as a rendered one is. A line
// cut by the death of its writer ends the journal.
func readJournal(name, dir string) ([]line, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lines := []line{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l, ok := parseLine(sc.Text())
		if !ok {
			break
		}
		for _, p := range l.paths {
			if err := checkPath(dir, p); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		lines = append(lines, l)
	}
	return lines, sc.Err()
}

var journalArity = map[journalOp]int{opCreate: 1, opUpdate: 3, opDelete: 2, opCommit: 0, opUndo: 0}

func parseLine(s string) (line, bool) {
	op, rest, _ := strings.Cut(s, " ")
	l := line{op: journalOp(op)}
	n, known := journalArity[l.op]
	if !known {
		return l, false
	}
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return l, false
		}
		p, _ := strconv.Unquote(q)
		l.paths = append(l.paths, p)
		rest = strings.TrimPrefix(rest[len(q):], " ")
	}
	return l, len(l.paths) == n
}

// isTemp reports whether a file name is one of errgen's temporary files:
// a staged file, a backup, or the journal.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempInfix)
}

// skipDir reports whether the walk of the output folder skips a folder:
// dot folders and node_modules hold tool state, never errgen's files.
func skipDir(name string) bool { return strings.HasPrefix(name, ".") || name == "node_modules" }
