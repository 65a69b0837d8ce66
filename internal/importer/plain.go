package importer

import (
	"strconv"
	"strings"
	"unicode"
)

// plainTable reads a plain-text table: a header line of column titles,
// then one line per code whose columns are separated by white space; the
// last column takes the rest of the line, so only it may hold spaces.
// The header is the last non-empty line above the first line that starts
// with a number; the rows end at the first empty line.
func (im *importer) plainTable(ix *lineIndex) []*sourceTable {
	first := 0
	for l := 1; l <= ix.lines(); l++ {
		if f := strings.Fields(ix.lineText(l)); len(f) > 0 {
			if _, err := strconv.Atoi(f[0]); err == nil {
				first = l
				break
			}
		}
	}
	head := 0
	for l := first - 1; l >= 1; l-- {
		if strings.TrimSpace(ix.lineText(l)) != "" {
			head = l
			break
		}
	}
	if first == 0 || head == 0 {
		return nil
	}
	st := &sourceTable{}
	words := fieldsAt(ix.lineText(head))
	st.pos = ix.pos(ix.lineStart(head) + words[0].off)
	// Column titles may be several words ("Error Code"): take the longest
	// run of words that names a column, from the left.
	for i := 0; i < len(words); {
		n := 0
		for j := min(len(words), i+4); j > i; j-- {
			key := normHeader(joinWords(words[i:j]))
			if _, ok := im.opts.Columns[key]; ok {
				n = j - i
				break
			}
			if _, ok := knownHeaders[key]; ok {
				n = j - i
				break
			}
		}
		if n == 0 {
			// Unknown: most likely a two-word title ("Error Message").
			// resolveColumns reports it with its position, to be mapped.
			n = min(2, len(words)-i)
		}
		st.header = append(st.header, cell{text: joinWords(words[i : i+n]), pos: ix.pos(ix.lineStart(head) + words[i].off)})
		i += n
	}
	for l := first; l <= ix.lines(); l++ {
		line := ix.lineText(l)
		if strings.TrimSpace(line) == "" {
			break
		}
		words := fieldsAt(line)
		rec := record{pos: ix.pos(ix.lineStart(l) + words[0].off)}
		n := len(st.header)
		for i, w := range words {
			if i == n-1 {
				rec.cells = append(rec.cells, cell{text: strings.TrimSpace(line[w.off:]), pos: ix.pos(ix.lineStart(l) + w.off)})
				break
			}
			rec.cells = append(rec.cells, cell{text: w.text, pos: ix.pos(ix.lineStart(l) + w.off)})
		}
		if len(rec.cells) < n {
			im.ragged(rec, st, len(rec.cells), false)
			continue
		}
		st.records = append(st.records, rec)
	}
	return []*sourceTable{st}
}

type word struct {
	text string
	off  int
}

func fieldsAt(line string) []word {
	var ws []word
	start := -1
	for i, r := range line + " " {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			ws = append(ws, word{line[start:i], start})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	return ws
}

func joinWords(ws []word) string {
	s := make([]string, len(ws))
	for i, w := range ws {
		s[i] = w.text
	}
	return strings.Join(s, " ")
}
