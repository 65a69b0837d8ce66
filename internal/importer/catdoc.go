package importer

import (
	"fmt"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
)

// catDoc is the part of the catalog's YAML an import edits, read leniently
// from the node tree: a catalog with placeholders an earlier import left
// does not load, and must still take the next import.
type catDoc struct {
	ix       *lineIndex
	langs    []string
	codesKey *yaml.Node
	codes    *yaml.Node // the codes list, or null
	min, max int
	rangeOK  bool
	// categories are the [min, max] of each category.
	categories [][2]int
	// reserved are the numbers the table retired, never to be reused.
	reserved []reservation
	// items are the code mappings by number; ids every id in the table.
	items map[int]*yaml.Node
	ids   map[string]bool
	// statuses are the numbers of the http table, which the loader wants
	// every status of another table to be among; nil without that table.
	statuses map[int]bool
}

func readCatalog(name string, data []byte, kind catalog.TableKind) (*catDoc, catalog.Diagnostics) {
	start := catalog.Pos{File: name, Line: 1, Column: 1}
	fail := func(pos catalog.Pos, hint, format string, args ...any) (*catDoc, catalog.Diagnostics) {
		return nil, catalog.Diagnostics{{Pos: pos, Severity: catalog.SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint}}
	}
	switch kind {
	case catalog.KindHTTP, catalog.KindResponse, catalog.KindError:
	default:
		return fail(start, "use -table http, response or error", "there is no table %q", kind)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fail(start, "fix it first; errgen lint shows where", "the catalog is not valid YAML: %v", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return fail(start, "start from `errgen init`", "the catalog is not a mapping of settings and tables")
	}
	c := &catDoc{ix: newLineIndex(name, data), items: map[int]*yaml.Node{}, ids: map[string]bool{}}
	root := doc.Content[0]
	if langs := value(root, "languages"); langs != nil {
		for _, l := range langs.Content {
			if tag := value(l, "tag"); tag != nil {
				c.langs = append(c.langs, tag.Value)
			}
		}
	}
	if len(c.langs) == 0 {
		return fail(start, "declare `languages` first", "the catalog declares no languages")
	}
	if http := value(value(root, string(catalog.KindHTTP)), "codes"); http != nil && kind != catalog.KindHTTP {
		c.statuses = map[int]bool{}
		for _, item := range http.Content {
			if v, err := strconv.Atoi(scalar(value(item, "code"))); err == nil {
				c.statuses[v] = true
			}
		}
	}
	table := value(root, string(kind))
	if table == nil || table.Kind != yaml.MappingNode {
		return fail(start, "add the table (errgen init writes all three) with its type, title and range first", "the catalog has no %s table", kind)
	}
	c.min, c.max, c.rangeOK = intPair(value(table, "range"))
	if cats := value(table, "categories"); cats != nil {
		for _, cat := range cats.Content {
			if lo, hi, ok := intPair(value(cat, "range")); ok {
				c.categories = append(c.categories, [2]int{lo, hi})
			}
		}
	}
	if res := value(table, "reserved"); res != nil {
		for _, r := range res.Content {
			lo, hi, ok := intPair(value(r, "range"))
			if n := value(r, "code"); n != nil {
				v, err := strconv.Atoi(n.Value)
				lo, hi, ok = v, v, err == nil
			}
			if ok {
				c.reserved = append(c.reserved, reservation{lo, hi, r})
			}
		}
	}
	for i := 0; i+1 < len(table.Content); i += 2 {
		if table.Content[i].Value == "codes" {
			c.codesKey, c.codes = table.Content[i], table.Content[i+1]
		}
	}
	if c.codes == nil {
		return fail(catalog.Pos{File: name, Line: table.Line, Column: table.Column}, "add `codes: []` to the table", "the %s table has no codes list", kind)
	}
	if c.codes.Kind != yaml.SequenceNode && c.codes.ShortTag() != "!!null" {
		return fail(catalog.Pos{File: name, Line: c.codes.Line, Column: c.codes.Column}, "write the codes as a list", "the %s table's codes are not a list", kind)
	}
	for _, item := range c.codes.Content {
		if id := value(item, "id"); id != nil {
			c.ids[id.Value] = true
		}
		if n := value(item, "code"); n != nil {
			if v, err := strconv.Atoi(n.Value); err == nil {
				c.items[v] = item
			}
		}
	}
	return c, nil
}

type reservation struct {
	min, max int
	node     *yaml.Node
}

// value is the value of key in a mapping node, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// scalar is a scalar node's text, or "".
func scalar(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return n.Value
}

// keyOf is the key node of key in a mapping node, or nil.
func keyOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

// keyAfter is the key following key in a mapping, or nil when it is last.
func keyAfter(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+3 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+2]
		}
	}
	return nil
}

func intPair(n *yaml.Node) (lo, hi int, ok bool) {
	if n == nil || n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		return 0, 0, false
	}
	lo, err1 := strconv.Atoi(n.Content[0].Value)
	hi, err2 := strconv.Atoi(n.Content[1].Value)
	return lo, hi, err1 == nil && err2 == nil
}

// numbers are the catalog's code numbers in order.
func (c *catDoc) numbers() []int {
	ns := make([]int, 0, len(c.items))
	for n := range c.items {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

func (c *catDoc) pos(n *yaml.Node) catalog.Pos {
	return catalog.Pos{File: c.ix.file, Line: n.Line, Column: n.Column}
}

func (c *catDoc) reservedAt(n int) *reservation {
	for i, r := range c.reserved {
		if n >= r.min && n <= r.max {
			return &c.reserved[i]
		}
	}
	return nil
}
