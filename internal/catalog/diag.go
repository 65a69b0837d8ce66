package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells an error, which stops generation, from lint advice.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
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
	if d.Severity == SeverityWarning {
		s += "warning: "
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
	kind := "error"
	if d.Severity == SeverityWarning {
		kind = "warning"
	}
	msg := d.Message
	if d.Hint != "" {
		msg += "; " + d.Hint
	}
	return GitHubCommand(kind, d.Pos, msg)
}

// GitHubCommand is a GitHub Actions workflow command (kind is error,
// warning or notice) that annotates pos with msg, escaped as GitHub
// requires.
func GitHubCommand(kind string, pos Pos, msg string) string {
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d::%s", kind, escapeProperty(pos.File), pos.Line, pos.Column, escapeData(msg))
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

func (ds Diagnostics) sort() {
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
