// Package markdown renders the catalog as Markdown docs, one tree per
// language, as the text/template files of package templates define them:
// the built-in writer (builtin.go) writes their pages byte for byte, and a
// team's own folder may replace any template by name, which is then
// executed.
//
// Per language tag the tree holds
//
//	{lang}/_index.md                the tables and how to read an error response
//	{lang}/{table}/_index.md        the table: its parts, categories and reserved numbers
//	{lang}/{table}/{first}-{last}.md  one part: a GFM table with a row per code, at most PartSize
//	{lang}/{table}/{number}.md      one code, served at catalog.DocsPath
//
// plus _index.md, a landing page listing the languages, and site.json, the
// languages and tables with their site paths for the docs site's navigation
// and each language's search-box words (errgen site reads the same, Manifest). No page lists
// every code, so page sizes do not grow with the catalog.
//
// Every template gets a *Page; the functions in funcs escape catalog text.
// Every file carries output.Marker in an HTML comment, after the front
// matter when there is some.
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/parallel"
	"github.com/errgen/errgen/templates"
)

// The templates Emit renders; their names are the files' names.
const (
	rootTemplate        = "root.md.tmpl"
	indexTemplate       = "index.md.tmpl"
	tableTemplate       = "table.md.tmpl"
	partTemplate        = "part.md.tmpl"
	codeTemplate        = "code.md.tmpl"
	typeTemplate        = "type.md.tmpl"
	frontMatterTemplate = "frontmatter.md.tmpl"
)

// markerLine is the generated-file marker as Markdown shows it: not at all.
const markerLine = "<!-- " + output.Marker + " -->\n"

// Emit renders the docs of c into memory, sorted by path; see Stream.
func Emit(c *catalog.Catalog, target Options, overrides fs.FS) ([]output.File, error) {
	return output.Collect(func(put func(output.File) error) error { return Stream(c, target, overrides, put) })
}

// Stream renders the docs of c and passes each file to put as it is
// rendered, from several goroutines. overrides is the folder named by
// target.Templates (nil when it names none); each file there replaces the
// embedded template of the same name. Paths lie under target.Dir. Stream
// touches no disk.
func Stream(c *catalog.Catalog, target Options, overrides fs.FS, put func(output.File) error) error {
	return stream(c, target, overrides, put, false)
}

// stream is Stream; with templates set it executes every template, even
// those the built-in writer writes.
func stream(c *catalog.Catalog, target Options, overrides fs.FS, put func(output.File) error, templates bool) error {
	set, err := catalogTemplates(c, target, overrides)
	if err != nil {
		return err
	}

	lay, err := newLayout(c)
	if err != nil {
		return err
	}
	r := &renderer{catalog: c, set: set, frontMatter: target.FrontMatter, layout: lay, templates: templates}
	r.def = c.Languages[0]
	for _, l := range c.Languages {
		if l.Tag == c.Default {
			r.def = l
		}
	}
	// The site manifest goes first: it is the largest single file, and
	// the pages render beside it. Then the landing page, each language's
	// pages, and the page at each code's problem type URI.
	jobs := []job{{kind: siteJob}, {kind: rootJob}}
	for i := range c.Languages {
		jobs = append(jobs, job{kind: indexJob, lang: i})
		for j, t := range c.Tables {
			jobs = append(jobs, job{kind: tableJob, lang: i, table: j})
			for k := range r.layout.parts[t] {
				jobs = append(jobs, job{kind: partJob, lang: i, table: j, k: k})
			}
			for k := range t.Codes {
				jobs = append(jobs, job{kind: codeJob, lang: i, table: j, k: k})
			}
		}
	}
	for j, t := range c.Tables {
		for k := range t.Codes {
			jobs = append(jobs, job{kind: typeJob, table: j, k: k})
		}
	}
	return renderAll(jobs, r, target.Dir, put)
}

