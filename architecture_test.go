package errgen

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/errgen/errgen"

// planned reads ARCHITECTURE.md's table of packages: each row's packages
// (first column) and the packages of this module they import (last
// column), as backquoted names. A name is a folder of the module
// (`schema`, `internal/golang/runtime`) or one under internal/
// (`catalog`); a cell without names ("none", "standard library") lists
// none.
func planned(t *testing.T, known map[string][]string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile("`([^`]+)`")
	resolve := func(n string) string {
		if _, ok := known[n]; ok {
			return n
		}
		return "internal/" + n
	}
	names := func(cell string) []string {
		var out []string
		for _, m := range name.FindAllStringSubmatch(cell, -1) {
			out = append(out, resolve(m[1]))
		}
		return out
	}
	plan := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 5 || !strings.Contains(cells[1], "`") {
			continue
		}
		imports := names(cells[3])
		slices.Sort(imports)
		for _, p := range names(cells[1]) {
			if _, dup := plan[p]; dup {
				t.Errorf("ARCHITECTURE.md lists %s twice", p)
			}
			plan[p] = imports
		}
	}
	return plan
}

// rooms lists the module's packages, but for the generated output, the
// examples and the benchmarks, with the module's packages each imports
// (test files aside), as `go list` gives them.
func rooms(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	rel := func(p string) string { return strings.TrimPrefix(strings.TrimPrefix(p, module), "/") }
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		p := rel(fields[0])
		if p == "" || strings.HasPrefix(p, "out/") || strings.HasPrefix(p, "examples/") || strings.HasPrefix(p, "bench/") {
			continue
		}
		imports := []string{}
		for _, imp := range fields[1:] {
			if strings.HasPrefix(imp, module+"/") {
				imports = append(imports, rel(imp))
			}
		}
		m[p] = imports
	}
	return m
}

// drift lists every difference between the plan and the rooms.
func drift(plan, rooms map[string][]string) []string {
	var out []string
	for _, p := range slices.Sorted(maps.Keys(rooms)) {
		want, ok := plan[p]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s has no row in ARCHITECTURE.md's table", p))
		case !slices.Equal(want, rooms[p]):
			out = append(out, fmt.Sprintf("%s imports %v; ARCHITECTURE.md's table says %v", p, rooms[p], want))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(plan)) {
		if _, ok := rooms[p]; !ok {
			out = append(out, fmt.Sprintf("ARCHITECTURE.md's table lists %s, which is no package", p))
		}
	}
	return out
}

// TestArchitectureMatchesPackages compares ARCHITECTURE.md's table of
// packages and their imports with the packages `go list` finds, so that
// the plan cannot drift from the code: a package without a row, an
// import the table does not list, or one it lists that is gone, fails.
func TestArchitectureMatchesPackages(t *testing.T) {
	got := rooms(t)
	plan := planned(t, got)
	for _, d := range drift(plan, got) {
		t.Error(d)
	}

	// The check itself: one import more than the table lists is drift.
	added := maps.Clone(got)
	added["internal/output"] = append(slices.Clone(added["internal/output"]), "internal/catalog")
	if len(drift(plan, added)) == 0 {
		t.Error("an import of internal/catalog added to internal/output went unseen")
	}
}
