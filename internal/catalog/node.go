package catalog

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
	"gopkg.in/yaml.v3"
)

// reader walks yaml.v3 nodes strictly: unknown and duplicate keys, wrong
// types and missing fields become diagnostics with the node's position.
// Decoding by hand, not with node.Decode, is what keeps positions for every
// value and strictness inside nested mappings.
type reader struct {
	*reporter
	// defaultLang is the catalog's default language, once read.
	defaultLang string
	// targets is the registry the output section is checked against; nil
	// leaves target names and options unchecked.
	targets []Target
	lines   []string // the file's lines, to place characters in scalars

	// lazy are the codes lists cut out of data, read chunk by chunk;
	// chunkFailed is set when one did not parse as the cut expected.
	lazy        map[*yaml.Node]*codesList
	data        []byte
	chunkFailed bool
}

func (r *reader) pos(n *yaml.Node) Pos {
	return Pos{File: r.file, Line: n.Line, Column: n.Column}
}

// resolve follows aliases, so an anchored value reads like a copied one.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fields is a mapping's values by key, with the key nodes for positions.
type fields struct {
	values map[string]*yaml.Node
	keys   map[string]*yaml.Node
	node   *yaml.Node
}

func (f fields) get(key string) *yaml.Node { return f.values[key] }

// mapping reads a mapping whose keys must be among allowed (any, when
// allowed is nil); required keys that are absent are reported at the
// mapping itself.
func (r *reader) mapping(n *yaml.Node, what string, allowed, required []string) (fields, bool) {
	n = resolve(n)
	f := fields{values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, node: n}
	if n.Kind != yaml.MappingNode {
		r.errorf(r.pos(n), "write it as `key: value` lines", "%s must be a mapping, not %s", what, describe(n))
		return f, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.errorf(r.pos(k), "use a plain word as the key", "%s has a key that is %s", what, describe(k))
			continue
		}
		if prev, dup := f.keys[k.Value]; dup {
			r.errorf(r.pos(k), "remove one of them", "%s has the key %q twice (first at line %d)", what, k.Value, prev.Line)
			continue
		}
		if allowed != nil && !slices.Contains(allowed, k.Value) {
			hint := "the keys of " + what + " are: " + strings.Join(allowed, ", ")
			if near := nearest(k.Value, allowed); near != "" {
				hint = "did you mean `" + near + "`? " + hint
			}
			r.errorf(r.pos(k), hint, "unknown key %q in %s", k.Value, what)
			continue
		}
		f.keys[k.Value] = k
		f.values[k.Value] = v
	}
	for _, key := range required {
		if _, ok := f.values[key]; !ok {
			r.errorf(r.pos(n), "add `"+key+": …`", "%s is missing the required key %q", what, key)
		}
	}
	return f, true
}

// nearest is the word of words closest to s in edit distance, ignoring
// case, when it is close enough to be a slip of the keyboard (about one
// edit in three letters); else "".
func nearest(s string, words []string) string {
	best, bestDist := "", 0
	for _, w := range words {
		d := levenshtein.ComputeDistance(strings.ToLower(s), w)
		if d <= max(1, len(w)/3) && (best == "" || d < bestDist) {
			best, bestDist = w, d
		}
	}
	return best
}

func (r *reader) sequence(n *yaml.Node, what string) []*yaml.Node {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		r.errorf(r.pos(n), "write it as a list of `- …` items", "%s must be a list, not %s", what, describe(n))
		return nil
	}
	return n.Content
}

// items calls f with each item of a list: a codes list cut out of the
// file (chunk.go) is parsed a chunk at a time as it goes.
func (r *reader) items(n *yaml.Node, what string, f func(item *yaml.Node)) {
	if l := r.lazy[n]; l != nil {
		if !l.chunks(r.data, f) {
			r.chunkFailed = true
		}
		return
	}
	for _, item := range r.sequence(n, what) {
		f(item)
	}
}

func (r *reader) scalar(n *yaml.Node, what, tag string) (*yaml.Node, bool) {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != tag {
		return n, false
	}
	return n, true
}

func (r *reader) str(n *yaml.Node, what string) (string, bool) {
	s, ok := r.scalar(n, what, "!!str")
	if !ok {
		r.errorf(r.pos(s), "quote it if it is meant as text", "%s must be a string, not %s", what, describe(s))
		return "", false
	}
	return s.Value, true
}

func (r *reader) integer(n *yaml.Node, what string) (int, bool) {
	s, ok := r.scalar(n, what, "!!int")
	if !ok {
		r.errorf(r.pos(s), "write a whole number such as 404", "%s must be an integer, not %s", what, describe(s))
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(s.Value, "_", ""), 0, 64)
	if err != nil || v < math.MinInt32 || v > math.MaxInt32 {
		r.errorf(r.pos(s), "use a number between -2147483648 and 2147483647", "%s %s is out of range", what, s.Value)
		return 0, false
	}
	return int(v), true
}

func (r *reader) boolean(n *yaml.Node, what string) (bool, bool) {
	s, ok := r.scalar(n, what, "!!bool")
	if !ok {
		r.errorf(r.pos(s), "write true or false", "%s must be true or false, not %s", what, describe(s))
		return false, false
	}
	v, _ := strconv.ParseBool(strings.ToLower(s.Value))
	return v, true
}

// intRange reads `[min, max]`.
func (r *reader) intRange(n *yaml.Node, what string) (lo, hi int, ok bool) {
	items := r.sequence(n, what)
	if items == nil {
		return 0, 0, false
	}
	if len(items) != 2 {
		r.errorf(r.pos(n), "write it as [min, max]", "%s must have two numbers, not %d", what, len(items))
		return 0, 0, false
	}
	lo, ok1 := r.integer(items[0], what+" minimum")
	hi, ok2 := r.integer(items[1], what+" maximum")
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if lo > hi {
		r.errorf(r.pos(n), "write the smaller number first", "%s [%d, %d] is empty", what, lo, hi)
		return 0, 0, false
	}
	return lo, hi, true
}

// describe names a node's type the way a YAML author thinks of it.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "empty"
		case "!!int":
			return "the number " + n.Value
		case "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		case "!!str":
			return "the string " + strconv.Quote(n.Value)
		}
		return "the value " + strconv.Quote(n.Value)
	}
	return "an unsupported node"
}

// lookupValue returns the value of key in a mapping already read with
// mapping (so without reporting anything again), or the mapping itself.
func lookupValue(n *yaml.Node, key string) *yaml.Node {
	n = resolve(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return n
}
