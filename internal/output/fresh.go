package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"os"
	"path/filepath"
	"time"

	"github.com/errgen/errgen/internal/parallel"
)

// Record is what the cache keeps of a written file: its SHA-256 and the
// size and modification time it had on disk.
type Record struct {
	Sum   string `json:"sum"`
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"` // Unix nanoseconds
}

// Records describes files as they now are under root, after a Write.
func Records(root string, files []File) (map[string]Record, error) {
	recs := make([]Record, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), readers, func(i int) {
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(files[i].Path)))
		if err != nil {
			errs[i] = err
			return
		}
		recs[i] = Record{Sum: Sum(files[i].Data), Size: info.Size(), MTime: info.ModTime().UnixNano()}
	})
	m := make(map[string]Record, len(files))
	for i, f := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		m[f.Path] = recs[i]
	}
	return m, nil
}

// racyWindow is the coarsest modification-time granularity errgen trusts
// (FAT's two seconds); a file modified this close to a check could have
// been edited again within the same tick.
const racyWindow = 2 * time.Second

// Fresh reports whether the output folder dir (relative to root) holds
// exactly what Write would leave there for these records: each file, a
// regular file with the recorded bytes, and no other generated file (Write
// would delete it). Hand-written files may sit beside them, as Write leaves
// them alone. Any doubt is false.
//
// As git does with its index, a file whose size and modification time
// match its record is taken as unchanged without reading it, if it was
// last modified well before verified (when the records were last known
// true): any later edit gives it a later time. Other files are read and
// hashed. When any was, renewed holds the records with the sizes and times
// those files have now (their bytes being the recorded ones), for the
// caller to store with the time the check began; otherwise it is nil.
func Fresh(root, dir string, recs map[string]Record, verified time.Time) (fresh bool, renewed map[string]Record) {
	existing, err := scan(root, dir)
	if err != nil {
		return false, nil
	}
	trustBefore := verified.Add(-racyWindow).UnixNano()
	ok := make([]bool, len(existing))
	hashed := make([]*Record, len(existing))
	parallel.For(len(existing), readers, func(i int) {
		e := existing[i]
		full := filepath.Join(root, filepath.FromSlash(e.path))
		rec, listed := recs[e.path]
		switch {
		case listed && e.regular:
			info, err := os.Lstat(full)
			switch {
			case err != nil || info.Size() != rec.Size:
			case info.ModTime().UnixNano() == rec.MTime && rec.MTime < trustBefore:
				ok[i] = true
			default:
				ok[i] = sumFile(full) == rec.Sum
				hashed[i] = &Record{Sum: rec.Sum, Size: info.Size(), MTime: info.ModTime().UnixNano()}
			}
		case listed:
			// A folder or link where errgen wrote a file: never fresh.
		case !e.regular:
			ok[i] = true // not errgen's, and Write leaves it alone
		default:
			ok[i] = !generatedFile(full)
		}
	})
	found := 0
	for i, e := range existing {
		if !ok[i] {
			return false, nil
		}
		if hashed[i] != nil {
			if renewed == nil {
				renewed = maps.Clone(recs)
			}
			renewed[e.path] = *hashed[i]
		}
		if _, listed := recs[e.path]; listed {
			found++
		}
	}
	if found != len(recs) {
		return false, nil
	}
	return true, renewed
}

// Sum is the hex SHA-256 of data, as records hold it.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// sumFile is Sum of a file's bytes, read as a stream; "" when it cannot
// be read.
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
