package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// headerName is an HTTP field name token (RFC 9110, Section 5.1).
var headerName = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

func (r *reader) table(kind TableKind, n *yaml.Node, tags []string) *Table {
	what := "the " + string(kind) + " table"
	f, ok := r.mapping(n, what, tableKeys, []string{"type", "title", "range", "codes"})
	if !ok {
		return nil
	}
	t := &Table{Kind: kind, Pos: r.pos(f.node)}
	if v := f.get("type"); v != nil {
		if s, ok := r.str(v, string(kind)+".type"); ok {
			if !idPattern.MatchString(s) {
				r.errorf(r.pos(v), "use a PascalCase ASCII name such as ErrorCode", "type name %q is not a PascalCase identifier", s)
			}
			t.TypeName = s
		}
	}
	if v := f.get("prefix"); v != nil {
		if s, ok := r.str(v, string(kind)+".prefix"); ok {
			if s != "" && !idPattern.MatchString(s) {
				r.errorf(r.pos(v), "use a PascalCase ASCII word such as HTTP, or \"\"", "prefix %q is not a PascalCase identifier", s)
			}
			t.Prefix = s
		}
	}
	if v := f.get("title"); v != nil {
		t.Title = r.text(v, string(kind)+".title", tags, true)
	}
	if v := f.get("description"); v != nil {
		t.Description = r.text(v, string(kind)+".description", tags, false)
	}
	rangeOK := false
	if v := f.get("range"); v != nil {
		t.Min, t.Max, rangeOK = r.intRange(v, string(kind)+".range")
		if rangeOK && kind != KindHTTP && (t.Min < 0) {
			r.errorf(r.pos(v), "start the range at 0 or above", "%s range starts below 0; only the http table holds negative (client) codes", what)
		}
	}
	if v := f.get("categories"); v != nil {
		for _, item := range r.sequence(v, string(kind)+".categories") {
			if cat := r.category(t, item, tags, rangeOK); cat != nil {
				t.Categories = append(t.Categories, cat)
			}
		}
		r.checkCategories(t)
	}
	if v := f.get("reserved"); v != nil {
		for _, item := range r.sequence(v, string(kind)+".reserved") {
			res := r.reservation(item, tags)
			if res == nil {
				continue
			}
			if rangeOK && (res.Min < t.Min || res.Max > t.Max) {
				r.errorf(res.Pos, fmt.Sprintf("keep it inside [%d, %d] or widen the table's range", t.Min, t.Max), "reserved %s lies outside %s's range", res, what)
			}
			for _, prev := range t.Reserved {
				if res.Min <= prev.Max && prev.Min <= res.Max {
					r.errorf(res.Pos, "merge the two reservations", "reserved %s overlaps reserved %s at line %d", res, prev, prev.Pos.Line)
				}
			}
			t.Reserved = append(t.Reserved, res)
		}
		slices.SortFunc(t.Reserved, func(a, b *Reserved) int { return a.Min - b.Min })
	}
	if v := f.get("codes"); v != nil {
		replacements := map[*Code]*yaml.Node{}
		r.items(v, string(kind)+".codes", func(item *yaml.Node) {
			if c := r.code(t, item, tags, rangeOK, replacements); c != nil {
				t.Codes = append(t.Codes, c)
			}
		})
		r.checkCodes(t)
		r.resolveReplacements(t, replacements)
		slices.SortStableFunc(t.Codes, func(a, b *Code) int { return a.Number - b.Number })
	}
	return t
}

func (r *reader) category(t *Table, n *yaml.Node, tags []string, rangeOK bool) *Category {
	f, ok := r.mapping(n, "a category", []string{"name", "range", "title"}, []string{"name", "range", "title"})
	if !ok || f.get("name") == nil || f.get("range") == nil || f.get("title") == nil {
		return nil
	}
	cat := &Category{Pos: r.pos(f.node)}
	name, ok := r.str(f.get("name"), "category name")
	if !ok {
		return nil
	}
	if !namePattern.MatchString(name) {
		r.errorf(r.pos(f.get("name")), "use lower_snake_case such as client_error", "category name %q is not lower_snake_case", name)
	}
	cat.Name = name
	lo, hi, ok := r.intRange(f.get("range"), "category range")
	if !ok {
		return nil
	}
	cat.Min, cat.Max = lo, hi
	if rangeOK && (lo < t.Min || hi > t.Max) {
		r.errorf(r.pos(f.get("range")), fmt.Sprintf("keep it inside [%d, %d]", t.Min, t.Max), "category %s [%d, %d] lies outside the %s table's range", name, lo, hi, t.Kind)
	}
	cat.Title = r.text(f.get("title"), "category title", tags, true)
	return cat
}

