package catalog

import (
	"fmt"
	"strings"
)

// checkCodes finds repeats inside one table: numbers, and ids also after
// lower-casing, since targets fold case (file names, anchors, JSON keys).
func (r *reader) checkCodes(t *Table) {
	numbers := map[int]*Code{}
	ids := map[string]*Code{}
	for _, c := range t.Codes {
		if prev, dup := numbers[c.Number]; dup {
			r.errorf(c.Pos, "give each code its own number", "code %d is listed twice in the %s table (first at line %d)", c.Number, t.Kind, prev.Pos.Line)
		} else {
			numbers[c.Number] = c
		}
		if c.ID == "" {
			continue
		}
		key := strings.ToLower(c.ID)
		if prev, dup := ids[key]; dup {
			if prev.ID == c.ID {
				r.errorf(c.Pos, "give each code its own id; a repeated wire name goes in `wire`", "id %s of code %d is already used by code %d (line %d)", c.ID, c.Number, prev.Number, prev.Pos.Line)
			} else {
				r.errorf(c.Pos, "rename one: targets that fold case would emit one name for both", "id %s of code %d collides with %s of code %d (line %d) once case is ignored", c.ID, c.Number, prev.ID, prev.Number, prev.Pos.Line)
			}
			continue
		}
		ids[key] = c
	}
}

// crossCheck applies the rules that span tables: names that share one
// namespace in a target, and statuses that must exist in the http table.
func (r *reader) crossCheck(c *Catalog) {
	type owner struct {
		what  string
		pos   Pos
		table *Table
	}
	names := map[string]owner{}
	claim := func(name, what string, pos Pos, t *Table) {
		if name == "" {
			return
		}
		key := strings.ToLower(name)
		if prev, dup := names[key]; dup {
			if prev.table == t && t != nil {
				return // checkCodes has reported repeats inside a table
			}
			r.errorf(pos, "change an id or a table prefix so the generated names differ", "%s is generated as %s, which collides with %s (%s) in targets that put all tables in one namespace", what, name, prev.what, prev.pos)
			return
		}
		names[key] = owner{what: what, pos: pos, table: t}
	}
	for _, t := range c.Tables {
		claim(t.TypeName, "the type of the "+string(t.Kind)+" table", t.Pos, nil)
	}
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			if code.ID != "" {
				claim(code.QualifiedName(), fmt.Sprintf("%s code %d", t.Kind, code.Number), code.Pos, t)
			}
		}
	}
	http := c.Table(KindHTTP)
	if http == nil {
		return
	}
	for _, t := range c.Tables {
		if t == http {
			continue
		}
		for _, code := range t.Codes {
			if code.Status < 100 || code.Status > 599 {
				continue
			}
			h := http.Lookup(code.Status)
			if h == nil {
				r.errorf(code.Pos, fmt.Sprintf("add %d to the http table, so its name and headers are known", code.Status), "%s code %d is sent with HTTP status %d, which the http table does not list", t.Kind, code.Number, code.Status)
			}
		}
	}
}
