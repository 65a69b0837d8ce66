package catalog

import (
	"go/token"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

var (
	npmName = regexp.MustCompile(`^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$`)
	semver  = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)
)

func (r *reader) output(n *yaml.Node) Output {
	out := Output{Dir: "out"}
	f, ok := r.mapping(n, "output", []string{"dir", "go", "openapi", "typescript", "markdown"}, nil)
	if !ok {
		return out
	}
	if v := f.get("dir"); v != nil {
		if d, ok := r.localPath(v, "output.dir"); ok {
			out.Dir = d
		}
	}
	dir := func(f fields, what string) string {
		v := f.get("dir")
		if v == nil {
			return ""
		}
		d, ok := r.localPath(v, what+".dir")
		if ok && d != out.Dir && !strings.HasPrefix(d, out.Dir+"/") {
			r.errorf(r.pos(v), "put it under "+out.Dir+"/, the only folder errgen writes to", "%s.dir %q lies outside output.dir %q", what, d, out.Dir)
		}
		return d
	}
	if v := f.get("go"); v != nil {
		if g, ok := r.mapping(v, "output.go", []string{"dir", "package"}, []string{"dir", "package"}); ok {
			out.Go = &GoTarget{Dir: dir(g, "output.go")}
			if p := g.get("package"); p != nil {
				if s, ok := r.str(p, "output.go.package"); ok {
					if !token.IsIdentifier(s) || s != strings.ToLower(s) {
						r.errorf(r.pos(p), "use a short lower-case Go identifier such as codes", "Go package name %q is not a valid package name", s)
					}
					out.Go.Package = s
				}
			}
		}
	}
	if v := f.get("openapi"); v != nil {
		if o, ok := r.mapping(v, "output.openapi", []string{"dir", "title", "version"}, []string{"dir", "title", "version"}); ok {
			out.OpenAPI = &OpenAPITarget{Dir: dir(o, "output.openapi")}
			out.OpenAPI.Title = r.optionalString(o.get("title"), "output.openapi.title")
			out.OpenAPI.Version = r.optionalString(o.get("version"), "output.openapi.version")
		}
	}
	if v := f.get("typescript"); v != nil {
		out.TypeScript = r.typescript(v, dir)
	}
	if v := f.get("markdown"); v != nil {
		if m, ok := r.mapping(v, "output.markdown", []string{"dir", "templates", "front_matter"}, []string{"dir"}); ok {
			out.Markdown = &MarkdownTarget{Dir: dir(m, "output.markdown")}
			if t := m.get("templates"); t != nil {
				out.Markdown.Templates, _ = r.localPath(t, "output.markdown.templates")
			}
			if fm := m.get("front_matter"); fm != nil {
				out.Markdown.FrontMatter, _ = r.boolean(fm, "output.markdown.front_matter")
			}
		}
	}
	r.checkTargetDirs(f, out)
	return out
}

func (r *reader) typescript(n *yaml.Node, dir func(fields, string) string) *TypeScriptTarget {
	f, ok := r.mapping(n, "output.typescript", []string{"dir", "package", "version", "forms"}, []string{"dir", "package", "version"})
	if !ok {
		return nil
	}
	ts := &TypeScriptTarget{Dir: dir(f, "output.typescript"), Enum: true, Const: true}
	if v := f.get("package"); v != nil {
		if s, ok := r.str(v, "output.typescript.package"); ok {
			if !npmName.MatchString(s) || len(s) > 214 {
				r.errorf(r.pos(v), "use a lower-case npm name such as @acme/codes", "npm package name %q is not valid", s)
			}
			ts.PackageName = s
		}
	}
	if v := f.get("version"); v != nil {
		if s, ok := r.str(v, "output.typescript.version"); ok {
			if !semver.MatchString(s) {
				r.errorf(r.pos(v), "use a semantic version such as 1.0.0 (quote it)", "version %q is not a semantic version", s)
			}
			ts.Version = s
		}
	}
	if v := f.get("forms"); v != nil {
		ts.Enum, ts.Const = false, false
		for _, item := range r.sequence(v, "output.typescript.forms") {
			s, ok := r.str(item, "a TypeScript form")
			switch {
			case !ok:
			case s == "enum":
				ts.Enum = true
			case s == "const":
				ts.Const = true
			default:
				r.errorf(r.pos(item), "use enum, const or both", "unknown TypeScript form %q", s)
			}
		}
		if !ts.Enum && !ts.Const {
			r.errorf(r.pos(v), "list enum, const or both", "output.typescript.forms selects no form")
		}
	}
	return ts
}

func (r *reader) optionalString(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	s, _ := r.str(n, what)
	return s
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
func (r *reader) checkTargetDirs(f fields, out Output) {
	dirs := out.TargetDirs()
	for i, a := range dirs {
		for _, b := range dirs[:i] {
			if a.Dir == b.Dir || strings.HasPrefix(a.Dir, b.Dir+"/") || strings.HasPrefix(b.Dir, a.Dir+"/") {
				r.errorf(r.pos(f.get(a.Target)), "give each target its own folder", "output.%s.dir %q overlaps output.%s.dir %q", a.Target, a.Dir, b.Target, b.Dir)
			}
		}
	}
}

// TargetDir is the folder of one enabled target.
type TargetDir struct {
	Target string // go, openapi, typescript, markdown
	Dir    string
}

// TargetDirs lists the folders of the enabled targets, in a fixed order.
func (o Output) TargetDirs() []TargetDir {
	var dirs []TargetDir
	if o.Go != nil {
		dirs = append(dirs, TargetDir{"go", o.Go.Dir})
	}
	if o.OpenAPI != nil {
		dirs = append(dirs, TargetDir{"openapi", o.OpenAPI.Dir})
	}
	if o.TypeScript != nil {
		dirs = append(dirs, TargetDir{"typescript", o.TypeScript.Dir})
	}
	if o.Markdown != nil {
		dirs = append(dirs, TargetDir{"markdown", o.Markdown.Dir})
	}
	return dirs
}
