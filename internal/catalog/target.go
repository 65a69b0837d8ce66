package catalog

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/output"
)

// Target is one entry of errgen's target registry (render.Targets): what
// the loader, the JSON Schema and the renderer need to know of an output.
// The catalog names no target; a target lives in its own package.
type Target struct {
	// Name is the target's key under output: in codes.yaml.
	Name string
	// Schema is the JSON Schema of output.<Name>, an object whose dir is
	// the target's folder inside output.dir (the catalog checks that).
	Schema []byte
	// Check reports the problems of the target's options as Diagnostics.
	Check func(*TargetConfig) error
	// Emit renders the target's files. It is called only for a target
	// the catalog turns on, with that target's configuration.
	Emit func(*Catalog, *TargetConfig) ([]output.File, error)
	// Stream, when set, renders the same files as Emit but passes each
	// to put as soon as it is rendered, from any goroutine, stopping at
	// put's first error: a target of many files needs never hold them all.
	Stream func(c *Catalog, t *TargetConfig, put func(output.File) error) error
	// ManyFiles marks a target of many small files (the docs): it renders
	// beside the others even in a large catalog, where the rest, a few
	// files each that grow with the catalog, render one after another so
	// that only one holds its files at a time.
	ManyFiles bool
	// Handle, when set, says how a program in the target's language
	// handles a code: the docs show it on the code's page. It reads the
	// target's options once and returns the snippet of each code, nil for
	// a code the target's language has nothing to do with. The snippet
	// must use the very names the target emits: a test compiles them.
	Handle func(*Catalog, *TargetConfig) (func(*Code) *Snippet, error)
}

// Snippet is a few lines that handle one code in a target's language.
type Snippet struct {
	Name   string // the language, for a heading: Go, TypeScript
	Lang   string // the info string of a fenced code block: go, ts
	Source string // without a final line feed
}

// Handlers returns the Handle of every target the catalog turns on that has
// one, in the order of the output section. Only a catalog loaded with the
// registry knows its targets' entries: loaded without, it has none.
func (c *Catalog) Handlers() ([]func(*Code) *Snippet, error) {
	var hs []func(*Code) *Snippet
	for _, tc := range c.Output.Targets {
		if tc.target == nil || tc.target.Handle == nil {
			continue
		}
		h, err := tc.target.Handle(c, tc)
		if err != nil {
			return nil, err
		}
		hs = append(hs, h)
	}
	return hs, nil
}

// EmitFor renders the target with the configuration c gives it. A target
// that is off is never emitted: asking for one is an error.
func (t Target) EmitFor(c *Catalog) ([]output.File, error) {
	cfg := c.Output.Target(t.Name)
	if cfg == nil {
		return nil, fmt.Errorf("%s: the %s target is off (output.%s is absent)", c.Path, t.Name, t.Name)
	}
	return t.Emit(c, cfg)
}

// NewTarget builds a registry entry from a target's typed options: read
// decodes and checks them, emit renders with them.
func NewTarget[O any](name string, schema []byte, read func(*TargetConfig) (O, error), emit func(*Catalog, O) ([]output.File, error)) Target {
	return Target{
		Name:   name,
		Schema: schema,
		Check: func(t *TargetConfig) error {
			_, err := read(t)
			return err
		},
		Emit: func(c *Catalog, t *TargetConfig) ([]output.File, error) {
			o, err := read(t)
			if err != nil {
				return nil, err
			}
			return emit(c, o)
		},
	}
}

// NewStreamTarget is NewTarget for a target that streams its files; its
// Emit collects them, sorted by path.
func NewStreamTarget[O any](name string, schema []byte, read func(*TargetConfig) (O, error), stream func(*Catalog, O, func(output.File) error) error) Target {
	t := NewTarget(name, schema, read, func(c *Catalog, o O) ([]output.File, error) {
		return output.Collect(func(put func(output.File) error) error { return stream(c, o, put) })
	})
	t.Stream = func(c *Catalog, tc *TargetConfig, put func(output.File) error) error {
		o, err := read(tc)
		if err != nil {
			return err
		}
		return stream(c, o, put)
	}
	return t
}

