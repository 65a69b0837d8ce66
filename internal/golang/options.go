package golang

import (
	_ "embed"
	"go/token"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// Options are the settings of output.go.
type Options struct {
	Dir     string // the package's folder, relative to the catalog's root
	Package string // the package name
}

//go:embed options.schema.json
var optionsSchema []byte

// Target is the Go target's entry in the registry.
var Target = func() catalog.Target {
	t := catalog.NewTarget("go", optionsSchema, ReadOptions, Emit)
	t.Handle = handle
	return t
}()

// ReadOptions reads output.go.
func ReadOptions(t *catalog.TargetConfig) (Options, error) {
	o := t.Options([]string{"package"}, []string{"package"})
	opts := Options{Dir: t.Dir}
	if s, ok := o.String("package"); ok {
		if !token.IsIdentifier(s) || s != strings.ToLower(s) {
			o.Errorf(o.Pos("package"), "use a short lower-case Go identifier such as codes", "Go package name %q is not a valid package name", s)
		}
		opts.Package = s
	}
	return opts, o.Err()
}
