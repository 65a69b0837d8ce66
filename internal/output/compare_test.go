package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCompareLargeFile puts a file larger than the read buffer over one
// that differs in its first read, in a later one, in its last byte and in
// its size: each is staged and renamed into place, the same file is not.
func TestCompareLargeFile(t *testing.T) {
	data := gen(string(bytes.Repeat([]byte("0123456789abcdef"), (2*compareBuf+100)/16)))
	changed := func(at int) []byte {
		d := bytes.Clone(data)
		d[at] ^= 1
		return d
	}
	for _, tc := range []struct {
		name string
		data []byte
		same bool
	}{
		{"same", data, true},
		{"first read", changed(100), false},
		{"a later read", changed(compareBuf + 7), false},
		{"last byte", changed(len(data) - 1), false},
		{"shorter", data[:len(data)-1], false},
	} {
		root := t.TempDir()
		write(t, root, "out/big", data)
		changes, err := writeFiles(root, "out", []File{{Path: "out/big", Data: tc.data}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(changes) == 0; got != tc.same {
			t.Errorf("%s: %d changes, want same = %v", tc.name, len(changes), tc.same)
		}
		if got, err := os.ReadFile(filepath.Join(root, "out", "big")); err != nil || !bytes.Equal(got, tc.data) {
			t.Errorf("%s: the file holds %d bytes that are not the new ones (%v)", tc.name, len(got), err)
		}
		changes, err = plan(root, "out", []File{{Path: "out/big", Data: data}})
		if err != nil || (len(changes) == 0) != tc.same || !tc.same && (!bytes.Equal(changes[0].Old, tc.data) || !bytes.Equal(changes[0].New, data)) {
			t.Errorf("%s, keeping the bytes: %d changes, %v", tc.name, len(changes), err)
		}
	}
}
