// Package cache remembers what the last successful generate of a catalog
// wrote, so that a generate whose inputs have not changed since can skip
// rendering: it only checks that the files on disk are still the ones
// written. go generate runs errgen on every build; with thousands of codes
// rendering takes seconds, checking a fraction of that.
//
// An entry is keyed by the catalog file's absolute path and holds a Key of
// everything the output depends on (errgen's own executable, the catalog's
// bytes and path, the template folder's files) and the SHA-256 of every
// file written. Whatever errgen cannot identify for certain is a miss:
// the cache can make a run slower, never wrong.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/errgen/errgen/internal/output"
)

// Env names the environment variable that moves the cache ("ERRGEN_CACHE=
// /some/dir") or turns it off ("ERRGEN_CACHE=off").
const Env = "ERRGEN_CACHE"

// format changes whenever an entry's meaning does, so old entries miss.
const format = "errgen-cache-2"

// Cache is a folder of entries. A nil *Cache is a cache that is off.
type Cache struct {
	dir        string
	executable func() (string, error) // os.Executable; tests name another file
}

// Open returns the cache in $ERRGEN_CACHE, else in errgen/ under the
// user's cache folder; nil when it is off or there is no such folder.
func Open() *Cache {
	dir := os.Getenv(Env)
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "errgen")
	}
	return At(dir)
}

// At returns the cache in dir.
func At(dir string) *Cache { return &Cache{dir: dir, executable: os.Executable} }

// Key is the hash of a generate's inputs.
type Key string

// Inputs are what a generate's output depends on, besides errgen itself.
type Inputs struct {
	Catalog   string // absolute path of codes.yaml
	Templates string // the template folder, relative to the catalog's folder; "" for none
}

// Entry is what a successful generate wrote.
type Entry struct {
	Format    string `json:"format"`
	Key       Key    `json:"key"`
	Templates string `json:"templates,omitempty"`
	// Dir is the output folder, relative to the catalog's folder; Files
	// holds every file written there (slash-separated, relative to the
	// catalog's folder), as it was on disk at Verified (Unix nanoseconds),
	// a time before it was last written or checked.
	Dir      string                   `json:"dir"`
	Files    map[string]output.Record `json:"files"`
	Verified int64                    `json:"verified"`
}

// Lookup returns the entry of the catalog at path (absolute) when the
// key of its inputs as they are now is the entry's; ok is false otherwise.
func (c *Cache) Lookup(path string) (e *Entry, ok bool) {
	if c == nil {
		return nil, false
	}
	data, err := os.ReadFile(c.entryPath(path))
	if err != nil {
		return nil, false
	}
	e = &Entry{}
	if json.Unmarshal(data, e) != nil || e.Format != format {
		return nil, false
	}
	if data, err = os.ReadFile(path); err != nil {
		return nil, false
	}
	now, err := c.Key(Inputs{Catalog: path, Templates: e.Templates}, data)
	if err != nil || now != e.Key {
		return nil, false
	}
	return e, true
}

// Store records what a generate of in wrote, as it was on disk at
// verified.
func (c *Cache) Store(in Inputs, key Key, dir string, files map[string]output.Record, verified time.Time) error {
	if c == nil {
		return nil
	}
	return c.store(in.Catalog, &Entry{Format: format, Key: key, Templates: in.Templates, Dir: dir, Files: files, Verified: verified.UnixNano()})
}

// Renew records that the files of the catalog's entry e were all found,
// by a check that began at verified, with the recorded bytes and the sizes
// and times in files, so that the next run trusts more of them by their
// modification times.
func (c *Cache) Renew(catalog string, e *Entry, files map[string]output.Record, verified time.Time) error {
	if c == nil {
		return nil
	}
	renewed := *e
	renewed.Files = files
	renewed.Verified = verified.UnixNano()
	return c.store(catalog, &renewed)
}

func (c *Cache) store(catalog string, e *Entry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(c.dir, "entries"), 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(c.entryPath(catalog), data, 0o644)
}

func (c *Cache) entryPath(catalog string) string {
	return filepath.Join(c.dir, "entries", hashString(catalog)+".json")
}

// Key hashes the inputs, with the catalog's bytes as read and the template
// folder and errgen's executable as they are now. Hash before rendering:
// an input that changes later then makes the next run miss.
func (c *Cache) Key(in Inputs, catalog []byte) (Key, error) {
	if c == nil {
		return "", errOff
	}
	exe, err := c.executableSum()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	field := func(name string, data []byte) {
		h.Write([]byte(name + "\x00" + strconv.Itoa(len(data)) + "\x00"))
		h.Write(data)
	}
	field("format", []byte(format))
	field("errgen", []byte(exe))
	field("catalog", []byte(in.Catalog))
	field("catalog-bytes", catalog)
	field("templates", []byte(in.Templates))
	if in.Templates != "" {
		dir := filepath.Join(filepath.Dir(in.Catalog), filepath.FromSlash(in.Templates))
		entries, err := os.ReadDir(dir)
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				field("template-other", []byte(e.Name()))
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				return "", err
			}
			field("template "+e.Name(), data)
		}
	}
	return Key(hex.EncodeToString(h.Sum(nil))), nil
}

// executableSum is the SHA-256 of the running errgen. Hashing 20 MB takes
// longer than a whole cached run, so the sum is remembered by the file's
// path, size and modification time: a rebuilt errgen has another time.
func (c *Cache) executableSum() (string, error) {
	exe, err := c.executable()
	if err != nil {
		return "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	stamp := strings.Join([]string{exe, strconv.FormatInt(info.Size(), 10), strconv.FormatInt(info.ModTime().UnixNano(), 10)}, "\n")
	memo := filepath.Join(c.dir, "executables", hashString(stamp))
	if data, err := os.ReadFile(memo); err == nil {
		if stored, sum, ok := strings.Cut(string(data), "\n\n"); ok && stored == stamp && len(sum) == 64 {
			return sum, nil
		}
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		return "", err
	}
	sum := output.Sum(data)
	if err := os.MkdirAll(filepath.Dir(memo), 0o755); err == nil {
		_ = renameio.WriteFile(memo, []byte(stamp+"\n\n"+sum), 0o644) // a memo that cannot be written only costs time
	}
	return sum, nil
}

func hashString(s string) string { return output.Sum([]byte(s)) }

var errOff = errors.New("the cache is off")
