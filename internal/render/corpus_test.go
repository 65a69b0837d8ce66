package render_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/hostilecatalog"
	corpus "github.com/errgen/errgen/internal/textenc/hostile"
)

// corpusCatalog writes hostilecatalog.YAML to a temporary folder and
// returns its path.
func corpusCatalog(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "codes.yaml")
	if err := os.WriteFile(path, []byte(hostilecatalog.YAML()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCorpusLoads: the corpus catalog loads, and holds a class in every
// position it claims to.
func TestCorpusLoads(t *testing.T) {
	c, _ := generate(t, corpusCatalog(t))
	et := c.Table("error")
	if len(et.Codes) != len(corpus.Classes) || len(et.Categories) != len(corpus.Classes) || len(et.Reserved) != len(corpus.Classes) {
		t.Fatalf("%d codes, %d categories, %d reservations; want %d of each", len(et.Codes), len(et.Categories), len(et.Reserved), len(corpus.Classes))
	}
	for i, code := range et.Codes {
		if got, want := et.Reserved[i].Reason.Get("en"), corpus.Classes[i].Text; got != want {
			t.Errorf("reservation %d: reason %q, want %q", i, got, want)
		}
		if i > 1 && code.Message.Plain("en", nil) != corpus.Classes[i].Text {
			t.Errorf("code %d: message %q, want %q", code.Number, code.Message.Plain("en", nil), corpus.Classes[i].Text)
		}
	}
}
