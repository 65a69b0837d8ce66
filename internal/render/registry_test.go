package render_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/schema"
)

// fifthOptions are the options of a throwaway target that lists codes.
type fifthOptions struct {
	dir, greeting string
}

// fifth is a target added the way a real one is: a catalog.Target value,
// appended to the registry. Nothing else in errgen knows it.
var fifth = catalog.NewTarget("fifth",
	[]byte(`{"type": "object", "additionalProperties": false, "required": ["dir", "greeting"],
	"properties": {"dir": {"$ref": "#/$defs/localPath"}, "greeting": {"type": "string"}}}`),
	func(t *catalog.TargetConfig) (fifthOptions, error) {
		o := t.Options([]string{"greeting"}, []string{"greeting"})
		g, ok := o.String("greeting")
		if ok && g == "" {
			o.Errorf(o.Pos("greeting"), "say something", "output.fifth.greeting is empty")
		}
		return fifthOptions{t.Dir, g}, o.Err()
	},
	func(c *catalog.Catalog, o fifthOptions) ([]output.File, error) {
		var b strings.Builder
		b.WriteString(o.greeting + "\n")
		for _, t := range c.Tables {
			for _, code := range t.Codes {
				fmt.Fprintf(&b, "%s %d %s\n", t.Kind, code.Number, code.ID)
			}
		}
		return []output.File{{Path: o.dir + "/codes.txt", Data: []byte(b.String())}}, nil
	})

// smallWith returns testdata/catalogs/small.yaml with lines added to its
// output section.
func smallWith(t *testing.T, lines string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "catalogs", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "output:\n  dir: out\n", "output:\n  dir: out\n"+lines, 1)
	if lines != "" && src == string(data) {
		t.Fatal("small.yaml's output section moved")
	}
	return []byte(src)
}

func TestFifthTarget(t *testing.T) {
	registry := append(slices.Clone(render.Targets), fifth)
	data := smallWith(t, "  fifth: {dir: out/fifth, greeting: hello}\n")

	c, err := catalog.Parse("codes.yaml", data, registry...)
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(c, registry)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f output.File) bool { return f.Path == "out/fifth/codes.txt" })
	if i < 0 {
		t.Fatal("the fifth target rendered nothing")
	}
	want := "hello\n"
	for _, tb := range c.Tables {
		for _, code := range tb.Codes {
			want += fmt.Sprintf("%s %d %s\n", tb.Kind, code.Number, code.ID)
		}
	}
	if got := string(files[i].Data); got != want {
		t.Errorf("codes.txt:\n%s\nwant:\n%s", got, want)
	}
	if !slices.ContainsFunc(files, func(f output.File) bool { return f.Path == "out/go/codes/errors.go" }) {
		t.Error("the other targets rendered nothing")
	}

	// The schema lists it, with its own keys.
	doc, err := schema.Build(registry)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties struct {
			Output struct {
				Properties map[string]struct {
					Required []string `json:"required"`
				} `json:"properties"`
			} `json:"output"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(doc, &s); err != nil {
		t.Fatal(err)
	}
	if got := s.Properties.Output.Properties["fifth"].Required; !slices.Equal(got, []string{"dir", "greeting"}) {
		t.Errorf("the schema's output.fifth requires %v", got)
	}

	// Without it in the registry, the key is unknown; with it, its
	// options are checked at load time, with positions.
	for _, tc := range []struct {
		registry []catalog.Target
		line     string
		want     string
	}{
		{render.Targets, "  fifth: {dir: out/fifth, greeting: hello}\n",
			`codes.yaml:11:3: unknown key "fifth" in output; the keys of output are: dir, go, openapi, typescript, markdown`},
		{registry, "  fifth: {dir: out/fifth, greeting: \"\"}\n",
			`codes.yaml:11:37: output.fifth.greeting is empty; say something`},
		{registry, "  fifth: {dir: out/fifth, greting: hi}\n",
			"codes.yaml:11:10: output.fifth is missing the required key \"greeting\"; add `greeting: …`\n" +
				"codes.yaml:11:27: unknown key \"greting\" in output.fifth; did you mean `greeting`? the keys of output.fifth are: dir, greeting"},
		{registry, "  fifth: {dir: out/go/codes/x, greeting: hi}\n",
			`codes.yaml:12:7: output.go.dir "out/go/codes" overlaps output.fifth.dir "out/go/codes/x"; give each target its own folder`},
	} {
		_, err := catalog.Parse("codes.yaml", smallWith(t, tc.line), tc.registry...)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error\n%v\nwant\n%s", strings.TrimSpace(tc.line), err, tc.want)
		}
	}
}

// TestTargetOff: the one contract for a target that is off. Render never
// calls its emitter, and asking a target for the files of a catalog that
// turns it off is an error.
func TestTargetOff(t *testing.T) {
	never := fifth
	never.Emit = func(*catalog.Catalog, *catalog.TargetConfig) ([]output.File, error) {
		t.Error("the emitter of a target that is off ran")
		return nil, nil
	}
	registry := append(slices.Clone(render.Targets), never)
	data := strings.Replace(string(smallWith(t, "")), "  go: {dir: out/go/codes, package: codes}\n", "", 1) // fifth is off too
	c, err := catalog.Parse("codes.yaml", []byte(data), registry...)
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(c, registry)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "out/go/") {
			t.Errorf("%s rendered with the Go target off", f.Path)
		}
	}
	for _, tg := range []catalog.Target{never, golang.Target} {
		if _, err := tg.EmitFor(c); err == nil || err.Error() != fmt.Sprintf("codes.yaml: the %[1]s target is off (output.%[1]s is absent)", tg.Name) {
			t.Errorf("%s.EmitFor with the target off: %v", tg.Name, err)
		}
	}
}
