package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCompareLargeFile compares a file larger than the read buffer with
// data that differs in its first read, in a later one, in its last byte
// and in its size.
func TestCompareLargeFile(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), (2*compareBuf+100)/16)
	path := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
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
		{"first read", changed(10), false},
		{"a later read", changed(compareBuf + 7), false},
		{"last byte", changed(len(data) - 1), false},
		{"shorter", data[:len(data)-1], false},
	} {
		same, old, err := compare(path, tc.data, false)
		if err != nil {
			t.Fatal(err)
		}
		if same != tc.same {
			t.Errorf("%s: same = %v, want %v", tc.name, same, tc.same)
		}
		if !same && !bytes.Equal(old, data[:markerWindow]) {
			t.Errorf("%s: old is not the file's head (%d bytes)", tc.name, len(old))
		}
		same, old, err = compare(path, tc.data, true)
		if err != nil || same != tc.same || !same && !bytes.Equal(old, data) {
			t.Errorf("%s, keeping the bytes: same = %v, %d bytes, %v", tc.name, same, len(old), err)
		}
	}
}
