package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// create writes a new file at its own path. No file stood there, so
// nothing is replaced before Finish: it needs no temporary name, which
// saves a rename a file on a first generation. The journal notes it
// before it appears, so that a killed write can remove it.
func (c *Commit) create(f File) error {
	if c.blocked() {
		return nil
	}
	full := c.full(f.Path)
	if err := c.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if err := c.note(line{op: opCreate, paths: []string{f.Path}}); err != nil {
		return err
	}
	err := createNew(full, f.fill())
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s appeared while errgen was writing; run errgen again", full)
	}
	if err != nil {
		return err
	}
	c.add(Change{Path: f.Path, Kind: Create, placed: true})
	return nil
}

// note appends a line to the journal, opening it first if needed.
func (c *Commit) note(lines ...line) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.journal == nil {
		j, err := openJournal(c.full(c.dir))
		if err != nil {
			return err
		}
		c.journal = j
	}
	return c.journal.append(lines...)
}

// openStaged creates a new temporary file beside target, its folder made
// first.
func (c *Commit) openStaged(target string) (string, *os.File, error) {
	if err := c.mkdir(filepath.Dir(target)); err != nil {
		return "", nil, err
	}
	for {
		tmp := tempName(target)
		f, err := openNew(tmp)
		if !errors.Is(err, os.ErrExist) {
			return tmp, f, err
		}
	}
}

func (c *Commit) mkdir(dir string) error {
	if _, ok := c.dirs.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	c.dirs.Store(dir, true)
	return nil
}

// rel is a full path under the root as the journal writes it.
func (c *Commit) rel(full string) string {
	r, _ := filepath.Rel(c.root, full)
	return filepath.ToSlash(r)
}

// apply commits the changes in the journal, then renames the staged
// files into place and removes deleted ones. An updated file is first
// hard-linked (else copied) to a backup and a deleted one renamed to
// one, so that a failure halfway can restore every file without having
// kept any in memory.
func (c *Commit) apply() error {
	if len(c.changes) == 0 {
		return nil
	}
	var lines []line
	var staged []string
	for i := range c.changes {
		ch := &c.changes[i]
		switch ch.Kind {
		case Update:
			ch.backup = tempName(c.full(ch.Path))
			staged = append(staged, ch.staged)
			lines = append(lines, line{op: opUpdate, paths: []string{ch.Path, c.rel(ch.staged), c.rel(ch.backup)}})
		case Delete:
			ch.backup = tempName(c.full(ch.Path))
			lines = append(lines, line{op: opDelete, paths: []string{ch.Path, c.rel(ch.backup)}})
		}
	}
	// A renamed file's bytes must be on disk before the journal says the
	// renames may go ahead, or a power loss could leave a file empty
	// with nothing to tell it from a hand-written one. A new file needs
	// no sync: recovery removes one left without its marker.
	if len(staged) > 0 {
		if err := syncStaged(c.full(c.dir), staged); err != nil {
			return err
		}
	}
	if err := c.note(); err != nil {
		return err
	}
	if err := c.journal.commit(lines); err != nil {
		return err
	}
	var done []Change
	for _, ch := range c.changes {
		if c.beforeRename != nil {
			if err := c.beforeRename(ch.Path); err != nil {
				return c.undo(err, done)
			}
		}
		full := c.full(ch.Path)
		switch ch.Kind {
		case Update:
			if err := link(full, ch.backup); err != nil {
				return c.undo(err, done)
			}
			if err := os.Rename(ch.staged, full); err != nil {
				return c.undo(err, append(done, Change{Kind: Delete, Path: ch.Path, backup: ch.backup}))
			}
		case Delete:
			if err := os.Rename(full, ch.backup); err != nil {
				return c.undo(err, done)
			}
		}
		done = append(done, ch)
	}
	c.mu.Lock()
	c.applied = true
	c.mu.Unlock()
	base := c.full(c.dir)
	for _, ch := range c.changes {
		if ch.backup != "" {
			os.Remove(ch.backup)
		}
		if ch.Kind == Delete {
			removeEmptyParents(base, filepath.Dir(c.full(ch.Path)))
		}
	}
	return nil
}

