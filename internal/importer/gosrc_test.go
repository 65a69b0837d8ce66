package importer_test

import (
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/importer"
)

const twoTypes = `package api

type Code int

type Level uint8

const (
	// NotFound: no such item.
	NotFound Code = 1000 + iota
	// Gone means the item was removed for good.
	Gone
)

const Debug Level = 1 // not a code
`

// A file with constants of several integer types needs -gotype; with it,
// go/types counts iota and the comment's leading name is dropped only when
// a separator follows it.
func TestGoConstantTypes(t *testing.T) {
	cat := read(t, "../../testdata/catalogs/small.yaml")
	res := importer.Import("codes.yaml", cat, "api.go", []byte(twoTypes), importer.Options{Table: "error", Langs: map[string]string{"message": "en"}})
	if got := res.Errors.Error(); got != "api.go:1:1: the file has constants of 2 integer types: Code, Level; choose one with -gotype Code" {
		t.Errorf("errors: %s", got)
	}
	res = importer.Import("codes.yaml", cat, "api.go", []byte(twoTypes), importer.Options{Table: "error", Langs: map[string]string{"message": "en"}, GoType: "Code"})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	out := string(res.Output)
	for _, want := range []string{
		"    - code: 1000\n      id: NotFound\n      message:\n        en: No such item.\n",
		"    - code: 1001\n      id: Gone\n      message:\n        en: Gone means the item was removed for good.\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the merge lacks\n%s", want)
		}
	}
}
