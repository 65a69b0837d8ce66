// Package breaking compares a catalog with an older one and lists every
// change a client would notice, like `buf breaking` does for protobuf.
//
// A client depends on a code's number, identifier (the generated Go
// constant and TypeScript member), wire name, HTTP status, client flag and
// placeholders (the generated constructors' arguments), on its table's type
// name and prefix, and on retired numbers staying retired. Changing any of
// them is breaking. The rules, and the decisions behind the unclear ones:
//
//   - Removing a code that was not deprecated in the old catalog is
//     breaking: clients get no release in which to move away.
//   - Removing a deprecated code is allowed only if its number moves to
//     `reserved` in the same change. Without the reservation the number
//     could be handed to a new code later, and old clients would read the
//     new code as the old one, so that is breaking too.
//   - Adding a placeholder is breaking, like removing one: Go and
//     TypeScript constructors take one argument per placeholder, so every
//     caller stops compiling. Reordering placeholders is breaking as well:
//     the arguments keep their positions, so callers would silently pass
//     one value for another.
//   - A reservation that disappears or shrinks is breaking even if no code
//     uses its numbers yet; a code that takes a formerly reserved number is
//     reported at the code instead.
//
// Additions, new deprecations and retirements are listed as notes: they do
// not break a client, but an exhaustive `switch` needs a case for a new
// member. A message or description whose text changed in some languages and
// not in others gets a warning: the unchanged translation may be stale.
//
// Compare is pure; LoadAgainst reads the older catalog from a file or from
// a git revision.
package breaking

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// Level says how much a change matters.
type Level int

const (
	// Breaking changes make `errgen breaking` exit non-zero.
	Breaking Level = iota
	// Warning is a possibly stale translation.
	Warning
	// Note is a compatible change worth knowing: an addition, a
	// deprecation, a retirement.
	Note
)

