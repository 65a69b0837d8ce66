package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/textenc"
)

// rootOrder puts the small, identifying fields first: the marker must lie
// within output's window of the JSON file, and people read top-down.
var rootOrder = []string{"openapi", "x-generated", "info", "paths", "components"}

// Marshal renders doc as YAML and JSON holding the same tree in the same
// order. kin-openapi marshals every object through maps, which
// encoding/json writes with sorted keys; that JSON is read into a yaml.Node
// tree (which keeps order), the root is reordered, and both files are
// written from that one tree. The YAML starts with the generated-file comment.
func Marshal(doc *openapi3.T) (yamlData, jsonData []byte, err error) {
	root, err := tree(doc)
	if err != nil {
		return nil, nil, err
	}
	if yamlData, err = encodeYAML(root); err != nil {
		return nil, nil, err
	}
	if jsonData, err = encodeJSON(root); err != nil {
		return nil, nil, err
	}
	return yamlData, jsonData, nil
}

// tree is the document as one ordered node tree, from which both files are
// written.
func tree(doc *openapi3.T) (*yaml.Node, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi: marshal: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	root, err := readNode(dec)
	if err != nil {
		return nil, fmt.Errorf("openapi: re-read marshalled document: %w", err)
	}
	reorderRoot(root)
	return root, nil
}

func encodeYAML(root *yaml.Node) ([]byte, error) {
	var y bytes.Buffer
	y.WriteString("# " + output.Marker + "\n")
	if err := writeYAML(&y, root); err != nil {
		return nil, err
	}
	return y.Bytes(), nil
}

func encodeJSON(root *yaml.Node) ([]byte, error) {
	var j bytes.Buffer
	if err := writeJSON(&j, root, ""); err != nil {
		return nil, err
	}
	j.WriteByte('\n')
	return j.Bytes(), nil
}

// reorderRoot sorts the root mapping by rootOrder; other keys keep their
// (sorted) order after those.
func reorderRoot(root *yaml.Node) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		pairs = append(pairs, pair{root.Content[i], root.Content[i+1]})
	}
	rank := func(p pair) int {
		if i := slices.Index(rootOrder, p.k.Value); i >= 0 {
			return i
		}
		return len(rootOrder)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a) - rank(b) })
	root.Content = root.Content[:0]
	for _, p := range pairs {
		root.Content = append(root.Content, p.k, p.v)
	}
}

// readNode reads one JSON value into a yaml.Node, keeping the order of
// object members. Styles are left unset, so the YAML encoder picks the
// plainest one that keeps each value's type and bytes (double quotes and
// escapes for control characters).
func readNode(dec *json.Decoder) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if v == '{' {
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
		}
		for dec.More() {
			if n.Kind == yaml.MappingNode {
				key, err := dec.Token()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key.(string)})
			}
			child, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, child)
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}, nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(v.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

// writeJSON writes a tree read from JSON back as JSON, indented by two
// spaces, without HTML escaping (messages may hold <, > and &).
func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) error {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, close := "[", "]"
		step := 1
		if n.Kind == yaml.MappingNode {
			open, close, step = "{", "}", 2
		}
		if len(n.Content) == 0 {
			buf.WriteString(open + close)
			return nil
		}
		buf.WriteString(open)
		inner := indent + "  "
		for i := 0; i < len(n.Content); i += step {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString("\n" + inner)
			if step == 2 {
				if err := textenc.WriteJSONString(buf, n.Content[i].Value); err != nil {
					return err
				}
				buf.WriteString(": ")
			}
			if err := writeJSON(buf, n.Content[i+step-1], inner); err != nil {
				return err
			}
		}
		buf.WriteString("\n" + indent + close)
		return nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return textenc.WriteJSONString(buf, n.Value)
		case "!!int", "!!float", "!!bool", "!!null":
			// JSON literals as read by readNode.
			buf.WriteString(n.Value)
			return nil
		}
	}
	return fmt.Errorf("openapi: unexpected YAML node kind %d tag %q at line %d", n.Kind, n.Tag, n.Line)
}
