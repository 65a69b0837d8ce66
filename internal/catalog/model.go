// Package catalog turns codes.yaml into a validated, target-neutral model.
//
// Data flows one way: Load reads YAML nodes (keeping positions), validates
// every rule and reports all problems at once, then builds a Catalog that
// emitters only read. Nothing here knows how a target renders a code.
package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a position in a source file, 1-based like yaml.v3 reports it.
type Pos struct {
	File   string
	Line   int
	Column int
}

func (p Pos) String() string {
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Catalog is the validated model of one codes.yaml. It is immutable after
// Load returns: emitters must not modify it.
type Catalog struct {
	// Path is the codes.yaml path as given to Load; Root is its folder,
	// against which every output path is resolved.
	Path string
	Root string

	// Languages in declaration order; Default is one of them.
	Languages []Language
	Default   string

	// DocsBaseURL has no trailing slash; DocsURL builds every code's link.
	DocsBaseURL string

	Output Output

	// Headers are the values of obliged headers that are the same on every
	// response of the service (a WWW-Authenticate challenge, say), in
	// declaration order. Each is also set as Header.Static on every code
	// header of that name.
	Headers []StaticHeader

	// Tables in fixed order: http, response, error (absent ones omitted).
	Tables []*Table
}

// Language is a BCP 47 tag (e.g. "en", "ko") with its own name for itself.
type Language struct {
	Tag  string
	Name string
}

// TableKind says which of the three tables a Table is. The kind decides a
// few rules (only http codes carry headers and client codes; response and
// error codes map to an HTTP status) but every table has the same shape.
type TableKind string

const (
	KindHTTP     TableKind = "http"
	KindResponse TableKind = "response"
	KindError    TableKind = "error"
)

// TableKinds are the tables, each a top-level key of codes.yaml, in the
// order the catalog holds them. The loader and its chunked reader both
// take the names from here.
var TableKinds = []TableKind{KindHTTP, KindResponse, KindError}

// Table is one code table, codes sorted by number.
type Table struct {
	Kind TableKind
	// TypeName names the generated type (HTTPCode, ResponseCode, ErrorCode).
	TypeName string
	// Prefix is prepended to each ID where a target puts all tables in one
	// namespace (Go constants): QualifiedName = Prefix + ID.
	Prefix      string
	Title       Text
	Description Text
	Min, Max    int // declared range; every code and reservation lies in it
	Categories  []*Category
	Codes       []*Code
	Reserved    []*Reserved
	Pos         Pos
}

// Category groups a contiguous range of a table (e.g. 4xx, or 2000–2999).
type Category struct {
	Name     string // identifier-like key, e.g. "client_error", "channel"
	Title    Text
	Min, Max int
	Pos      Pos
}

// Code is one entry of a table.
type Code struct {
	Table    *Table
	Category *Category // nil when the table declares no category for it

	Number int
	// ID is the PascalCase identifier, unique within its table and, with
	// the table prefix, across tables (see QualifiedName).
	ID string
	// Wire is the name that travels on the wire; it may repeat within a
	// table (several numbers may travel as, say, InternalError). Defaults
	// to ID.
	Wire string

	// Status is the HTTP status a server sends with this code. For the
	// http table it equals Number; for client codes it is 0.
	Status int
	// Client marks a code raised by an HTTP client when no answer came
	// (-1 … -6); a server never sends it.
	Client bool

	Message Message
	// Title is the problem title in every language: a short summary that is
	// the same for every occurrence and holds no placeholder (RFC 9457,
	// Section 3.1.3). It is the catalog's `title` where the message has
	// placeholders or braces, else the message itself.
	Title       Text
	Description Text // may be empty in every language
	// Resolution is what the caller should do about the code (may be
	// empty in every language); Causes are the reasons it can occur, each
	// in every language. Both are the catalog's, never derived.
	Resolution Text
	Causes     []Text
	// Reference is a spec citation, e.g. "RFC 9110 §15.5.2".
	Reference string

	Params    []Param // placeholders, in declaration order
	Headers   []Header
	Retryable bool

	Deprecated *Deprecation // nil unless deprecated

	// Untranslated lists the texts missing in a language, which hold
	// another language's text until someone translates them.
	Untranslated []Untranslated

	Pos Pos // position of the code's `code:` value in codes.yaml
}

// QualifiedName is the identifier in a namespace shared by all tables.
func (c *Code) QualifiedName() string { return c.Table.Prefix + c.ID }

// Untranslated is one text of a code not yet written in a language.
type Untranslated struct {
	Field string // "message", "description", "resolution" or "cause N"
	Lang  string // the language it is missing in
	From  string // the language whose text stands in
}

// Header is a response header the status obliges or recommends.
type Header struct {
	Name        string
	Requirement Requirement
	// Enforce makes a SHOULD header a duty, as a MUST header always is.
	Enforce     bool
	Description Text
	// Static is the service's value of the header (Catalog.Headers), or "".
	Static string
}

// Duty reports whether every response with the status must carry the
// header: a MUST header, or a SHOULD header the catalog enforces.
func (h Header) Duty() bool { return h.Requirement == Must || h.Enforce }

// StaticHeader is a header value declared once for the whole service.
type StaticHeader struct {
	Name  string
	Value string
	Pos   Pos
}

// Requirement is an RFC 2119 keyword.
type Requirement string

const (
	Must   Requirement = "MUST"
	Should Requirement = "SHOULD"
	May    Requirement = "MAY"
)

// Param is a named placeholder of a message, e.g. {maxSize}.
type Param struct {
	Name    string
	Type    ParamType
	Example string // shown in docs and example problem bodies
}

type ParamType string

const (
	ParamString ParamType = "string"
	ParamInt    ParamType = "int"
)

// Deprecation says a code should no longer be used.
type Deprecation struct {
	Replacement *Code // same table; nil when there is none
	Reason      Text
}

// Reserved is a number or range no code may use (e.g. IANA's "(Unused)").
type Reserved struct {
	Min, Max int  // Min == Max for a single number
	Reason   Text // in every language: the docs show it on every table page
	Pos      Pos
}

// Text is a string per language tag, held as (language, text) pairs in
// the order they were read. A Text in a Catalog holds either every
// declared language or none. A catalog has a few languages, so a scan
// finds one as fast as a map would, and a few pairs take a fraction of a
// small map's memory: a code holds several texts.
type Text []LangText

// LangText is a Text's string in one language.
type LangText struct {
	Lang string
	Text string
}

// Get returns the text in lang, or "" when there is none.
func (t Text) Get(lang string) string {
	s, _ := t.Lookup(lang)
	return s
}

// Lookup returns the text in lang and whether there is one.
func (t Text) Lookup(lang string) (string, bool) {
	for _, e := range t {
		if e.Lang == lang {
			return e.Text, true
		}
	}
	return "", false
}

// Set sets the text in lang.
func (t *Text) Set(lang, s string) {
	for i := range *t {
		if (*t)[i].Lang == lang {
			(*t)[i].Text = s
			return
		}
	}
	*t = append(*t, LangText{Lang: lang, Text: s})
}

// Empty reports whether no language has text.
func (t Text) Empty() bool {
	for _, e := range t {
		if e.Text != "" {
			return false
		}
	}
	return true
}

// Message is a code's short message per language, kept both as written and
// split into literal text and placeholders.
type Message struct {
	Text Text // as written, with {{ and }} escapes
	// segments and pos are those of Text[i]: its literals and
	// placeholders, and where it stands in codes.yaml (the message itself
	// for a language filled from another), for lint's advice.
	segments [][]Segment
	pos      []Pos
}

// NewMessage splits each language's text of t into segments.
func NewMessage(t Text) (Message, error) {
	m := Message{Text: t, segments: make([][]Segment, len(t)), pos: make([]Pos, len(t))}
	for i, e := range t {
		segs, err := parseMessage(e.Text)
		if err != nil {
			return Message{}, fmt.Errorf("message in %s %v", e.Lang, err)
		}
		m.segments[i] = segs
	}
	return m, nil
}

// Segments returns the message in lang split into literal text and
// placeholders.
func (m Message) Segments(lang string) []Segment {
	for i, e := range m.Text {
		if e.Lang == lang && i < len(m.segments) {
			return m.segments[i]
		}
	}
	return nil
}

// Pos returns where the message in lang stands in codes.yaml.
func (m Message) Pos(lang string) Pos {
	for i, e := range m.Text {
		if e.Lang == lang && i < len(m.pos) {
			return m.pos[i]
		}
	}
	return Pos{}
}

// Segment is a run of literal text or one placeholder. Exactly one of
// Literal and Param is set, except that an empty message has no segments.
type Segment struct {
	Literal string // unescaped: {{ has become {
	Param   string
}

// Plain returns the message of one language with each placeholder rendered
// by fill (e.g. the param's example, or "{name}").
func (m Message) Plain(lang string, fill func(param string) string) string {
	segs := m.Segments(lang)
	if len(segs) == 1 && segs[0].Param == "" {
		return segs[0].Literal // the text itself, not a copy of it
	}
	var b strings.Builder
	for _, s := range segs {
		if s.Param != "" {
			b.WriteString(fill(s.Param))
		} else {
			b.WriteString(s.Literal)
		}
	}
	return b.String()
}

// Output says where generated files go and which targets are on.
type Output struct {
	// Dir is the root every target folder lies under, relative to Root.
	// errgen only ever writes, and removes stale generated files, there.
	Dir string
	// Targets are the targets turned on, in the order of the file.
	Targets []*TargetConfig
	// Pos is where the output section starts; zero when there is none.
	Pos Pos
}

// Table returns the table of the given kind, or nil.
func (c *Catalog) Table(kind TableKind) *Table {
	for _, t := range c.Tables {
		if t.Kind == kind {
			return t
		}
	}
	return nil
}

// Lookup returns the code with the given number in a table, or nil.
func (t *Table) Lookup(number int) *Code {
	for _, c := range t.Codes {
		if c.Number == number {
			return c
		}
	}
	return nil
}

// HTTPStatus returns the http table's entry for a status, or nil: it is
// where response and error codes find the headers their status obliges.
func (c *Catalog) HTTPStatus(status int) *Code {
	t := c.Table(KindHTTP)
	if t == nil || status == 0 {
		return nil
	}
	return t.Lookup(status)
}

// ObligedHeaders returns the headers a code's response carries: its own for
// an http code, else those of the http table entry for its status.
func (c *Catalog) ObligedHeaders(code *Code) []Header {
	if code.Table.Kind == KindHTTP {
		return code.Headers
	}
	if h := c.HTTPStatus(code.Status); h != nil {
		return h.Headers
	}
	return nil
}

// DocsPath is the site-relative path of a code's docs page, without the
// base URL: /{lang}/{table}/{number}. The Markdown target writes its page
// at {lang}/{table}/{number}.md, and the docs site serves it at this path.
func DocsPath(code *Code, lang string) string {
	return "/" + lang + "/" + string(code.Table.Kind) + "/" + strconv.Itoa(code.Number)
}

// ProblemType is the problem type URI of a code (RFC 9457, Section 3.1.1):
// {base}/{table}/{number}, the same in every language. The docs site serves
// a page there that leads to each language's page.
func (c *Catalog) ProblemType(code *Code) string {
	return c.DocsBaseURL + "/" + string(code.Table.Kind) + "/" + strconv.Itoa(code.Number)
}

// IsProblem reports whether a server sends the code as problem details:
// only 4xx and 5xx statuses are problems. Client codes (status 0) and
// informational, success and redirection statuses are not.
func (c *Code) IsProblem() bool { return c.Status >= 400 && c.Status <= 599 }

// DocsURL is the stable link of a code's page in one language. Go's and
// TypeScript's DocsURL and the Markdown tree all follow it.
func (c *Catalog) DocsURL(code *Code, lang string) string {
	return c.DocsBaseURL + DocsPath(code, lang)
}