// catalogTemplates loads the templates for c's pages and checks that
// they give every language of c its labels.
func catalogTemplates(c *catalog.Catalog, target Options, overrides fs.FS) (*templateSet, error) {
	if len(c.Languages) == 0 {
		return nil, fmt.Errorf("markdown: the catalog has no language")
	}
	if target.Templates != "" && overrides == nil {
		return nil, fmt.Errorf("markdown: output.markdown.templates names %s, but no folder was given to Emit", target.Templates)
	}
	set, err := loadTemplates(overrides, target.Templates)
	if err != nil {
		return nil, err
	}
	for _, l := range c.Languages {
		if _, ok := set.labels[l.Tag]; !ok {
			return nil, fmt.Errorf("markdown: %s has no labels for language %s; add them to your own labels.yaml, a copy of errgen's templates/labels.yaml, in the folder output.markdown.templates names", set.labelsFile, l.Tag)
		}
	}
	return set, nil
}

// job is one file of the docs folder: a kind of page, and the language,
// table and part or code it is of. A job is a value, made into its page
// only when it runs: there are a few per code, all listed before the
// first runs, so each must be small.
type job struct {
	kind           jobKind
	lang, table, k int // indexes: c.Languages, c.Tables, the table's parts or codes
}

type jobKind uint8

const (
	siteJob jobKind = iota
	rootJob
	indexJob
	tableJob
	partJob
	codeJob
	typeJob
)

// run renders a job's file and returns its path, relative to the docs
// folder.
func (r *renderer) run(j job) (string, []byte, error) {
	c := r.catalog
	if j.kind == siteJob {
		data, err := siteManifest(c, r.set.labels)
		return "site.json", data, err
	}
	l := r.def
	if j.kind != rootJob && j.kind != typeJob {
		l = c.Languages[j.lang]
	}
	p := r.page(l)
	var tmpl string
	var t *catalog.Table
	if j.kind >= tableJob {
		t = c.Tables[j.table]
	}
	switch j.kind {
	case rootJob:
		tmpl = rootTemplate
		p.Path, p.Slug, p.Title, p.Weight = rootPath, "/", p.L.Title, 0
	case indexJob:
		tmpl = indexTemplate
		p.Path, p.Slug, p.Title, p.Weight = indexPath(l.Tag), "/"+l.Tag+"/", p.L.Title, j.lang+1
	case tableJob:
		tmpl = tableTemplate
		p.Table = t
		p.Path, p.Slug, p.Title, p.Weight = tablePath(t, l.Tag), "/"+l.Tag+"/"+string(t.Kind)+"/", t.Title.Get(l.Tag), j.table+1
	case partJob:
		tmpl = partTemplate
		part := r.layout.parts[t][j.k]
		p.Table, p.Part = t, part
		p.Path, p.Slug, p.Weight = partPath(part, l.Tag), "/"+l.Tag+"/"+string(t.Kind)+"/"+part.Name()+"/", len(t.Codes)+j.k+1
		p.Title = t.Title.Get(l.Tag) + " " + strconv.Itoa(part.First) + " – " + strconv.Itoa(part.Last)
	case codeJob:
		tmpl = codeTemplate
		code := t.Codes[j.k]
		p.Table, p.Part, p.Code = t, r.layout.partOf[code], code
		p.Path, p.Slug, p.Weight = codePath(code, l.Tag), catalog.DocsPath(code, l.Tag), j.k+1
		p.Title = strconv.Itoa(code.Number) + " " + code.ID
	case typeJob:
		tmpl = typeTemplate
		code := t.Codes[j.k]
		p.Table, p.Code, p.Layout = t, code, "neutral"
		p.Path, p.Slug, p.Weight = typePath(code), "/"+string(t.Kind)+"/"+strconv.Itoa(code.Number), j.k+1
		p.Title = strconv.Itoa(code.Number) + " " + code.ID
	}
	data, err := r.render(tmpl, p)
	return p.Path, data, err
}

type renderer struct {
	catalog     *catalog.Catalog
	set         *templateSet
	frontMatter bool
	layout      *layout
	// templates renders every page through text/template, as the
	// byte-identity test of the built-in writer needs.
	templates bool
	// def is the default language, of the landing and problem type pages.
	def catalog.Language
}

