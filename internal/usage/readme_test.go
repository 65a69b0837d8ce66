package usage_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/usage"
)

// TestREADMEExample runs the README's example (this repository's examples
// on its codes.yaml) and checks that the README shows what it reports:
// every finding other than an unused code, a sample of those, and the
// summary.
func TestREADMEExample(t *testing.T) {
	root := testtool.Root(t)
	ts := testtool.NodeModule(t, "typescript")
	// The example client is one that builds: strict tsc accepts it.
	testtool.Run(t, filepath.Join(root, "examples", "web"), testtool.NodeBin(t, "tsc"), "-p", ".")
	c, err := catalog.Load(filepath.Join(root, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := usage.Run(c, usage.Options{Dir: root, Patterns: []string{"./examples/..."}, Tests: true, TSDir: "examples/web", TypeScript: ts})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := r.Text(&out); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The number of unused codes grows with the catalog, whoever edits it:
	// the README's figure is compared as N.
	counts := regexp.MustCompile(`\d+( codes used nowhere in all\)| advice)$`)
	norm := func(line string) string { return counts.ReplaceAllString(line, "N$1") }
	want := map[string]bool{} // lines the README must show
	unused := 0
	for line := range strings.Lines(out.String()) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.Contains(line, " is used nowhere;"):
			unused++
		case strings.HasPrefix(line, "examples/"), strings.HasPrefix(line, "errgen usage:"):
			want[norm(line)] = true
		}
	}
	want[norm(fmt.Sprintf("… (%d codes used nowhere in all)", unused))] = true
	shown := map[string]bool{}
	for line := range strings.Lines(string(readme)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "examples/") || strings.HasPrefix(line, "errgen usage:") || strings.HasSuffix(line, "codes used nowhere in all)") {
			shown[norm(line)] = true
		}
	}
	// A sample unused code is shown too; its line in codes.yaml moves with
	// every edit of the catalog, so only its message is compared.
	message := regexp.MustCompile(`^codes\.yaml:\d+:\d+: `)
	for line := range strings.Lines(string(readme)) {
		if message.MatchString(line) {
			if !strings.Contains(out.String(), message.ReplaceAllString(line, "")) {
				t.Errorf("README.md shows a finding errgen usage does not print:\n\t%s", line)
			}
		}
	}
	for line := range want {
		if !shown[line] {
			t.Errorf("README.md lacks the line\n\t%s", line)
		}
	}
	for line := range shown {
		if !want[line] {
			t.Errorf("README.md shows a line errgen usage no longer prints:\n\t%s", line)
		}
	}
	if t.Failed() {
		t.Logf("errgen usage printed:\n%s", out.String())
	}
}
