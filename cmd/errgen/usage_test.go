package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// errgen usage in a module that adopted errgen: the catalog is found as
// generate finds it, an error exits 1, -format github prints annotations
// only, and a bad flag is a usage error.
func TestUsageCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../internal/usage/testdata/shop")); err != nil {
		t.Fatal(err)
	}
	if r := errgen(t, dir, "generate", "-q"); r.code != exitOK {
		t.Fatalf("generate: %d\n%s", r.code, r.stderr)
	}
	r := errgen(t, dir, "usage")
	if r.code != exitProblem || !strings.Contains(r.stdout, "api/orders.go:22:45: error: client-side code http -2 ConnectionErr") {
		t.Errorf("usage: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = errgen(t, dir, "usage", "-format", "github", "./legacy/...", "./api")
	if r.code != exitProblem || !strings.HasPrefix(r.stdout, "::") || strings.Contains(r.stdout, "Uses in") {
		t.Errorf("usage -format github: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Without client-side codes in responses, warnings and advice exit 0.
	for file, fix := range map[string][2]string{
		"api/orders.go":   {"codes.Wrap(codes.HTTPConnectionErr, err)", "codes.Wrap(codes.HTTPGatewayTimeout, err)"},
		"api/upstream.go": {"codes.New(codes.HTTPTimeout)", "codes.New(codes.HTTPGatewayTimeout)"},
	} {
		path := filepath.Join(dir, filepath.FromSlash(file))
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fixed := strings.Replace(string(src), fix[0], fix[1], 1)
		if fixed == string(src) {
			t.Fatalf("%s no longer holds %s", file, fix[0])
		}
		if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r = errgen(t, dir, "usage", "-json", "-tests", "-tags", "legacy")
	if r.code != exitOK || !strings.Contains(r.stdout, `"severity": "warning"`) {
		t.Errorf("usage -json: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := errgen(t, dir, "usage", "-format", "xml"); r.code != exitUsage {
		t.Errorf("-format xml: exit %d", r.code)
	}
	if r := errgen(t, dir, "usage", "-f", "missing.yaml"); r.code != exitProblem || !strings.Contains(r.stderr, "missing.yaml") {
		t.Errorf("a missing catalog: exit %d\n%s", r.code, r.stderr)
	}
}