// TargetConfig is output.<Name> of a catalog: a target turned on, with its
// folder. Its other keys are the target's own options, which the target
// reads with Options.
type TargetConfig struct {
	Name string
	Dir  string // relative to the catalog's Root, inside Output.Dir
	Pos  Pos    // of the key

	node   *yaml.Node
	file   string
	target *Target // the registry's entry, when Load was given the registry
}

// Target returns the configuration of the target called name, or nil
// when the catalog does not turn it on.
func (o Output) Target(name string) *TargetConfig {
	if i := slices.IndexFunc(o.Targets, func(t *TargetConfig) bool { return t.Name == name }); i >= 0 {
		return o.Targets[i]
	}
	return nil
}

// Options starts reading the target's own keys: allowed are the keys it
// knows besides dir, required those it cannot do without. Unknown and
// missing keys are reported at once; Err returns every problem.
func (t *TargetConfig) Options(allowed, required []string) *Options {
	o := &Options{r: &reader{reporter: &reporter{file: t.file}}, what: "output." + t.Name, at: t.Pos}
	if t.node == nil {
		for _, k := range required {
			o.r.errorf(t.Pos, "add `"+k+": …`", "%s is missing the required key %q", o.what, k)
		}
		return o
	}
	o.f, _ = o.r.mapping(t.node, o.what, append([]string{"dir"}, allowed...), required)
	return o
}

// Options reads a target's options, keeping every problem with its
// position. A getter's ok is false when the key is absent or its value has
// the wrong type (which is reported).
type Options struct {
	r    *reader
	f    fields
	what string
	at   Pos // the target's
}

// Item is a string of a list, with its position.
type Item struct {
	Value string
	Pos   Pos
}

func (o *Options) get(key string) *yaml.Node {
	if o.f.values == nil {
		return nil
	}
	return o.f.get(key)
}

// Pos returns the position of key's value, or of the target when absent.
func (o *Options) Pos(key string) Pos {
	if n := o.get(key); n != nil {
		return o.r.pos(n)
	}
	return o.at
}

// String reads a string.
func (o *Options) String(key string) (string, bool) {
	n := o.get(key)
	if n == nil {
		return "", false
	}
	return o.r.str(n, o.what+"."+key)
}

// Bool reads true or false.
func (o *Options) Bool(key string) (bool, bool) {
	n := o.get(key)
	if n == nil {
		return false, false
	}
	return o.r.boolean(n, o.what+"."+key)
}

// Path reads a slash-separated folder inside the project.
func (o *Options) Path(key string) (string, bool) {
	n := o.get(key)
	if n == nil {
		return "", false
	}
	return o.r.localPath(n, o.what+"."+key)
}

// Strings reads a list of strings; item names one in messages.
func (o *Options) Strings(key, item string) ([]Item, bool) {
	n := o.get(key)
	if n == nil {
		return nil, false
	}
	if resolve(n).Kind != yaml.SequenceNode {
		o.r.sequence(n, o.what+"."+key) // reports the type
		return nil, false
	}
	var items []Item
	for _, v := range o.r.sequence(n, o.what+"."+key) {
		if s, ok := o.r.str(v, item); ok {
			items = append(items, Item{s, o.r.pos(v)})
		}
	}
	return items, true
}

// Errorf reports a problem at pos, with a hint of what to do.
func (o *Options) Errorf(pos Pos, hint, format string, args ...any) {
	o.r.errorf(pos, hint, format, args...)
}

// Err returns every problem found, as Diagnostics, or nil.
func (o *Options) Err() error {
	if len(o.r.diags) == 0 {
		return nil
	}
	o.r.diags.Sort()
	return o.r.diags
}
