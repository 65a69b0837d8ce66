package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/internal/parallel"
)

// Sums returns the hex SHA-256 of every file, by path.
func Sums(files []File) map[string]string {
	sums := make(map[string]string, len(files))
	for _, f := range files {
		s := sha256.Sum256(f.Data)
		sums[f.Path] = hex.EncodeToString(s[:])
	}
	return sums
}

// Fresh reports whether the output folder dir (relative to root) holds
// exactly what Write would leave there for files whose sums are given:
// each of those files, a regular file with those bytes, and no other
// generated file (Write would delete it). Hand-written files may sit
// beside them, as Write leaves them alone. Any doubt is false.
func Fresh(root, dir string, sums map[string]string) bool {
	existing, err := scan(root, dir)
	if err != nil {
		return false
	}
	ok := make([]bool, len(existing))
	parallel.For(len(existing), readers, func(i int) {
		e := existing[i]
		full := filepath.Join(root, filepath.FromSlash(e.path))
		want, listed := sums[e.path]
		switch {
		case listed && e.regular:
			ok[i] = sumFile(full) == want
		case listed:
			ok[i] = false
		case !e.regular:
			ok[i] = true // not errgen's, and Write leaves it alone
		default:
			ok[i] = !generatedFile(full)
		}
	})
	found := 0
	for i, e := range existing {
		if !ok[i] {
			return false
		}
		if _, listed := sums[e.path]; listed {
			found++
		}
	}
	return found == len(sums)
}

func sumFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// generatedFile reports whether the file carries the marker where
// IsGenerated looks; a file that cannot be read counts as generated, so
// that the answer errs toward rendering.
func generatedFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, markerWindow)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return true
	}
	return IsGenerated(head[:n])
}
