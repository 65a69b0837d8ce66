package catalog

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// output reads the output section. Every key but dir turns a target on;
// the catalog reads each target's dir and leaves its other keys to the
// target (see Target), which r.targets checks when the load was given
// the registry.
func (r *reader) output(n *yaml.Node) Output {
	out := Output{Dir: "out", Pos: r.pos(n)}
	var allowed []string // nil: any target name
	if r.targets != nil {
		allowed = []string{"dir"}
		for _, t := range r.targets {
			allowed = append(allowed, t.Name)
		}
	}
	f, ok := r.mapping(n, "output", allowed, nil)
	if !ok {
		return out
	}
	// Target folders are checked against output.dir only when it is valid
	// or absent: a bad output.dir is one problem, not one per target.
	root := fmt.Sprintf("%q (the default output.dir)", out.Dir)
	if v := f.get("dir"); v != nil {
		if d, ok := r.localPath(v, "output.dir"); ok {
			out.Dir, root = d, fmt.Sprintf("output.dir %q", d)
		} else {
			root = ""
		}
	}
	for i := 0; i+1 < len(f.node.Content); i += 2 {
		k := f.node.Content[i]
		if k.Value == "dir" || f.keys[k.Value] != k {
			continue // output.dir, or a key already reported
		}
		t := &TargetConfig{Name: k.Value, Pos: r.pos(k), node: f.get(k.Value), file: r.file}
		t.Dir = r.targetDir(t, out.Dir, root)
		out.Targets = append(out.Targets, t)
		if i := slices.IndexFunc(r.targets, func(s Target) bool { return s.Name == t.Name }); i >= 0 {
			t.target = &r.targets[i]
			if t.target.Check != nil {
				r.add(t.Pos, t.target.Check(t))
			}
		}
	}
	r.checkTargetDirs(out)
	return out
}

// targetDir reads output.<name>.dir, which every target has: a folder
// inside output.dir (root), named for messages by rootName, which is empty
// when output.dir itself is wrong.
func (r *reader) targetDir(t *TargetConfig, root, rootName string) string {
	what := "output." + t.Name
	n := resolve(t.node)
	if n.Kind != yaml.MappingNode {
		r.errorf(r.pos(n), "write it as `key: value` lines", "%s must be a mapping, not %s", what, describe(n))
		return ""
	}
	var v *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "dir" && v == nil {
			v = n.Content[i+1]
		}
	}
	if v == nil {
		r.errorf(r.pos(n), "add `dir: …`", "%s is missing the required key %q", what, "dir")
		return ""
	}
	d, ok := r.localPath(v, what+".dir")
	if ok && rootName != "" && d != root && !strings.HasPrefix(d, root+"/") {
		r.errorf(r.pos(v), "put it under "+root+"/, the only folder errgen writes to", "%s.dir %q lies outside %s", what, d, rootName)
	}
	return d
}

// add records the problems a target found in its options; an error that
// is not Diagnostics is reported at pos.
func (r *reader) add(pos Pos, err error) {
	if err == nil {
		return
	}
	var ds Diagnostics
	if errors.As(err, &ds) {
		r.diags = append(r.diags, ds...)
		return
	}
	r.errorf(pos, "", "%v", err)
}

// localPath reads a slash-separated path that must stay inside the project
// root: errgen never writes or reads outside it.
func (r *reader) localPath(n *yaml.Node, what string) (string, bool) {
	s, ok := r.str(n, what)
	if !ok {
		return "", false
	}
	clean := path.Clean(s)
	if s == "" || !filepath.IsLocal(filepath.FromSlash(clean)) || strings.Contains(s, "\\") || clean == "." {
		r.errorf(r.pos(n), "use a relative folder inside the project, such as out/go", "%s %q escapes the project root", what, s)
		return "", false
	}
	return clean, true
}

// checkTargetDirs keeps targets out of each other's folders, since each
// target owns its folder's generated files.
func (r *reader) checkTargetDirs(out Output) {
	for i, a := range out.Targets {
		for _, b := range out.Targets[:i] {
			if a.Dir == "" || b.Dir == "" {
				continue
			}
			if a.Dir == b.Dir || strings.HasPrefix(a.Dir, b.Dir+"/") || strings.HasPrefix(b.Dir, a.Dir+"/") {
				r.errorf(r.pos(a.node), "give each target its own folder", "output.%s.dir %q overlaps output.%s.dir %q", a.Name, a.Dir, b.Name, b.Dir)
			}
		}
	}
}

// RequireTargets reports a catalog that turns no target on: generating it
// would write nothing and succeed, which hides a forgotten output section.
func (c *Catalog) RequireTargets() error {
	if len(c.Output.Targets) > 0 {
		return nil
	}
	pos, what := c.Output.Pos, "the output section turns no target on, so there is nothing to generate"
	if pos.Line == 0 {
		pos, what = Pos{File: c.Path, Line: 1, Column: 1}, "the catalog has no output section, so there is nothing to generate"
	}
	return Diagnostics{{Pos: pos, Severity: SeverityError, Message: what,
		Hint: "add an output section with at least one target, such as go, openapi, typescript or markdown (errgen init writes one)"}}
}
