package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/importer"
)

// benchCatalog is a catalog whose error table holds every odd code of
// [1, 2n), in flow style; the source brings every code of [1, 2n) with
// other text, so half the rows are new and half are conflicts.
func benchCatalog(n int) (catalog, source []byte) {
	var c, s strings.Builder
	c.WriteString("version: 1\nlanguages:\n  - {tag: en, name: English}\ndefault_language: en\ndocs:\n  base_url: https://example.com\nerror:\n  type: E\n  title: {en: Errors}\n  range: [1, 999999]\n  codes:\n")
	s.WriteString("code,name,message\n")
	for i := 1; i < 2*n; i++ {
		if i%2 == 1 {
			fmt.Fprintf(&c, "    # code %d\n    - {code: %d, id: Code%d, status: 400, message: {en: Message %d.}}\n", i, i, i, i)
		}
		fmt.Fprintf(&s, "%d,Code%d,Other message %d.\n", i, i, i)
	}
	return []byte(c.String()), []byte(s.String())
}

func BenchmarkImport(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		cat, src := benchCatalog(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				res := importer.Import("codes.yaml", cat, "codes.csv", src, importer.Options{Table: "error", PreferImport: true})
				if len(res.Errors) > 0 || res.Added != n-1 && res.Added != n {
					b.Fatalf("added %d: %v", res.Added, res.Errors)
				}
			}
		})
	}
}
