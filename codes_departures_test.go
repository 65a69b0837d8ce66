package errgen_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

const (
	httpSeedsPath  = "testdata/seeds/http.tsv"
	departuresPath = "docs/sources.md"
)

// A departure is one place where codes.yaml says something other than the
// source tables. Its key is table, code and field; for the text fields the
// source's text and the catalog's stand beside it.
type departure struct {
	table, code, field, source string
	sourceText, catalogText    string // "—" where the field has no text
}

func (d departure) key() string { return d.table + " " + d.code + " " + d.field + " " + d.source }

type httpSeed struct {
	code       int
	source     string
	name, text string
}

func readHTTPSeeds(t *testing.T) []httpSeed {
	t.Helper()
	var rows []httpSeed
	for _, r := range readTSV(t, httpSeedsPath, 4) {
		rows = append(rows, httpSeed{r.number(t, 0), r.cells[1], r.cells[2], undash(r.cells[3])})
	}
	return rows
}

var (
	mdLink         = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	countedHeading = regexp.MustCompile(`^## .* \((\d+)\)$`)
)

// plain is source 003's Markdown as a reader sees it: links become their
// text, backticks go and no-break spaces are spaces.
func plain(s string) string {
	s = strings.NewReplacer("`", "", "\u00a0", " ").Replace(s)
	return strings.TrimSpace(mdLink.ReplaceAllString(s, "$1"))
}

func span(r *catalog.Reserved) string {
	if r.Min == r.Max {
		return strconv.Itoa(r.Min)
	}
	return fmt.Sprintf("%d–%d", r.Min, r.Max)
}

// departuresInData derives every departure from codes.yaml and the
// transcribed source tables.
func departuresInData(t *testing.T) []departure {
	c := loadCodes(t)
	http := table(t, c, catalog.KindHTTP)
	var ds []departure
	add := func(d departure) { ds = append(ds, d) }
	listed := map[int]bool{}
	for _, s := range readHTTPSeeds(t) {
		listed[s.code] = true
		code := http.Lookup(s.code)
		n := strconv.Itoa(s.code)
		if code == nil {
			if s.source == "003" && reserves(http, s.code) {
				add(departure{"http", n, "reserved", s.source, s.name, "—"})
			} else if code == nil {
				t.Errorf("%s: http %d is neither a code nor reserved in codes.yaml", httpSeedsPath, s.code)
			}
			continue
		}
		if en := code.Message.Text.Get("en"); s.name != en {
			add(departure{"http", n, "name", s.source, s.name, en})
		}
		if s.text != "" && plain(s.text) != code.Description.Get("ko") {
			add(departure{"http", n, "ko", s.source, plain(s.text), code.Description.Get("ko")})
		}
	}
	for _, row := range readSeeds(t) {
		if row.table == catalog.KindHTTP {
			listed[row.code] = true
			continue
		}
		code := table(t, c, row.table).Lookup(row.code)
		if code != nil && row.ko != "" && code.Message.Text.Get("ko") != row.ko {
			add(departure{string(row.table), strconv.Itoa(row.code), "ko", row.source, row.ko, code.Message.Text.Get("ko")})
		}
	}
	for _, code := range http.Codes {
		if !listed[code.Number] {
			add(departure{"http", strconv.Itoa(code.Number), "added", "—", "—", code.Message.Text.Get("en")})
		}
	}
	for _, tb := range c.Tables {
		for _, code := range tb.Codes {
			if code.Deprecated != nil {
				add(departure{string(tb.Kind), strconv.Itoa(code.Number), "deprecated", "—", "—", "deprecated"})
			}
			if tb.Kind == catalog.KindResponse && code.Status != code.Number {
				add(departure{"response", strconv.Itoa(code.Number), "status", "000", "—", strconv.Itoa(code.Status)})
			}
		}
		for _, r := range tb.Reserved {
			if r.Min == r.Max && listed[r.Min] && tb.Kind == catalog.KindHTTP {
				continue // a source's code now reserved: listed above
			}
			add(departure{string(tb.Kind), span(r), "reserved", "—", "—", "—"})
		}
	}
	return ds
}

type listedDeparture struct {
	departure
	line   int
	reason string
}

// readDepartures reads every row of the Markdown tables in docs/sources.md
// whose first cell names a table.
func readDepartures(t *testing.T) []listedDeparture {
	t.Helper()
	data, err := os.ReadFile(departuresPath)
	if err != nil {
		t.Fatal(err)
	}
	var rows []listedDeparture
	// A heading "## Names (22)" promises the rows of its table.
	heading, promised, at := "", -1, 0
	checkCount := func() {
		if promised >= 0 && len(rows)-at != promised {
			t.Errorf("%s: %q has %d rows, not %d", departuresPath, heading, len(rows)-at, promised)
		}
	}
	defer checkCount()
	for i, line := range strings.Split(string(data), "\n") {
		if m := countedHeading.FindStringSubmatch(line); m != nil {
			checkCount()
			heading, at = line, len(rows)
			promised, _ = strconv.Atoi(m[1])
			continue
		}
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if !slices.Contains([]string{"http", "response", "error"}, cells[0]) {
			continue
		}
		if len(cells) != 7 {
			t.Errorf("%s:%d: want 7 cells (table, code, field, source, source text, catalog text, reason), got %d", departuresPath, i+1, len(cells))
			continue
		}
		for j, cell := range cells {
			cells[j] = strings.ReplaceAll(cell, `\|`, "|")
		}
		rows = append(rows, listedDeparture{departure{cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]}, i + 1, cells[6]})
	}
	return rows
}

// TestDeparturesListed: every place where codes.yaml departs from the source
// tables is a row of docs/sources.md, with the source's text and the
// catalog's as they are and a reason, and every row there is such a place.
func TestDeparturesListed(t *testing.T) {
	want := map[string]departure{}
	for _, d := range departuresInData(t) {
		want[d.key()] = d
	}
	seen := map[string]bool{}
	for _, row := range readDepartures(t) {
		where := departuresPath + ":" + strconv.Itoa(row.line)
		k := row.key()
		if seen[k] {
			t.Errorf("%s: %s is listed twice", where, k)
		}
		seen[k] = true
		d, ok := want[k]
		if !ok {
			t.Errorf("%s: %s is listed, but codes.yaml does not depart from the sources there; remove the row", where, k)
			continue
		}
		if row.sourceText != d.sourceText {
			t.Errorf("%s: %s: source text %q, want the transcription's %q", where, k, row.sourceText, d.sourceText)
		}
		if row.catalogText != d.catalogText {
			t.Errorf("%s: %s: catalog text %q, want codes.yaml's %q", where, k, row.catalogText, d.catalogText)
		}
		if strings.TrimSpace(row.reason) == "" || row.reason == "—" {
			t.Errorf("%s: %s has no reason", where, k)
		}
	}
	var missing []string
	for k, d := range want {
		if !seen[k] {
			missing = append(missing, fmt.Sprintf("| %s | %s | %s | %s | %s | %s | … |", d.table, d.code, d.field, d.source, d.sourceText, d.catalogText))
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d departure(s) of codes.yaml are not in %s; add the rows with a reason:\n%s", len(missing), departuresPath, strings.Join(missing, "\n"))
	}
	t.Logf("%d departures listed", len(seen))
}
