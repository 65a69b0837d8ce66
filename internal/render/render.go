// Package render runs the emitter of every target a catalog turns on and
// returns all files in memory; nothing is written here.
package render

import (
	"fmt"
	"slices"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/parallel"
	"github.com/errgen/errgen/internal/typescript"
)

// Targets is errgen's target registry, in the order targets render. The
// loader checks codes.yaml's output section against it, the JSON Schema's
// output properties come from it, and Render runs it. A new target is a
// package that exports a catalog.Target, plus one line here.
var Targets = []catalog.Target{
	golang.Target,
	openapi.Target,
	typescript.Target,
	markdown.Target,
}

// Render emits every target of targets that c turns on. Paths in the
// result are relative to the catalog's root. The emitters share nothing
// but the read-only catalog, so they run at once; their files are joined
// in registry order, so the result does not depend on scheduling. It fails
// if any target fails, or if c turns on a target the registry lacks: a
// partial set is never returned, so nothing partial can be written.
func Render(c *catalog.Catalog, targets []catalog.Target) ([]output.File, error) {
	for _, cfg := range c.Output.Targets {
		if !slices.ContainsFunc(targets, func(t catalog.Target) bool { return t.Name == cfg.Name }) {
			return nil, fmt.Errorf("%s: errgen has no target %q", cfg.Pos, cfg.Name)
		}
	}
	type job struct {
		t   catalog.Target
		cfg *catalog.TargetConfig
	}
	var jobs []job
	for _, t := range targets {
		if cfg := c.Output.Target(t.Name); cfg != nil {
			jobs = append(jobs, job{t, cfg})
		}
	}
	results := make([][]output.File, len(jobs))
	errs := make([]error, len(jobs))
	parallel.For(len(jobs), len(jobs), func(i int) {
		results[i], errs[i] = jobs[i].t.Emit(c, jobs[i].cfg)
	})
	var all []output.File
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s target: %w", j.t.Name, errs[i])
		}
		all = append(all, results[i]...)
	}
	return all, nil
}
