package openapi

import (
	_ "embed"
	"net/url"
	"slices"

	"github.com/errgen/errgen/internal/catalog"
)

// Options are the settings of output.openapi.
type Options struct {
	Dir     string // the document's folder, relative to the catalog's root
	Title   string // info.title
	Version string // info.version
	// SpecVersion is the OpenAPI version of the document: Version30
	// (the default) or Version31.
	SpecVersion string
	// CORSOrigins are the values the service sends as
	// Access-Control-Allow-Origin; none means the document declares no
	// such header.
	CORSOrigins []string
}

// The OpenAPI versions output.openapi.spec_version chooses from, as
// written in codes.yaml; the document of "3.1" says 3.1.1.
const (
	Version30 = "3.0.3"
	Version31 = "3.1"
)

//go:embed options.schema.json
var optionsSchema []byte

// Target is the OpenAPI target's entry in the registry.
var Target = catalog.NewStreamTarget("openapi", optionsSchema, ReadOptions, Stream)

// ReadOptions reads output.openapi.
func ReadOptions(t *catalog.TargetConfig) (Options, error) {
	o := t.Options([]string{"title", "version", "spec_version", "cors_origins"}, []string{"title", "version"})
	opts := Options{Dir: t.Dir, SpecVersion: Version30}
	opts.Title, _ = o.String("title")
	opts.Version, _ = o.String("version")
	if v, ok := o.String("spec_version"); ok {
		if v != Version30 && v != Version31 {
			o.Errorf(o.Pos("spec_version"), `write "`+Version30+`" or "`+Version31+`"`, "output.openapi.spec_version %q is not an OpenAPI version errgen writes", v)
		}
		opts.SpecVersion = v
	}
	origins, _ := o.Strings("cors_origins", "an origin")
	for _, item := range origins {
		if !isOrigin(item.Value) {
			o.Errorf(item.Pos, `give scheme://host[:port] with no path, "*" or "null"`, "output.openapi.cors_origins: %q is not an origin", item.Value)
			continue
		}
		if slices.Contains(opts.CORSOrigins, item.Value) {
			o.Errorf(item.Pos, "list each origin once", "output.openapi.cors_origins: %q is listed twice", item.Value)
			continue
		}
		opts.CORSOrigins = append(opts.CORSOrigins, item.Value)
	}
	return opts, o.Err()
}

// isOrigin reports whether s is a value Access-Control-Allow-Origin may
// carry (the Fetch standard): "*", "null", or a serialized origin.
func isOrigin(s string) bool {
	if s == "*" || s == "null" {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		u.User == nil && u.Path == "" && u.RawQuery == "" && u.Fragment == "" && !u.ForceQuery &&
		u.String() == s
}
