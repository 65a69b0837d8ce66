package markdown

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// Page is the data every template receives: the catalog, the page's place
// in it and the labels of its language. Text fields hold plain text; pass
// them through md, para or code before writing them out.
type Page struct {
	Catalog *catalog.Catalog
	// Lang is the language of the page; on the root page it is the
	// default language, and Languages lists them all.
	Lang      catalog.Language
	Languages []catalog.Language
	// Table is set on table, part and code pages, Part on part and code
	// pages (on a code page, the part that lists the code), Code on code
	// pages.
	Table *catalog.Table
	Part  *Part
	Code  *catalog.Code

	// Path is the page's file, slash-separated and relative to the docs
	// folder: "_index.md", "en/_index.md", "en/error/_index.md",
	// "en/error/2001-2100.md", "en/error/2003.md".
	Path string
	// Slug is the path the site serves the page at: "/", "/en/",
	// "/en/error/", "/en/error/2001-2100/", "/en/error/2003"
	// (catalog.DocsPath for a code).
	Slug string
	// Title is the page's title as plain text; Weight orders it among
	// its siblings (1-based), for front matter.
	Title  string
	Weight int
	// Layout names the site layout of a page that needs its own ("neutral"
	// for the problem type pages), for front matter; "" for the default.
	Layout string

	// L are the fixed words in Lang.
	L *Labels

	layout *layout
}

// T returns a text in the page's language.
func (p *Page) T(t catalog.Text) string { return t.Get(p.Lang.Tag) }

// Others returns the languages other than the page's, in catalog order.
func (p *Page) Others() []catalog.Language {
	var others []catalog.Language
	for _, l := range p.Languages {
		if l.Tag != p.Lang.Tag {
			others = append(others, l)
		}
	}
	return others
}

// Link returns a relative link from the page to another file of the docs
// tree (slash-separated, relative to the docs folder), so the Markdown
// reads the same on GitHub, in VitePress or in any other renderer.
func (p *Page) Link(target string) string {
	from := path.Dir(p.Path)
	if from == "." {
		return target
	}
	// Drop the folders both paths share (never target's file name), then
	// climb out of the rest of the page's.
	for {
		seg, restFrom, more := strings.Cut(from, "/")
		tseg, restTo, folder := strings.Cut(target, "/")
		if !folder || seg != tseg {
			break
		}
		from, target = restFrom, restTo
		if !more {
			return target
		}
	}
	return strings.Repeat("../", strings.Count(from, "/")+1) + target
}

// IndexLink, TableLink and CodeLink link to a language's index page, a
// table page and a code page.
func (p *Page) IndexLink(lang string) string { return p.Link(indexPath(lang)) }

func (p *Page) TableLink(t *catalog.Table, lang string) string { return p.Link(tablePath(t, lang)) }

func (p *Page) CodeLink(c *catalog.Code, lang string) string { return p.Link(codePath(c, lang)) }

// PartLink links to a part's page.
func (p *Page) PartLink(part *Part, lang string) string { return p.Link(partPath(part, lang)) }

// Parts returns the parts of the page's table, in order.
func (p *Page) Parts() []*Part { return p.layout.parts[p.Table] }

// Prev and Next return the code before and after c in its table, or nil.
func (p *Page) Prev(c *catalog.Code) *catalog.Code { return p.neighbour(c, -1) }

func (p *Page) Next(c *catalog.Code) *catalog.Code { return p.neighbour(c, 1) }

func (p *Page) neighbour(c *catalog.Code, d int) *catalog.Code {
	i := p.layout.index[c] + d
	if i < 0 || i >= len(c.Table.Codes) {
		return nil
	}
	return c.Table.Codes[i]
}

// PrevPart and NextPart return the part before and after the page's part
// in its table, or nil.
func (p *Page) PrevPart() *Part { return p.neighbourPart(-1) }

func (p *Page) NextPart() *Part { return p.neighbourPart(1) }

func (p *Page) neighbourPart(d int) *Part {
	parts := p.Parts()
	for i, part := range parts {
		if part == p.Part && i+d >= 0 && i+d < len(parts) {
			return parts[i+d]
		}
	}
	return nil
}

// StatusCode returns the http table's entry for a code's HTTP status, or
// nil (a client code, or a catalog without that status).
func (p *Page) StatusCode(c *catalog.Code) *catalog.Code { return p.Catalog.HTTPStatus(c.Status) }

// Headers returns the headers a response with the code carries.
func (p *Page) Headers(c *catalog.Code) []catalog.Header { return p.Catalog.ObligedHeaders(c) }

// ShowsWire reports whether a list of codes (a part's) needs a wire name
// column: only when a code's wire name differs from its identifier. Where
// they are the same word, a second column would repeat it and take the
// message's width.
func (p *Page) ShowsWire(codes []*catalog.Code) bool { return showsWire(codes) }

func showsWire(codes []*catalog.Code) bool {
	return slices.ContainsFunc(codes, func(c *catalog.Code) bool { return c.Wire != c.ID })
}

// SentWith returns the response and error codes a server sends with an
// http code's status, in table order, at most PartSize of them (see More);
// nil for other codes.
func (p *Page) SentWith(c *catalog.Code) []*catalog.Code {
	return capped(p.sentWith(c))
}

