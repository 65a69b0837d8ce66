package translations

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	corpus "github.com/errgen/errgen/internal/textenc/hostile"
)

// FuzzTextRoundTrip: any text a catalog may hold comes back from a PO
// file and from an XLIFF file as it went out, as a message (placeholders
// and literal braces) and as plain text.
func FuzzTextRoundTrip(f *testing.F) {
	for _, c := range corpus.Classes {
		f.Add(c.Text)
	}
	f.Add("Line one\nline two\n")
	f.Add("not XML: \ufffe, \uffff and {p}")
	f.Add("{{literal}} and {param} and \"quotes\" \\ back")
	f.Fuzz(func(t *testing.T, s string) {
		if problem, _ := catalog.TextProblem("text", s); problem != "" || strings.ContainsRune(s, '\r') || strings.TrimSpace(s) == "" {
			return
		}
		message := true
		params, err := placeholders("en", s)
		if err != nil {
			message, params = false, nil
		}
		u := &Unit{Context: "error.1.message", Name: "X", Source: s, Target: s, Message: message, Params: params}
		file := &File{Catalog: "codes.yaml", SourceLang: "en", Lang: "ko", Units: []*Unit{u}}
		for format, write := range Formats {
			p, errs := read("ko."+format, write(file))
			if len(errs) > 0 {
				t.Fatalf("%s: %v", format, errs)
			}
			if len(p.entries) != 1 {
				t.Fatalf("%s: %d entries", format, len(p.entries))
			}
			e := p.entries[0]
			if format == "xliff" {
				e.fromXLIFF(u, func(pos catalog.Pos, hint, format string, args ...any) { t.Fatalf(format, args...) })
			}
			if e.source != s || e.target != s || e.context != u.Context {
				t.Fatalf("%s: %q became source %q, target %q", format, s, e.source, e.target)
			}
		}
	})
}
