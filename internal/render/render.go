// Package render runs every enabled target's emitter over a catalog and
// returns all files in memory; nothing is written here.
package render

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/parallel"
	"github.com/errgen/errgen/internal/typescript"
)

// Target is one emitter, named as in codes.yaml's output section.
type Target struct {
	Name string
	Emit func(*catalog.Catalog) ([]output.File, error)
}

// Targets lists the enabled targets of c in a fixed order. The Markdown
// target's override folder is opened here, at the edge, so the emitter
// itself stays free of disk access.
func Targets(c *catalog.Catalog) []Target {
	var ts []Target
	if c.Output.Go != nil {
		ts = append(ts, Target{"go", golang.Emit})
	}
	if c.Output.OpenAPI != nil {
		ts = append(ts, Target{"openapi", openapi.Emit})
	}
	if c.Output.TypeScript != nil {
		ts = append(ts, Target{"typescript", typescript.Emit})
	}
	if m := c.Output.Markdown; m != nil {
		var overrides fs.FS
		if m.Templates != "" {
			overrides = os.DirFS(filepath.Join(c.Root, filepath.FromSlash(m.Templates)))
		}
		ts = append(ts, Target{"markdown", func(c *catalog.Catalog) ([]output.File, error) {
			return markdown.Emit(c, overrides)
		}})
	}
	return ts
}

// Render emits every enabled target. Paths in the result are relative to
// the catalog's root. It fails if any target fails: a partial set is never
// returned, so nothing partial can be written.
func Render(c *catalog.Catalog) ([]output.File, error) {
	return RenderTargets(c, Targets(c))
}

// RenderTargets is Render over an explicit target list. The emitters share
// nothing but the read-only catalog, so they run at once; their files are
// joined in target order, so the result does not depend on scheduling.
func RenderTargets(c *catalog.Catalog, targets []Target) ([]output.File, error) {
	results := make([][]output.File, len(targets))
	errs := make([]error, len(targets))
	parallel.For(len(targets), len(targets), func(i int) {
		results[i], errs[i] = targets[i].Emit(c)
	})
	var all []output.File
	for i, t := range targets {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s target: %w", t.Name, errs[i])
		}
		all = append(all, results[i]...)
	}
	return all, nil
}
