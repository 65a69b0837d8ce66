package phase

import (
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/translations"
)

var translationFormats = []string{"po", "xliff"}

// BenchmarkTranslationsExport is errgen translations export -lang ko after
// reading the catalog: load, then every text into one PO or XLIFF file.
// (The mark of issue 29: at most 2 s at N = 10 000, two languages.)
func BenchmarkTranslationsExport(b *testing.B) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			for _, format := range translationFormats {
				b.Run(format, func(b *testing.B) {
					var size int
					for b.Loop() {
						size = len(export(b, load(b, f), f.data, format))
					}
					b.ReportMetric(float64(size), "out-bytes")
				})
			}
		})
	}
}

func export(b *testing.B, c *catalog.Catalog, data []byte, format string) []byte {
	file, err := translations.Export(c, data, translations.Sums{}, "ko")
	if err != nil {
		b.Fatal(err)
	}
	return translations.Formats[format](file)
}

// BenchmarkTranslationsImport is errgen translations import of a file in
// which every translation changed: load, read and check the file, write
// every text into the catalog in place, load the result and record the
// sums.
func BenchmarkTranslationsImport(b *testing.B) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			c := load(b, f)
			// A translator put "새 " in front of every translation: one
			// edit per text.
			tr, err := translations.Export(c, f.data, translations.Sums{}, "ko")
			if err != nil {
				b.Fatal(err)
			}
			for _, u := range tr.Units {
				if u.Target != "" {
					u.Target = "새 " + u.Target
				}
			}
			for _, format := range translationFormats {
				file := translations.Formats[format](tr)
				b.Run(format, func(b *testing.B) {
					var written int
					for b.Loop() {
						res := translations.Import(load(b, f), f.data, translations.Sums{}, "ko."+format, file)
						if len(res.Errors) > 0 {
							b.Fatal(res.Errors)
						}
						written = res.Written
					}
					b.ReportMetric(float64(written), "texts")
				})
			}
		})
	}
}