func (r *reader) checkCategories(t *Table) {
	for i, a := range t.Categories {
		for _, b := range t.Categories[:i] {
			if a.Name == b.Name {
				r.errorf(a.Pos, "rename one of them", "category %q is declared twice (first at line %d)", a.Name, b.Pos.Line)
			}
			if a.Min <= b.Max && b.Min <= a.Max {
				r.errorf(a.Pos, "make the ranges disjoint", "category %s [%d, %d] overlaps category %s [%d, %d]", a.Name, a.Min, a.Max, b.Name, b.Min, b.Max)
			}
		}
	}
}

func (r *reader) code(t *Table, n *yaml.Node, tags []string, rangeOK bool, replacements map[*Code]*yaml.Node) *Code {
	f, ok := r.mapping(n, "a code", codeKeys, []string{"code", "id", "message"})
	if !ok {
		return nil
	}
	c := &Code{Table: t, Pos: r.pos(f.node)}
	numberOK := false
	if v := f.get("code"); v != nil {
		c.Number, numberOK = r.integer(v, "code")
		if numberOK {
			c.Pos = r.pos(v)
		}
	}
	if v := f.get("id"); v != nil {
		if s, ok := r.str(v, "id"); ok {
			switch {
			case IsPlaceholderID(s):
				r.errorf(r.pos(v), "name the code: a PascalCase id such as OrderNotFound, from its meaning", "code %d has no name yet: errgen import left the placeholder id %q", c.Number, s)
			case !idPattern.MatchString(s):
				r.errorf(r.pos(v), "use PascalCase ASCII letters and digits, starting with a capital, e.g. OrderNotFound, so it is an exported Go name and a TypeScript member", "id %q is not a valid identifier", s)
			case reservedIDs[s]:
				r.errorf(r.pos(v), "choose another name", "id %q is reserved: TypeScript does not allow it as an enum member", s)
			}
			c.ID = s
		}
	}
	c.Wire = c.ID
	if v := f.get("wire"); v != nil {
		if s, ok := r.str(v, "wire"); ok {
			if !wirePattern.MatchString(s) {
				r.errorf(r.pos(v), "use ASCII letters, digits and _, starting with a letter", "wire name %q is not a valid wire name", s)
			}
			c.Wire = s
		}
	}
	if v := f.get("client"); v != nil {
		c.Client, _ = r.boolean(v, "client")
		if t.Kind != KindHTTP {
			r.errorf(r.pos(f.keys["client"]), "move client-side exceptions to the http table", "only http codes can be raised by the client")
		}
	}
	if v := f.get("status"); v != nil {
		if t.Kind == KindHTTP {
			r.errorf(r.pos(f.keys["status"]), "remove it: an http code is its own status", "an http code has no separate status")
		} else if s, ok := r.integer(v, "status"); ok {
			if s < 100 || s > 599 {
				r.errorf(r.pos(v), "use a status from 100 to 599", "HTTP status %d is outside 100–599", s)
			}
			c.Status = s
		}
	} else if t.Kind != KindHTTP {
		r.errorf(c.Pos, "add `status: N` with the HTTP status a server sends", "code %d has no HTTP status", c.Number)
	}
	if numberOK {
		r.checkNumber(t, c, rangeOK)
	}
	if v := f.get("message"); v != nil {
		c.Message.Text = r.translations(v, "message", tags, true, c)
	}
	if v := f.get("description"); v != nil {
		c.Description = r.translations(v, "description", tags, false, c)
	}
	if c.Description == nil {
		c.Description = Text{}
	}
	if v := f.get("resolution"); v != nil {
		c.Resolution = r.translations(v, "resolution", tags, false, c)
	}
	if c.Resolution == nil {
		c.Resolution = Text{}
	}
	if v := f.get("causes"); v != nil {
		for i, item := range r.sequence(v, "causes") {
			if t := r.translations(item, "cause "+strconv.Itoa(i+1), tags, true, c); t != nil {
				c.Causes = append(c.Causes, t)
			}
		}
	}
	if v := f.get("reference"); v != nil {
		if s, ok := r.str(v, "reference"); ok {
			if s, ok = r.checkText(resolve(v), "reference", s); ok {
				c.Reference = s
			}
		}
	}
	if v := f.get("params"); v != nil {
		c.Params = r.params(v)
	}
	r.segments(c, f.get("message"), tags)
	r.title(c, f, tags)
	if v := f.get("headers"); v != nil {
		if t.Kind != KindHTTP || c.Client {
			r.errorf(r.pos(f.keys["headers"]), "declare headers on the http table's entry for the status; response and error codes inherit them", "only server http codes carry headers")
		} else {
			c.Headers = r.headers(v, tags)
		}
	}
	if v := f.get("retryable"); v != nil {
		c.Retryable, _ = r.boolean(v, "retryable")
	}
	if v := f.get("deprecated"); v != nil {
		c.Deprecated = r.deprecation(c, v, tags, replacements)
	}
	return c
}

