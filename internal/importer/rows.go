package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

var braces = strings.NewReplacer("{", "{{", "}", "}}")

// Row is one valid code read from a source.
type Row struct {
	Number     int
	Pos        catalog.Pos
	Wire       cell // text "" when the source names no wire
	Status     int  // 0 when the source gives none
	StatusCell cell
	Texts      []textCell
}

// textCell is one language's message or description.
type textCell struct {
	field field
	lang  string
	cell
}

// rows validates every record of every table, reporting all problems.
func (im *importer) rows(tables []*sourceTable) []Row {
	var rows []Row
	seen := map[int]catalog.Pos{}
	for _, t := range tables {
		if !im.resolveColumns(t) {
			continue
		}
		if len(t.records) == 0 {
			im.errorf(t.pos, "add a row per code, or remove the table", "the table has no rows")
			continue
		}
		for _, rec := range t.records {
			if len(rec.cells) != len(t.columns) {
				im.ragged(rec, t, len(rec.cells), len(rec.cells) > len(t.columns))
				continue
			}
			row, numbered, ok := im.row(t, rec)
			if !numbered {
				continue
			}
			if first, dup := seen[row.Number]; dup {
				im.errorf(row.Pos, "keep one row per code", "code %d is in the source twice (first at %s)", row.Number, first)
				continue
			}
			seen[row.Number] = row.Pos
			if res := im.cat.reservedAt(row.Number); res != nil {
				im.warnf(row.Pos, "remove the row, or the reservation if the number is to come back", "code %d is reserved in the catalog (%s); not imported", row.Number, im.cat.pos(res.node))
				continue
			}
			if ok {
				rows = append(rows, row)
			}
		}
	}
	return rows
}

// row reads one record; numbered says whether its code could be read.
func (im *importer) row(t *sourceTable, rec record) (r Row, numbered, ok bool) {
	r.Pos = rec.pos
	ok = true
	for i, c := range t.columns {
		v := rec.cells[i]
		switch c.field {
		case fieldCode:
			r.Pos = v.pos
			n, err := strconv.Atoi(strings.TrimSpace(v.text))
			if err != nil {
				if v.text == "" {
					im.errorf(v.pos, "give every row its code", "the row has no code")
				} else {
					im.errorf(v.pos, "write a whole number such as 404", "code %q is not a whole number", v.text)
				}
				return r, false, false
			}
			r.Number, numbered = n, true
			ok = im.checkNumber(n, v.pos) && ok
		case fieldWire:
			if v.text == "" {
				continue
			}
			if !catalog.ValidWire(v.text) {
				// A kebab-case name cannot travel as a catalog wire name;
				// it still names the code, which then travels as its id.
				if id := wireID(v.text); catalog.ValidWire(strings.ReplaceAll(v.text, "-", "_")) && catalog.ValidID(id) {
					im.warnf(v.pos, "rename it in the source, or set `wire:` in the catalog by hand", "name %q holds a hyphen, which a wire name cannot; the code travels as its id %s", v.text, id)
					v.text = id
				} else {
					im.errorf(v.pos, "use ASCII letters, digits and _, starting with a letter", "name %q is not a valid wire name", v.text)
					ok = false
				}
			}
			r.Wire = v
		case fieldStatus:
			if v.text == "" {
				continue
			}
			s, err := strconv.Atoi(v.text)
			if err != nil || s < 100 || s > 599 {
				im.errorf(v.pos, "use a status from 100 to 599", "HTTP status %q is not a status from 100 to 599", v.text)
				ok = false
				continue
			}
			if im.opts.Table == string(catalog.KindHTTP) {
				im.errorf(v.pos, "map the column with -columns 'Header=-' to skip it: an http code is its own status", "an http code has no separate status")
				ok = false
				continue
			}
			if im.cat.statuses != nil && !im.cat.statuses[s] {
				im.errorf(v.pos, fmt.Sprintf("import %d into the http table first (errgen import -table http), or send a status it lists", s),
					"HTTP status %d is not in the catalog's http table, which every status of the %s table must be", s, im.opts.Table)
				ok = false
				continue
			}
			r.Status, r.StatusCell = s, v
		case fieldMessage, fieldDescription:
			if v.text == "" {
				continue
			}
			what := fmt.Sprintf("%s in %s", c.field, c.lang)
			if problem, hint := catalog.TextProblem(what, v.text); problem != "" {
				im.errorf(im.invisibleAt(v.pos), hint, "%s", problem)
				ok = false
				continue
			}
			if c.field == fieldMessage {
				// A source's braces are text; in a catalog message they
				// would open a placeholder.
				v.text = braces.Replace(v.text)
			}
			r.Texts = append(r.Texts, textCell{c.field, c.lang, v})
		}
	}
	return r, numbered, ok
}

// checkNumber places a code in the table's range and categories.
func (im *importer) checkNumber(n int, pos catalog.Pos) bool {
	t := im.cat
	if t.rangeOK && (n < t.min || n > t.max) {
		im.errorf(pos, fmt.Sprintf("import only codes in [%d, %d], or widen the table's range", t.min, t.max), "code %d is outside the %s table's range", n, im.opts.Table)
		return false
	}
	if im.opts.Table == string(catalog.KindHTTP) && n >= 0 && (n < 100 || n > 599) {
		im.errorf(pos, "use a status from 100 to 599, or a negative number for a client-side exception", "HTTP status %d is outside 100–599", n)
		return false
	}
	if len(t.categories) > 0 {
		for _, c := range t.categories {
			if n >= c[0] && n <= c[1] {
				return true
			}
		}
		im.errorf(pos, "add a category that covers it to the catalog first", "code %d lies in no category of the %s table", n, im.opts.Table)
		return false
	}
	return true
}

// invisibleAt is the position of the first invisible character at or after
// a cell's start on its line, where no reader can see it; else the cell's.
func (im *importer) invisibleAt(pos catalog.Pos) catalog.Pos {
	ix := im.src
	start := ix.offset(pos.Line, pos.Column)
	line := ix.data[start:lineEndOf(ix.data, start)]
	for i, r := range string(line) {
		if catalog.Refused(r) {
			return ix.pos(start + i)
		}
	}
	return pos
}
