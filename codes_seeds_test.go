// The data checks of codes.yaml: every seed code is present, the seed
// defects are not copied, every departure from the sources is listed, the
// HTTP table follows IANA and the RFC header duties. They test this
// project's catalog, not the loader, so they live at the root.

package errgen_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// The real catalog at the repository root, and the rows transcribed from
// the source tables it was written from (see the fixture's header).
const (
	codesPath = "codes.yaml"
	seedsPath = "testdata/seeds/seeds.tsv"
)

type seedRow struct {
	line   int
	table  catalog.TableKind
	code   int
	name   string // error: wire name; http client code: id; else ""
	ko     string // response and error: the seed's Korean text; else ""
	source string
}

func readSeeds(t *testing.T) []seedRow {
	t.Helper()
	var rows []seedRow
	for _, r := range readTSV(t, seedsPath, 5) {
		rows = append(rows, seedRow{r.line, catalog.TableKind(r.cells[0]), r.number(t, 1), undash(r.cells[2]), undash(r.cells[3]), r.cells[4]})
	}
	return rows
}

// tsvRow is a data line of a tab-separated fixture: its line and cells.
type tsvRow struct {
	path  string
	line  int
	cells []string
}

// readTSV reads a fixture whose lines are comments (#), blank, or exactly
// columns tab-separated cells; a fixture without data is an error.
func readTSV(t *testing.T, path string, columns int) []tsvRow {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []tsvRow
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) != columns {
			t.Fatalf("%s:%d: want %d tab-separated columns, got %d", path, i+1, columns, len(cells))
		}
		rows = append(rows, tsvRow{path, i + 1, cells})
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no rows", path)
	}
	return rows
}

// number reads cell i as a code.
func (r tsvRow) number(t *testing.T, i int) int {
	t.Helper()
	n, err := strconv.Atoi(r.cells[i])
	if err != nil {
		t.Fatalf("%s:%d: code: %v", r.path, r.line, err)
	}
	return n
}

// undash reads the fixtures' "-" for nothing.
func undash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func loadCodes(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(codesPath)
	if err != nil {
		t.Fatalf("load %s:\n%v", codesPath, err)
	}
	return c
}

func table(t *testing.T, c *catalog.Catalog, kind catalog.TableKind) *catalog.Table {
	t.Helper()
	tb := c.Table(kind)
	if tb == nil {
		t.Fatalf("codes.yaml has no %s table", kind)
	}
	return tb
}

// TestSeedsPresent checks every code of the source tables against codes.yaml;
// TestDeparturesListed checks their texts.
func TestSeedsPresent(t *testing.T) {
	c := loadCodes(t)
	for _, row := range readSeeds(t) {
		where := seedsPath + ":" + strconv.Itoa(row.line)
		tb := table(t, c, row.table)
		code := tb.Lookup(row.code)
		if code == nil && reserves(tb, row.code) {
			continue // a departure docs/sources.md records (IANA lists 418 as unused)
		}
		if code == nil {
			t.Errorf("%s: %s code %d (source %s) is missing from codes.yaml", where, row.table, row.code, row.source)
			continue
		}
		switch {
		case row.table == catalog.KindError && code.Wire != row.name:
			t.Errorf("%s: error %d: wire name %q, want %q as the source spells it", where, row.code, code.Wire, row.name)
		case row.table == catalog.KindHTTP && row.name != "" && code.ID != row.name:
			t.Errorf("%s: http %d: id %q, want %q", where, row.code, code.ID, row.name)
		}
		if row.table == catalog.KindHTTP && (row.code < 0) != code.Client {
			t.Errorf("%s: http %d: client = %v, want %v", where, row.code, code.Client, row.code < 0)
		}
	}
}

// TestPlaceholderFor6001 pins the one placeholder introduced into a
// source text, so TestSeedsPresent's comparison stays meaningful.
func TestPlaceholderFor6001(t *testing.T) {
	code := table(t, loadCodes(t), catalog.KindError).Lookup(6001)
	if code == nil {
		t.Fatal("error 6001 is missing")
	}
	if got, want := code.Message.Text.Get("ko"), "최대 파일 업로드 사이즈 초과 ({maxSize})"; got != want {
		t.Errorf("6001 ko message %q, want %q", got, want)
	}
	if !strings.Contains(code.Message.Text.Get("en"), "{maxSize}") {
		t.Errorf("6001 en message %q lacks {maxSize}", code.Message.Text.Get("en"))
	}
	want := []catalog.Param{{Name: "maxSize", Type: catalog.ParamString, Example: "15MB"}}
	if !slices.Equal(code.Params, want) {
		t.Errorf("6001 params %+v, want %+v", code.Params, want)
	}
}

