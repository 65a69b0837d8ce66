package usage

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// String prints a finding as errgen prints every problem:
// file:line:col: severity: what is wrong; what to do.
func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, f.Message)
	if f.Hint != "" {
		s += "; " + f.Hint
	}
	return s
}

// GitHub prints a finding as a GitHub Actions annotation; advice is a
// notice.
func (f Finding) GitHub() string {
	kind := string(f.Severity)
	if f.Severity == Advice {
		kind = "notice"
	}
	msg := f.Message
	if f.Hint != "" {
		msg += "; " + f.Hint
	}
	return catalog.GitHubCommand(kind, f.Pos, msg)
}

// Text writes the uses, code by code, then the findings and a count.
func (r *Report) Text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Uses in %d Go package(s)", r.GoPackages)
	if r.TSFiles > 0 {
		fmt.Fprintf(&b, " and %d TypeScript file(s)", r.TSFiles)
	}
	b.WriteString(":\n")
	var last *catalog.Code
	for _, u := range r.Uses {
		if u.Code != last {
			fmt.Fprintf(&b, "  %s\n", Name(u.Code))
			last = u.Code
		}
		fmt.Fprintf(&b, "    %s  %s\n", u.Lang, u.Pos)
	}
	if len(r.Uses) == 0 {
		b.WriteString("  none\n")
	}
	if len(r.Findings) > 0 {
		b.WriteString("\nFindings:\n")
		for _, f := range r.Findings {
			b.WriteString(f.String())
			b.WriteByte('\n')
		}
	}
	b.WriteString("\n" + r.summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// GitHub writes the findings as GitHub Actions annotations.
func (r *Report) GitHub(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.GitHub())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) summary() string {
	n := map[Severity]int{}
	for _, f := range r.Findings {
		n[f.Severity]++
	}
	return fmt.Sprintf("errgen usage: %d use(s) of %d code(s); %d error(s), %d warning(s), %d advice",
		len(r.Uses), r.usedCodes(), n[Error], n[Warning], n[Advice])
}

func (r *Report) usedCodes() int {
	n := 0
	var last *catalog.Code
	for _, u := range r.Uses {
		if u.Code != last {
			n++
			last = u.Code
		}
	}
	return n
}

type jsonCode struct {
	Table  string `json:"table"`
	Number int    `json:"number"`
	ID     string `json:"id"`
}

type jsonPos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type jsonUse struct {
	jsonPos
	Lang   Lang `json:"lang"`
	Server bool `json:"server,omitempty"`
}

type jsonCodeUses struct {
	jsonCode
	Uses []jsonUse `json:"uses"`
}

type jsonFinding struct {
	jsonPos
	Severity Severity `json:"severity"`
	Code     jsonCode `json:"code"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

func codeJSON(c *catalog.Code) jsonCode {
	return jsonCode{Table: string(c.Table.Kind), Number: c.Number, ID: c.ID}
}

func posJSON(p catalog.Pos) jsonPos { return jsonPos{File: p.File, Line: p.Line, Column: p.Column} }

// JSON writes the report as one JSON object: codes (each with its uses),
// findings, and the counts of what was scanned.
func (r *Report) JSON(w io.Writer) error {
	out := struct {
		GoPackages int            `json:"goPackages"`
		TSFiles    int            `json:"tsFiles"`
		Codes      []jsonCodeUses `json:"codes"`
		Findings   []jsonFinding  `json:"findings"`
	}{GoPackages: r.GoPackages, TSFiles: r.TSFiles, Codes: []jsonCodeUses{}, Findings: []jsonFinding{}}
	var last *catalog.Code
	for _, u := range r.Uses {
		if u.Code != last {
			out.Codes = append(out.Codes, jsonCodeUses{jsonCode: codeJSON(u.Code)})
			last = u.Code
		}
		cu := &out.Codes[len(out.Codes)-1]
		cu.Uses = append(cu.Uses, jsonUse{jsonPos: posJSON(u.Pos), Lang: u.Lang, Server: u.Server})
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{jsonPos: posJSON(f.Pos), Severity: f.Severity, Code: codeJSON(f.Code), Message: f.Message, Hint: f.Hint})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
