package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells an error, which stops generation, from advice.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	// SeverityNote is information that asks nothing (breaking's notes).
	SeverityNote Severity = "note"
)

// Diagnostic is one problem found in a catalog, with what to do about it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string // what is wrong
	Hint     string // what to do; may be empty
}

func (d Diagnostic) String() string {
	s := d.Pos.String() + ": "
	if d.Severity != SeverityError {
		s += string(d.Severity) + ": "
	}
	s += d.Message
	if d.Hint != "" {
		s += "; " + d.Hint
	}
	return s
}

// GitHub renders the diagnostic as a GitHub Actions workflow command, so CI
// annotates the line in the pull request.
func (d Diagnostic) GitHub() string {
	kind := string(d.Severity)
	if d.Severity == SeverityNote {
		kind = "notice"
	}
	msg := d.Message
	if d.Hint != "" {
		msg += "; " + d.Hint
	}
	return GitHubCommand(kind, d.Pos, msg)
}

// GitHubCommand is a GitHub Actions workflow command (kind is error,
// warning or notice) that annotates pos with msg, escaped as GitHub
// requires; a position without a line annotates the whole file.
func GitHubCommand(kind string, pos Pos, msg string) string {
	props := "file=" + escapeProperty(pos.File)
	if pos.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", pos.Line, pos.Column)
	}
	return "::" + kind + " " + props + "::" + escapeData(msg)
}

// The escapes GitHub's workflow commands require for data and properties.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// Diagnostics is every problem of one load, sorted by position. As an error
// it prints one problem a line.
type Diagnostics []Diagnostic

func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any diagnostic is an error, not only advice.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == SeverityError })
}

// Error makes a diagnostic an error, so that a stage after loading (an
// emitter) returns its problems, alone or joined, with their positions.
func (d Diagnostic) Error() string { return d.String() }

// Errorf returns an error diagnostic at pos, with a hint of what to do.
func Errorf(pos Pos, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// Collect flattens err into sorted diagnostics: every Diagnostic and
// Diagnostics in it (through errors.Join), and, for any other error, one
// at pos whose message is prefix and the error's text. So every problem of
// every stage prints as file:line:col.
func Collect(err error, pos Pos, prefix string) Diagnostics {
	var ds Diagnostics
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case Diagnostic:
			ds = append(ds, e)
		case Diagnostics:
			ds = append(ds, e...)
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		default:
			ds = append(ds, Diagnostic{Pos: pos, Severity: SeverityError, Message: prefix + err.Error()})
		}
	}
	walk(err)
	ds.Sort()
	return ds
}

// Sort orders diagnostics by position, keeping the order of equals.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
		)
	})
}

// reporter collects diagnostics for one file.
type reporter struct {
	file  string
	diags Diagnostics
}

func (r *reporter) errorf(pos Pos, hint, format string, args ...any) {
	r.diags = append(r.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (r *reporter) warnf(pos Pos, hint, format string, args ...any) {
	r.diags = append(r.diags, Diagnostic{Pos: pos, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...), Hint: hint})
}
