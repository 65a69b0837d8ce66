package site

import (
	"bytes"
	"html/template"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/errgen/errgen/internal/output"
)

// md is goldmark set up as a docs site that shows catalog text as written:
// GFM tables, strikethrough and task lists, footnotes and definition lists
// (Hugo's defaults); raw HTML dropped (goldmark's default: no
// html.WithUnsafe); no typographer (quotes and dashes would change), no
// linkify (links made from bare URLs), no {#id .class} attribute syntax, no
// emoji. Headings get ids, as on Hugo sites.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList,
		extension.Footnote, extension.DefinitionList),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)

// render writes the page of one Markdown file into buf: its layout around
// the Markdown as HTML. It returns the site folders the page's Markdown
// links to.
func (b *builder) render(buf *bytes.Buffer, p page, src []byte) ([]string, error) {
	src = body(src)
	doc := md.Parser().Parse(text.NewReader(src))
	var links []string
	title := ""
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if title == "" && n.Level == 1 {
				title = plainText(n, src)
			}
		case *ast.Link:
			if target, ok := pageLink(p.dir, string(n.Destination)); ok {
				links = append(links, target.page)
				n.Destination = []byte(b.url(target.page) + target.fragment)
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	content := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(content)
	content.Reset()
	if err := md.Renderer().Render(content, src, doc); err != nil {
		return nil, err
	}
	if title == "" {
		title = p.path
	}
	data := b.data(p, title, template.HTML(content.String()))
	if err := b.layouts.execute(buf, p.layout, data); err != nil {
		return nil, err
	}
	return links, nil
}

// body is a Markdown page without its front matter and errgen's marker
// line: the site's page carries a marker of its own.
func body(src []byte) []byte {
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			src = rest[i+len("\n---\n"):]
		}
	}
	src, _ = bytes.CutPrefix(src, []byte("<!-- "+output.Marker+" -->\n"))
	return src
}

// plainText is the text of a node's inline children, as a title shows it.
func plainText(n ast.Node, src []byte) string {
	var s strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Text:
				s.Write(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					s.WriteByte(' ')
				}
			case *ast.String:
				s.Write(n.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return s.String()
}

type linkTarget struct {
	page     string // the site folder linked: "en/http/409"
	fragment string // "#x", or ""
}

// pageLink resolves a link of a Markdown file in the folder dir to the
// site folder of the page it links: errgen's pages link each other with
// relative .md links (they read the same on GitHub); X.md is the page X/
// and D/_index.md the page D/. Any other link (absolute, with a scheme,
// not to a .md file) is not a page link.
func pageLink(dir, link string) (linkTarget, bool) {
	if link == "" || strings.Contains(link, ":") || strings.HasPrefix(link, "/") || strings.HasPrefix(link, "#") {
		return linkTarget{}, false
	}
	rel, frag, hasFrag := strings.Cut(link, "#")
	rel, err := url.PathUnescape(rel)
	if err != nil || !strings.HasSuffix(rel, ".md") {
		return linkTarget{}, false
	}
	target := path.Join(dir, rel)
	if strings.HasPrefix(target, "../") || target == ".." {
		return linkTarget{}, false
	}
	t := linkTarget{page: pagePath(target)}
	if hasFrag {
		t.fragment = "#" + frag
	}
	return t, true
}

// escapedURL is the URL path of a site folder, escaped for an href.
func escapedURL(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// Page is what a layout gets: the page's words and links, and its
// Markdown as HTML.
type Page struct {
	Title   string
	Lang    *Language // the page's language; the default one outside every language's folder
	Content template.HTML
	Base    string // the base path: "/codes", "" at the host's root
	// Home and Tables are the language's navigation.
	Home   string
	Tables []Link
	// Languages link the same page in every language (each language's
	// home from a page outside every language's folder).
	Languages []Link
	Code      bool     // a code page: in the search index
	Search    bool     // the site has Pagefind's search
	Tags      []string // every language's tag, in the catalog's order (problem type pages)
}

// Link is one link of a layout.
type Link struct {
	Tag, Name, Title, URL string
	Current               bool
}

func (b *builder) data(p page, title string, content template.HTML) *Page {
	l := p.lang
	d := &Page{Title: title, Lang: l, Content: content, Base: b.base, Home: l.home, Tables: l.tables,
		Code: p.code, Search: b.search, Tags: b.tagList}
	d.Languages = make([]Link, len(b.m.Languages))
	for i, o := range b.m.Languages {
		d.Languages[i] = Link{Tag: o.Tag, Name: o.Name, URL: escapedURL(b.base + "/" + o.Tag + "/" + p.rest), Current: o.Tag == l.Tag}
	}
	return d
}
