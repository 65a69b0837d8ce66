package breaking_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/breaking"
	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
)

// A testCase says which rules the change in one folder under testdata must
// trigger, and whether they break a client.
type testCase struct {
	rules    []breaking.Rule
	breaking bool
}

// cases has an entry for every folder under testdata. Every rule that a
// pair of valid catalogs can trigger has a folder named after it.
var cases = map[string]testCase{
	"code_removed":            {[]breaking.Rule{breaking.CodeRemoved}, true},
	"code_renumbered":         {[]breaking.Rule{breaking.CodeRenumbered}, true},
	"deprecated_not_reserved": {[]breaking.Rule{breaking.DeprecatedNotReserved}, true},
	"number_reused":           {[]breaking.Rule{breaking.NumberReused}, true},
	"id_changed":              {[]breaking.Rule{breaking.IDChanged}, true},
	"wire_changed":            {[]breaking.Rule{breaking.WireChanged}, true},
	"status_changed":          {[]breaking.Rule{breaking.StatusChanged}, true},
	"param_removed":           {[]breaking.Rule{breaking.ParamRemoved}, true},
	"param_renamed":           {[]breaking.Rule{breaking.ParamRenamed}, true},
	"param_type_changed":      {[]breaking.Rule{breaking.ParamTypeChanged}, true},
	"param_added":             {[]breaking.Rule{breaking.ParamAdded}, true},
	"params_reordered":        {[]breaking.Rule{breaking.ParamsReordered}, true},
	"reserved_reused":         {[]breaking.Rule{breaking.ReservedReused}, true},
	"reservation_removed":     {[]breaking.Rule{breaking.ReservationRemoved}, true},
	"table_removed":           {[]breaking.Rule{breaking.TableRemoved}, true},
	"type_name_changed":       {[]breaking.Rule{breaking.TypeNameChanged}, true},
	"prefix_changed":          {[]breaking.Rule{breaking.PrefixChanged}, true},
	"stale_translation":       {[]breaking.Rule{breaking.StaleTranslation}, false},
	"code_added":              {[]breaking.Rule{breaking.CodeAdded}, false},
	"table_added":             {[]breaking.Rule{breaking.TableAdded}, false},
	"code_deprecated":         {[]breaking.Rule{breaking.CodeDeprecated}, false},
	"code_undeprecated":       {[]breaking.Rule{breaking.CodeUndeprecated}, false},
	"code_retired":            {[]breaking.Rule{breaking.CodeRetired}, false},
	"unchanged":               {nil, false},
	"many": {[]breaking.Rule{breaking.TypeNameChanged, breaking.WireChanged, breaking.ParamTypeChanged, breaking.ReservedReused,
		breaking.DeprecatedNotReserved, breaking.StaleTranslation, breaking.CodeAdded}, true},
}

// allRules is every rule Compare knows. ClientChanged has no folder: no
// pair of valid catalogs triggers it today (see TestClientChanged).
var allRules = []breaking.Rule{
	breaking.CodeRemoved, breaking.CodeRenumbered, breaking.DeprecatedNotReserved, breaking.NumberReused,
	breaking.IDChanged, breaking.WireChanged, breaking.StatusChanged, breaking.ClientChanged,
	breaking.ParamRemoved, breaking.ParamRenamed, breaking.ParamTypeChanged, breaking.ParamAdded, breaking.ParamsReordered,
	breaking.ReservedReused, breaking.ReservationRemoved, breaking.TableRemoved, breaking.TypeNameChanged, breaking.PrefixChanged,
	breaking.StaleTranslation,
	breaking.CodeAdded, breaking.TableAdded, breaking.CodeDeprecated, breaking.CodeUndeprecated, breaking.CodeRetired,
}

