package errgen_test

import (
	"encoding/csv"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// Transcriptions of the two authorities the http table follows (see the
// header of each file).
const (
	ianaPath   = "testdata/iana/http-status-codes.csv"
	dutiesPath = "testdata/rfc/status-header-duties.tsv"
)

type ianaRow struct {
	description string // as IANA writes it, e.g. "Not Extended (OBSOLETED)"
	reference   string // the first bracket without brackets, e.g. "RFC9110, Section 15.2.1"
}

// readIANA returns the registry's single-number rows; ranges are all
// "Unassigned".
func readIANA(t *testing.T) map[int]ianaRow {
	t.Helper()
	f, err := os.Open(ianaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", ianaPath, err)
	}
	if len(records) < 2 || !slices.Equal(records[0], []string{"Value", "Description", "Reference"}) {
		t.Fatalf("%s: want the header Value,Description,Reference", ianaPath)
	}
	rows := map[int]ianaRow{}
	for _, rec := range records[1:] {
		n, err := strconv.Atoi(rec[0])
		if err != nil {
			if rec[1] != "Unassigned" {
				t.Fatalf("%s: range %s is %q, want Unassigned", ianaPath, rec[0], rec[1])
			}
			continue
		}
		ref, _, _ := strings.Cut(strings.TrimPrefix(rec[2], "["), "]")
		rows[n] = ianaRow{rec[1], ref}
	}
	return rows
}

// compactRFC writes a citation the way IANA does: "RFC 9110 §15.2.1" (the
// catalog's language-neutral form) and "RFC 9110, Section 15.2.1" (the
// RFC's) become "RFC9110, Section 15.2.1".
func compactRFC(ref string) string {
	return strings.NewReplacer("RFC ", "RFC", " §", ", Section ").Replace(ref)
}

// rfcDocument is the document part of a citation: "RFC9110".
func rfcDocument(ref string) string {
	doc, _, _ := strings.Cut(compactRFC(ref), ",")
	return doc
}

// deprecatedBySpec are the http codes a specification, not IANA's status
// column, deprecates.
var deprecatedBySpec = map[int]string{305: "RFC 9110 §15.4.6"}

// TestHTTPNamesMatchIANA: every server status in codes.yaml has the name,
// status and reference the IANA registry gives it; every status RFC 9110
// defines is there (as a code, or reserved where IANA says "(Unused)").
func TestHTTPNamesMatchIANA(t *testing.T) {
	iana := readIANA(t)
	http := table(t, loadCodes(t), catalog.KindHTTP)
	for _, code := range http.Codes {
		if code.Client {
			continue
		}
		row, ok := iana[code.Number]
		if !ok {
			t.Errorf("http %d: not in the IANA registry", code.Number)
			continue
		}
		name, obsoleted := strings.CutSuffix(row.description, " (OBSOLETED)")
		if row.description == "(Unused)" {
			t.Errorf("http %d: IANA lists it as (Unused); reserve it instead of defining it", code.Number)
			continue
		}
		if got := code.Message.Text.Get("en"); got != name {
			t.Errorf("http %d: en message %q, want the IANA name %q", code.Number, got, name)
		}
		_, deprecated := deprecatedBySpec[code.Number]
		if want := obsoleted || deprecated; (code.Deprecated != nil) != want {
			t.Errorf("http %d: deprecated = %v, want %v (IANA: %q)", code.Number, code.Deprecated != nil, want, row.description)
		}
		if strings.Contains(row.reference, "Section") {
			if compactRFC(code.Reference) != row.reference {
				t.Errorf("http %d: reference %q, want IANA's %q", code.Number, code.Reference, row.reference)
			}
		} else if rfcDocument(code.Reference) != row.reference {
			t.Errorf("http %d: reference %q does not cite %s, which IANA names", code.Number, code.Reference, row.reference)
		}
	}
	for n, row := range iana {
		if !strings.HasPrefix(row.reference, "RFC9110,") {
			continue
		}
		if row.description == "(Unused)" {
			if http.Lookup(n) != nil || !reserves(http, n) {
				t.Errorf("http %d: IANA lists it as (Unused); want it reserved, not a code", n)
			}
			continue
		}
		if http.Lookup(n) == nil {
			t.Errorf("http %d %s (%s) is missing from codes.yaml", n, row.description, row.reference)
		}
	}
	for _, n := range []int{428, 429, 431, 451} {
		if http.Lookup(n) == nil {
			t.Errorf("http %d (%s) is missing from codes.yaml", n, iana[n].reference)
		}
	}
	for n, ref := range deprecatedBySpec {
		if code := http.Lookup(n); code == nil || code.Reference != ref {
			t.Errorf("http %d: want a code citing %s, which deprecates it", n, ref)
		}
	}
}

func reserves(t *catalog.Table, n int) bool {
	return slices.ContainsFunc(t.Reserved, func(r *catalog.Reserved) bool { return r.Min <= n && n <= r.Max })
}

type dutyRow struct {
	line        int
	code        int
	header      string
	requirement string // MUST, SHOULD, MAY or none
	where       string
	sentence    string
}

func readDuties(t *testing.T) []dutyRow {
	t.Helper()
	var rows []dutyRow
	for _, r := range readTSV(t, dutiesPath, 5) {
		rows = append(rows, dutyRow{r.line, r.number(t, 0), r.cells[1], r.cells[2], r.cells[3], r.cells[4]})
	}
	return rows
}

var keyword = regexp.MustCompile(`\b(MUST|SHOULD|MAY)\b`)

// governing returns the BCP 14 keyword a sentence puts on a header: the last
// one before the header's name, or "none".
func governing(sentence, header string) (string, bool) {
	at := strings.Index(sentence, header)
	if at < 0 {
		return "", false
	}
	kw := keyword.FindAllString(sentence[:at], -1)
	if len(kw) == 0 {
		return "none", true
	}
	return kw[len(kw)-1], true
}

// TestHTTPHeaderDutiesMatchRFC: every http code lists exactly the header
// duties the RFC sentences give it, with the RFC's keyword, and none where a
// sentence names a header without one.
func TestHTTPHeaderDutiesMatchRFC(t *testing.T) {
	http := table(t, loadCodes(t), catalog.KindHTTP)
	want := map[int][]string{}
	for _, row := range readDuties(t) {
		where := dutiesPath + ":" + strconv.Itoa(row.line)
		kw, ok := governing(row.sentence, row.header)
		switch {
		case !ok:
			t.Errorf("%s: the sentence does not name %s", where, row.header)
		case kw != row.requirement:
			t.Errorf("%s: the sentence puts %s on %s, the row says %s", where, kw, row.header, row.requirement)
		}
		code := http.Lookup(row.code)
		if code == nil {
			t.Errorf("%s: http %d is not in codes.yaml", where, row.code)
			continue
		}
		if rfcDocument(row.where) != rfcDocument(code.Reference) {
			t.Errorf("%s: cites %s, but http %d is defined by %s", where, row.where, row.code, code.Reference)
		}
		if row.requirement != "none" {
			want[row.code] = append(want[row.code], row.header+" "+row.requirement)
		}
	}
	for _, code := range http.Codes {
		var got []string
		for _, h := range code.Headers {
			got = append(got, h.Name+" "+string(h.Requirement))
		}
		w := want[code.Number]
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("http %d: header duties %q, want %q as the RFC words them (%s)", code.Number, got, w, dutiesPath)
		}
	}
}
