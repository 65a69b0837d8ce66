package catalog

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// YAMLProblem is one problem of a yaml.v3 error: the line it names (0
// when it names none) and its message without yaml.v3's prefixes.
type YAMLProblem struct {
	Line    int
	Message string
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// YAMLProblems splits a yaml.v3 error, a syntax error or a TypeError's
// list, into its problems, for the loader and for any other YAML errgen
// reads to place each at its line.
func YAMLProblems(err error) []YAMLProblem {
	msgs := strings.Split(err.Error(), "\n")
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	var out []YAMLProblem
	for _, m := range msgs {
		m = strings.TrimSpace(m)
		if m == "" || strings.TrimPrefix(m, "yaml: ") == "unmarshal errors:" {
			continue
		}
		p := YAMLProblem{Message: strings.TrimPrefix(m, "yaml: ")}
		if sub := yamlLine.FindStringSubmatch(m); sub != nil {
			p.Line, _ = strconv.Atoi(sub[1])
			p.Message = sub[2]
		}
		out = append(out, p)
	}
	return out
}
