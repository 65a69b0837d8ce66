package markdown

import (
	_ "embed"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// Options are the settings of output.markdown.
type Options struct {
	Dir string // the docs' folder, relative to the catalog's root
	// Templates is a folder (relative to the catalog's root) whose files
	// replace the embedded templates of the same name; "" uses the
	// embedded ones only.
	Templates   string
	FrontMatter bool
}

//go:embed options.schema.json
var optionsSchema []byte

// Target is the Markdown target's entry in the registry, a target of
// many files. It opens the override folder, so that Emit itself stays
// free of disk access.
var Target = func() catalog.Target {
	t := catalog.NewStreamTarget("markdown", optionsSchema, ReadOptions, func(c *catalog.Catalog, o Options, put func(output.File) error) error {
		var overrides fs.FS
		if o.Templates != "" {
			overrides = os.DirFS(filepath.Join(c.Root, filepath.FromSlash(o.Templates)))
		}
		return Stream(c, o, overrides, put)
	})
	t.ManyFiles = true
	return t
}()

// ReadOptions reads output.markdown.
func ReadOptions(t *catalog.TargetConfig) (Options, error) {
	o := t.Options([]string{"templates", "front_matter"}, nil)
	opts := Options{Dir: t.Dir}
	opts.Templates, _ = o.Path("templates")
	opts.FrontMatter, _ = o.Bool("front_matter")
	return opts, o.Err()
}
