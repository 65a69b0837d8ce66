package typescript_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/typescript"
)

var largeOptions = typescript.Options{Dir: "out/typescript", PackageName: "@example/large", Version: "1.0.0", Enum: true, Const: true}

// large builds a catalog of n error codes in two languages, every tenth
// with a placeholder and every hundredth sharing a wire name.
func large(n int) *catalog.Catalog {
	c := &catalog.Catalog{
		Path: "codes.yaml", Root: ".",
		Languages:   []catalog.Language{{Tag: "en", Name: "English"}, {Tag: "ko", Name: "한국어"}},
		Default:     "en",
		DocsBaseURL: "https://docs.example.com/codes",
		Output:      catalog.Output{Dir: "out"},
	}
	t := &catalog.Table{Kind: catalog.KindError, TypeName: "ErrorCode",
		Title: catalog.Text{{Lang: "en", Text: "Errors"}, {Lang: "ko", Text: "오류"}}, Description: catalog.Text{}, Min: 1, Max: 10 * n}
	for i := range n {
		id := "Code" + strconv.Itoa(i)
		code := &catalog.Code{Table: t, Number: 1000 + i, ID: id, Wire: id, Status: 400 + i%100, Description: catalog.Text{}}
		if i%100 == 1 {
			code.Wire = "Shared"
		}
		en, ko := "Error number "+strconv.Itoa(i), "오류 "+strconv.Itoa(i)
		if i%10 == 0 {
			code.Params = []catalog.Param{{Name: "size", Type: catalog.ParamInt, Example: "3"}}
			en += " of size {size}"
			ko += "{size} 크기"
		}
		var err error
		code.Message, err = catalog.NewMessage(catalog.Text{{Lang: "en", Text: en}, {Lang: "ko", Text: ko}})
		if err != nil {
			panic(err)
		}
		if i%50 == 2 {
			code.Deprecated = &catalog.Deprecation{Replacement: t.Codes[0], Reason: catalog.Text{}}
		}
		t.Codes = append(t.Codes, code)
	}
	c.Tables = []*catalog.Table{t}
	return c
}

// TestScale: 50 000 codes emit, each one into the package. Speed is
// BenchmarkEmit50k's job (make bench), not a wall-clock bound here.
func TestScale(t *testing.T) {
	c := large(50_000)
	files, err := typescript.Emit(c, largeOptions)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.Data)
	}
	for _, id := range []string{"Code0", "Code25000", "Code49999"} {
		if !strings.Contains(all.String(), id) {
			t.Errorf("%s is missing from the emitted package", id)
		}
	}
}

func BenchmarkEmit50k(b *testing.B) {
	c := large(50_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := typescript.Emit(c, largeOptions); err != nil {
			b.Fatal(err)
		}
	}
}
