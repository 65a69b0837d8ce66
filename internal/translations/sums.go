package translations

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// Sums records, for every translation of the catalog, the source text it
// was made from and a hash of the translation itself. It is kept in a
// committed file beside the catalog (SumsPath), as go.sum sits beside
// go.mod: not a cache and not git history, so a fresh clone knows which
// translations are stale. The previous source is kept whole, not hashed:
// a stale entry is exported with it, for the translator to compare.
//
// A translation is stale when its source has changed since it was made
// and the translation has not (its hash still matches). When both change
// in one edit, a person has translated the new source, and the record
// follows. generate writes the file, check compares it, import records
// what a translator reviewed.
type Sums struct {
	recs map[key]record
}

type key struct{ lang, ctx string }

type record struct {
	hash   string // of the translation
	source string // the source text it was made from
}

func (s Sums) get(lang, ctx string) (record, bool) {
	r, ok := s.recs[key{lang, ctx}]
	return r, ok
}

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "h1:" + base64.StdEncoding.EncodeToString(h[:])
}

// SumsPath is the file beside the catalog that holds its Sums: codes.sum
// for codes.yaml.
func SumsPath(catalogPath string) string {
	return strings.TrimSuffix(catalogPath, filepath.Ext(catalogPath)) + ".sum"
}

const sumsHeader = "# " + output.Marker + "\n" +
	"# The source text each translation of the catalog was made from: errgen\n" +
	"# generate keeps it, errgen translations import records what a translator\n" +
	"# reviewed. A translation whose source changed since is stale (docs/codes-yaml.md).\n"

// ParseSums reads a sums file; no data is no records.
func ParseSums(name string, data []byte) (Sums, error) {
	s := Sums{recs: map[key]record{}}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, " ", 4)
		var src string
		var err error
		if len(f) == 4 {
			src, err = strconv.Unquote(f[3])
		}
		if len(f) != 4 || err != nil || !strings.HasPrefix(f[2], "h1:") {
			return Sums{}, catalog.Diagnostics{{Pos: catalog.Pos{File: name, Line: i + 1, Column: 1}, Severity: catalog.SeverityError,
				Message: "not a line of a translations sums file (LANG CONTEXT h1:HASH \"SOURCE\")",
				Hint:    "errgen writes this file; take it from git and run errgen generate"}}
		}
		s.recs[key{f[0], f[1]}] = record{hash: f[2], source: src}
	}
	return s, nil
}

// Format writes the sums file, sorted; no records is no file (nil).
func (s Sums) Format() []byte {
	if len(s.recs) == 0 {
		return nil
	}
	keys := make([]key, 0, len(s.recs))
	for k := range s.recs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.lang, b.lang), cmp.Compare(a.ctx, b.ctx)) })
	var b bytes.Buffer
	b.WriteString(sumsHeader)
	for _, k := range keys {
		r := s.recs[k]
		fmt.Fprintf(&b, "%s %s %s %s\n", k.lang, k.ctx, r.hash, strconv.Quote(r.source))
	}
	return b.Bytes()
}

// Record is the sums of the catalog as it stands: a stale translation
// keeps its old record, every other translation is recorded as made
// from its source as it is now. Records of texts that are gone are
// dropped.
func Record(units map[string][]*Unit, old Sums) Sums {
	s := Sums{recs: map[key]record{}}
	for lang, us := range units {
		for _, u := range us {
			if u.Target == "" {
				continue
			}
			k := key{lang, u.Context}
			if u.Stale() {
				s.recs[k] = old.recs[k]
				continue
			}
			s.recs[k] = record{hash: hash(u.Target), source: u.Source}
		}
	}
	return s
}