// TestCases compares old.yaml with new.yaml in every folder under testdata
// and checks the output, positions in both files included, against the
// folder's `want` file.
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	covered := map[breaking.Rule]bool{}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		tc, ok := cases[name]
		if !ok {
			t.Errorf("testdata/%s has no entry in cases: say which rules it triggers", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			old, new := parse(t, dir, "old.yaml"), parse(t, dir, "new.yaml")
			report := breaking.Compare(old, new)
			var got []breaking.Rule
			for _, c := range report.Changes {
				got = append(got, c.Rule)
				covered[c.Rule] = true
				checkPositions(t, dir, c)
			}
			for _, r := range tc.rules {
				if !slices.Contains(got, r) {
					t.Errorf("no %s change; got %v", r, got)
				}
			}
			if tc.rules == nil && len(got) > 0 {
				t.Errorf("expected no change, got %v", got)
			}
			if report.Breaking() != tc.breaking {
				t.Errorf("Breaking() = %t, want %t", report.Breaking(), tc.breaking)
			}
			testtool.Golden(t, filepath.Join(dir, "want"), render(report), *testtool.Update)
		})
	}
	for name := range cases {
		if _, err := os.Stat(filepath.Join("testdata", name)); err != nil {
			t.Errorf("cases names %s, which has no folder: %v", name, err)
		}
	}
	for _, r := range allRules {
		if !covered[r] && r != breaking.ClientChanged {
			t.Errorf("no testdata case triggers %s", r)
		}
	}
}

// checkPositions asserts that a change points into both files, at a line
// that exists, and that the old position is named in the message.
func checkPositions(t *testing.T, dir string, c breaking.Change) {
	t.Helper()
	for _, p := range []struct {
		pos  catalog.Pos
		file string
	}{{c.New, "new.yaml"}, {c.Old, "old.yaml"}} {
		if p.pos.File != p.file || p.pos.Line < 1 || p.pos.Column < 1 {
			t.Errorf("%s: position %s should be in %s", c.Rule, p.pos, p.file)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if p.pos.Line > len(lines) || p.pos.Column > len(lines[p.pos.Line-1])+1 {
			t.Errorf("%s: position %s lies beyond the end of %s", c.Rule, p.pos, p.file)
		}
	}
	if !strings.Contains(c.Message, c.Old.String()) && !strings.Contains(c.Message, "absent from "+c.Old.File) {
		t.Errorf("%s: message %q does not name the old position %s", c.Rule, c.Message, c.Old)
	}
}

// TestPositions spells out, for one change of each kind of place, the
// exact line and column in both files, so a mistake in the golden files
// cannot hide one.
func TestPositions(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		rule     breaking.Rule
		new, old string
	}{
		// 2003's `code:` value: line 44 in both.
		{"wire_changed", breaking.WireChanged, "new.yaml:44:13", "old.yaml:44:13"},
		// The removed code's table (its mapping starts on line 29), the code.
		{"code_removed", breaking.CodeRemoved, "new.yaml:29:3", "old.yaml:44:13"},
		// The new number of the renumbered code, its old number.
		{"code_renumbered", breaking.CodeRenumbered, "new.yaml:44:13", "old.yaml:44:13"},
		// The code that takes the number, the reservation it took.
		{"reserved_reused", breaking.ReservedReused, "new.yaml:44:13", "old.yaml:59:7"},
		// The reservation that retires the code, the code.
		{"code_retired", breaking.CodeRetired, "new.yaml:53:7", "old.yaml:38:13"},
		// The table without the reservation, the reservation.
		{"reservation_removed", breaking.ReservationRemoved, "new.yaml:29:3", "old.yaml:59:7"},
		// The file without the table, the table.
		{"table_removed", breaking.TableRemoved, "new.yaml:1:1", "old.yaml:29:3"},
		// The added code, its old table.
		{"code_added", breaking.CodeAdded, "new.yaml:48:13", "old.yaml:29:3"},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			report := breaking.Compare(parse(t, "testdata/"+tc.dir, "old.yaml"), parse(t, "testdata/"+tc.dir, "new.yaml"))
			i := slices.IndexFunc(report.Changes, func(c breaking.Change) bool { return c.Rule == tc.rule })
			if i < 0 {
				t.Fatalf("no %s change", tc.rule)
			}
			c := report.Changes[i]
			if c.New.String() != tc.new || c.Old.String() != tc.old {
				t.Errorf("positions new %s, old %s; want new %s, old %s", c.New, c.Old, tc.new, tc.old)
			}
		})
	}
}

