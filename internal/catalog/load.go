package catalog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Load reads, validates and models the catalog at path. On failure the
// error is Diagnostics with every problem found, sorted by position.
//
// Given the target registry, it also rejects unknown targets and checks
// each target's options; without it, any key under output: is a target
// and its options go unchecked (for tools that render nothing, and for a
// target's own tests).
func Load(path string, targets ...Target) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data, targets...)
}

// Parse is Load for bytes already read; name is used in positions and
// its folder becomes the catalog's Root.
func Parse(name string, data []byte, targets ...Target) (*Catalog, error) {
	r := &reader{reporter: &reporter{file: name}, targets: targets}
	c := r.parse(data)
	r.diags.Sort()
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	c.Path = name
	c.Root = filepath.Dir(name)
	return c, nil
}

func (r *reader) parse(data []byte) *Catalog {
	start := Pos{File: r.file, Line: 1, Column: 1}
	if len(bytes.TrimSpace(data)) == 0 {
		r.errorf(start, "start from the example in docs/codes-yaml.md", "the catalog is empty")
		return nil
	}
	if !r.checkSource(data) {
		return nil
	}
	if r.checkSourceChars(data) {
		return nil
	}
	r.lines = strings.Split(string(data), "\n")
	// The chunked reader is a reader of its own: nothing it read before
	// giving up, problems or state, reaches the whole-file parse.
	chunked := &reader{reporter: &reporter{file: r.file, diags: slices.Clone(r.diags)}, targets: r.targets, lines: r.lines}
	if c, ok := chunked.parseChunked(data); ok {
		*r = *chunked
		return c
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		for _, p := range YAMLProblems(err) {
			pos, line := start, p.Message
			if p.Line > 0 {
				pos.Line = p.Line
				// yaml.v3 reports a parser error at the zero-based line of
				// the collection it was parsing; the line that broke it is
				// usually further down.
				if strings.HasPrefix(line, "did not find expected") || strings.HasPrefix(line, "found undefined tag") {
					pos.Line++
					block := line == "did not find expected key" || line == "did not find expected '-' indicator"
					if l, c, ok := brokenLine(r.lines, pos.Line); ok && block {
						r.errorf(Pos{File: r.file, Line: l, Column: c}, "indent it as far as the other lines of its mapping or list",
							"invalid YAML: %s: this line's indentation fits none of the blocks around it (the collection yaml.v3 was reading starts on line %d)", line, pos.Line)
						continue
					}
					line += " in the collection that starts on this line"
				}
			}
			r.errorf(pos, "fix the YAML syntax", "invalid YAML: %s", line)
		}
		return nil
	}
	if len(doc.Content) == 0 {
		r.errorf(start, "start from the example in docs/codes-yaml.md", "the catalog holds only comments")
		return nil
	}
	return r.catalog(doc.Content[0])
}

// parseChunked reads data with its codes lists in chunks (chunk.go). It
// reports false, with nothing reported, when the file cannot be read so:
// then it is parsed whole, which also reports its syntax errors.
func (r *reader) parseChunked(data []byte) (*Catalog, bool) {
	if chunkItems <= 0 {
		return nil, false
	}
	lists := cutLists(data)
	if len(lists) == 0 {
		return nil, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(skeleton(data, lists), &doc); err != nil || len(doc.Content) != 1 {
		return nil, false
	}
	lazy, ok := graft(doc.Content[0], lists)
	if !ok {
		return nil, false
	}
	r.lazy, r.data = lazy, data
	c := r.catalog(doc.Content[0])
	r.lazy, r.data = nil, nil
	// A catalog the reader gave up on early left lists unread; parsed
	// whole, a syntax error in them would be the file's only problem.
	for _, l := range lists {
		if !l.read && !l.chunks(data, func(*yaml.Node) {}) {
			r.chunkFailed = true
		}
	}
	if r.chunkFailed {
		return nil, false
	}
	return c, true
}

// checkSource catches what the YAML parser reports poorly or not at all:
// tab indentation and invalid UTF-8, each with its exact position.
func (r *reader) checkSource(data []byte) bool {
	ok := true
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			col := 1
			for len(line) > 0 {
				c, size := utf8.DecodeRune(line)
				if c == utf8.RuneError && size <= 1 {
					break
				}
				line = line[size:]
				col++
			}
			r.errorf(Pos{File: r.file, Line: i + 1, Column: col}, "save the file as UTF-8", "invalid UTF-8")
			ok = false
			continue
		}
		indent := len(line) - len(bytes.TrimLeft(line, " \t"))
		if tab := bytes.IndexByte(line[:indent], '\t'); tab >= 0 {
			r.errorf(Pos{File: r.file, Line: i + 1, Column: tab + 1}, "indent with spaces", "tab in indentation; YAML does not allow tabs there")
			ok = false
		}
	}
	return ok
}

