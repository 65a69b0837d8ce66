package textenc_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/textenc"
)

// TestQuoteNode has Node parse every quoted string back: the literal must
// hold exactly the text.
func TestQuoteNode(t *testing.T) {
	node := testtool.Node(t)
	var b strings.Builder
	b.WriteString("export default [\n")
	for _, s := range textenc.TrickyJS {
		textenc.WriteJSString(&b, s)
		b.WriteString(",\n")
	}
	b.WriteString("];\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "strings.mjs"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "--input-type=module", "-e",
		`const m = await import("./strings.mjs"); console.log(JSON.stringify(m.default));`)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, b.String())
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !slices.Equal(got, textenc.TrickyJS) {
		for i := range textenc.TrickyJS {
			if i < len(got) && got[i] != textenc.TrickyJS[i] {
				t.Errorf("%q came back as %q", textenc.TrickyJS[i], got[i])
			}
		}
		t.Fatalf("got %d strings, want %d", len(got), len(textenc.TrickyJS))
	}
}
