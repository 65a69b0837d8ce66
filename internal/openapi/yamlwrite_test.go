package openapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// roundTrip writes the JSON document as YAML with writeYAML and reads it
// back with yaml.v3 and encoding/json, which must agree.
func roundTrip(t *testing.T, doc string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	root, err := readNode(dec)
	if err != nil {
		t.Fatalf("test document: %v", err)
	}
	var buf bytes.Buffer
	if err := writeYAML(&buf, root); err != nil {
		t.Fatal(err)
	}
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(buf.Bytes(), &fromYAML); err != nil {
		t.Fatalf("yaml.v3 cannot read what writeYAML wrote: %v\n%s", err, buf.Bytes())
	}
	if err := json.Unmarshal([]byte(doc), &fromJSON); err != nil {
		t.Fatal(err)
	}
	norm, err := json.Marshal(fromYAML)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	var y any
	if err := json.Unmarshal(norm, &y); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(y, fromJSON) {
		t.Fatalf("read back differently:\nJSON %s\nYAML %s\nwritten:\n%s", doc, norm, buf.Bytes())
	}
	return buf.String()
}

var trickyStrings = []string{
	"", " ", "plain", "3.0.3", "1.0.0", "0x1F", "1e5", ".inf", "-.5", "+1", "007", "1:20", "2001-12-14",
	"2001-12-14 21:59:43.10", "442 is not an HTTP status", "true", "False", "yes", "NO", "on", "Off", "y", "n",
	"null", "Null", "~", "<<", "=", "- item", "-", "? key", ":", "a: b", "a #b", "a#b", "a:b", "trailing:",
	"#comment", "&anchor", "*alias", "!tag", "|", ">", "'", "\"", "%directive", "@at", "`tick`", "[x]", "{x}",
	",x", "x, y", " leading", "trailing ", "it's", "tab\there", "\ttab first", "line\nbreak", "line\nbreak\n",
	"two\n\nparagraphs", "ends\n\n", "\n", "\nstarts with a break", " indented\nsecond", "trailing \nspace",
	"only\n  \nspaces", "\n 0", "\n\nx", "a\r\nb", "nul\x00", "bell\a", "del\x7f", "nel\u0085", "ls\u2028ps\u2029", "bom\ufeff",
	"c1\u009f", "한국어 메시지", "emoji 🎉", "private \ue000", "\\backslash", "---", "...", "--- x", "... x",
	"{maxSize}", "x-description-ko", "#/components/schemas/Problem", "https://example.com/a?b=c#d",
	strings.Repeat("k", 200),
}

// TestWriteYAMLStrings writes each string as a key, a value and a
// sequence item.
func TestWriteYAMLStrings(t *testing.T) {
	for _, s := range trickyStrings {
		q, _ := json.Marshal(s)
		roundTrip(t, `{`+string(q)+`: `+string(q)+`, "seq": [`+string(q)+`, {`+string(q)+`: [`+string(q)+`]}]}`)
	}
}

func TestWriteYAMLShapes(t *testing.T) {
	got := roundTrip(t, `{"a": {}, "b": [], "c": [[1, [2, 3]], [], {}], "d": [{"x": 1, "w": {"z": [true, null]}}], "e": -1.5e3}`)
	want := `a: {}
b: []
c:
  - - 1
    - - 2
      - 3
  - []
  - {}
d:
  - x: 1
    w:
      z:
        - true
        - null
e: -1.5e3
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	roundTrip(t, `{}`)
}

// TestWriteYAMLStyles pins the styles a reader sees: plain where nothing
// else could be read, literal blocks for multi-line text.
func TestWriteYAMLStyles(t *testing.T) {
	got := roundTrip(t, `{"plain": "Bad Gateway", "digit": "442 is not an HTTP status", "version": "3.0.3", "colon": "a: b", "block": "one\ntwo\n", "strip": "one\n\ntwo", "escaped": "tab\tthen\u0085"}`)
	want := `plain: Bad Gateway
digit: 442 is not an HTTP status
version: '3.0.3'
colon: 'a: b'
block: |
  one
  two
strip: |-
  one

  two
escaped: "tab\tthen\x85"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func FuzzYAMLString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("the tree comes from JSON, whose strings are valid UTF-8")
		}
		q, _ := json.Marshal(s)
		roundTrip(t, `{`+string(q)+`: [`+string(q)+`, {"k": `+string(q)+`}]}`)
	})
}
