// Package render runs the emitter of every target a catalog turns on and
// hands each file on as it is rendered: into memory (Render), or into the
// output folder, compared and staged file by file (Commit).
package render

import (
	"errors"
	"slices"
	"sync/atomic"

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

// Render emits every target of targets that c turns on into memory.
// Paths in the result are relative to the catalog's root, sorted. It
// fails if any target fails, or if c turns on a target the registry lacks.
func Render(c *catalog.Catalog, targets []catalog.Target) ([]output.File, error) {
	return output.Collect(func(put func(output.File) error) error { return Stream(c, targets, put) })
}

// Stream runs every target of targets that c turns on and passes each
// file to put as it is rendered, from several goroutines: the emitters
// share nothing but the read-only catalog, so they run at once, and the
// order of calls depends on scheduling. After the first error, from a
// target or from put, the other targets stop at their next file. The
// error is catalog.Diagnostics with the problems of every target that
// failed rather than stopped; a problem without a position of its own is
// put at the target's key in output, so every error prints as
// file:line:col.
func Stream(c *catalog.Catalog, targets []catalog.Target, put func(output.File) error) error {
	var diags catalog.Diagnostics
	for _, cfg := range c.Output.Targets {
		if !slices.ContainsFunc(targets, func(t catalog.Target) bool { return t.Name == cfg.Name }) {
			diags = append(diags, catalog.Errorf(cfg.Pos, "", "errgen has no target %q", cfg.Name))
		}
	}
	if len(diags) > 0 {
		return diags
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
	errs := make([]error, len(jobs))
	var failed atomic.Bool
	guarded := func(f output.File) error {
		if failed.Load() {
			return errStopped
		}
		err := put(f)
		if err != nil {
			failed.Store(true)
		}
		return err
	}
	// A target of many small files (Target.ManyFiles) runs beside the
	// others. In a large catalog the targets that build their files whole
	// in memory run one after another, so that only one of them
	// holds its files at a time, and while the docs stream on every core
	// they are not the longest path anyway; in a small one they are, and
	// run at once.
	var groups [][]int
	var whole []int
	for i, j := range jobs {
		if j.t.ManyFiles || codes(c) < serialFrom {
			groups = append(groups, []int{i})
		} else {
			whole = append(whole, i)
		}
	}
	if len(whole) > 0 {
		groups = append(groups, whole)
	}
	parallel.For(len(groups), len(groups), func(g int) {
		for _, i := range groups[g] {
			// Even after a failure each target runs, up to its first
			// file, so that every target's own problems are reported.
			errs[i] = stream(c, jobs[i].t, jobs[i].cfg, guarded)
			if errs[i] != nil {
				failed.Store(true)
			}
		}
	})
	for i, j := range jobs {
		if errs[i] != nil && !errors.Is(errs[i], errStopped) {
			diags = append(diags, catalog.Collect(errs[i], j.cfg.Pos, j.t.Name+" target: ")...)
		}
	}
	if len(diags) > 0 {
		diags.Sort()
		return diags
	}
	return nil
}

var errStopped = errors.New("stopped: another target failed")

func codes(c *catalog.Catalog) int {
	n := 0
	for _, t := range c.Tables {
		n += len(t.Codes)
	}
	return n
}

// serialFrom is the number of codes from which the targets that build
// whole files run one after another.
const serialFrom = 2000

// stream runs one target, through its Stream when it has one.
func stream(c *catalog.Catalog, t catalog.Target, cfg *catalog.TargetConfig, put func(output.File) error) error {
	if t.Stream != nil {
		return t.Stream(c, cfg, put)
	}
	files, err := t.Emit(c, cfg)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := put(f); err != nil {
			return err
		}
	}
	return nil
}

// Commit renders the targets c turns on and streams each file, as it is
// rendered, into the output folder: staged beside its target when write
// is set, else only compared (the changes then keep their bytes, for a
// diff). Nothing changes on disk unless every target succeeds and no
// file is in the way. n is the number of files rendered.
func Commit(c *catalog.Catalog, targets []catalog.Target, write bool) (changes []output.Change, n int, err error) {
	var co *output.Commit
	if write {
		co, err = output.Begin(c.Root, c.Output.Dir)
	} else {
		co, err = output.Compare(c.Root, c.Output.Dir)
	}
	if err != nil {
		return nil, 0, err
	}
	var count atomic.Int64
	err = Stream(c, targets, func(f output.File) error {
		count.Add(1)
		return co.Put(f)
	})
	if err != nil {
		co.Abort()
		return nil, 0, err
	}
	changes, err = co.Finish()
	return changes, int(count.Load()), err
}
