package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
)

// edit replaces data[start:end] with text; at one offset, edits apply in
// the order they were made.
type edit struct {
	start, end int
	text       string
	seq        int
}

type merger struct {
	*importer
	edits []edit
	// flows are the flow-style nodes changed in the tree, written at the end.
	flows []*yaml.Node
	dirty map[*yaml.Node]bool
}

func (m *merger) add(start, end int, text string) {
	m.edits = append(m.edits, edit{start, end, text, len(m.edits)})
}

// merge edits the catalog's text where its nodes say, so every byte it
// does not change (comments, key order, blank lines, quoting) stays.
func (im *importer) merge(rows []Row) []byte {
	m := &merger{importer: im, dirty: map[*yaml.Node]bool{}}
	c := im.cat
	var fresh []Row
	for _, r := range rows {
		if item := c.items[r.Number]; item != nil {
			m.update(item, r)
		} else {
			fresh = append(fresh, r)
		}
	}
	slices.SortFunc(fresh, func(a, b Row) int { return a.Number - b.Number })
	m.insert(fresh)
	return m.apply()
}

// apply writes the catalog's bytes with every edit made.
func (m *merger) apply() []byte {
	m.rewriteFlows()
	data := m.cat.ix.data
	slices.SortStableFunc(m.edits, func(a, b edit) int { return cmp.Or(a.start-b.start, a.seq-b.seq) })
	var out bytes.Buffer
	out.Grow(len(data))
	at := 0
	for _, e := range m.edits {
		out.Write(data[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(data[at:])
	return out.Bytes()
}

// insert adds new codes after the code below them, so group comments
// above the next code stay with it.
func (m *merger) insert(rows []Row) {
	if len(rows) == 0 {
		return
	}
	c := m.cat
	numbers := c.numbers()
	if len(numbers) == 0 {
		indent := c.codesKey.Column - 1 + 2
		var b strings.Builder
		for _, r := range rows {
			b.WriteString(m.item(r, indent))
		}
		keyLine := c.codesKey.Line
		end := c.ix.lineStart(keyLine+1) - 1
		if keyLine == c.ix.lines() {
			end = len(c.ix.data)
		}
		if c.codes.Kind == yaml.SequenceNode { // `codes: []`
			open := c.ix.offset(c.codes.Line, c.codes.Column)
			if close := bytes.IndexByte(c.ix.data[open:], ']'); close >= 0 {
				m.add(open-1, open+close+1, "") // and the space before it
			}
		}
		m.add(end, end, "\n"+strings.TrimSuffix(b.String(), "\n"))
		return
	}
	first := c.items[numbers[0]]
	indent := first.Column - 1 - 2
	for _, r := range rows {
		i, _ := slices.BinarySearch(numbers, r.Number)
		at := c.ix.lineStart(first.Line) // before the first code, under its comment
		if i > 0 {
			at = m.itemEnd(c.items[numbers[i-1]], indent)
		}
		m.add(at, at, m.item(r, indent))
	}
}

// itemEnd is the offset after the last line of a code's mapping; the blank
// and comment lines after it belong to what follows.
func (m *merger) itemEnd(item *yaml.Node, dash int) int {
	ix := m.cat.ix
	last := item.Line
	for l := item.Line + 1; l <= ix.lines(); l++ {
		line := ix.lineText(l)
		trimmed := strings.TrimSpace(line)
		ind := len(line) - len(strings.TrimLeft(line, " "))
		if trimmed == "" || (strings.HasPrefix(trimmed, "#") && ind <= dash) {
			continue
		}
		if ind <= dash {
			break
		}
		last = l
	}
	return ix.lineStart(last + 1)
}

// item renders a new code as a list item indented by indent spaces.
func (m *merger) item(r Row, indent int) string {
	n := &yaml.Node{Kind: yaml.MappingNode}
	kv := func(k string, v *yaml.Node) { n.Content = append(n.Content, str(k), v) }
	kv("code", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.Number)})
	id := m.identifier(r)
	kv("id", str(id))
	if r.Wire.text != "" && r.Wire.text != id {
		kv("wire", str(r.Wire.text))
	}
	if r.Status != 0 {
		kv("status", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.Status)})
	}
	if m.opts.Table == string(catalog.KindHTTP) && r.Number < 0 {
		kv("client", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	for _, f := range []field{fieldMessage, fieldDescription} {
		if t := m.texts(r, f); len(t.Content) > 0 {
			kv(string(f), t)
		}
	}
	m.res.Added++
	return indentLines(encode(n), indent, "- ")
}

// texts is one field's text per language, in the catalog's language order.
func (m *merger) texts(r Row, f field) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, lang := range m.cat.langs {
		for _, t := range r.Texts {
			if t.field == f && t.lang == lang {
				n.Content = append(n.Content, str(lang), str(t.text))
			}
		}
	}
	return n
}

