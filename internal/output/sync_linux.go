package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncStaged makes the staged files' bytes durable before the journal
// commits to renaming them. A few files are synced one by one, which
// flushes nothing else of the file system; many at once with one syncfs
// of the output folder's file system, one flush however many there are.
func syncStaged(base string, staged []string) error {
	if len(staged) <= syncEach {
		return syncFiles(staged)
	}
	d, err := os.Open(base)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := unix.Syncfs(int(d.Fd())); err != nil {
		return &os.PathError{Op: "syncfs", Path: base, Err: err}
	}
	return nil
}
