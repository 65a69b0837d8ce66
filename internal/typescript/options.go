package typescript

import (
	_ "embed"
	"regexp"

	"github.com/errgen/errgen/internal/catalog"
)

// Options are the settings of output.typescript.
type Options struct {
	Dir         string // the package's folder, relative to the catalog's root
	PackageName string // npm package name, e.g. "@acme/codes"
	Version     string // npm package version
	Enum        bool   // emit TypeScript enums
	Const       bool   // emit erasable `as const` objects + union types
}

//go:embed options.schema.json
var optionsSchema []byte

// Target is the TypeScript target's entry in the registry.
var Target = func() catalog.Target {
	t := catalog.NewStreamTarget("typescript", optionsSchema, ReadOptions, Stream)
	t.Handle = handle
	return t
}()

var (
	npmName = regexp.MustCompile(`^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$`)
	semver  = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)
)

// ReadOptions reads output.typescript. Both forms are on unless forms
// lists fewer.
func ReadOptions(t *catalog.TargetConfig) (Options, error) {
	o := t.Options([]string{"package", "version", "forms"}, []string{"package", "version"})
	ts := Options{Dir: t.Dir, Enum: true, Const: true}
	if s, ok := o.String("package"); ok {
		if !npmName.MatchString(s) || len(s) > 214 {
			o.Errorf(o.Pos("package"), "use a lower-case npm name such as @acme/codes", "npm package name %q is not valid", s)
		}
		ts.PackageName = s
	}
	if s, ok := o.String("version"); ok {
		if !semver.MatchString(s) {
			o.Errorf(o.Pos("version"), "use a semantic version such as 1.0.0 (quote it)", "version %q is not a semantic version", s)
		}
		ts.Version = s
	}
	if forms, ok := o.Strings("forms", "a TypeScript form"); ok {
		ts.Enum, ts.Const = false, false
		for _, f := range forms {
			switch f.Value {
			case "enum":
				ts.Enum = true
			case "const":
				ts.Const = true
			default:
				o.Errorf(f.Pos, "use enum, const or both", "unknown TypeScript form %q", f.Value)
			}
		}
		if !ts.Enum && !ts.Const {
			o.Errorf(o.Pos("forms"), "list enum, const or both", "output.typescript.forms selects no form")
		}
	}
	return ts, o.Err()
}
