package typescript_test

import (
	"slices"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/typescript"
)

// TestRefuse: what the loader allows but a TypeScript package cannot carry
// fails the emit, every problem at once, with no files.
func TestRefuse(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *catalog.Catalog, o *typescript.Options)
		want   string
	}{
		{
			name:   "type name clashes with a shared export",
			change: func(c *catalog.Catalog, _ *typescript.Options) { c.Table(catalog.KindResponse).TypeName = "Problem" },
			want:   "testdata/catalog.yaml:79:3: TypeScript: the response table's type name Problem derives Problem, which the package's shared declarations already declares; rename the type",
		},
		{
			name:   "type name shadows a global the code uses",
			change: func(c *catalog.Catalog, _ *typescript.Options) { c.Table(catalog.KindError).TypeName = "Record" },
			want:   "testdata/catalog.yaml:94:3: TypeScript: type name \"Record\" of the error table cannot name a TypeScript enum and type; choose another",
		},
		{
			name: "two tables derive the same names",
			change: func(c *catalog.Catalog, _ *typescript.Options) {
				c.Table(catalog.KindResponse).TypeName = "ErrorCode"
			},
			want: "testdata/catalog.yaml:94:3: TypeScript: the error table's type name ErrorCode derives ErrorCode, errorCodes, " +
				"isErrorCode, errorCodeMessages, ErrorCodeParams, ErrorCodeFormatArgs, formatErrorCode, ErrorCodeWire, errorCodeWire, " +
				"errorCodesByWire, errorCodeStatus, errorCodesByStatus, errorCodeRetryable, errorCodeDocsUrl, errorCodeTitles, errorCodeProblemType, isErrorCodeProblem, which the response table already declares; rename the type",
		},
		{
			name: "codes the package cannot hold",
			change: func(c *catalog.Catalog, _ *typescript.Options) {
				codes := c.Table(catalog.KindError).Codes
				codes[0].ID = "NaN"
				codes[1].Number = 1 << 53
				codes[7].Params[0].Name = "__proto__"
				codes[8].Message.Text = slices.DeleteFunc(slices.Clone(codes[8].Message.Text), func(e catalog.LangText) bool { return e.Lang == "ko" })
			},
			want: "testdata/catalog.yaml:99:13: TypeScript: id \"NaN\" cannot name an enum member\n" +
				"testdata/catalog.yaml:103:13: TypeScript: code 9007199254740992 is beyond what a JavaScript number holds exactly\n" +
				"testdata/catalog.yaml:141:13: TypeScript: param \"__proto__\" of code 6001 cannot be a property of the params object\n" +
				"testdata/catalog.yaml:148:13: TypeScript: code 6002 has no message in ko",
		},
		{
			name:   "no form",
			change: func(_ *catalog.Catalog, o *typescript.Options) { o.Enum, o.Const = false, false },
			want:   "output.typescript selects neither the enum nor the const form",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, "catalog")
			o := options(t, c)
			tt.change(c, &o)
			files, err := typescript.Emit(c, o)
			if err == nil {
				t.Fatalf("Emit succeeded with %d files", len(files))
			}
			if files != nil {
				t.Errorf("Emit failed but returned %d files", len(files))
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}
