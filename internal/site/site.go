// Package site builds the docs site of a catalog in the process: each page
// of the Markdown target (a team's template overrides included) is turned
// into HTML by goldmark, its links between pages resolved on goldmark's
// tree, and wrapped in an html/template layout (templates/page.html,
// neutral.html), embedded and overridable by name like the Markdown
// templates. Pagefind, when there is one (pagefind.go), then indexes the
// code pages for a search that downloads only the index chunks a query
// needs. The site is written beside its folder and renamed into place
// only when all of it is built.
package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/output"
)

// MaxPageBytes bounds the HTML of every page of the site, whatever the
// size of the catalog: no page lists every code.
const MaxPageBytes = 100 << 10

// Options are the settings of one build.
type Options struct {
	// Out is the folder the site is written to, laid out for the path of
	// docs.base_url: Out/en/error/2003/index.html is served at
	// {base path}/en/error/2003/. It is replaced as a whole, and only if
	// errgen built what is there.
	Out string
	// Markdown is output.markdown (its defaults when the target is off);
	// Templates is the folder it names, nil for none.
	Markdown  markdown.Options
	Templates fs.FS
	// Pagefind runs Pagefind (FindPagefind); nil builds without search.
	Pagefind []string
	// Log gets what Pagefind prints; nil drops it.
	Log io.Writer
}

// Stats say what a build wrote.
type Stats struct {
	Pages   int // HTML pages
	Largest int // bytes of the largest page
	Search  bool
}

// Build writes the site of c into o.Out. Every page is a folder's
// index.html, so every DocsURL and problem type URL is answered
// extension-less by any static file server.
func Build(ctx context.Context, c *catalog.Catalog, o Options) (Stats, error) {
	var st Stats
	m, err := markdown.Manifest(c, o.Markdown, o.Templates)
	if err != nil {
		return st, err
	}
	layouts, err := loadLayouts(o.Templates, o.Markdown.Templates)
	if err != nil {
		return st, err
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return st, fmt.Errorf("site: %w", err)
	}
	if err := checkOwned(out); err != nil {
		return st, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return st, fmt.Errorf("site: %w", err)
	}
	stage, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".errgen-")
	if err != nil {
		return st, fmt.Errorf("site: %w", err)
	}
	defer os.RemoveAll(stage)
	if err := os.Chmod(stage, 0o755); err != nil {
		return st, fmt.Errorf("site: %w", err)
	}

	b := newBuilder(c, m, layouts, stage, o.Markdown.Dir, o.Pagefind != nil)
	if err := markdown.Stream(c, o.Markdown, o.Templates, b.put); err != nil {
		return st, err
	}
	if err := b.writeStatic(); err != nil {
		return st, err
	}
	if err := b.checkLinks(); err != nil {
		return st, err
	}
	if o.Pagefind != nil {
		if err := runPagefind(ctx, o.Pagefind, stage, o.Log); err != nil {
			return st, err
		}
	}
	if err := swap(stage, out); err != nil {
		return st, err
	}
	return Stats{Pages: int(b.pages.Load()), Largest: int(b.largest.Load()), Search: o.Pagefind != nil}, nil
}

// ownerFile is the file by which a later build knows that errgen built
// the folder: the landing page, which starts with output.Marker.
const ownerFile = "index.html"

// markerLine heads every HTML page (before the doctype: a comment there
// changes nothing of how a browser reads the page).
const markerLine = "<!-- " + output.Marker + " -->\n"

// checkOwned refuses to replace a folder errgen did not build: out must
// not exist, be empty, or hold a landing page with errgen's marker.
func checkOwned(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	head := make([]byte, len(markerLine))
	f, err := os.Open(filepath.Join(out, ownerFile))
	if err == nil {
		_, err = io.ReadFull(f, head)
		f.Close()
	}
	if err != nil || string(head) != markerLine {
		return fmt.Errorf("site: %s holds files errgen did not build (no %s starting with %q); errgen replaces the whole folder, so give -o an empty or new folder", out, ownerFile, strings.TrimSpace(markerLine))
	}
	return nil
}