// update fills in what an existing code lacks and reports what differs.
// A flow-style mapping (`message: {en: …}`) cannot take a line edit: it is
// changed in the node tree and written again whole, in flow style.
func (m *merger) update(item *yaml.Node, r Row) {
	idKey := keyOf(item, "id")
	if r.Wire.text != "" && idKey != nil {
		have, wire := value(item, "id"), value(item, "wire")
		if wire != nil {
			have = wire
		}
		if have.Value != r.Wire.text && m.conflict(r, "wire name", have, r.Wire) {
			m.set(item, item, "wire", "id", str(r.Wire.text))
		}
	}
	if r.Status != 0 && idKey != nil {
		status := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.Status)}
		switch have := value(item, "status"); {
		case have == nil:
			m.set(item, item, "status", lastOf(item, "id", "wire"), status)
			m.res.Filled++
		case have.Value != status.Value && m.conflict(r, "status", have, r.StatusCell):
			m.set(item, item, "status", "", status)
		}
	}
	for _, f := range []field{fieldMessage, fieldDescription} {
		parent := value(item, string(f))
		if parent == nil {
			t := m.texts(r, f)
			if len(t.Content) == 0 {
				continue
			}
			// A new description goes right after the message, as codes
			// are written; a new message at the end of the code.
			after := ""
			if f == fieldDescription {
				after = string(fieldMessage)
			}
			m.set(item, item, string(f), after, t)
			m.res.Filled += len(t.Content) / 2
			continue
		}
		if parent.Kind != yaml.MappingNode {
			continue // the loader reports it
		}
		for _, t := range r.Texts {
			if t.field != f {
				continue
			}
			switch have := value(parent, t.lang); {
			case have == nil:
				m.set(item, parent, t.lang, lastKey(parent), str(t.text))
				m.res.Filled++
			case have.Value != t.text && m.conflict(r, fmt.Sprintf("%s in %s", f, t.lang), have, t.cell):
				m.set(item, parent, t.lang, "", str(t.text))
			}
		}
	}
}

// set gives key the value v in mapping n (the item or one of its text
// mappings): in place when the key is there, else after the key after
// ("" for the end).
func (m *merger) set(item, n *yaml.Node, key, after string, v *yaml.Node) {
	if root := flowRoot(item, n); root != nil {
		if n.Style&yaml.FlowStyle != 0 || n != item {
			v.Style |= flowIfMapping(v)
		}
		setNode(n, key, after, v)
		if !m.dirty[root] {
			m.dirty[root] = true
			m.flows = append(m.flows, root)
		}
		return
	}
	ix := m.cat.ix
	if k := keyOf(n, key); k != nil {
		m.replace(k, value(n, key), v)
		return
	}
	indent := n.Content[0].Column - 1
	if a := keyOf(n, after); a != nil {
		if next := keyAfter(n, after); next != nil {
			at := ix.lineStart(next.Line)
			m.add(at, at, indentLines(encode(mapping(key, v)), indent, ""))
			return
		}
	}
	// At the end of the mapping: after its last value.
	last := n.Content[len(n.Content)-2]
	end := m.valueEnd(last, n.Content[len(n.Content)-1])
	if n == item {
		end = m.itemEnd(item, item.Column-1-2) - 1
	}
	m.add(end, end, "\n"+strings.TrimSuffix(indentLines(encode(mapping(key, v)), indent, ""), "\n"))
}

// flowRoot is the outermost flow-style node of an item's mapping n, or nil.
func flowRoot(item, n *yaml.Node) *yaml.Node {
	switch {
	case item.Style&yaml.FlowStyle != 0:
		return item
	case n.Style&yaml.FlowStyle != 0:
		return n
	}
	return nil
}

func flowIfMapping(v *yaml.Node) yaml.Style {
	if v.Kind == yaml.MappingNode {
		return yaml.FlowStyle
	}
	return 0
}

// setNode sets key in a mapping node: in place, after the key after, or at
// the end.
func setNode(n *yaml.Node, key, after string, v *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = v
			return
		}
	}
	at := len(n.Content)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == after {
			at = i + 2
		}
	}
	n.Content = slices.Insert(n.Content, at, str(key), v)
}

func lastKey(n *yaml.Node) string { return n.Content[len(n.Content)-2].Value }

// lastOf is the last of keys that n has.
func lastOf(n *yaml.Node, keys ...string) string {
	found := ""
	for _, k := range keys {
		if keyOf(n, k) != nil {
			found = k
		}
	}
	return found
}

