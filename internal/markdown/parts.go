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
}

func newLayout(c *catalog.Catalog) *layout {
	l := &layout{parts: map[*catalog.Table][]*Part{}, partOf: map[*catalog.Code]*Part{}, index: map[*catalog.Code]int{}}
	for _, t := range c.Tables {
		var cur *Part
		for i, code := range t.Codes {
			l.index[code] = i
			if cur == nil || cur.Category != code.Category || len(cur.Codes) == PartSize {
				cur = &Part{Table: t, Category: code.Category, First: code.Number}
				l.parts[t] = append(l.parts[t], cur)
			}
			cur.Codes = append(cur.Codes, code)
			cur.Last = code.Number
			l.partOf[code] = cur
		}
	}
	return l
}