// TestClientChanged covers the one rule valid catalogs cannot trigger: a
// client code must be below 100 and a server code from 100 up, so one
// number never changes sides. Compare still checks it, in case those
// rules relax; the catalog is changed in memory to reach it.
func TestClientChanged(t *testing.T) {
	old := parse(t, "testdata/unchanged", "old.yaml")
	new := parse(t, "testdata/unchanged", "new.yaml")
	new.Table(catalog.KindHTTP).Lookup(-2).Client = false
	report := breaking.Compare(old, new)
	got := render(report)
	want := "new.yaml:24:13: http code -2: client flag changed from true to false (was old.yaml:24:13); clients treat client-side exceptions and server statuses differently: keep the flag, or add a new code\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestGitHub checks the workflow-command form of each level.
func TestGitHub(t *testing.T) {
	report := breaking.Compare(parse(t, "testdata/many", "old.yaml"), parse(t, "testdata/many", "new.yaml"))
	var b strings.Builder
	for _, c := range report.Changes {
		b.WriteString(c.GitHub())
		b.WriteByte('\n')
	}
	testtool.Golden(t, "testdata/many/want.github", b.String(), *testtool.Update)
	for _, prefix := range []string{"::error file=new.yaml,", "::warning file=new.yaml,", "::notice file=new.yaml,"} {
		if !strings.Contains(b.String(), "\n"+prefix) && !strings.HasPrefix(b.String(), prefix) {
			t.Errorf("no line starts with %s", prefix)
		}
	}
}

// TestReportCounts checks the counts the CLI's summary line uses.
func TestReportCounts(t *testing.T) {
	report := breaking.Compare(parse(t, "testdata/many", "old.yaml"), parse(t, "testdata/many", "new.yaml"))
	n := report.Count(breaking.Breaking) + report.Count(breaking.Warning) + report.Count(breaking.Note)
	if n != len(report.Changes) || report.Count(breaking.Breaking) == 0 || report.Count(breaking.Warning) == 0 || report.Count(breaking.Note) == 0 {
		t.Errorf("counts %d/%d/%d of %d changes", report.Count(breaking.Breaking), report.Count(breaking.Warning), report.Count(breaking.Note), len(report.Changes))
	}
}

// TestRealCatalogs compares the committed catalogs with themselves (no
// change at all, whatever they hold) and with themselves less one code
// (exactly that removal). A catalog that does not load fails the test.
func TestRealCatalogs(t *testing.T) {
	for _, path := range []string{"../../codes.yaml", "../../testdata/catalogs/small.yaml", "../../testdata/catalogs/hostile.yaml", "../../testdata/catalogs/foreign.yaml"} {
		old, err := catalog.Load(path)
		if err != nil {
			t.Fatalf("%s does not load: %v", path, err)
		}
		new, err := catalog.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if r := breaking.Compare(old, new); len(r.Changes) > 0 {
			t.Errorf("%s differs from itself:\n%s", path, render(r))
		}
		// Without the last code of its last table, it breaks exactly there.
		tb := new.Tables[len(new.Tables)-1]
		gone := tb.Codes[len(tb.Codes)-1]
		tb.Codes = tb.Codes[:len(tb.Codes)-1]
		rule := breaking.CodeRemoved
		if gone.Deprecated != nil {
			rule = breaking.DeprecatedNotReserved
		}
		r := breaking.Compare(old, new)
		if len(r.Changes) != 1 || r.Changes[0].Rule != rule || r.Changes[0].Old != gone.Pos {
			t.Errorf("%s without %s code %d:\n%s", path, tb.Kind, gone.Number, render(r))
		}
	}
}

// TestDeterministic runs one comparison many times: the output must not
// depend on map order.
func TestDeterministic(t *testing.T) {
	old, new := parse(t, "testdata/many", "old.yaml"), parse(t, "testdata/many", "new.yaml")
	first := render(breaking.Compare(old, new))
	for range 50 {
		if got := render(breaking.Compare(old, new)); got != first {
			t.Fatalf("output changed between runs:\n%s\n---\n%s", first, got)
		}
	}
}

func parse(t *testing.T, dir, name string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse(name, data)
	if err != nil {
		t.Fatalf("%s/%s does not load:\n%v", dir, name, err)
	}
	return c
}

func render(r breaking.Report) string {
	var b bytes.Buffer
	for _, c := range r.Changes {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}
