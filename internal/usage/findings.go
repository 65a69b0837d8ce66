package usage

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/errgen/errgen/internal/catalog"
)

// Name is how a report names a code: its table, number and identifier.
func Name(c *catalog.Code) string {
	return fmt.Sprintf("%s %d %s", c.Table.Kind, c.Number, c.ID)
}

// findings judges the uses. withTS says a TypeScript project was scanned,
// so that frontend branches can be told dead.
// Positions in the catalog print relative to dir, as uses do.
func findings(c *catalog.Catalog, uses []Use, withTS bool, dir string) []Finding {
	var fs []Finding
	used := map[*catalog.Code]bool{}
	sent := map[*catalog.Code]bool{} // used in Go
	// HTTP statuses that go with a used code: an HTTP code is not unused
	// while a response or error code sends its status, nor dead in the
	// frontend while Go sends it.
	usedStatus, sentStatus := map[int]bool{}, map[int]bool{}
	for _, u := range uses {
		used[u.Code] = true
		usedStatus[u.Code.Status] = true
		if u.Lang == Go {
			sent[u.Code] = true
			sentStatus[u.Code.Status] = true
		}
	}
	for _, u := range uses {
		code := u.Code
		if code.Client && u.Server {
			fs = append(fs, Finding{Pos: u.Pos, Severity: Error, Code: code,
				Message: fmt.Sprintf("client-side code %s goes into a response: it stands for what an HTTP client saw when no answer came, and a server never sends it (the problem writer answers 500 instead)", Name(code)),
				Hint:    "answer with a code a server sends, such as a 502 or 504 for an upstream that failed"})
		}
		if d := code.Deprecated; d != nil {
			f := Finding{Pos: u.Pos, Severity: Warning, Code: code, Message: fmt.Sprintf("%s is deprecated", Name(code))}
			if r := d.Reason.Get(c.Default); r != "" {
				f.Message += " (" + r + ")"
			}
			if d.Replacement != nil {
				f.Hint = "use " + Name(d.Replacement) + " instead"
			}
			fs = append(fs, f)
		}
		if withTS && u.Lang == TS && !code.Client && !sent[code] && !(code.Table.Kind == catalog.KindHTTP && sentStatus[code.Number]) {
			fs = append(fs, Finding{Pos: u.Pos, Severity: Advice, Code: code,
				Message: fmt.Sprintf("the frontend handles %s, but no Go code sends it", Name(code)),
				Hint:    "remove the branch, or check that the server still sends this code"})
		}
	}
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			if !used[code] && !(t.Kind == catalog.KindHTTP && usedStatus[code.Number]) {
				hint := "deprecate it, or remove it and reserve its number"
				switch {
				case code.Deprecated != nil:
					hint = "remove it and reserve its number"
				case code.Client:
					hint = "keep it if an HTTP client may raise it, else remove it"
				case t.Kind == catalog.KindHTTP:
					// A standard status may be listed only to be documented.
					hint = "keep it if the catalog documents every HTTP status, else remove it"
				}
				pos := code.Pos
				if abs, err := filepath.Abs(pos.File); err == nil {
					pos.File = relative(dir, abs)
				}
				fs = append(fs, Finding{Pos: pos, Severity: Advice, Code: code,
					Message: fmt.Sprintf("%s is used nowhere", Name(code)), Hint: hint})
			}
		}
	}
	slices.SortStableFunc(fs, func(a, b Finding) int { return comparePos(a.Pos, b.Pos) })
	return fs
}
