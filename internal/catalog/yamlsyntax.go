package catalog

import "strings"

// brokenLine finds the line that broke a block collection. yaml.v3 names,
// for "did not find expected …", the line where the collection it was
// reading starts, which may be a hundred lines above the mistake. The
// mistake is the first line after it whose indentation fits no collection
// open at that point: neither a sibling of an open level nor the first line
// under a key or dash that opens a new one.
//
// lines are the file's lines; from is the 1-based line yaml.v3 named. It
// returns the 1-based line and column of the first such line after from,
// and false when every line fits (then yaml.v3's line is the best there is).
func brokenLine(lines []string, from int) (line, col int, ok bool) {
	var levels []int  // indentation of each open block level, innermost last
	opens := false    // the previous line leaves a value to come below it
	scalarUnder := -1 // inside a block scalar: lines indented more than this
	flowDepth := 0    // inside a flow collection that spans lines
	for i, text := range lines {
		content := strings.TrimLeft(text, " ")
		indent := len(text) - len(content)
		if content == "" || strings.HasPrefix(content, "#") {
			continue
		}
		if scalarUnder >= 0 {
			if indent > scalarUnder {
				continue
			}
			scalarUnder = -1
		}
		if flowDepth > 0 {
			flowDepth = flowBalance(content, flowDepth)
			continue
		}
		if content == "---" || content == "..." || strings.HasPrefix(content, "--- ") || strings.HasPrefix(content, "%") {
			levels, opens = nil, false
			continue
		}
		for len(levels) > 0 && levels[len(levels)-1] > indent {
			levels = levels[:len(levels)-1]
		}
		switch top := len(levels) - 1; {
		case top >= 0 && levels[top] == indent:
		case top < 0 || opens:
			levels = append(levels, indent)
		default:
			if i+1 > from {
				return i + 1, indent + 1, true
			}
			// A line before the reported collection that yaml.v3 accepted
			// (a plain scalar's continuation): it opens nothing.
			continue
		}
		// "- - key: value": each dash opens a level at the text after it.
		rest, at := content, indent
		for rest == "-" || strings.HasPrefix(rest, "- ") {
			trimmed := strings.TrimLeft(rest[1:], " ")
			at += len(rest) - len(trimmed)
			rest = trimmed
			if rest == "" || strings.HasPrefix(rest, "#") {
				break
			}
			levels = append(levels, at)
		}
		value, isKey := mappingValue(rest)
		opens = rest == "" || strings.HasPrefix(rest, "#") || isKey && value == ""
		switch {
		case strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">"):
			scalarUnder = levels[len(levels)-1]
		case strings.HasPrefix(value, "[") || strings.HasPrefix(value, "{"):
			flowDepth = flowBalance(value, 0)
		}
	}
	return 0, 0, false
}

// mappingValue splits "key: value # comment" and returns the value without
// its comment, anchor or tag, and whether the text is a key at all. Quoted
// keys are read as such; a colon inside quotes is not the separator.
func mappingValue(text string) (value string, isKey bool) {
	quote := byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && i == 0:
			quote = c
		case c == ' ' && i+1 < len(text) && text[i+1] == '#':
			return "", false
		case c == ':' && (i+1 == len(text) || text[i+1] == ' '):
			value = strings.TrimSpace(text[i+1:])
			if strings.HasPrefix(value, "#") {
				value = ""
			}
			// An anchor or a tag alone still leaves the value below.
			for _, f := range strings.Fields(value) {
				if !strings.HasPrefix(f, "&") && !strings.HasPrefix(f, "!") {
					return value, true
				}
				value = strings.TrimSpace(strings.TrimPrefix(value, f))
			}
			return value, true
		}
	}
	return "", false
}

// flowBalance adds the brackets text opens and closes, outside quotes, to
// depth.
func flowBalance(text string, depth int) int {
	quote := byte(0)
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == '#' && i > 0 && text[i-1] == ' ':
			return depth
		}
	}
	return max(depth, 0)
}
