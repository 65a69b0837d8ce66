package catalog

import (
	"bytes"
	"slices"

	"gopkg.in/yaml.v3"
)

// yaml.v3's node tree of a file is many times the file's size, and for a
// large catalog more than the model and any rendered file. So the codes
// lists, which are nearly all of a large file, are read a chunk of items
// at a time, each chunk's nodes garbage once its codes are read.
// The rest of the file (the skeleton) is parsed whole, with each codes
// list cut out and its lines kept as empty lines, so that every position
// stays where it is in the file.
//
// The cut is made on lines, before YAML is parsed, so it must never give
// a different tree than parsing the file whole. A list is cut only where
// YAML's block structure alone decides: under a `codes:` key on a line of
// its own in a top-level http, response or error mapping, at the lines
// that start with `- ` at the list's indentation. Whatever could still
// span such a line (a quoted scalar, a flow collection, an alias to an
// anchor in another chunk, a tag handle the skeleton declares) makes a
// chunk or the skeleton fail to parse or to have the shape the cut
// expects, and then the file is parsed whole: a file that is not read
// exactly as it would be whole is not read in chunks at all.

// chunkItems is how many items one chunk holds; 0 parses the file whole.
// Tests vary it to compare every split with the whole parse.
var chunkItems = 256

// codesList is one codes list cut out of the file.
type codesList struct {
	keyLine  int   // line of its `codes:` key
	line     int   // line of the first item's dash
	column   int   // column of every item's dash
	items    []int // byte offset of each item's first line
	lines    []int // line of each item's dash
	start    int   // byte offset of the first item
	end      int   // byte offset just after the list's last line
	newlines int   // line breaks in data[start:end]
	read     bool  // every chunk was parsed
}

// cutLists finds the codes lists of data that can be read in chunks.
func cutLists(data []byte) []*codesList {
	var (
		lists       []*codesList
		cur         *codesList // the list being scanned
		table       bool       // inside a top-level table mapping
		tableIndent = -1
		pending     bool // a `codes:` key was the last content line
		keyLine     int
	)
	line := 0
	for off := 0; off < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		text := bytes.TrimRight(data[off:end], "\r\n")
		line++
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		rest := text[indent:]
		blank := len(rest) == 0 || rest[0] == '#'
		at := off
		off = end
		if cur != nil {
			switch {
			case blank || indent > cur.column-1:
				continue
			case indent == cur.column-1 && isDash(rest):
				cur.items = append(cur.items, at)
				cur.lines = append(cur.lines, line)
				continue
			}
			cur.end = at
			lists = append(lists, cur)
			cur = nil
		}
		if blank {
			continue
		}
		if pending {
			pending = false
			if indent >= tableIndent && isDash(rest) {
				cur = &codesList{keyLine: keyLine, line: line, column: indent + 1, start: at, items: []int{at}, lines: []int{line}}
				continue
			}
		}
		switch {
		case indent == 0:
			table = slices.ContainsFunc(TableKinds, func(k TableKind) bool { return isKey(rest, string(k)) })
			tableIndent = -1
		case table:
			if tableIndent < 0 {
				tableIndent = indent
			}
			if indent == tableIndent && isKey(rest, "codes") {
				pending, keyLine = true, line
			}
		}
	}
	if cur != nil {
		cur.end = len(data)
		lists = append(lists, cur)
	}
	for _, l := range lists {
		l.newlines = bytes.Count(data[l.start:l.end], []byte{'\n'})
	}
	return lists
}

// isDash reports whether a line's content starts a block sequence item.
func isDash(rest []byte) bool {
	return len(rest) > 0 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ')
}

// isKey reports whether a line's content is `key:` with nothing after it
// but blanks and a comment.
func isKey(rest []byte, key string) bool {
	after, ok := bytes.CutPrefix(rest, []byte(key+":"))
	if !ok {
		return false
	}
	after = bytes.TrimLeft(after, " ")
	return len(after) == 0 || after[0] == '#'
}

// skeleton is data with every list's lines emptied.
func skeleton(data []byte, lists []*codesList) []byte {
	var b bytes.Buffer
	prev := 0
	for _, l := range lists {
		b.Write(data[prev:l.start])
		for range l.newlines {
			b.WriteByte('\n')
		}
		prev = l.end
	}
	b.Write(data[prev:])
	return b.Bytes()
}

// graft puts a stand-in sequence node for each list where the skeleton
// has its empty `codes:` value, and reports whether every list found
// exactly that place.
func graft(root *yaml.Node, lists []*codesList) (map[*yaml.Node]*codesList, bool) {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, false
	}
	lazy := map[*yaml.Node]*codesList{}
	for _, l := range lists {
		found := false
		for i := 1; i < len(root.Content) && !found; i += 2 {
			table := root.Content[i]
			if table.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(table.Content); j += 2 {
				k, v := table.Content[j], table.Content[j+1]
				if k.Line != l.keyLine || k.Kind != yaml.ScalarNode || k.Value != "codes" {
					continue
				}
				if v.Kind != yaml.ScalarNode || v.Tag != "!!null" || v.Value != "" {
					return nil, false
				}
				seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: l.line, Column: l.column}
				table.Content[j+1] = seq
				lazy[seq] = l
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return lazy, true
}

// chunks calls f with the items of l, parsed chunkItems at a time, and
// reports false, stopping, when a chunk does not parse to the items the
// cut expects.
func (l *codesList) chunks(data []byte, f func(item *yaml.Node)) bool {
	for i := 0; i < len(l.items); i += chunkItems {
		j := min(i+chunkItems, len(l.items))
		end := l.end
		if j < len(l.items) {
			end = l.items[j]
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data[l.items[i]:end], &doc); err != nil || len(doc.Content) != 1 {
			return false
		}
		seq := doc.Content[0]
		if seq.Kind != yaml.SequenceNode || len(seq.Content) != j-i {
			return false
		}
		shift(seq, l.lines[i]-1)
		for k, item := range seq.Content {
			// Each item must start between its dash and the next one.
			if item.Line < l.lines[i+k] || i+k+1 < len(l.lines) && item.Line >= l.lines[i+k+1] {
				return false
			}
		}
		for _, item := range seq.Content {
			f(item)
		}
	}
	l.read = true
	return true
}

// shift moves a chunk's nodes from the chunk's lines to the file's.
func shift(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shift(c, lines)
	}
}