func (p *Page) sentWith(c *catalog.Code) []*catalog.Code {
	if c.Table.Kind != catalog.KindHTTP || c.Client {
		return nil
	}
	return p.layout.sentWith[c.Number]
}

// SameWire returns the other codes of c's table that travel under c's wire
// name, in number order, at most PartSize of them (see More).
func (p *Page) SameWire(c *catalog.Code) []*catalog.Code {
	return capped(p.sameWire(c))
}

func (p *Page) sameWire(c *catalog.Code) []*catalog.Code {
	var others []*catalog.Code
	for _, o := range p.layout.wires[c.Table][c.Wire] {
		if o != c {
			others = append(others, o)
		}
	}
	return others
}

// More reports whether a list of a code's page ("sent_with" or
// "same_wire") left codes out: a page lists at most PartSize, so that no
// page grows with the catalog; the table pages list them all.
func (p *Page) More(list string, c *catalog.Code) bool {
	switch list {
	case "sent_with":
		return len(p.sentWith(c)) > PartSize
	case "same_wire":
		return len(p.sameWire(c)) > PartSize
	}
	return false
}

func capped(codes []*catalog.Code) []*catalog.Code { return codes[:min(len(codes), PartSize)] }

// Snippets returns how the turned-on targets handle c (Go, TypeScript),
// made by the targets from the names they emit.
func (p *Page) Snippets(c *catalog.Code) []*catalog.Snippet {
	var s []*catalog.Snippet
	for _, h := range p.layout.handlers {
		if sn := h(c); sn != nil {
			s = append(s, sn)
		}
	}
	return s
}

// Keyword returns the page language's word for a header's requirement.
func (p *Page) Keyword(r catalog.Requirement) string { return p.L.Requirements.word(r) }

func (k Keywords) word(r catalog.Requirement) string {
	switch r {
	case catalog.Must:
		return k.Must
	case catalog.Should:
		return k.Should
	}
	return k.May
}

// YesNo returns the label for a flag.
func (p *Page) YesNo(b bool) string {
	if b {
		return p.L.Yes
	}
	return p.L.No
}

// KindNote returns the sentence that explains a table's kind.
func (p *Page) KindNote(t *catalog.Table) string {
	switch t.Kind {
	case catalog.KindHTTP:
		return p.L.Kinds.HTTP
	case catalog.KindResponse:
		return p.L.Kinds.Response
	default:
		return p.L.Kinds.Error
	}
}

// ExampleCode is the code the index page shows an error response for:
// the first code a server sends from the error table, else from the
// response table, else from the http table. It is nil when there is none.
func (p *Page) ExampleCode() *catalog.Code {
	for _, kind := range []catalog.TableKind{catalog.KindError, catalog.KindResponse, catalog.KindHTTP} {
		if t := p.Catalog.Table(kind); t != nil {
			for _, c := range t.Codes {
				if !c.Client && c.Deprecated == nil {
					return c
				}
			}
		}
	}
	return nil
}

// Problem is the RFC 9457 problem body a server sends with a code, the
// members the Go, TypeScript and OpenAPI targets use too.
type Problem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail,omitempty"`
	Code   int    `json:"code"`
	Name   string `json:"name"`
}

// Problem returns the example problem body of a code in the page's
// language, as the Go target's ProblemOf builds it: type is the code's
// problem type URI (the same in every language), title its title (the same
// for every occurrence, no placeholders), detail the message with each
// placeholder filled with its example (only for a code with placeholders;
// otherwise a server sends detail only when it has something to add). It is
// nil for a client code, which no server sends, and for a status below 400,
// which is no problem.
func (p *Page) Problem(c *catalog.Code) *Problem {
	if !c.IsProblem() {
		return nil
	}
	lang := p.Lang.Tag
	examples := map[string]string{}
	for _, param := range c.Params {
		examples[param.Name] = param.Example
	}
	prob := &Problem{
		Type:   p.Catalog.ProblemType(c),
		Title:  c.Title.Get(lang),
		Status: c.Status,
		Code:   c.Number,
		Name:   c.Wire,
	}
	if len(c.Params) > 0 {
		prob.Detail = c.Message.Plain(lang, func(name string) string { return examples[name] })
	}
	return prob
}

// Index pages are _index.md, as Hugo names a folder's own page (an
// index.md would make the folder a leaf, hiding the code pages beside it).
const (
	rootPath  = "_index.md"
	indexName = "/_index.md"
)

// typePath is the page at a code's problem type URI, {table}/{number}.md,
// served at catalog.ProblemType's path.
func typePath(c *catalog.Code) string {
	return string(c.Table.Kind) + "/" + strconv.Itoa(c.Number) + ".md"
}

func indexPath(lang string) string { return lang + indexName }

func tablePath(t *catalog.Table, lang string) string {
	return lang + "/" + string(t.Kind) + indexName
}

func partPath(part *Part, lang string) string {
	return lang + "/" + string(part.Table.Kind) + "/" + part.Name() + ".md"
}

// codePath is where a code's page lies, so that a site serving the docs
// folder with clean URLs serves it at catalog.DocsPath.
func codePath(c *catalog.Code, lang string) string {
	return strings.TrimPrefix(catalog.DocsPath(c, lang), "/") + ".md"
}