// swap puts the built site at out: the old one is renamed aside, the new
// one renamed into place, then the old one removed.
func swap(stage, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = stage + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	if err := os.Rename(stage, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return fmt.Errorf("site: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// builder turns the Markdown target's files into the site's, as they
// are handed over (from several goroutines).
type builder struct {
	c       *catalog.Catalog
	m       *markdown.SiteManifest
	layouts *layouts
	stage   string
	docs    string // output.markdown.dir: the prefix of the files' paths
	search  bool
	base    string // the base path: "/codes", "" at the host's root
	langs   map[string]*Language
	def     *Language
	tagList []string

	pages, largest atomic.Int64

	mu    sync.Mutex
	links map[string]string // page path linked → the first page (Markdown path) that links it
	made  map[string]bool   // page paths written
}

func newBuilder(c *catalog.Catalog, m *markdown.SiteManifest, l *layouts, stage, docs string, search bool) *builder {
	b := &builder{c: c, m: m, layouts: l, stage: stage, docs: docs, search: search,
		base: BasePath(c.DocsBaseURL), langs: map[string]*Language{},
		links: map[string]string{}, made: map[string]bool{}}
	for i := range m.Languages {
		l := newLanguage(b.base, m.Languages[i])
		b.langs[l.Tag] = l
		b.tagList = append(b.tagList, l.Tag)
		if l.Tag == m.DefaultLanguage || b.def == nil {
			b.def = l
		}
	}
	return b
}

// put renders one file of the Markdown target into its page.
func (b *builder) put(f output.File) error {
	rel, ok := strings.CutPrefix(f.Path, b.docs+"/")
	if !ok || !strings.HasSuffix(rel, ".md") {
		return nil // site.json: the site takes the same facts from markdown.Manifest
	}
	p := b.classify(rel)
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	buf.WriteString(markerLine)
	links, err := b.render(buf, p, f.Data)
	if err != nil {
		return fmt.Errorf("site: %s: %w", rel, err)
	}
	if buf.Len() > MaxPageBytes {
		return fmt.Errorf("site: %s: the page is %d bytes, more than %d", rel, buf.Len(), MaxPageBytes)
	}
	dir := filepath.Join(b.stage, filepath.FromSlash(p.path))
	if err := mkdir(dir); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	b.pages.Add(1)
	for n := int64(buf.Len()); ; {
		if old := b.largest.Load(); n <= old || b.largest.CompareAndSwap(old, n) {
			break
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.made[p.path] = true
	for _, l := range links {
		if old, ok := b.links[l]; !ok || rel < old {
			b.links[l] = rel
		}
	}
	return nil
}

// mkdir makes a page's folder. Nearly every page has a folder of its own
// in a folder that exists already: one mkdir, not MkdirAll's stats first.
func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// page is where one Markdown file goes in the site.
type page struct {
	md     string    // its path in the docs folder: "en/error/2003.md"
	dir    string    // the Markdown file's folder, which its links are relative to: "en/error"
	path   string    // its folder in the site: "en/error/2003", "" for the landing page
	lang   *Language // its language; the default one outside every language's folder
	in     bool      // in its language's folder
	rest   string    // its path in the language's folder, as a URL path: "error/2003/", ""
	code   bool      // a code page, the only kind in the search index
	layout string
}

// classify places a Markdown file: X.md is the page X/, D/_index.md the
// page D/. A page in no language's folder but the landing page is a
// problem type page ({table}/{code}), of the neutral layout.
func (b *builder) classify(rel string) page {
	p := page{md: rel, dir: path.Dir(rel), lang: b.def, layout: pageLayout}
	p.path = pagePath(rel)
	first, rest, _ := strings.Cut(p.path, "/")
	if l, ok := b.langs[first]; ok {
		p.lang, p.in = l, true
		if rest != "" {
			p.rest = rest + "/"
		}
		p.code = path.Base(rel) != "_index.md" && isNumber(path.Base(p.path)) && strings.Count(p.path, "/") == 2
	} else if p.path != "" {
		p.layout = neutralLayout
	}
	return p
}

// pagePath is the site folder of a Markdown file of the docs folder.
func pagePath(rel string) string {
	p := strings.TrimSuffix(rel, ".md")
	if path.Base(p) == "_index" {
		p = path.Dir(p)
	}
	if p == "." {
		return ""
	}
	return p
}

func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// writeStatic writes the style sheet.
func (b *builder) writeStatic() error {
	css := append([]byte("/* "+output.Marker+" */\n"), b.layouts.css...)
	if err := os.WriteFile(filepath.Join(b.stage, "site.css"), css, 0o644); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	return nil
}

// checkLinks fails the build on a link between pages that leads to no
// page of the site, naming the page that has it.
func (b *builder) checkLinks() error {
	var dead []string
	for link, from := range b.links {
		if !b.made[link] {
			dead = append(dead, fmt.Sprintf("%s: %s", from, b.url(link)))
		}
	}
	if len(dead) == 0 {
		return nil
	}
	slices.Sort(dead)
	more := ""
	if len(dead) > 20 {
		more = fmt.Sprintf("\n… and %d more", len(dead)-20)
		dead = dead[:20]
	}
	return fmt.Errorf("site: dead links (no such page in the site):\n%s%s", strings.Join(dead, "\n"), more)
}

// BasePath is the path the site is served under: the path of
// docs.base_url, "/codes" for https://docs.example.com/codes ("" at the
// host's root).
func BasePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.EscapedPath(), "/")
}

// url is the URL path of a site folder under the base path.
func (b *builder) url(p string) string {
	if p == "" {
		return b.base + "/"
	}
	return b.base + "/" + p + "/"
}

// CatalogOptions are the Options of c's site: output.markdown as c sets
// it (its defaults when the target is off), with the templates folder it
// names opened, and the site written to out.
func CatalogOptions(c *catalog.Catalog, out string) (Options, error) {
	o := Options{Out: out, Markdown: markdown.Options{Dir: "docs"}}
	if cfg := c.Output.Target(markdown.Target.Name); cfg != nil {
		mo, err := markdown.ReadOptions(cfg)
		if err != nil {
			return o, err
		}
		o.Markdown = mo
	}
	if dir := TemplatesDir(c, o.Markdown); dir != "" {
		o.Templates = os.DirFS(dir)
	}
	return o, nil
}

// TemplatesDir is the folder output.markdown.templates names, "" for none.
func TemplatesDir(c *catalog.Catalog, o markdown.Options) string {
	if o.Templates == "" {
		return ""
	}
	return filepath.Join(c.Root, filepath.FromSlash(o.Templates))
}