func (l Level) String() string {
	switch l {
	case Breaking:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// Rule names one kind of change, so tools and tests can tell them apart.
type Rule string

const (
	CodeRemoved           Rule = "CODE_REMOVED"            // removed without deprecation
	CodeRenumbered        Rule = "CODE_RENUMBERED"         // its id moved to another number
	DeprecatedNotReserved Rule = "DEPRECATED_NOT_RESERVED" // deprecated, removed, number not reserved
	NumberReused          Rule = "NUMBER_REUSED"           // same number, another id and wire name
	IDChanged             Rule = "ID_CHANGED"
	WireChanged           Rule = "WIRE_CHANGED"
	StatusChanged         Rule = "STATUS_CHANGED"
	ClientChanged         Rule = "CLIENT_CHANGED"
	ParamRemoved          Rule = "PARAM_REMOVED"
	ParamRenamed          Rule = "PARAM_RENAMED"
	ParamTypeChanged      Rule = "PARAM_TYPE_CHANGED"
	ParamAdded            Rule = "PARAM_ADDED"
	ParamsReordered       Rule = "PARAMS_REORDERED"
	ReservedReused        Rule = "RESERVED_REUSED"
	ReservationRemoved    Rule = "RESERVATION_REMOVED"
	TableRemoved          Rule = "TABLE_REMOVED"
	TypeNameChanged       Rule = "TYPE_NAME_CHANGED"
	PrefixChanged         Rule = "PREFIX_CHANGED"

	StaleTranslation Rule = "STALE_TRANSLATION"

	CodeAdded        Rule = "CODE_ADDED"
	TableAdded       Rule = "TABLE_ADDED"
	CodeDeprecated   Rule = "CODE_DEPRECATED"
	CodeUndeprecated Rule = "CODE_UNDEPRECATED"
	CodeRetired      Rule = "CODE_RETIRED" // deprecated, removed, number reserved
)

// Change is one difference between the old and the new catalog.
type Change struct {
	Rule  Rule
	Level Level
	// New is where the change shows in the new catalog: the code itself,
	// or, for something removed, the table (or file) it was removed from.
	// Old is the matching place in the old catalog.
	New, Old catalog.Pos
	// Message says what changed, ending with the old position.
	Message string
	// Hint says what to do; it may be empty.
	Hint string
}

// Diagnostic renders the change at its new position: a breaking change
// as an error, a stale translation as a warning, a note as a note.
func (c Change) Diagnostic() catalog.Diagnostic {
	sev := catalog.SeverityWarning
	switch c.Level {
	case Breaking:
		sev = catalog.SeverityError
	case Note:
		sev = catalog.SeverityNote
	}
	return catalog.Diagnostic{Pos: c.New, Severity: sev, Message: c.Message, Hint: c.Hint}
}

// String is `file:line:col: [warning: |note: ]message; hint`.
func (c Change) String() string { return c.Diagnostic().String() }

// GitHub renders the change as a GitHub Actions workflow command: breaking
// changes as ::error, stale translations as ::warning, notes as ::notice.
func (c Change) GitHub() string { return c.Diagnostic().GitHub() }

// Report is every change, sorted by new position, then old position.
type Report struct {
	Changes []Change
}

// Count returns how many changes have the level.
func (r Report) Count(l Level) int {
	n := 0
	for _, c := range r.Changes {
		if c.Level == l {
			n++
		}
	}
	return n
}

// Breaking reports whether any change breaks a client.
func (r Report) Breaking() bool { return r.Count(Breaking) > 0 }

// Compare lists every change from old to new.
func Compare(old, new *catalog.Catalog) Report {
	d := &differ{old: old, new: new}
	for _, ot := range old.Tables {
		nt := new.Table(ot.Kind)
		if nt == nil {
			d.report(TableRemoved, Breaking, d.fileStart(new), ot.Pos,
				fmt.Sprintf("%s table removed (was %s)", ot.Kind, ot.Pos),
				fmt.Sprintf("its type %s and all %d of its codes disappear from the generated code: restore the table", ot.TypeName, len(ot.Codes)))
			continue
		}
		d.table(ot, nt)
	}
	for _, nt := range new.Tables {
		if old.Table(nt.Kind) == nil {
			d.report(TableAdded, Note, nt.Pos, d.fileStart(old),
				fmt.Sprintf("%s table added with %d code(s) (absent from %s)", nt.Kind, len(nt.Codes), old.Path),
				"")
		}
	}
	slices.SortFunc(d.changes, func(a, b Change) int {
		return cmp.Or(
			comparePos(a.New, b.New),
			comparePos(a.Old, b.Old),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return Report{Changes: d.changes}
}

func comparePos(a, b catalog.Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

type differ struct {
	old, new *catalog.Catalog
	changes  []Change
}

// report records a change: where it is in each file, what changed (ending
// with the old position), and what to do.
func (d *differ) report(rule Rule, level Level, newPos, oldPos catalog.Pos, msg, hint string) {
	d.changes = append(d.changes, Change{Rule: rule, Level: level, New: newPos, Old: oldPos, Message: msg, Hint: hint})
}

// fileStart is the position of a catalog as a whole.
func (d *differ) fileStart(c *catalog.Catalog) catalog.Pos {
	return catalog.Pos{File: c.Path, Line: 1, Column: 1}
}

func (d *differ) table(ot, nt *catalog.Table) {
	if ot.TypeName != nt.TypeName {
		d.report(TypeNameChanged, Breaking, nt.Pos, ot.Pos,
			fmt.Sprintf("%s table: type name changed from %s to %s (was %s)", nt.Kind, ot.TypeName, nt.TypeName, ot.Pos),
			"every client that names the type stops compiling: keep "+ot.TypeName)
	}
	if ot.Prefix != nt.Prefix {
		d.report(PrefixChanged, Breaking, nt.Pos, ot.Pos,
			fmt.Sprintf("%s table: prefix changed from %q to %q (was %s)", nt.Kind, ot.Prefix, nt.Prefix, ot.Pos),
			fmt.Sprintf("every generated Go constant of the table is renamed: keep %q", ot.Prefix))
	}
	moved := map[int]bool{} // new numbers of renumbered codes
	for _, oc := range ot.Codes {
		if nc := nt.Lookup(oc.Number); nc != nil {
			d.code(oc, nc)
		} else if nc := d.removed(oc, nt); nc != nil {
			moved[nc.Number] = true
		}
	}
	for _, nc := range nt.Codes {
		if ot.Lookup(nc.Number) != nil {
			continue
		}
		if res := reservedAt(ot, nc.Number); res != nil {
			d.report(ReservedReused, Breaking, nc.Pos, res.Pos,
				fmt.Sprintf("%s code %d: takes number %d, reserved in the old catalog (was reserved at %s: %s)", nt.Kind, nc.Number, nc.Number, res.Pos, res.Reason.Get(d.old.Default)),
				"reserved numbers are never reused: old clients still read it the old way; choose another number and restore the reservation")
			continue
		}
		if moved[nc.Number] {
			continue // reported as renumbered
		}
		d.report(CodeAdded, Note, nc.Pos, ot.Pos,
			fmt.Sprintf("%s code %d: added as %s (old table at %s)", nt.Kind, nc.Number, nc.ID, ot.Pos),
			fmt.Sprintf("clients with an exhaustive switch over %s need a case for it", nt.TypeName))
	}
	d.reservations(ot, nt)
}

// removed reports an old code whose number the new table lacks; it
// returns the new code when the old one was only renumbered.
func (d *differ) removed(oc *catalog.Code, nt *catalog.Table) *catalog.Code {
	kind := nt.Kind
	if moved := lookupID(nt, oc.ID); moved != nil {
		d.report(CodeRenumbered, Breaking, moved.Pos, oc.Pos,
			fmt.Sprintf("%s code %d: %s moved to number %d (was %s)", kind, oc.Number, oc.ID, moved.Number, oc.Pos),
			fmt.Sprintf("clients receive the number, not the name: keep %s at %d, and add a new code for the new number", oc.ID, oc.Number))
		return moved
	}
	if oc.Deprecated == nil {
		d.report(CodeRemoved, Breaking, nt.Pos, oc.Pos,
			fmt.Sprintf("%s code %d: %s removed without being deprecated first (was %s)", kind, oc.Number, oc.ID, oc.Pos),
			"restore it with `deprecated:` (and a replacement), release that, and retire the number under `reserved` later")
		return nil
	}
	if res := reservedAt(nt, oc.Number); res != nil {
		d.report(CodeRetired, Note, res.Pos, oc.Pos,
			fmt.Sprintf("%s code %d: deprecated %s retired; its number is reserved (was %s)", kind, oc.Number, oc.ID, oc.Pos),
			fmt.Sprintf("clients that still name %s stop compiling and should move to its replacement", oc.ID))
		return nil
	}
	d.report(DeprecatedNotReserved, Breaking, nt.Pos, oc.Pos,
		fmt.Sprintf("%s code %d: deprecated %s removed without reserving its number (was %s)", kind, oc.Number, oc.ID, oc.Pos),
		fmt.Sprintf("add `- {code: %d, reason: {…}}` under %s.reserved so the number is never reused", oc.Number, kind))
	return nil
}

func (d *differ) code(oc, nc *catalog.Code) {
	what := fmt.Sprintf("%s code %d", nc.Table.Kind, nc.Number)
	was := oc.Pos.String()
	idChanged, wireChanged := oc.ID != nc.ID, oc.Wire != nc.Wire
	switch {
	case idChanged && wireChanged:
		d.report(NumberReused, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: number reused for another code: id %s → %s, wire name %q → %q (was %s)", what, oc.ID, nc.ID, oc.Wire, nc.Wire, was),
			"never reuse a number: restore the old code (deprecate it if it is going away), and give the new one a new number")
	case idChanged:
		d.report(IDChanged, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: identifier changed from %s to %s (was %s)", what, oc.ID, nc.ID, was),
			fmt.Sprintf("the generated Go constant and TypeScript member are renamed: keep %s, or add a new code and deprecate this one", oc.ID))
	case wireChanged:
		d.report(WireChanged, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: wire name changed from %q to %q (was %s)", what, oc.Wire, nc.Wire, was),
			fmt.Sprintf("clients match on the wire name: keep `wire: %s`, or add a new code and deprecate this one", oc.Wire))
	}
	if oc.Status != nc.Status && !oc.Client && !nc.Client && nc.Table.Kind != catalog.KindHTTP {
		d.report(StatusChanged, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: HTTP status changed from %d to %d (was %s)", what, oc.Status, nc.Status, was),
			fmt.Sprintf("clients that branch on the status misread it: keep %d, or add a new code with the new status and deprecate this one", oc.Status))
	}
	if oc.Client != nc.Client {
		d.report(ClientChanged, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: client flag changed from %t to %t (was %s)", what, oc.Client, nc.Client, was),
			"clients treat client-side exceptions and server statuses differently: keep the flag, or add a new code")
	}
	d.params(what, oc, nc)
	switch {
	case oc.Deprecated == nil && nc.Deprecated != nil:
		hint := "remove it in a later release and move its number to `reserved`"
		msg := "deprecated"
		if r := nc.Deprecated.Replacement; r != nil {
			msg += " in favour of " + r.ID
			hint = "clients should move to " + r.ID + "; " + hint
		}
		d.report(CodeDeprecated, Note, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: %s (was %s)", what, msg, was),
			hint)
	case oc.Deprecated != nil && nc.Deprecated == nil:
		d.report(CodeUndeprecated, Note, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: no longer deprecated (was %s)", what, was),
			"")
	}
	d.stale(what, "message", nc.Pos, oc.Pos, oc.Message.Text, nc.Message.Text)
	d.stale(what, "description", nc.Pos, oc.Pos, oc.Description, nc.Description)
}

// params compares placeholders by name: each one removed, renamed, retyped
// or added changes the generated constructors' signatures.
func (d *differ) params(what string, oc, nc *catalog.Code) {
	var removed, added []catalog.Param
	for _, op := range oc.Params {
		np, ok := param(nc.Params, op.Name)
		if !ok {
			removed = append(removed, op)
			continue
		}
		if op.Type != np.Type {
			d.report(ParamTypeChanged, Breaking, nc.Pos, oc.Pos,
				fmt.Sprintf("%s: placeholder {%s} changed type from %s to %s (was %s)", what, op.Name, op.Type, np.Type, oc.Pos),
				fmt.Sprintf("the constructor's argument changes type and callers stop compiling: keep it a %s, or add a new code", op.Type))
		}
	}
	for _, np := range nc.Params {
		if _, ok := param(oc.Params, np.Name); !ok {
			added = append(added, np)
		}
	}
	if len(removed) == 1 && len(added) == 1 {
		d.report(ParamRenamed, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: placeholder {%s} renamed to {%s} (was %s)", what, removed[0].Name, added[0].Name, oc.Pos),
			fmt.Sprintf("the constructor's named argument changes: keep {%s}, or add a new code", removed[0].Name))
	} else {
		for _, p := range removed {
			d.report(ParamRemoved, Breaking, nc.Pos, oc.Pos,
				fmt.Sprintf("%s: placeholder {%s} removed (was %s)", what, p.Name, oc.Pos),
				fmt.Sprintf("the generated constructor loses an argument and its callers stop compiling: keep {%s}, or add a new code and deprecate this one", p.Name))
		}
		for _, p := range added {
			d.report(ParamAdded, Breaking, nc.Pos, oc.Pos,
				fmt.Sprintf("%s: placeholder {%s} added (was %s)", what, p.Name, oc.Pos),
				"the generated constructor gains an argument and its callers stop compiling: add a new code with the placeholder and deprecate this one")
		}
	}
	if len(removed) == 0 && len(added) == 0 && !slices.EqualFunc(oc.Params, nc.Params, func(a, b catalog.Param) bool { return a.Name == b.Name }) {
		d.report(ParamsReordered, Breaking, nc.Pos, oc.Pos,
			fmt.Sprintf("%s: placeholders reordered from %s to %s (was %s)", what, paramList(oc.Params), paramList(nc.Params), oc.Pos),
			"constructor arguments follow the declaration order, so callers would pass one value for another: restore the order")
	}
}

func param(ps []catalog.Param, name string) (catalog.Param, bool) {
	i := slices.IndexFunc(ps, func(p catalog.Param) bool { return p.Name == name })
	if i < 0 {
		return catalog.Param{}, false
	}
	return ps[i], true
}

func paramList(ps []catalog.Param) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = "{" + p.Name + "}"
	}
	return strings.Join(names, ", ")
}

// stale warns when a text changed in some languages but not in others.
// Only languages with text on both sides count: a language added or
// removed is not a sign of a forgotten translation.
func (d *differ) stale(what, field string, newPos, oldPos catalog.Pos, old, new catalog.Text) {
	var changed, same []string
	for _, l := range d.new.Languages {
		o, ok1 := old.Lookup(l.Tag)
		n, ok2 := new.Lookup(l.Tag)
		switch {
		case !ok1 || !ok2:
		case o != n:
			changed = append(changed, l.Tag)
		default:
			same = append(same, l.Tag)
		}
	}
	if len(changed) == 0 || len(same) == 0 {
		return
	}
	d.report(StaleTranslation, Warning, newPos, oldPos,
		fmt.Sprintf("%s: %s changed in %s but not in %s; the %s text may be a stale translation (was %s)",
			what, field, strings.Join(changed, ", "), strings.Join(same, ", "), strings.Join(same, ", "), oldPos),
		fmt.Sprintf("update the %s %s too, or confirm it still says the same", strings.Join(same, ", "), field))
}

// reservations reports old reserved numbers that the new table no longer
// reserves and no new code has taken (those are reported at the code).
func (d *differ) reservations(ot, nt *catalog.Table) {
	for _, res := range ot.Reserved {
		free := subtract(span{res.Min, res.Max}, nt)
		if len(free) == 0 {
			continue
		}
		var parts []string
		for _, s := range free {
			parts = append(parts, s.String())
		}
		msg := fmt.Sprintf("%s table: reserved %s removed", nt.Kind, res)
		if len(free) != 1 || free[0] != (span{res.Min, res.Max}) {
			msg = fmt.Sprintf("%s table: reserved %s narrowed; %s no longer reserved", nt.Kind, res, strings.Join(parts, ", "))
		}
		d.report(ReservationRemoved, Breaking, nt.Pos, res.Pos,
			fmt.Sprintf("%s (was %s)", msg, res.Pos),
			"restore it: a reservation keeps a retired number from being given to a new code that old clients would misread")
	}
}

// span is an inclusive range of numbers.
type span struct{ lo, hi int }

func (s span) String() string {
	if s.lo == s.hi {
		return fmt.Sprint(s.lo)
	}
	return fmt.Sprintf("%d–%d", s.lo, s.hi)
}

// subtract returns the parts of s that the table neither reserves nor uses
// for a code.
func subtract(s span, t *catalog.Table) []span {
	var taken []span
	for _, r := range t.Reserved {
		taken = append(taken, span{r.Min, r.Max})
	}
	for _, c := range t.Codes {
		taken = append(taken, span{c.Number, c.Number})
	}
	slices.SortFunc(taken, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	var free []span
	next := s.lo
	for _, r := range taken {
		if r.hi < next || r.lo > s.hi {
			continue
		}
		if r.lo > next {
			free = append(free, span{next, r.lo - 1})
		}
		next = max(next, r.hi+1)
	}
	if next <= s.hi {
		free = append(free, span{next, s.hi})
	}
	return free
}

func reservedAt(t *catalog.Table, n int) *catalog.Reserved {
	for _, r := range t.Reserved {
		if n >= r.Min && n <= r.Max {
			return r
		}
	}
	return nil
}

func lookupID(t *catalog.Table, id string) *catalog.Code {
	for _, c := range t.Codes {
		if c.ID == id {
			return c
		}
	}
	return nil
}
