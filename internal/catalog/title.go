package catalog

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// title sets c.Title: the declared `title`, required where a message has
// placeholders (a title is the same for every occurrence, so it cannot hold
// a param, RFC 9457 Section 3.1.3), else the message itself.
func (r *reader) title(c *Code, f fields, tags []string) {
	msg := f.get("message")
	if msg == nil || c.Message.segments == nil {
		return
	}
	var needs string // the first language whose message has a placeholder
	for _, tag := range tags {
		if len(placeholders(c.Message.Segments(tag))) > 0 {
			needs = tag
			break
		}
	}
	n := f.get("title")
	if n == nil {
		if needs != "" {
			r.errorf(r.pos(lookupValue(msg, needs)), "add `title:` with a short summary in every language, without placeholders, e.g. `title: {"+tags[0]+": File too large}`; the filled message goes into the problem's detail",
				"code %d has a message with placeholders in %s but no title", c.Number, needs)
		}
		c.Title = make(Text, 0, len(tags))
		for _, tag := range tags {
			c.Title.Set(tag, c.Message.Plain(tag, func(p string) string { return "{" + p + "}" }))
		}
		return
	}
	c.Title = r.text(n, "title", tags, true)
	for _, tag := range tags {
		if s := c.Title.Get(tag); strings.ContainsAny(s, "{}") {
			r.errorf(r.pos(lookupValue(n, tag)), "write the summary without braces; the message's placeholders go into the problem's detail", "title in %s holds a brace: a title is the same for every occurrence of the code", tag)
		}
	}
}

// staticHeaders reads the service's header values, `name: value`, and sets
// each on the code headers of that name. A value must be usable as is on
// the wire; a header whose value depends on the request cannot be static.
func (r *reader) staticHeaders(c *Catalog, n *yaml.Node) []StaticHeader {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		r.errorf(r.pos(n), "write one `Header-Name: value` line per header", "headers must map header names to values, not %s", describe(n))
		return nil
	}
	var out []StaticHeader
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name, ok := r.str(k, "header name")
		if !ok {
			continue
		}
		if !headerName.MatchString(name) {
			r.errorf(r.pos(k), "use an HTTP field name such as WWW-Authenticate", "header name %q is not an HTTP field name", name)
			continue
		}
		dup := false
		for _, prev := range out {
			if strings.EqualFold(prev.Name, name) {
				r.errorf(r.pos(k), "remove one of them", "header %s is given twice (first at line %d)", name, prev.Pos.Line)
				dup = true
			}
		}
		value, ok := r.str(v, "value of header "+name)
		if !ok || dup {
			continue
		}
		if why := perRequest[strings.ToLower(name)]; why != "" {
			r.errorf(r.pos(k), "remove it and pass the value where the response is made (the Go target's New… constructor takes it)", "%s cannot be static: %s", name, why)
			continue
		}
		if bad := badFieldValue(value); bad != "" {
			r.errorf(r.pos(v), "write the value as it goes on the wire: visible ASCII and inner spaces", "value of header %s %s", name, bad)
			continue
		}
		used := false
		for _, t := range c.Tables {
			for _, code := range t.Codes {
				for j := range code.Headers {
					if strings.EqualFold(code.Headers[j].Name, name) {
						code.Headers[j].Static = value
						used = true
					}
				}
			}
		}
		if !used && len(c.Tables) > 0 {
			r.errorf(r.pos(k), "list it under the headers of the http status that needs it, or remove it", "no status of the http table lists the header %s", name)
			continue
		}
		out = append(out, StaticHeader{Name: name, Value: value, Pos: r.pos(k)})
	}
	return out
}

// perRequest names the headers whose value depends on the request, with why.
var perRequest = map[string]string{
	"allow":            "it lists the methods of the target resource, which differ by route",
	"location":         "it names a URI that depends on the request",
	"content-location": "it names a URI that depends on the request",
	"content-range":    "it gives the length of the selected representation",
}

// badFieldValue says what makes s unfit as an HTTP field value (RFC 9110,
// Section 5.5), or "". Only visible ASCII and inner spaces are accepted:
// obs-text is legacy, and controls would split or smuggle a header.
func badFieldValue(s string) string {
	if s == "" {
		return "is empty"
	}
	if s[0] == ' ' || s[0] == '\t' || s[len(s)-1] == ' ' || s[len(s)-1] == '\t' {
		return "starts or ends with white space"
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; b != ' ' && (b < 0x21 || b > 0x7e) {
			return "holds a character other than visible ASCII and spaces at byte " + strconv.Itoa(i)
		}
	}
	return ""
}