// rewriteFlows writes each changed flow-style node again, whole.
func (m *merger) rewriteFlows() {
	for _, n := range m.flows {
		start := m.cat.ix.offset(n.Line, n.Column)
		end := flowEnd(m.cat.ix.data, start)
		m.add(start, end, strings.TrimSuffix(encode(n), "\n"))
	}
}

// flowEnd is the offset after the bracket that closes the flow collection
// opening at start, skipping quoted text.
func flowEnd(data []byte, start int) int {
	depth := 0
	for i := start; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(data); i++ {
				if data[i] == '\'' {
					if i+1 < len(data) && data[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		}
	}
	return len(data)
}

// conflict reports a difference at both positions; it says whether to
// take the source's value.
func (m *merger) conflict(r Row, what string, have *yaml.Node, src cell) bool {
	verdict := "kept the catalog's; -prefer=import takes the source's"
	if m.opts.PreferImport {
		verdict = "took the source's (-prefer=import)"
		m.res.Replaced++
	}
	ours, theirs := excerpts(have.Value, src.text)
	m.res.Conflicts = append(m.res.Conflicts, catalog.Diagnostic{
		Pos: m.cat.pos(have), Severity: catalog.SeverityWarning,
		Message: fmt.Sprintf("conflict: %s code %d: %s is %s here but %s at %s", m.opts.Table, r.Number, what, ours, theirs, src.pos),
		Hint:    verdict,
	})
	return m.opts.PreferImport
}

// excerpts shortens two long texts to where they first differ; the two
// positions lead to the whole of them.
func excerpts(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	same := 0
	for same < len(ra) && same < len(rb) && ra[same] == rb[same] {
		same++
	}
	cut := func(r []rune) string {
		const before, most = 12, 48
		from, prefix := 0, ""
		if same > before {
			from, prefix = same-before, "…"
		}
		s := string(r[from:])
		if len(r)-from > most {
			s = string(r[from:from+most]) + "…"
		}
		return strconv.Quote(prefix + s)
	}
	return cut(ra), cut(rb)
}

// replace rewrites `key: value` in place, at the key's indentation.
func (m *merger) replace(key, val, with *yaml.Node) {
	start := m.cat.ix.offset(key.Line, key.Column)
	end := m.valueEnd(key, val)
	m.add(start, end, strings.TrimSuffix(indentLines(encode(mapping(key.Value, with)), key.Column-1, "")[key.Column-1:], "\n"))
}

// valueEnd is the offset just past a scalar value, before any comment.
func (m *merger) valueEnd(key, val *yaml.Node) int {
	ix := m.cat.ix
	data := ix.data
	start := ix.offset(val.Line, val.Column)
	switch val.Style {
	case yaml.DoubleQuotedStyle:
		for i := start + 1; i < len(data); i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case yaml.SingleQuotedStyle:
		for i := start + 1; i < len(data); i++ {
			if data[i] == '\'' {
				if i+1 < len(data) && data[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	}
	// Plain and block scalars: to the end of the last line indented past
	// the key.
	end := lineEndOf(data, start)
	if val.Style == yaml.FlowStyle || val.Style == 0 {
		if i := strings.Index(string(data[start:end]), " #"); i >= 0 {
			end = start + i
		}
		end = start + len(bytes.TrimRight(data[start:end], " \t"))
	}
	for l := val.Line + 1; l <= ix.lines(); l++ {
		line := ix.lineText(l)
		ind := len(line) - len(strings.TrimLeft(line, " "))
		if strings.TrimSpace(line) == "" {
			continue
		}
		if ind <= key.Column-1 || (val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && strings.HasPrefix(strings.TrimSpace(line), "#")) {
			break
		}
		end = ix.lineStart(l) + len(line)
	}
	return end
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func mapping(key string, v *yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(key), v}}
}

// encode writes a node as yaml.v3 does, two spaces an indent, no wrapping.
func encode(n *yaml.Node) string {
	var b bytes.Buffer
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(n); err != nil {
		panic(err) // nodes built here always encode
	}
	return b.String()
}

// indentLines indents every non-empty line by n spaces; the first line
// starts with first ("- " for a list item) and the others line up with it.
func indentLines(s string, n int, first string) string {
	pad := strings.Repeat(" ", n)
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		switch {
		case l == "" || l == "\n":
			b.WriteString(l)
		case i == 0:
			b.WriteString(pad + first + l)
		default:
			b.WriteString(pad + strings.Repeat(" ", len(first)) + l)
		}
	}
	return b.String()
}