var (
	topKeys   = append([]string{"version", "languages", "default_language", "docs", "output", "headers"}, tableKeyNames()...)
	tableKeys = []string{"type", "prefix", "title", "description", "range", "categories", "codes", "reserved"}
	codeKeys  = []string{"code", "id", "wire", "status", "client", "message", "title", "description", "resolution", "causes", "reference", "params", "headers", "retryable", "deprecated"}
)

// tableKeyNames are the top-level keys of the tables.
func tableKeyNames() []string {
	names := make([]string, len(TableKinds))
	for i, k := range TableKinds {
		names[i] = string(k)
	}
	return names
}

func (r *reader) catalog(root *yaml.Node) *Catalog {
	top, ok := r.mapping(root, "the catalog", topKeys, []string{"version", "languages", "default_language", "docs"})
	if !ok {
		return nil
	}
	c := &Catalog{}
	if n := top.get("version"); n != nil {
		if v, ok := r.integer(n, "version"); ok && v != 1 {
			r.errorf(r.pos(n), "write `version: 1`", "unsupported catalog version %d", v)
		}
	}
	var tags []string
	if n := top.get("languages"); n != nil {
		c.Languages = r.languages(n)
		for _, l := range c.Languages {
			tags = append(tags, l.Tag)
		}
	}
	if n := top.get("default_language"); n != nil {
		if s, ok := r.str(n, "default_language"); ok {
			if !slices.Contains(tags, s) && len(tags) > 0 {
				r.errorf(r.pos(n), "use one of: "+strings.Join(tags, ", "), "default_language %q is not among the languages", s)
			}
			c.Default = s
			r.defaultLang = s
		}
	}
	if n := top.get("docs"); n != nil {
		c.DocsBaseURL = r.docs(n)
	}
	c.Output = Output{Dir: "out"}
	if n := top.get("output"); n != nil {
		c.Output = r.output(n)
	}
	if len(tags) == 0 {
		return c // every text would be reported as missing its languages
	}
	for _, kind := range TableKinds {
		if n := top.get(string(kind)); n != nil {
			if t := r.table(kind, n, tags); t != nil {
				c.Tables = append(c.Tables, t)
			}
		}
	}
	if len(c.Tables) == 0 && top.node != nil {
		r.errorf(r.pos(top.node), "add an `http`, `response` or `error` table", "the catalog has no table")
	}
	if n := top.get("headers"); n != nil {
		c.Headers = r.staticHeaders(c, n)
	}
	r.crossCheck(c)
	return c
}

func (r *reader) languages(n *yaml.Node) []Language {
	var langs []Language
	seen := map[string]bool{}
	for _, item := range r.sequence(n, "languages") {
		f, ok := r.mapping(item, "a language", []string{"tag", "name"}, []string{"tag", "name"})
		if !ok || f.get("tag") == nil || f.get("name") == nil {
			continue
		}
		tag, ok1 := r.str(f.get("tag"), "language tag")
		name, ok2 := r.str(f.get("name"), "language name")
		if ok2 {
			name, ok2 = r.checkText(resolve(f.get("name")), "language name", name)
		}
		if !ok1 || !ok2 {
			continue
		}
		switch {
		case !langPattern.MatchString(tag):
			r.errorf(r.pos(f.get("tag")), "use a lower-case BCP 47 tag such as en, ko or pt-BR", "language tag %q is not a language tag", tag)
		case seen[tag]:
			r.errorf(r.pos(f.get("tag")), "remove the repeat", "language %q is declared twice", tag)
		default:
			seen[tag] = true
			langs = append(langs, Language{Tag: tag, Name: name})
		}
	}
	if len(langs) == 0 {
		r.errorf(r.pos(n), "declare at least one, e.g. `- {tag: en, name: English}`", "no languages are declared")
	}
	return langs
}

func (r *reader) docs(n *yaml.Node) string {
	f, ok := r.mapping(n, "docs", []string{"base_url"}, []string{"base_url"})
	if !ok || f.get("base_url") == nil {
		return ""
	}
	u, ok := r.str(f.get("base_url"), "docs.base_url")
	if !ok {
		return ""
	}
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") || strings.ContainsAny(u, " \t\n\"'<>`{}|\\^") || strings.ContainsAny(u, "?#") {
		r.errorf(r.pos(f.get("base_url")), "write an absolute http(s) URL without query or fragment, e.g. https://docs.example.com/codes", "docs.base_url %q is not a usable base URL", u)
		return ""
	}
	return strings.TrimRight(u, "/")
}

