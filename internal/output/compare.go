package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// ChangeKind says what committing a file set does to one path.
type ChangeKind string

const (
	Create ChangeKind = "create" // missing on disk
	Update ChangeKind = "update" // on disk with other bytes
	Delete ChangeKind = "delete" // generated earlier, no longer produced
)

// Change is one file that differs between disk and a rendered set.
type Change struct {
	Path string // slash-separated, relative to the root
	Kind ChangeKind
	// Old and New are the bytes before and after, kept only by a
	// comparison (Compare): nil for Create and Delete respectively.
	Old []byte
	New []byte

	staged string // the temporary file holding New, when writing
	backup string // where the old bytes wait until the write is done
	// placed marks a created file written at its own path at once: no
	// file stood there, so nothing is replaced before Finish, and Abort
	// or a rollback removes it.
	placed bool
}

// Conflict is a file errgen must not touch because it did not generate it.
type Conflict struct {
	Path   string
	Reason string
}

// ConflictError lists every file that stopped a write.
type ConflictError []Conflict

func (e ConflictError) Error() string {
	lines := make([]string, len(e))
	for i, c := range e {
		lines[i] = c.Path + ": " + c.Reason
	}
	return strings.Join(lines, "\n")
}

// checkPath refuses a rendered path outside the output folder.
func checkPath(dir, p string) error {
	clean := path.Clean(p)
	if clean != p || !filepath.IsLocal(filepath.FromSlash(p)) || !strings.HasPrefix(p, dir+"/") {
		return fmt.Errorf("refusing to write %q: outside the output folder %s", p, dir)
	}
	return nil
}

// entry is a file found under the output folder.
type entry struct {
	path    string // slash-separated, relative to root
	regular bool
}

// scan lists the files under dir, skipping the folders skipDir names and
// errgen's temporary files, which recovery owns.
func scan(root, dir string) ([]entry, error) {
	var paths []entry
	base := filepath.Join(root, filepath.FromSlash(dir))
	err := filepath.WalkDir(base, func(full string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && full == base {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			if full != base && skipDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if isTemp(d.Name()) {
			return nil
		}
		rel, err := filepath.Rel(root, full)
		if err != nil {
			return err
		}
		paths = append(paths, entry{filepath.ToSlash(rel), d.Type().IsRegular()})
		return nil
	})
	return paths, err
}

// putKept compares a file with the one on disk, keeping both files'
// bytes for a diff.
func (c *Commit) putKept(f File) error {
	data, err := f.Bytes()
	if err != nil {
		return err
	}
	old, err := os.ReadFile(c.full(f.Path))
	if err != nil || bytes.Equal(old, data) {
		return err
	}
	if !IsGenerated(old) {
		return c.conflict(f.Path, notGenerated)
	}
	c.add(Change{Path: f.Path, Kind: Update, Old: old, New: data})
	return nil
}

// putStaged compares a file with the one on disk as its bytes are
// written, and only from the first difference on stages them, after the
// file's bytes up to there. Neither the old nor the new file is held
// whole.
func (c *Commit) putStaged(f File) error {
	if c.blocked() {
		// Nothing will be written: only whether this file is in the way
		// too still matters.
		return c.putKept(f)
	}
	full := c.full(f.Path)
	old, err := openFile(full, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer old.Close()
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	sc := &streamCompare{c: c, old: old, target: full, buf: *bp}
	defer sc.abort()
	if f.Write == nil {
		// The size is known: a file of another size differs from its
		// first byte, with nothing of it to read.
		info, err := old.Stat()
		if err != nil {
			return err
		}
		if info.Size() != int64(len(f.Data)) {
			if err := sc.diverge(); err != nil {
				return err
			}
		}
	}
	if err := f.fill()(sc); err != nil {
		return err
	}
	if sc.tmp == nil {
		// Every byte written matched: the file is the same unless it
		// goes on.
		info, err := old.Stat()
		if err != nil || info.Size() == sc.off {
			return err
		}
		if err := sc.diverge(); err != nil {
			return err
		}
	}
	generated, err := readMarker(old)
	if err != nil {
		return err
	}
	if !generated {
		return c.conflict(f.Path, notGenerated)
	}
	if err := sc.tmp.Close(); err != nil {
		return err
	}
	c.add(Change{Path: f.Path, Kind: Update, staged: sc.name})
	sc.tmp = nil // staged: Abort or Finish removes it
	return nil
}

// streamCompare is the writer putStaged writes through: it reads the old
// file alongside, and once a byte differs it writes to a staged file.
type streamCompare struct {
	c      *Commit
	old    *os.File
	target string
	off    int64    // bytes written that matched the old file
	buf    []byte   // reads of the old file
	tmp    *os.File // the staged file, from the first difference on
	name   string
}

func (s *streamCompare) Write(p []byte) (int, error) {
	if s.tmp != nil {
		return s.tmp.Write(p)
	}
	for done := 0; done < len(p); {
		// Each read asks for exactly what is compared, none is spent on
		// the end of the file.
		chunk := p[done:min(len(p), done+len(s.buf))]
		n, err := io.ReadFull(s.old, s.buf[:len(chunk)])
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
			return done, err
		}
		if n < len(chunk) || !bytes.Equal(s.buf[:n], chunk) {
			if err := s.diverge(); err != nil {
				return done, err
			}
			if _, err := s.tmp.Write(p[done:]); err != nil {
				return done, err
			}
			return len(p), nil
		}
		done += len(chunk)
		s.off += int64(len(chunk))
	}
	return len(p), nil
}

// diverge starts the staged file with the old file's first off bytes,
// which are the new file's too.
func (s *streamCompare) diverge() (err error) {
	if s.name, s.tmp, err = s.c.openStaged(s.target); err != nil {
		return err
	}
	_, err = io.Copy(s.tmp, io.NewSectionReader(s.old, 0, s.off))
	return err
}

// abort removes a staged file that was not handed to the Commit.
func (s *streamCompare) abort() {
	if s.tmp != nil {
		s.tmp.Close()
		os.Remove(s.name)
	}
}

// generated reads whether an existing file carries the marker; a
// comparison keeps the whole file for its diff.
func (c *Commit) generated(p string) (bool, []byte, error) {
	if !c.write {
		old, err := os.ReadFile(c.full(p))
		return err == nil && IsGenerated(old), old, err
	}
	ok, err := hasMarker(c.full(p))
	return ok, nil, err
}

// hasMarker reads whether the file at name carries errgen's marker.
func hasMarker(name string) (bool, error) {
	f, err := openFile(name, os.O_RDONLY, 0)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return readMarker(f)
}

// readMarker reads whether the open file f carries errgen's marker.
func readMarker(f *os.File) (bool, error) {
	head := make([]byte, markerWindow)
	n, err := f.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return false, err
	}
	return IsGenerated(head[:n]), nil
}

// compareBuf is how much of a file a comparison reads at once: a
// generated file is mostly smaller, read in one call, and the largest,
// which grow with the catalog, never get a buffer of their size.
const compareBuf = 256 << 10

var bufPool = sync.Pool{New: func() any { b := make([]byte, compareBuf); return &b }}
