package catalog_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, every
// failure must be positioned diagnostics, and every accepted catalog must
// keep the model's promises.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/broken/*/codes.yaml")
	seeds = append(seeds, "../../testdata/catalogs/small.yaml")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := catalog.Parse("codes.yaml", data)
		if err != nil {
			var diags catalog.Diagnostics
			if !errors.As(err, &diags) || len(diags) == 0 {
				t.Fatalf("error without diagnostics: %v", err)
			}
			for _, d := range diags {
				if d.Pos.Line < 1 || d.Pos.Column < 1 {
					t.Fatalf("diagnostic without a position: %s", d)
				}
			}
			return
		}
		for _, table := range c.Tables {
			for i, code := range table.Codes {
				if i > 0 && table.Codes[i-1].Number >= code.Number {
					t.Fatalf("codes not sorted and unique: %d then %d", table.Codes[i-1].Number, code.Number)
				}
				for _, l := range c.Languages {
					if code.Message.Text.Get(l.Tag) == "" {
						t.Fatalf("code %d has no %s message", code.Number, l.Tag)
					}
				}
			}
		}
	})
}
