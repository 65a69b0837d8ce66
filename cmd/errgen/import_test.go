package main

import (
	"bufio"
	"github.com/errgen/errgen/internal/catalog"
	"gopkg.in/yaml.v3"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// importData is testdata/import, absolute: errgen runs in the test's folder.
var importData, _ = filepath.Abs(filepath.Join("testdata", "import"))

var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// copyInto copies files of testdata/import into dir.
func copyInto(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(importData, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Broken sources give every problem with its position and write nothing.
func TestImportBrokenSources(t *testing.T) {
	for _, name := range []string{"ragged.csv", "duplicate.md", "bidi.tsv", "empty.md", "many.md", "unknown-column.txt"} {
		t.Run(name, func(t *testing.T) {
			dir := project(t)
			copyInto(t, dir, "broken/"+name)
			before := snapshot(t, dir)
			r := errgen(t, dir, "import", "-table", "error", "-lang", "ko", name)
			if r.code != exitProblem {
				t.Errorf("exit %d, want %d", r.code, exitProblem)
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Error("a failed import changed the folder")
			}
			testtool.Golden(t, filepath.Join(importData, "broken", name+".stderr"), r.stderr, *testtool.Update)
		})
	}
}

// A CSV and a Go file of constants fill a foreign catalog that then
// generates clean and passes check.
func TestImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, "zahlung/codes.yaml", "zahlung/fehler.csv", "zahlung/status.go")
	steps := [][]string{
		{"import", "-table", "http", "status.go"},
		{"import", "-table", "error", "-columns", "Meldung=message", "fehler.csv"},
		{"generate"},
		{"check"},
		{"lint"},
	}
	for _, args := range steps {
		if r := errgen(t, dir, args...); r.code != exitOK {
			t.Fatalf("errgen %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	got, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	testtool.Golden(t, filepath.Join(importData, "zahlung", "codes.yaml.golden"), string(got), *testtool.Update)
	// The same import again finds everything in place.
	r := errgen(t, dir, "import", "-n", "-table", "error", "-columns", "Meldung=message", "fehler.csv")
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Errorf("a repeated import is not a no-op: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// -n prints the diff and writes nothing.
func TestImportDryRun(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, "zahlung/codes.yaml", "zahlung/fehler.csv", "zahlung/status.go")
	if r := errgen(t, dir, "import", "-table", "http", "status.go"); r.code != exitOK {
		t.Fatalf("import of the statuses: exit %d\n%s", r.code, r.stderr)
	}
	before := snapshot(t, dir)
	r := errgen(t, dir, "import", "-n", "-table", "error", "-columns", "Meldung=message", "fehler.csv")
	if r.code != exitOK || r.stderr != "" {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("-n changed the folder")
	}
	testtool.Golden(t, filepath.Join(importData, "dry-run.diff"), r.stdout, *testtool.Update)
}

// The five source tables, committed verbatim, imported into the catalog
// `errgen init` writes, hold every code with its number, Korean text and
// wire name as the sources have them (seeds.tsv transcribes them by hand).
// -prefer=import lets the sources replace the starter's example texts.
func TestImportSourcesAfterInit(t *testing.T) {
	dir := t.TempDir()
	if r := errgen(t, dir, "init"); r.code != exitOK {
		t.Fatalf("errgen init: exit %d\n%s", r.code, r.stderr)
	}
	sources := filepath.Join(repoRoot, "internal", "importer", "testdata", "sources")
	for _, args := range [][]string{
		{"-table", "response", "-lang", "ko", "000_ebf5670b7b50fbf9.md"},
		{"-table", "error", "-lang", "ko", "-columns", "Error Message=name", "001_21c0c880079c680f.md"},
		{"-table", "http", "-lang", "en", "002_02ae758af32816f7.md"},
		{"-table", "http", "-lang", "message=en,description=ko", "003_00747e870ac6a919.md"},
		{"-table", "http", "-lang", "en", "004_aeb7ee7b4c9df8e4.md"},
	} {
		src := args[len(args)-1]
		args[len(args)-1] = filepath.Join(sources, src)
		r := errgen(t, dir, append([]string{"import", "-prefer=import"}, args...)...)
		// The catalog does not load until a person names the codes the
		// sources give no name, and gives the response codes' statuses.
		if r.code != exitProblem || !strings.Contains(r.stdout, "errgen import: codes.yaml:") || !strings.Contains(r.stderr, "does not load yet") {
			t.Fatalf("errgen import %s: exit %d\n%s%s", src, r.code, r.stdout, r.stderr)
		}
	}
	out, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var got tables
	if err := yaml.Unmarshal(out, &got); err != nil {
		t.Fatalf("the merged catalog is not YAML: %v\n%s", err, out)
	}
	seeds := readSeeds(t, filepath.Join(repoRoot, "testdata", "seeds", "seeds.tsv"))
	for _, kind := range []string{"http", "response", "error"} {
		var want, have []int
		for _, s := range seeds {
			if s.table == kind {
				want = append(want, s.code)
			}
		}
		for _, e := range got.table(kind) {
			have = append(have, e.Code)
		}
		if !slices.IsSorted(have) {
			t.Errorf("%s codes are not in number order: %v", kind, have)
		}
		slices.Sort(want)
		if !slices.Equal(have, want) {
			t.Errorf("%s codes:\n got %v\nwant %v", kind, have, want)
		}
	}
	ko003, err := os.ReadFile(filepath.Join(sources, "003_00747e870ac6a919.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seeds {
		i := slices.IndexFunc(got.table(s.table), func(e entry) bool { return e.Code == s.code })
		if i < 0 {
			continue // reported above
		}
		e := got.table(s.table)[i]
		wire := cmpOr(e.Wire, e.ID)
		switch {
		case s.table == "error" && wire != s.name:
			t.Errorf("error %d: wire name %q, want %q", s.code, wire, s.name)
		case s.table == "http" && s.name != "" && wire != s.name:
			t.Errorf("http %d: name %q, want %q", s.code, wire, s.name)
		case s.ko != "" && e.Message["ko"] != s.ko:
			t.Errorf("%s %d: Korean message %q, want %q", s.table, s.code, e.Message["ko"], s.ko)
		case s.table == "http" && e.Client != (s.code < 0):
			t.Errorf("http %d: client %v", s.code, e.Client)
		}
		// 003 gives the Korean description of every 4xx and 5xx it lists.
		if s.table == "http" && s.code >= 400 && e.Description["ko"] == "" && strings.Contains(string(ko003), strconv.Itoa(s.code)+" ") {
			t.Errorf("http %d: no Korean description from 003", s.code)
		}
	}
	// Repeated wire names (1004, 1005, 3000) and Korean-only codes get
	// placeholders the loader refuses, never invented names.
	for _, e := range got.Error.Codes {
		if (e.Code == 1004 || e.Code == 3000) && !catalog.IsPlaceholderID(e.ID) {
			t.Errorf("error %d: id %q, want a placeholder (its wire name repeats)", e.Code, e.ID)
		}
	}
	for _, e := range got.Response.Codes {
		if e.Code != 200 && !catalog.IsPlaceholderID(e.ID) { // 200 is the starter's
			t.Errorf("response %d: id %q made from nothing", e.Code, e.ID)
		}
	}
	_, err = catalog.Parse("codes.yaml", out)
	if err == nil || !strings.Contains(err.Error(), "errgen import left the placeholder id") {
		t.Errorf("the loader accepted placeholder ids: %v", err)
	}
}

type entry struct {
	Code        int
	ID          string
	Wire        string
	Client      bool
	Message     map[string]string
	Description map[string]string
}

type tables struct {
	HTTP     struct{ Codes []entry } `yaml:"http"`
	Response struct{ Codes []entry }
	Error    struct{ Codes []entry }
}

func (ts *tables) table(kind string) []entry {
	switch kind {
	case "http":
		return ts.HTTP.Codes
	case "response":
		return ts.Response.Codes
	}
	return ts.Error.Codes
}

// seed is a row of testdata/seeds/seeds.tsv, the codes transcribed by hand
// from the same five sources (see its header).
type seed struct {
	table, name, ko string
	code            int
}

func readSeeds(t *testing.T, path string) []seed {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var seeds []seed
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(sc.Text(), "#") || len(cols) != 5 {
			continue
		}
		n, err := strconv.Atoi(cols[1])
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, seed{cols[0], strings.TrimPrefix(cols[2], "-"), strings.TrimPrefix(cols[3], "-"), n})
	}
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	return seeds
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// -o writes the merge to a new file and leaves the catalog alone; it never
// replaces another existing file. -format github prints conflicts as
// annotations at the catalog's position.
func TestImportOutputFile(t *testing.T) {
	dir := project(t)
	copyInto(t, dir, "zahlung/fehler.csv")
	edit(t, filepath.Join(dir, "codes.yaml"), "      id: TooManyRequests\n      status: 429\n", "      id: TooManyRequests\n      status: 429\n      # a comment the merge keeps\n")
	before := snapshot(t, dir)
	csv := "code,name,status,message (en),message (ko)\n1010,TooManyRequests,429,Too many requests.,요청이 너무 많습니다.\n1011,QuotaExceeded,429,The quota is exceeded.,할당량을 초과했습니다.\n"
	if err := os.WriteFile(filepath.Join(dir, "more.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := errgen(t, dir, "import", "-table", "error", "-o", "merged.yaml", "-format", "github", "more.csv")
	if r.code != exitProblem { // a conflict kept
		t.Errorf("exit %d, want %d (a conflict kept)\n%s", r.code, exitProblem, r.stderr)
	}
	if want := "::warning file=codes.yaml,line=124,col=21::conflict: error code 1010: message in en is \"API rate limit exceeded.\" here but \"Too many requests.\" at more.csv:2:26; kept the catalog's; -prefer=import takes the source's\n::warning file=codes.yaml,line=124,col=51::conflict: error code 1010: message in ko is \"API ratelimit 제한\" here but \"요청이 너무 많습니다.\" at more.csv:2:45; kept the catalog's; -prefer=import takes the source's\n"; r.stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
	}
	after := snapshot(t, dir)
	merged := after["merged.yaml"]
	delete(after, "merged.yaml")
	delete(after, "more.csv")
	if !maps.Equal(before, after) {
		t.Error("-o changed other files")
	}
	if line, ok := testtool.KeepsLines(before["codes.yaml"], merged); !ok || !strings.Contains(merged, "    - code: 1011\n      id: QuotaExceeded\n") {
		t.Errorf("merged.yaml lost line %d of codes.yaml or lacks 1011:\n%s", line, merged)
	}
	if r := errgen(t, dir, "import", "-n", "-table", "error", "more.csv"); r.code != exitProblem || !strings.Contains(r.stdout, "+    - code: 1011") {
		t.Errorf("-n with a conflict kept: exit %d, want %d, and the diff\n%s", r.code, exitProblem, r.stdout)
	}
	if r := errgen(t, dir, "import", "-table", "error", "-o", "fehler.csv", "more.csv"); r.code != exitUsage {
		t.Errorf("-o onto an existing file: exit %d, want %d", r.code, exitUsage)
	}
}

// An error code sent with a status the http table lacks would make the
// catalog fail to load: import reports it at the source's cell and writes
// nothing, also with -n.
func TestImportStatusNotInHTTPTable(t *testing.T) {
	dir := t.TempDir()
	copyInto(t, dir, "zahlung/codes.yaml", "zahlung/fehler.csv")
	before := snapshot(t, dir)
	for _, dry := range [][]string{nil, {"-n"}} {
		args := append(append([]string{"import"}, dry...), "-table", "error", "-columns", "Meldung=message", "fehler.csv")
		r := errgen(t, dir, args...)
		want := "fehler.csv:2:17: HTTP status 402 is not in the catalog's http table, which every status of the error table must be; import 402 into the http table first (errgen import -table http), or send a status it lists\n" +
			"fehler.csv:3:16: HTTP status 402 is not in the catalog's http table, which every status of the error table must be; import 402 into the http table first (errgen import -table http), or send a status it lists\n" +
			"fehler.csv:4:18: HTTP status 423 is not in the catalog's http table, which every status of the error table must be; import 423 into the http table first (errgen import -table http), or send a status it lists\n" +
			"errgen import: 3 problem(s); nothing written\n"
		if r.code != exitProblem || r.stdout != "" || r.stderr != want {
			t.Errorf("errgen %s: exit %d\nstdout %s\nstderr %s\nwant %s", strings.Join(args, " "), r.code, r.stdout, r.stderr, want)
		}
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("the import changed the folder")
	}
}

// Wire names in SNAKE_CASE and kebab-case give PascalCase ids; the snake
// name stays the wire name, the kebab one (which a wire name cannot be)
// is warned about and the code travels as its id. The catalog loads.
func TestImportWireNamesGiveIDs(t *testing.T) {
	dir := project(t)
	csv := "code,name,status,message (en),message (ko)\n" +
		"2004,ROOM_ARCHIVED,404,The room is archived.,보관된 방입니다.\n" +
		"2005,room-closed,404,The room is closed.,닫힌 방입니다.\n" +
		"2006,roomFull,404,The room is full.,방이 가득 찼습니다.\n"
	if err := os.WriteFile(filepath.Join(dir, "rooms.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := errgen(t, dir, "import", "-table", "error", "rooms.csv")
	wantErr := "rooms.csv:3:6: warning: name \"room-closed\" holds a hyphen, which a wire name cannot; the code travels as its id RoomClosed; rename it in the source, or set `wire:` in the catalog by hand\n"
	if r.code != exitOK || r.stderr != wantErr {
		t.Fatalf("exit %d\nstderr %q\nwant   %q", r.code, r.stderr, wantErr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"    - code: 2004\n      id: RoomArchived\n      wire: ROOM_ARCHIVED\n",
		"    - code: 2005\n      id: RoomClosed\n      status: 404\n",
		"    - code: 2006\n      id: RoomFull\n      wire: roomFull\n",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("codes.yaml lacks %q:\n%s", want, got)
		}
	}
}