// text reads a per-language mapping. With required set, every declared
// language must be there; otherwise all or none.
func (r *reader) text(n *yaml.Node, what string, tags []string, required bool) Text {
	t, seen := r.readText(n, what, tags)
	if t != nil {
		r.complete(n, what, tags, required, seen)
	}
	return t
}

// translations reads a code's message or description, in which a language
// may be missing until someone translates it: the model holds the default
// language's text there (else the first language's that has one), and
// Lint lists it as untranslated.
func (r *reader) translations(n *yaml.Node, what string, tags []string, required bool, c *Code) Text {
	t, seen := r.readText(n, what, tags)
	if t == nil || len(seen) == 0 {
		if t != nil {
			r.complete(n, what, tags, required, seen)
		}
		return t
	}
	from := r.defaultLang
	if _, ok := t.Lookup(from); !ok {
		from = ""
		for _, tag := range tags {
			if _, ok := t.Lookup(tag); ok {
				from = tag
				break
			}
		}
	}
	if from == "" {
		return t // the text there is invalid, and reported
	}
	for _, tag := range tags {
		if _, ok := seen[tag]; !ok {
			t.Set(tag, t.Get(from))
			c.Untranslated = append(c.Untranslated, Untranslated{Field: what, Lang: tag, From: from})
		}
	}
	return t
}

func (r *reader) readText(n *yaml.Node, what string, tags []string) (Text, map[string]int) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		r.errorf(r.pos(n), "write one line per language, e.g. `en: …`", "%s must map languages to text, not %s", what, describe(n))
		return nil, nil
	}
	t := make(Text, 0, len(tags))
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch line, dup := seen[k.Value]; {
		case dup:
			r.errorf(r.pos(k), "remove one of them", "%s has the language %q twice (first at line %d)", what, k.Value, line)
			continue
		case !slices.Contains(tags, k.Value):
			r.errorf(r.pos(k), "declare it under `languages` first, or remove it; declared: "+strings.Join(tags, ", "), "%s has text in %q, which is not a declared language", what, k.Value)
			continue
		}
		seen[k.Value] = k.Line
		s, ok := r.str(v, what+" in "+k.Value)
		if ok {
			s, ok = r.checkText(resolve(v), what+" in "+k.Value, s)
		}
		if !ok {
			continue
		}
		if strings.TrimSpace(s) == "" {
			r.errorf(r.pos(v), "write the text or leave the language out", "%s in %s is empty", what, k.Value)
			continue
		}
		// The tag as declared, not the key's own copy of it: one string
		// for every text of the catalog.
		t.Set(tags[slices.Index(tags, k.Value)], s)
	}
	return t, seen
}

func (r *reader) complete(n *yaml.Node, what string, tags []string, required bool, seen map[string]int) {
	if !required && len(seen) == 0 {
		return
	}
	for _, tag := range tags {
		if _, ok := seen[tag]; !ok {
			hint := "add `" + tag + ": …`"
			if !required {
				hint += " or remove the whole " + what
			}
			r.errorf(r.pos(resolve(n)), hint, "%s has no text in %q", what, tag)
		}
	}
}

// reservation reads `{code: N, reason: {en: …}}` or `{range: [lo, hi], reason: {en: …}}`.
func (r *reader) reservation(n *yaml.Node, tags []string) *Reserved {
	f, ok := r.mapping(n, "a reservation", []string{"code", "range", "reason"}, []string{"reason"})
	if !ok {
		return nil
	}
	res := &Reserved{Pos: r.pos(f.node)}
	switch code, rng := f.get("code"), f.get("range"); {
	case code != nil && rng != nil:
		r.errorf(r.pos(rng), "keep one of them", "a reservation has both code and range")
		return nil
	case code != nil:
		v, ok := r.integer(code, "reserved code")
		if !ok {
			return nil
		}
		res.Min, res.Max = v, v
	case rng != nil:
		lo, hi, ok := r.intRange(rng, "reserved range")
		if !ok {
			return nil
		}
		res.Min, res.Max = lo, hi
	default:
		r.errorf(res.Pos, "add `code: N` or `range: [lo, hi]`", "a reservation names no number")
		return nil
	}
	if n := f.get("reason"); n != nil {
		res.Reason = r.text(n, "reservation reason", tags, true)
	}
	return res
}

func (res *Reserved) String() string {
	if res.Min == res.Max {
		return strconv.Itoa(res.Min)
	}
	return fmt.Sprintf("%d–%d", res.Min, res.Max)
}
