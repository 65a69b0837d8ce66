package catalog

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// parseWith parses data with chunks of per items (0: whole) and says
// whether the chunked reading was used.
func parseWith(t testing.TB, data []byte, per int) (c *Catalog, err error, chunked bool) {
	t.Helper()
	old := chunkItems
	defer func() { chunkItems = old }()
	chunkItems = per
	if per > 0 {
		r := &reader{reporter: &reporter{file: "codes.yaml"}}
		r.lines = strings.Split(string(data), "\n")
		_, chunked = r.parseChunked(data)
	}
	c, err = Parse("codes.yaml", data)
	return c, err, chunked
}

// sameAsWhole fails unless reading data in chunks of every size gives the
// catalog, or the diagnostics, that parsing it whole gives. It returns
// whether the chunks of one item were used.
func sameAsWhole(t *testing.T, name string, data []byte) bool {
	t.Helper()
	want, wantErr, _ := parseWith(t, data, 0)
	used := false
	for _, per := range []int{1, 2, 3, 256} {
		got, gotErr, chunked := parseWith(t, data, per)
		if per == 1 {
			used = chunked
		}
		if errString(gotErr) != errString(wantErr) {
			t.Fatalf("%s, %d per chunk: errors differ from the whole parse:\n%s\nwhole:\n%s", name, per, errString(gotErr), errString(wantErr))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, %d per chunk: the catalog differs from the whole parse", name, per)
		}
	}
	return used
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestChunkedLikeWhole reads every catalog of the repository in chunks of
// several sizes and requires what the whole parse gives.
func TestChunkedLikeWhole(t *testing.T) {
	root := filepath.Join("..", "..")
	n, used := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "out", "node_modules", "_tmp", "tools", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".yaml") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		if sameAsWhole(t, path, data) {
			used++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !sameAsWhole(t, "codes.yaml", data) {
		t.Fatal("codes.yaml was not read in chunks")
	}
	t.Logf("%d YAML files, %d of them read in chunks", n, used)
	if used < 10 {
		t.Fatalf("only %d files were read in chunks: the cut finds no lists", used)
	}
}

const chunkHead = `version: 1
languages:
  - {tag: en, name: English}
default_language: en
docs:
  base_url: https://docs.example.com
error:
  type: ErrorCode
  title: {en: Errors}
  range: [1000, 9999]
  codes:
`

// chunkCases are texts the cut must not change the meaning of, and
// whether the chunks may be used for them (else the file is parsed whole).
var chunkCases = []struct {
	name    string
	codes   string
	chunked bool
}{
	{"plain", `    - code: 1001
      id: A
      status: 400
      message: {en: "a"}
    - code: 1002
      id: B
      status: 400
      message:
        en: b
`, true},
	{"items at the key's indentation", `  - code: 1001
    id: A
    status: 400
    message: {en: a}
  - code: 1002
    id: B
    status: 400
    message: {en: b}
`, true},
	{"comments between items, at every indentation", `# one
    - code: 1001
      id: A
# two
      status: 400
  # three
      message: {en: a}
    # four
    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, true},
	{"dash alone on its line", `    -
      code: 1001
      id: A
      status: 400
      message: {en: a}
    -
      code: 1002
      id: B
      status: 400
      message: {en: b}
`, true},
	{"block scalar with dashes inside", `    - code: 1001
      id: A
      status: 400
      message: {en: a}
      description:
        en: |
          - not an item
            - nor this

    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, true},
	{"anchor in one item, alias in the next", `    - code: 1001
      id: A
      status: 400
      message: &m {en: a}
    - code: 1002
      id: B
      status: 400
      message: *m
`, false},
	{"quoted text over a line that looks like an item", `    - code: 1001
      id: A
      status: 400
      message: {en: "a
    - b"}
    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, false},
	{"quoted text over a line less indented", `    - code: 1001
      id: A
      status: 400
      message: {en: "a
b"}
    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, false},
	{"syntax error in an item", `    - code: 1001
      id: A
      status: 400
       message: {en: a}
    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, false},
	{"flow list", `    [{code: 1001, id: A, status: 400, message: {en: a}}]
`, false},
	{"two codes keys", `    - code: 1001
      id: A
      status: 400
      message: {en: a}
  codes:
    - code: 1002
      id: B
      status: 400
      message: {en: b}
`, true},
	{"a key after the list, and a second document", `    - code: 1001
      id: A
      status: 400
      message: {en: a}
  reserved:
    - {code: 1003, reason: {en: r}}
---
error: {}
`, true},
	{"document end inside the list", `    - code: 1001
      id: A
      status: 400
      message: {en: a}
...
    - code: 1002
`, true},
}

func TestChunkedCases(t *testing.T) {
	for _, tc := range chunkCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, eol := range []string{"\n", "\r\n"} {
				data := []byte(strings.ReplaceAll(chunkHead+tc.codes, "\n", eol))
				if used := sameAsWhole(t, tc.name, data); used != tc.chunked {
					t.Errorf("line ends %q: read in chunks: %v, want %v", eol, used, tc.chunked)
				}
			}
		})
	}
}

// FuzzChunked: whatever the bytes, chunks give what the whole parse gives.
func FuzzChunked(f *testing.F) {
	for _, tc := range chunkCases {
		f.Add([]byte(chunkHead + tc.codes))
	}
	seeds, _ := filepath.Glob("testdata/broken/*/codes.yaml")
	for _, s := range append(seeds, "../../testdata/catalogs/small.yaml") {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsWhole(t, "input", data)
	})
}