// TestEveryTextInEveryLanguage: every code has a message in en and ko, and a
// description either in every language or none.
func TestEveryTextInEveryLanguage(t *testing.T) {
	c := loadCodes(t)
	var tags []string
	for _, l := range c.Languages {
		tags = append(tags, l.Tag)
	}
	for _, want := range []string{"en", "ko"} {
		if !slices.Contains(tags, want) {
			t.Fatalf("languages %v lack %q", tags, want)
		}
	}
	for _, kind := range []catalog.TableKind{catalog.KindHTTP, catalog.KindResponse, catalog.KindError} {
		tb := table(t, c, kind)
		for _, tag := range tags {
			if strings.TrimSpace(tb.Title.Get(tag)) == "" || strings.TrimSpace(tb.Description.Get(tag)) == "" {
				t.Errorf("%s table: title or description empty in %s", kind, tag)
			}
		}
		for _, code := range tb.Codes {
			for _, tag := range tags {
				if strings.TrimSpace(code.Message.Text.Get(tag)) == "" {
					t.Errorf("%s %d: empty %s message", kind, code.Number, tag)
				}
				if !code.Description.Empty() && strings.TrimSpace(code.Description.Get(tag)) == "" {
					t.Errorf("%s %d: empty %s description", kind, code.Number, tag)
				}
			}
		}
	}
}

// TestSourceDefectsNotCopied: 002's wrong reason phrases must not survive.
func TestSourceDefectsNotCopied(t *testing.T) {
	http := table(t, loadCodes(t), catalog.KindHTTP)
	for number, want := range map[int]string{
		302: "Found",
		303: "See Other",
		304: "Not Modified",
		503: "Service Unavailable",
		413: "Content Too Large",
		414: "URI Too Long",
		416: "Range Not Satisfiable",
		422: "Unprocessable Content",
	} {
		code := http.Lookup(number)
		if code == nil {
			t.Errorf("http %d is missing", number)
			continue
		}
		if got := code.Message.Text.Get("en"); got != want {
			t.Errorf("http %d: en message %q, want the RFC 9110 reason phrase %q", number, got, want)
		}
	}
	for _, code := range http.Codes {
		for _, tag := range []string{"en", "ko"} {
			for _, bad := range []string{"unnailable", "Not temporarily"} {
				if strings.Contains(code.Message.Text.Get(tag), bad) || strings.Contains(code.Description.Get(tag), bad) {
					t.Errorf("http %d: %s text copies the source defect %q", code.Number, tag, bad)
				}
			}
		}
	}
	if r := http.Lookup(306); r != nil {
		t.Errorf("http 306 is a code; RFC 9110 reserves it as unused")
	}
}

// TestInternalServerErrorWireNames: 001 gives four codes the wire name
// InternalServerError; each needs its own id. No source says one replaces
// another, so none is deprecated and each says the name is shared.
func TestInternalServerErrorWireNames(t *testing.T) {
	errs := table(t, loadCodes(t), catalog.KindError)
	var numbers []int
	ids := map[string]int{}
	for _, code := range errs.Codes {
		if code.Wire != "InternalServerError" {
			continue
		}
		numbers = append(numbers, code.Number)
		if prev, dup := ids[code.ID]; dup {
			t.Errorf("errors %d and %d share the id %q", prev, code.Number, code.ID)
		}
		ids[code.ID] = code.Number
		if code.Status != 500 {
			t.Errorf("error %d: status %d, want 500", code.Number, code.Status)
		}
		if code.Deprecated != nil {
			t.Errorf("error %d is deprecated; no source says so", code.Number)
		}
		if !strings.Contains(code.Description.Get("en"), "shared with") {
			t.Errorf("error %d: the description must say the wire name is shared", code.Number)
		}
	}
	if want := []int{1003, 1004, 1005, 3000}; !slices.Equal(numbers, want) {
		t.Errorf("codes with wire name InternalServerError: %v, want %v", numbers, want)
	}
}

// TestReusedHTTPNumbersSayWhatIsSent: the response codes 000 numbers like
// standard HTTP statuses but gives other meanings must not be sent as that
// status, and must say so.
func TestReusedHTTPNumbersSayWhatIsSent(t *testing.T) {
	c := loadCodes(t)
	resp := table(t, c, catalog.KindResponse)
	for _, n := range []int{403, 410, 411, 412, 413, 421, 451} {
		code := resp.Lookup(n)
		if code == nil {
			t.Errorf("response %d is missing", n)
			continue
		}
		if code.Status == n {
			t.Errorf("response %d (%s) is sent as HTTP %d, whose meaning differs", n, code.ID, n)
		}
		if c.HTTPStatus(code.Status) == nil {
			t.Errorf("response %d: status %d is not in the http table", n, code.Status)
		}
		if !strings.HasPrefix(code.Description.Get("en"), "Not HTTP "+strconv.Itoa(n)) || code.Description.Get("ko") == "" {
			t.Errorf("response %d: the description must start \"Not HTTP %d …\" and exist in every language", n, n)
		}
	}
}
