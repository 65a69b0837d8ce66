//go:build unix

package output

import (
	"os"
	"path/filepath"
	"syscall"
)

// lock holds an exclusive flock on the output folder for one write, so two
// errgen runs at once take turns and each leaves a consistent folder.
func lock(root, dir string) (unlock func(), err error) {
	full := filepath.Join(root, filepath.FromSlash(dir))
	if err := os.MkdirAll(full, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