func (r *renderer) page(l catalog.Language) *Page {
	return &Page{Catalog: r.catalog, Lang: l, Languages: r.catalog.Languages, L: r.set.labels[l.Tag], layout: r.layout}
}

// renderAll renders the files on every CPU and passes each to put. After
// the first failure no further job starts; the error reported is the
// first in job order (every job before a failed one had started).
func renderAll(jobs []job, r *renderer, dir string, put func(output.File) error) error {
	var (
		mu       sync.Mutex
		first    = len(jobs) // the first failed job
		firstErr error
		failed   atomic.Bool
	)
	parallel.For(len(jobs), runtime.GOMAXPROCS(0), func(i int) {
		if failed.Load() {
			return
		}
		p, data, err := r.run(jobs[i])
		if err == nil {
			err = put(output.File{Path: path.Join(dir, p), Data: data})
		}
		if err != nil {
			mu.Lock()
			if i < first {
				first, firstErr = i, err
			}
			mu.Unlock()
			failed.Store(true)
		}
	})
	return firstErr
}

// render writes one page, with the front matter (when on) and the marker
// above it.
func (r *renderer) render(name string, p *Page) ([]byte, error) {
	w := writers.Get().(*pageWriter)
	w.Reset()
	defer writers.Put(w)
	if r.frontMatter {
		if err := r.write(w, frontMatterTemplate, p); err != nil {
			return nil, fmt.Errorf("markdown: rendering the front matter of %s: %w", p.Path, err)
		}
		if !bytes.HasSuffix(w.Bytes(), []byte("\n")) {
			w.WriteByte('\n')
		}
	}
	w.WriteString(markerLine)
	w.WriteByte('\n')
	if err := r.write(w, name, p); err != nil {
		return nil, fmt.Errorf("markdown: rendering %s: %w", p.Path, err)
	}
	return bytes.Clone(tidy(w.Bytes())), nil
}

// writers are the buffers pages are written in, reused: a page is small
// and there are many, so a fresh buffer each would be most of what a
// generate allocates.
var writers = sync.Pool{New: func() any { return new(pageWriter) }}

// write writes one template's part of a page: by the built-in writer,
// unless the team overrides that template (or a test asks for the
// templates).
func (r *renderer) write(w *pageWriter, name string, p *Page) error {
	if r.templates || r.set.overridden[name] {
		return r.set.execute(&w.Buffer, name, p)
	}
	return builtin[name](w, p)
}

// tidy trims trailing blanks from lines, keeps at most one blank line in a
// row outside code blocks, and ends the file with one line feed, so a
// template may space its actions freely. It works in place: a line is
// never written before it has been read.
func tidy(data []byte) []byte {
	out := data[:0]
	var fence []byte // the open code fence's backticks; copied, as data is overwritten
	blank := true    // the last line written was blank, or none was
	for rest := data; len(rest) > 0; {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		rest = after
		line = bytes.TrimRight(line, " \t")
		switch {
		case fence == nil:
			if t := bytes.TrimLeft(line, " "); bytes.HasPrefix(t, []byte("```")) {
				fence = bytes.Clone(t[:len(t)-len(bytes.TrimLeft(t, "`"))])
			}
		case bytes.Equal(bytes.TrimSpace(line), fence):
			fence = nil
		default: // inside a code block: kept as it is
			out = append(append(out, line...), '\n')
			blank = len(line) == 0
			continue
		}
		if len(line) == 0 && blank {
			continue
		}
		out = append(append(out, line...), '\n')
		blank = len(line) == 0
	}
	for len(out) > 1 && out[len(out)-2] == '\n' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		out = append(out, '\n')
	}
	return out
}

// templateSet is the parsed templates, embedded ones replaced by overrides.
type templateSet struct {
	tmpl *template.Template
	// from maps a template file's name to how errors should name it: the
	// override's path, or "embedded NAME".
	from map[string]string
	// overridden holds the names of the templates a team replaced.
	overridden map[string]bool
	// labels are each language's labels, shared by its pages rather than
	// copied into each.
	labels     map[string]*Labels
	labelsFile string
}

