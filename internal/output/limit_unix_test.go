//go:build unix

package output

import (
	"fmt"
	"syscall"
	"testing"
)

// TestManyFilesUnderLowFileLimit writes far more files than the process
// may hold open: staging must not keep a descriptor per file (it once did,
// and a 10 000-code catalog failed with "too many open files").
func TestManyFilesUnderLowFileLimit(t *testing.T) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		t.Fatal(err)
	}
	low := old
	low.Cur = 128
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		t.Fatal(err)
	}
	defer syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old)
	var files []File
	for i := range 1000 {
		files = append(files, File{Path: fmt.Sprintf("out/d%d/f%d.md", i%10, i), Data: gen(fmt.Sprint(i))})
	}
	root := t.TempDir()
	if _, err := writeFiles(root, "out", files, nil); err != nil {
		t.Fatal(err)
	}
	if got := len(tree(t, root)); got != 1000 {
		t.Errorf("%d files written, want 1000", got)
	}
}
