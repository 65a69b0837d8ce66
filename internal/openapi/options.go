package openapi

import (
	_ "embed"

	"github.com/errgen/errgen/internal/catalog"
)

// Options are the settings of output.openapi.
type Options struct {
	Dir     string // the document's folder, relative to the catalog's root
	Title   string // info.title
	Version string // info.version
}

//go:embed options.schema.json
var optionsSchema []byte

// Target is the OpenAPI target's entry in the registry.
var Target = catalog.NewStreamTarget("openapi", optionsSchema, ReadOptions, Stream)

// ReadOptions reads output.openapi.
func ReadOptions(t *catalog.TargetConfig) (Options, error) {
	o := t.Options([]string{"title", "version"}, []string{"title", "version"})
	opts := Options{Dir: t.Dir}
	opts.Title, _ = o.String("title")
	opts.Version, _ = o.String("version")
	return opts, o.Err()
}
