package golang

import (
	"errors"
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
	// language with placeholder i written as marker followed by byte i.
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

// marker starts a placeholder in a template; see templates.
const marker = 0xff

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
	size := 0
	for _, c := range t.Codes {
		size += 2*(len(t.Prefix)+len(c.ID)) + len(c.Wire)
		for _, l := range g.langs {
			size += len(c.Message.Text.Get(l))
		}
	}
	b.Grow(size)
	p.offs = make([]int, 0, n*p.slots+1)
	p.offs = append(p.offs, 0)
	for _, c := range t.Codes {
		b.WriteString(t.Prefix)
		b.WriteString(c.ID)
		p.offs = append(p.offs, b.Len())
		b.WriteString(c.Wire)
		p.offs = append(p.offs, b.Len())
		for _, l := range g.langs {
			writeDisplay(&b, c, l)
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
			errs = append(errs, catalog.Errorf(t.Codes[i].Pos, "", "Go: codes of the %s table are not sorted by number", t.Kind))
			break
		}
	}

	// Name searches.
	p.byName = make([]int, n)
	for i := range p.byName {
		p.byName[i] = i
	}
	slices.SortFunc(p.byName, func(a, b int) int {
		return strings.Compare(p.name(a), p.name(b))
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

// writeDisplay writes a message as Message returns it: placeholders as
// {name}, escaped braces as single ones.
func writeDisplay(b *strings.Builder, c *catalog.Code, lang string) {
	for _, s := range c.Message.Segments(lang) {
		if s.Param != "" {
			b.WriteByte('{')
			b.WriteString(s.Param)
			b.WriteByte('}')
		} else {
			b.WriteString(s.Literal)
		}
	}
}

// entry returns entry j of code i of the packed text.
func (p *plan) entry(i, j int) string {
	k := i*p.slots + j
	return p.text[p.offs[k]:p.offs[k+1]]
}

// name returns the identifier of code i; msg its message in language l, as
// Message returns it.
func (p *plan) name(i int) string   { return p.entry(i, slotName) }
func (p *plan) msg(i, l int) string { return p.entry(i, slotMsg+l) }

// templates encodes a code's message in each language for fill: literal
// text as is, placeholder i as the marker byte 0xFF followed by byte i.
// Text is valid UTF-8, where 0xFF never occurs, so the marker cannot be
// mistaken for a literal (which may hold any character, NUL included).
func (g *gen) templates(c *catalog.Code) ([]string, error) {
	if len(c.Params) > maxParams {
		return nil, catalog.Errorf(c.Pos, "", "Go: %s has %d params; at most %d fit", c.QualifiedName(), len(c.Params), maxParams)
	}
	out := make([]string, len(g.langs))
	for li, l := range g.langs {
		var b strings.Builder
		for _, s := range c.Message.Segments(l) {
			if s.Param == "" {
				if strings.IndexByte(s.Literal, marker) >= 0 {
					return nil, catalog.Errorf(c.Pos, "", "Go: the %s message of %s is not UTF-8", l, c.QualifiedName())
				}
				b.WriteString(s.Literal)
				continue
			}
			i := slices.IndexFunc(c.Params, func(p catalog.Param) bool { return p.Name == s.Param })
			if i < 0 {
				return nil, catalog.Errorf(c.Pos, "", "Go: the %s message of %s uses {%s}, which is not among its params", l, c.QualifiedName(), s.Param)
			}
			b.WriteByte(marker)
			b.WriteByte(byte(i))
		}
		out[li] = b.String()
	}
	return out, nil
}

// ctorOf returns the constructor a code needs, or nil when New(code) is
// all it takes.
func (g *gen) ctorOf(c *catalog.Code) *ctor {
	h := g.obliged(c)
	if len(c.Params) == 0 && len(h.headers) == 0 && h.retry == "" {
		return nil
	}
	return &ctor{params: c.Params, headers: h.headers, retry: h.retry}
}

// obliged sorts the headers a code's response carries into those a
// constructor takes: the duties (MUST, or SHOULD enforced) that have no
// static value, by name, and Retry-After with its requirement (MUST when it
// is such a duty). A code whose status is below 400 is never a problem, so
// it takes no header. Response and error codes share their status's analysis.
func (g *gen) obliged(c *catalog.Code) obligation {
	if c.Table.Kind != catalog.KindHTTP {
		if h, ok := g.byStatus[c.Status]; ok {
			return h
		}
	}
	var h obligation
	if c.Status >= 400 {
		for _, hd := range g.c.ObligedHeaders(c) {
			needed := hd.Duty() && hd.Static == ""
			if strings.EqualFold(hd.Name, retryAfterHeader) {
				h.retry = catalog.May
				if needed {
					h.retry = catalog.Must
				}
				continue
			}
			if needed && !slices.ContainsFunc(h.headers, func(s string) bool { return strings.EqualFold(s, hd.Name) }) {
				h.headers = append(h.headers, hd.Name)
			}
		}
	}
	if c.Table.Kind != catalog.KindHTTP {
		g.byStatus[c.Status] = h
	}
	return h
}

// obligation is what a status obliges a constructor to take.
type obligation struct {
	headers []string
	retry   catalog.Requirement
}
