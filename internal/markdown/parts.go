package markdown

import (
	"strconv"

	"github.com/errgen/errgen/internal/catalog"
)

// PartSize is the most codes one index page lists: a table's codes are
// split into parts of at most this many, so that no page of the docs grows
// with the catalog (a table index links its parts, not its codes).
const PartSize = 100

// A Part is one index page of a table: consecutive codes of one category
// (or of none), at most PartSize of them.
type Part struct {
	Table    *catalog.Table
	Category *catalog.Category // nil: codes outside every category
	Codes    []*catalog.Code
	// First and Last are the numbers of its first and last code.
	First, Last int
}

// Name is the part's file name without ".md" and its last URL segment,
// "1001-1100": it never reads as a code number, so it cannot take a code's
// place.
func (p *Part) Name() string { return strconv.Itoa(p.First) + "-" + strconv.Itoa(p.Last) }

// layout is where every code stands among the pages: its table's parts,
// its part and its neighbours. Emit computes it once for all pages.
type layout struct {
	parts  map[*catalog.Table][]*Part
	partOf map[*catalog.Code]*Part
	index  map[*catalog.Code]int // position in its table
	// sentWith holds, per HTTP status, the response and error codes sent
	// with it, in table order; wires, per table, the codes of each wire
	// name several codes share.
	sentWith map[int][]*catalog.Code
	wires    map[*catalog.Table]map[string][]*catalog.Code
	// handlers are the turned-on targets' Handle functions.
	handlers []func(*catalog.Code) *catalog.Snippet
}

func newLayout(c *catalog.Catalog) (*layout, error) {
	handlers, err := c.Handlers()
	if err != nil {
		return nil, err
	}
	l := &layout{parts: map[*catalog.Table][]*Part{}, partOf: map[*catalog.Code]*Part{}, index: map[*catalog.Code]int{},
		sentWith: map[int][]*catalog.Code{}, wires: map[*catalog.Table]map[string][]*catalog.Code{}, handlers: handlers}
	for _, t := range c.Tables {
		var cur *Part
		wires := map[string][]*catalog.Code{}
		for i, code := range t.Codes {
			l.index[code] = i
			wires[code.Wire] = append(wires[code.Wire], code)
			if t.Kind != catalog.KindHTTP {
				l.sentWith[code.Status] = append(l.sentWith[code.Status], code)
			}
			if cur == nil || cur.Category != code.Category || len(cur.Codes) == PartSize {
				cur = &Part{Table: t, Category: code.Category, First: code.Number}
				l.parts[t] = append(l.parts[t], cur)
			}
			cur.Codes = append(cur.Codes, code)
			cur.Last = code.Number
			l.partOf[code] = cur
		}
		for w, codes := range wires {
			if len(codes) < 2 {
				delete(wires, w)
			}
		}
		l.wires[t] = wires
	}
	return l, nil
}