// link keeps the current bytes of full at backup, as a hard link, or a
// copy where links are refused, so that the file stays in place until
// its replacement is renamed over it.
func link(full, backup string) error {
	if os.Link(full, backup) == nil {
		return nil
	}
	src, err := os.Open(full)
	if err != nil {
		return err
	}
	defer src.Close()
	return createNew(backup, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// undo records in the journal that the write is to be rolled back, then
// undoes the changes applied, newest first. If that fails too, the
// journal stays for the next run to finish the undo.
func (c *Commit) undo(cause error, done []Change) error {
	if err := c.journal.append(line{op: opUndo}); err != nil {
		c.keepJournal()
		return errors.Join(cause, err)
	}
	var errs []error
	for _, ch := range slices.Backward(done) {
		full := c.full(ch.Path)
		var err error
		switch ch.Kind {
		case Create:
			err = os.Remove(full)
		case Update, Delete:
			err = os.Rename(ch.backup, full)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("restoring %s: %w", ch.Path, err))
		}
	}
	for _, ch := range c.changes {
		if ch.backup != "" {
			os.Remove(ch.backup) // fails harmlessly once restored
		}
	}
	if len(errs) > 0 {
		c.keepJournal()
	}
	return errors.Join(append([]error{cause}, errs...)...)
}

func (c *Commit) keepJournal() {
	c.mu.Lock()
	c.keep = true
	c.mu.Unlock()
}

// Abort removes every staged file not applied and every new file placed,
// ends the journal and releases the lock. It is safe to call more than
// once, and after Finish.
func (c *Commit) Abort() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return
	}
	c.done = true
	if !c.keep {
		base := c.full(c.dir)
		for _, ch := range c.changes {
			if ch.staged != "" {
				os.Remove(ch.staged) // fails harmlessly once renamed
			}
			if ch.placed && !c.applied {
				full := c.full(ch.Path)
				os.Remove(full) // fails harmlessly once rolled back
				removeEmptyParents(base, filepath.Dir(full))
			}
		}
		if c.journal != nil {
			c.journal.remove()
		}
	} else if c.journal != nil {
		c.journal.f.Close()
	}
	if c.unlock != nil {
		c.unlock()
	}
}

// openNew creates the file name, which must not exist (the error is then
// os.ErrExist), 0o644 under the umask, as any other tool would create it.
func openNew(name string) (*os.File, error) {
	return openFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// createNew creates the file name (openNew), fills it and closes it; on
// any failure it is removed.
func createNew(name string, fill func(io.Writer) error) error {
	f, err := openNew(name)
	if err != nil {
		return err
	}
	err = fill(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// writeAll fills a new file with data.
func writeAll(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// tempName is a fresh name beside target, hidden, that isTemp knows.
func tempName(target string) string {
	n := tempSeq.Add(1)
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+tempInfix+tempRun+strconv.FormatUint(n, 36))
}

const tempInfix = ".errgen-"

var (
	tempSeq atomic.Uint64
	// tempRun tells this process's names from another's.
	tempRun = strconv.FormatInt(time.Now().UnixNano()%1e12, 36) + strconv.Itoa(os.Getpid()) + "-"
)

// removeEmptyParents removes folders left empty by a deletion, up to base.
func removeEmptyParents(base, dir string) {
	for dir != base && strings.HasPrefix(dir, base+string(filepath.Separator)) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

// syncEach is how many staged files syncStaged syncs one by one; beyond
// it, one flush of the whole file system is cheaper than one per file.
const syncEach = 32

// syncFiles makes the bytes of each named file durable.
func syncFiles(names []string) error {
	for _, name := range names {
		f, err := openFile(name, os.O_RDONLY, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
