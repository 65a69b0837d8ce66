package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitStarterIsClean: the starter catalog generates, checks and lints
// clean on the first run, and init never overwrites.
func TestInitStarterIsClean(t *testing.T) {
	dir := t.TempDir()
	if r := errgen(t, dir, "init"); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	if r := errgen(t, dir, "generate", "-q"); r.code != 0 {
		t.Fatalf("generate: %d %s", r.code, r.stderr)
	}
	if r := errgen(t, dir, "check"); r.code != 0 {
		t.Fatalf("check: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := errgen(t, dir, "lint"); r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, " 0 piece(s) of advice") {
		t.Fatalf("lint is not clean: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	first, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(first), "# yaml-language-server: $schema=./codes.schema.json\n") {
		t.Error("the starter's first line does not point editors at its schema")
	}
	if r := errgen(t, dir, "init"); r.code != 1 || !strings.Contains(r.stderr, "already exists; nothing was written") {
		t.Errorf("a second init: %d %s", r.code, r.stderr)
	}
}

// TestNothingToGenerate: a catalog with no output section, or none on,
// is an error with a position, never "0 files generated".
func TestNothingToGenerate(t *testing.T) {
	head := "version: 1\nlanguages:\n  - {tag: en, name: English}\ndefault_language: en\ndocs: {base_url: https://docs.example.com/codes}\n"
	table := "error:\n  type: ErrorCode\n  title: {en: Errors}\n  range: [1000, 1999]\n  codes:\n    - {code: 1001, id: Oops, status: 500, message: {en: Oops.}}\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"no output section", head + table, "codes.yaml:1:1: the catalog has no output section"},
		{"no target on", head + "output:\n  dir: out\n" + table, "codes.yaml:7:3: the output section turns no target on"},
		{"bad output.dir", head + "output:\n  dir: ../elsewhere\n  go: {dir: out/go, package: codes}\n  markdown: {dir: out/md}\n" + table,
			"codes.yaml:7:8: output.dir \"../elsewhere\" escapes the project root"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "codes.yaml"), []byte(tc.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range []string{"generate", "check"} {
				r := errgen(t, dir, cmd)
				lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
				if r.code != 1 || !strings.HasPrefix(lines[0], tc.want) || strings.Count(r.stderr, "codes.yaml:") != 1 {
					t.Errorf("%s: exit %d, want 1 and one problem starting %q:\n%s", cmd, r.code, tc.want, r.stderr)
				}
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("wrote %d entries, want only codes.yaml", len(entries))
			}
		})
	}
}