// Names returns the names of the embedded templates and label table: the
// only names an override folder may hold.
func Names() []string {
	names, _ := fs.Glob(templates.FS(), "*")
	slices.Sort(names)
	return names
}

func loadTemplates(overrides fs.FS, dir string) (*templateSet, error) {
	set := &templateSet{
		tmpl:       template.New("").Funcs(funcs).Option("missingkey=error"),
		from:       map[string]string{},
		overridden: map[string]bool{},
		labelsFile: "embedded " + labelsFile,
	}
	names := Names()
	for _, name := range names {
		data, err := fs.ReadFile(templates.FS(), name)
		if err != nil {
			return nil, fmt.Errorf("markdown: embedded %s: %w", name, err)
		}
		if !pageTemplate(name) {
			continue
		}
		if err := set.add(name, "embedded "+name, data); err != nil {
			return nil, err
		}
	}
	if overrides == nil {
		return set, nil
	}
	entries, err := fs.ReadDir(overrides, ".")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("markdown: the templates folder %s (output.markdown.templates) does not exist", dir)
		}
		return nil, fmt.Errorf("markdown: the templates folder %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // .gitkeep, editor files
		}
		where := path.Join(dir, name)
		if e.IsDir() || !slices.Contains(names, name) {
			return nil, fmt.Errorf("markdown: %s: unknown template; a templates folder may only hold files named like the embedded ones: %s", where, strings.Join(names, ", "))
		}
		if !pageTemplate(name) {
			continue // a layout of the docs site (internal/site reads it)
		}
		data, err := fs.ReadFile(overrides, name)
		if err != nil {
			return nil, fmt.Errorf("markdown: %w", err)
		}
		if err := set.add(name, where, data); err != nil {
			return nil, err
		}
		set.overridden[name] = true
	}
	return set, nil
}

// pageTemplate reports whether a file of the templates folder is the
// Markdown target's (a page template or the labels) rather than a layout
// of the docs site, which shares the folder.
func pageTemplate(name string) bool {
	return strings.HasSuffix(name, ".md.tmpl") || name == labelsFile
}

// add parses one file into the set, replacing an earlier one of its name.
func (s *templateSet) add(name, where string, data []byte) error {
	s.from[name] = where
	if name == labelsFile {
		labels, err := parseLabels(where, data)
		if err != nil {
			return fmt.Errorf("markdown: %w", err)
		}
		s.labels, s.labelsFile = map[string]*Labels{}, where
		for tag, l := range labels {
			s.labels[tag] = &l
		}
		return nil
	}
	if _, err := s.tmpl.New(name).Parse(string(data)); err != nil {
		return fmt.Errorf("markdown: %s", s.locate(err))
	}
	return nil
}

func (s *templateSet) execute(buf *bytes.Buffer, name string, p *Page) error {
	if err := s.tmpl.ExecuteTemplate(buf, name, p); err != nil {
		return errors.New(s.locate(err))
	}
	return nil
}

// templateErr matches the errors of text/template, "template: NAME:LINE[:COL]: …",
// and html/template's own, "html/template:NAME:LINE:COL: …".
var templateErr = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+(?::\d+)?): `)

// locate rewrites a text/template error to start with the file it comes
// from as the user knows it: "templates/override/code.md.tmpl:12: …".
func (s *templateSet) locate(err error) string { return LocateTemplateError(err, s.from) }

// LocateTemplateError rewrites an error of text/template or html/template
// to start with the file the template comes from as the user knows it
// (from: template name → "templates/override/code.md.tmpl" or "embedded
// code.md.tmpl"): "templates/override/code.md.tmpl:12: …".
func LocateTemplateError(err error, from map[string]string) string {
	msg := err.Error()
	m := templateErr.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	where, ok := from[m[1]]
	if !ok {
		where = m[1] // a {{define}}d template: its own name
	}
	return where + ":" + m[2] + ": " + msg[len(m[0]):]
}
