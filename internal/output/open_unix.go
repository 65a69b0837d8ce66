//go:build unix

package output

import (
	"os"
	"syscall"
)

// openFile is os.OpenFile for the many small regular files errgen reads
// and writes. os.OpenFile offers every file to the runtime's poller, which
// costs five more system calls a file (fcntl to make it non-blocking and
// back, an epoll_ctl the kernel refuses for a regular file); a file opened
// blocking and wrapped with os.NewFile skips them, and a regeneration
// opens every generated file (bench/notes.md has the count).
func openFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	fd, err := syscall.Open(name, flag|syscall.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
}
