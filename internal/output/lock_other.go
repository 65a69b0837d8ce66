//go:build !unix

package output

import (
	"os"
	"path/filepath"
)

// lock only makes the folder where flock is unavailable; concurrent runs
// there rely on each file's atomic rename alone.
func lock(root, dir string) (unlock func(), err error) {
	return func() {}, os.MkdirAll(filepath.Join(root, filepath.FromSlash(dir)), 0o755)
}
