package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
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
	// comparison (Compare, Plan): nil for Create and Delete respectively.
	Old []byte
	New []byte

	staged string // the temporary file holding New, when writing
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

// Plan compares files, rendered for the output folder dir (relative to
// root), with what is on disk. Files under dir that carry the marker but are
// no longer rendered become deletions; hand-written ones are left alone,
// and a rendered file that would replace one is a conflict.
func Plan(root, dir string, files []File) ([]Change, error) {
	c, err := Compare(root, dir)
	if err != nil {
		return nil, err
	}
	return putAll(c, files)
}

func putAll(c *Commit, files []File) ([]Change, error) {
	for _, f := range files {
		if err := c.Put(f); err != nil {
			c.Abort()
			return nil, err
		}
	}
	return c.Finish()
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

// scan lists the files under dir, skipping dot folders and node_modules:
// they hold tool state, never errgen's files.
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
			if full != base && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
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

// Writer commits a rendered file set that is already in memory; Begin
// commits files as they are rendered. The zero value is ready to use.
type Writer struct {
	// beforeRename, when set, runs before each rename; tests use it to
	// fail a write halfway.
	beforeRename func(path string) error
}

// Write makes disk match files under dir, as Begin, Put and Finish do.
func (w *Writer) Write(root, dir string, files []File) ([]Change, error) {
	c, err := Begin(root, dir)
	if err != nil {
		return nil, err
	}
	c.beforeRename = w.beforeRename
	return putAll(c, files)
}

// removeEmptyParents removes folders left empty by a deletion, up to base.
func removeEmptyParents(base, dir string) {
	for dir != base && strings.HasPrefix(dir, base+string(filepath.Separator)) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
