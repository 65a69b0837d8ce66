package importer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/importer"
	"github.com/errgen/errgen/internal/testtool"
)

// FuzzImport feeds arbitrary sources of every shape to an import into the
// small catalog: it must never panic, every problem must be positioned, and
// an accepted import must leave valid YAML in which every line of the
// catalog survives (without -prefer=import a merge only adds).
func FuzzImport(f *testing.F) {
	exts := []string{".md", ".csv", ".tsv", ".go"}
	seeds, _ := filepath.Glob("testdata/sources/*.md")
	seeds = append(seeds, "testdata/merge/new.csv", "../../cmd/errgen/testdata/import/zahlung/status.go")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		for i, ext := range exts {
			if strings.HasSuffix(s, ext) {
				f.Add(data, uint8(i))
			}
		}
	}
	small, err := os.ReadFile("../../testdata/catalogs/small.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, kind uint8) {
		name := "source" + exts[int(kind)%len(exts)]
		// A hang is a failure too: crash the worker, so the input is kept.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("%s does not end: %q", name, src)) })
		defer watchdog.Stop()
		for _, table := range []string{"http", "error"} {
			res := importer.Import("codes.yaml", small, name, src, importer.Options{Table: table, Langs: map[string]string{"message": "en", "description": "ko"}})
			for _, d := range append(append(res.Errors, res.Warnings...), res.Conflicts...) {
				if d.Pos.Line < 1 || d.Pos.Column < 1 {
					t.Fatalf("unpositioned: %s", d)
				}
			}
			if len(res.Errors) > 0 {
				if res.Output != nil {
					t.Fatal("output despite errors")
				}
				continue
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(res.Output, &doc); err != nil {
				t.Fatalf("the merge is not YAML: %v\n%s", err, res.Output)
			}
			if line, ok := testtool.KeepsLines(string(small), string(res.Output)); !ok {
				t.Fatalf("the merge lost line %d of the catalog:\n%s", line, res.Output)
			}
		}
	})
}
