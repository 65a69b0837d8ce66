package golang

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// plan is what a table's file is built from, derived once from the
// catalog: the packed text, the lookup layout and the constructors.
type plan struct {
	t     *catalog.Table
	names tableNames

	// text packs, for each code in order, slots entries: its identifier,
	// its wire name and its message in each language. offs[k] and
	// offs[k+1] bound entry k; code i's entry j is k = i*slots+j.
	slots int
	text  string
	offs  []int

	// dense tables map c-min to an index through an array; sparse ones
	// search the sorted values.
	dense bool
	min   int

	byName []int // code indices sorted by identifier
	byWire []int // one code index per wire name, sorted by wire name

	// templates holds, for codes with placeholders, the message in each
	// language with placeholder i written as "\x00" followed by byte i.
	templates map[*catalog.Code][]string

	ctors map[*catalog.Code]*ctor
}

// Slots of a code's entries in plan.text before the messages.
const (
	slotName = 0
	slotWire = 1
	slotMsg  = 2
)

// denseLimit bounds the span (max-min+1) of a table looked up through an
// array: a table is dense when its span is at most max(denseLimit, 8n).
const denseLimit = 1 << 14

// maxParams is how many placeholders one byte can number.
const maxParams = 256

// ctor describes the constructor a code gets when building its Error needs
// arguments: placeholder values, or header values its status obliges.
type ctor struct {
	params  []catalog.Param
	headers []string // MUST headers other than Retry-After, in catalog order
	// retry is "" when the status lists no Retry-After, else its requirement.
	retry catalog.Requirement
}

const retryAfterHeader = "Retry-After"

func (g *gen) plan(t *catalog.Table) (*plan, error) {
	p := &plan{
		t:         t,
		names:     namesOf(t),
		slots:     slotMsg + len(g.langs),
		templates: map[*catalog.Code][]string{},
		ctors:     map[*catalog.Code]*ctor{},
	}
	n := len(t.Codes)
	var errs []error

	// Packed text, in code order.
	var b strings.Builder
	p.offs = make([]int, 0, n*p.slots+1)
	p.offs = append(p.offs, 0)
	for _, c := range t.Codes {
		b.WriteString(c.QualifiedName())
		p.offs = append(p.offs, b.Len())
		b.WriteString(c.Wire)
		p.offs = append(p.offs, b.Len())
		for _, l := range g.langs {
			b.WriteString(display(c, l))
			p.offs = append(p.offs, b.Len())
		}
	}
	p.text = b.String()

	if n > 0 {
		p.min = t.Codes[0].Number
		span := t.Codes[n-1].Number - p.min + 1
		p.dense = span > 0 && span <= max(denseLimit, 8*n)
	}
	for i := 1; i < n; i++ {
		if t.Codes[i-1].Number >= t.Codes[i].Number {
			errs = append(errs, fmt.Errorf("%s: Go: codes of the %s table are not sorted by number", t.Codes[i].Pos, t.Kind))
			break
		}
	}

	// Name searches.
	p.byName = make([]int, n)
	for i := range p.byName {
		p.byName[i] = i
	}
	slices.SortFunc(p.byName, func(a, b int) int {
		return strings.Compare(t.Codes[a].QualifiedName(), t.Codes[b].QualifiedName())
	})
	p.byWire = wireOrder(t.Codes)

	for _, c := range t.Codes {
		if len(c.Params) > 0 {
			tm, err := g.templates(c)
			if err != nil {
				errs = append(errs, err)
			}
			p.templates[c] = tm
		}
		if k := g.ctorOf(c); k != nil {
			p.ctors[c] = k
		}
	}
	return p, errors.Join(errs...)
}

// wireOrder picks, for each wire name, the code ParseName returns for it:
// the lowest-numbered code that is not deprecated, or the lowest-numbered
// if all are. It returns their indices sorted by wire name.
func wireOrder(codes []*catalog.Code) []int {
	chosen := map[string]int{}
	var wires []string
	for i, c := range codes {
		j, ok := chosen[c.Wire]
		if !ok {
			chosen[c.Wire] = i
			wires = append(wires, c.Wire)
			continue
		}
		if codes[j].Deprecated != nil && c.Deprecated == nil {
			chosen[c.Wire] = i
		}
	}
	slices.Sort(wires)
	out := make([]int, len(wires))
	for i, w := range wires {
		out[i] = chosen[w]
	}
	return out
}

// display renders a message as Message returns it: placeholders as
// {name}, escaped braces as single ones.
func display(c *catalog.Code, lang string) string {
	return c.Message.Plain(lang, func(p string) string { return "{" + p + "}" })
}

// templates encodes a code's message in each language for fill: literal
// text as is, placeholder i as "\x00" followed by byte i. The loader
// rejects NUL in text, so the marker cannot be mistaken for a literal.
func (g *gen) templates(c *catalog.Code) ([]string, error) {
	if len(c.Params) > maxParams {
		return nil, fmt.Errorf("%s: Go: %s has %d params; at most %d fit", c.Pos, c.QualifiedName(), len(c.Params), maxParams)
	}
	out := make([]string, len(g.langs))
	for li, l := range g.langs {
		var b strings.Builder
		for _, s := range c.Message.Segments[l] {
			if s.Param == "" {
				if strings.IndexByte(s.Literal, 0) >= 0 {
					return nil, fmt.Errorf("%s: Go: the %s message of %s holds a NUL byte", c.Pos, l, c.QualifiedName())
				}
				b.WriteString(s.Literal)
				continue
			}
			i := slices.IndexFunc(c.Params, func(p catalog.Param) bool { return p.Name == s.Param })
			if i < 0 {
				return nil, fmt.Errorf("%s: Go: the %s message of %s uses {%s}, which is not among its params", c.Pos, l, c.QualifiedName(), s.Param)
			}
			b.WriteByte(0)
			b.WriteByte(byte(i))
		}
		out[li] = b.String()
	}
	return out, nil
}

// ctorOf returns the constructor a code needs, or nil when New(code) is
// all it takes.
func (g *gen) ctorOf(c *catalog.Code) *ctor {
	k := &ctor{params: c.Params}
	for _, h := range g.c.ObligedHeaders(c) {
		if strings.EqualFold(h.Name, retryAfterHeader) {
			k.retry = h.Requirement
			continue
		}
		if h.Requirement == catalog.Must && !slices.ContainsFunc(k.headers, func(s string) bool { return strings.EqualFold(s, h.Name) }) {
			k.headers = append(k.headers, h.Name)
		}
	}
	if len(k.params) == 0 && len(k.headers) == 0 && k.retry == "" {
		return nil
	}
	return k
}