// checkNumber places a code in its table's range and category, and keeps
// client codes and server statuses apart.
func (r *reader) checkNumber(t *Table, c *Code, rangeOK bool) {
	if rangeOK && (c.Number < t.Min || c.Number > t.Max) {
		r.errorf(c.Pos, fmt.Sprintf("move it into [%d, %d] or widen the table's range", t.Min, t.Max), "code %d is outside the %s table's range", c.Number, t.Kind)
	}
	if t.Kind == KindHTTP {
		c.Status = c.Number
		switch {
		case c.Client && c.Number >= 100:
			r.errorf(c.Pos, "number client-side exceptions below 100 (e.g. -1 … -6)", "client code %d collides with the HTTP status range", c.Number)
		case c.Client:
			c.Status = 0
		case c.Number < 100 || c.Number > 599:
			r.errorf(c.Pos, "use a status from 100 to 599, or mark a client-side exception with `client: true`", "HTTP status %d is outside 100–599", c.Number)
		}
	}
	for _, cat := range t.Categories {
		if c.Number >= cat.Min && c.Number <= cat.Max {
			c.Category = cat
		}
	}
	if len(t.Categories) > 0 && c.Category == nil {
		r.errorf(c.Pos, "add a category that covers it", "code %d lies in no category of the %s table", c.Number, t.Kind)
	}
	for _, res := range t.Reserved {
		if c.Number >= res.Min && c.Number <= res.Max {
			r.errorf(c.Pos, "choose another number: reserved numbers are never reused", "code %d reuses reserved %s (line %d)", c.Number, res, res.Pos.Line)
		}
	}
}

func (r *reader) params(n *yaml.Node) []Param {
	var params []Param
	for _, item := range r.sequence(n, "params") {
		f, ok := r.mapping(item, "a param", []string{"name", "type", "example"}, []string{"name", "example"})
		if !ok || f.get("name") == nil {
			continue
		}
		p := Param{Type: ParamString}
		name, ok := r.str(f.get("name"), "param name")
		if !ok {
			continue
		}
		switch {
		case !paramName.MatchString(name):
			r.errorf(r.pos(f.get("name")), "use letters, digits and _, starting with a letter", "param name %q is not an identifier", name)
		case name == "__proto__":
			r.errorf(r.pos(f.get("name")), "choose another name", "param name __proto__ cannot be passed in a JavaScript object literal")
		}
		if slices.ContainsFunc(params, func(q Param) bool { return q.Name == name }) {
			r.errorf(r.pos(f.get("name")), "remove the repeat", "param %q is declared twice", name)
			continue
		}
		p.Name = name
		if v := f.get("type"); v != nil {
			if s, ok := r.str(v, "param type"); ok {
				switch ParamType(s) {
				case ParamString, ParamInt:
					p.Type = ParamType(s)
				default:
					r.errorf(r.pos(v), "use string or int", "param type %q is unknown", s)
				}
			}
		}
		if v := f.get("example"); v != nil {
			s := resolve(v)
			if s.Kind != yaml.ScalarNode || s.ShortTag() == "!!null" {
				r.errorf(r.pos(s), "give an example value", "param example must be a value, not %s", describe(s))
			} else if ex, ok := r.checkText(s, "param example", s.Value); ok {
				p.Example = ex
				if p.Type == ParamInt && s.ShortTag() != "!!int" {
					r.errorf(r.pos(s), "give a whole number", "example %q of int param %q is not an integer", s.Value, name)
				}
			}
		}
		params = append(params, p)
	}
	return params
}

