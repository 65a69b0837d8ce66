package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// internalNote matches what the catalog's authors write for each other
// about the source tables it was built from: no reader of the docs knows
// them, so no public page may show one.
var internalNote = regexp.MustCompile(`(?i)source table|원본 표|\((00[0-9])\)|seed`)

// TestPublicWording reads every page errgen renders from the project's own
// codes.yaml: no page carries a note about the source tables, and the
// pages of a language speak it alone where the words are ours: Korean
// pages say 오류 for "error", never 에러, and cite a section as §, not
// "Section".
func TestPublicWording(t *testing.T) {
	c, files := emitCase(t, repoCase)
	for p, data := range relative(t, c, files) {
		text := string(data)
		if m := internalNote.FindString(text); m != "" {
			t.Errorf("%s: an internal note %q reaches a public page", p, m)
		}
		if !strings.HasPrefix(p, "ko/") {
			continue
		}
		for _, word := range []string{"에러", "Section"} {
			if strings.Contains(text, word) {
				t.Errorf("%s: a Korean page says %q", p, word)
			}
		}
	}
}