// segments splits each language's message and checks that every language
// uses exactly the declared params.
func (r *reader) segments(c *Code, n *yaml.Node, tags []string) {
	if c.Message.Text == nil || n == nil {
		return
	}
	declared := make([]string, len(c.Params))
	for i, p := range c.Params {
		declared[i] = p.Name
	}
	m := &c.Message
	m.segments = make([][]Segment, len(m.Text))
	m.pos = make([]Pos, len(m.Text))
	for _, tag := range tags {
		i := slices.IndexFunc(m.Text, func(e LangText) bool { return e.Lang == tag })
		if i < 0 {
			continue
		}
		pos := r.pos(lookupValue(n, tag))
		m.pos[i] = pos
		segs, err := parseMessage(m.Text[i].Text)
		if err != nil {
			r.errorf(pos, "", "message in %s %v", tag, err)
			continue
		}
		m.segments[i] = segs
		used := placeholders(segs)
		for _, name := range used {
			if !slices.Contains(declared, name) {
				r.errorf(pos, "declare it under `params`, or write {{"+name+"}} for literal text", "message in %s uses {%s}, which is not a declared param", tag, name)
			}
		}
		for _, name := range declared {
			if !slices.Contains(used, name) {
				r.errorf(pos, "every language must use the same placeholders", "message in %s does not use the param {%s}", tag, name)
			}
		}
	}
}

func (r *reader) headers(n *yaml.Node, tags []string) []Header {
	var hs []Header
	for _, item := range r.sequence(n, "headers") {
		f, ok := r.mapping(item, "a header", []string{"name", "requirement", "enforce", "description"}, []string{"name", "requirement"})
		if !ok || f.get("name") == nil || f.get("requirement") == nil {
			continue
		}
		var h Header
		if s, ok := r.str(f.get("name"), "header name"); ok {
			if !headerName.MatchString(s) {
				r.errorf(r.pos(f.get("name")), "use an HTTP field name such as Retry-After", "header name %q is not an HTTP field name", s)
			}
			for _, prev := range hs {
				if strings.EqualFold(prev.Name, s) {
					r.errorf(r.pos(f.get("name")), "remove the repeat", "header %q is listed twice", s)
				}
			}
			h.Name = s
		}
		if s, ok := r.str(f.get("requirement"), "header requirement"); ok {
			switch Requirement(s) {
			case Must, Should, May:
				h.Requirement = Requirement(s)
			default:
				r.errorf(r.pos(f.get("requirement")), "use MUST, SHOULD or MAY as the RFC says", "header requirement %q is not an RFC 2119 keyword", s)
			}
		}
		if v := f.get("enforce"); v != nil {
			h.Enforce, _ = r.boolean(v, "enforce")
			if h.Enforce && h.Requirement != Should {
				r.errorf(r.pos(v), "remove it: a MUST header is always a duty, and a MAY header never is", "enforce applies to SHOULD headers only")
			}
		}
		if v := f.get("description"); v != nil {
			h.Description = r.text(v, "header description", tags, true)
		}
		if h.Description == nil {
			h.Description = Text{}
		}
		hs = append(hs, h)
	}
	return hs
}

// deprecation reads `deprecated: true` or `deprecated: {replacement, reason}`;
// the replacement is resolved once the whole table is read.
func (r *reader) deprecation(c *Code, n *yaml.Node, tags []string, replacements map[*Code]*yaml.Node) *Deprecation {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		if b, ok := r.boolean(n, "deprecated"); ok && b {
			return &Deprecation{Reason: Text{}}
		}
		return nil
	}
	f, ok := r.mapping(n, "deprecated", []string{"replacement", "reason"}, nil)
	if !ok {
		return nil
	}
	d := &Deprecation{Reason: Text{}}
	if v := f.get("reason"); v != nil {
		d.Reason = r.text(v, "deprecation reason", tags, true)
	}
	if v := f.get("replacement"); v != nil {
		if _, ok := r.str(v, "replacement"); ok {
			replacements[c] = v
		}
	}
	return d
}

func (r *reader) resolveReplacements(t *Table, replacements map[*Code]*yaml.Node) {
	if len(replacements) == 0 {
		return
	}
	// The first code of each id, as a search from the front would find.
	byID := make(map[string]*Code, len(t.Codes))
	for _, c := range t.Codes {
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = c
		}
	}
	for _, c := range t.Codes {
		n, ok := replacements[c]
		if !ok {
			continue
		}
		id := resolve(n).Value
		repl := byID[id]
		switch {
		case repl == nil:
			r.errorf(r.pos(n), "name the id of a code in the same table", "replacement %q is not an id of the %s table", id, t.Kind)
		case repl == c:
			r.errorf(r.pos(n), "name another code, or drop `replacement`", "code %d names itself as its replacement", c.Number)
		case repl.Deprecated != nil:
			r.errorf(r.pos(n), "name the code that replaces "+id+" instead", "replacement %q is itself deprecated", id)
		default:
			c.Deprecated.Replacement = repl
		}
	}
}
