package openapi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// replay reads one JSON value and sends it to out as events, keeping the
// order of object members and spelling numbers as the JSON does.
func replay(t *testing.T, dec *json.Decoder, out events) {
	t.Helper()
	tok, err := dec.Token()
	if err != nil {
		t.Fatalf("test document: %v", err)
	}
	switch v := tok.(type) {
	case json.Delim:
		// Collections announce their length: read the members first.
		var rec recorder
		for dec.More() {
			if v == '{' {
				k, err := dec.Token()
				if err != nil {
					t.Fatal(err)
				}
				rec.add(func(o events) { o.key(k.(string)) })
			}
			var inner recorder
			replay(t, dec, &inner)
			rec.add(inner.replayTo)
			rec.n++
		}
		dec.Token() // the closing delimiter
		if v == '{' {
			out.mapStart(rec.n)
		} else {
			out.seqStart(rec.n)
		}
		rec.replayTo(out)
		out.end()
	case string:
		out.str(v)
	case json.Number:
		out.lit(v.String())
	case bool:
		out.lit(strconv.FormatBool(v))
	case nil:
		out.lit("null")
	}
}

// recorder keeps events to send later.
type recorder struct {
	steps []func(events)
	n     int // members of the collection being read
}

func (r *recorder) add(f func(events)) { r.steps = append(r.steps, f) }
func (r *recorder) replayTo(o events) {
	for _, f := range r.steps {
		f(o)
	}
}
func (r *recorder) mapStart(n int) { r.add(func(o events) { o.mapStart(n) }) }
func (r *recorder) seqStart(n int) { r.add(func(o events) { o.seqStart(n) }) }
func (r *recorder) end()           { r.add(func(o events) { o.end() }) }
func (r *recorder) key(k string)   { r.add(func(o events) { o.key(k) }) }
func (r *recorder) str(s string)   { r.add(func(o events) { o.str(s) }) }
func (r *recorder) lit(v string)   { r.add(func(o events) { o.lit(v) }) }

// roundTrip writes the JSON document as YAML and as JSON with the
// writers Marshal uses. yaml.v3 must read the YAML, and encoding/json the
// JSON, as encoding/json reads the document; the JSON must be indented as
// json.Indent does.
func roundTrip(t *testing.T, doc string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var y, j bytes.Buffer
	yw, jw := bufio.NewWriter(&y), bufio.NewWriter(&j)
	replay(t, dec, both{&yamlOut{buf: yw}, &jsonOut{buf: jw}})
	yw.Flush()
	jw.Flush()
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(y.Bytes(), &fromYAML); err != nil {
		t.Fatalf("yaml.v3 cannot read the YAML written: %v\n%s", err, y.Bytes())
	}
	if err := json.Unmarshal([]byte(doc), &fromJSON); err != nil {
		t.Fatal(err)
	}
	norm, err := json.Marshal(fromYAML)
	if err != nil {
		t.Fatalf("%v\n%s", err, y.Bytes())
	}
	var back any
	if err := json.Unmarshal(norm, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, fromJSON) {
		t.Fatalf("read back differently:\nJSON %s\nYAML %s\nwritten:\n%s", doc, norm, y.Bytes())
	}
	var fromOurs any
	if err := json.Unmarshal(j.Bytes(), &fromOurs); err != nil || !reflect.DeepEqual(fromOurs, fromJSON) {
		t.Fatalf("the JSON written reads back differently (%v):\n%s", err, j.Bytes())
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, j.Bytes(), "", "  "); err != nil || indented.String() != j.String() {
		t.Fatalf("the JSON written is not indented as json.Indent does:\n%s\nwant:\n%s", j.Bytes(), indented.Bytes())
	}
	return y.String()
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

// both sends every event to two writers.
type both [2]events

func (b both) mapStart(n int) { b[0].mapStart(n); b[1].mapStart(n) }
func (b both) seqStart(n int) { b[0].seqStart(n); b[1].seqStart(n) }
func (b both) end()           { b[0].end(); b[1].end() }
func (b both) key(k string)   { b[0].key(k); b[1].key(k) }
func (b both) str(s string)   { b[0].str(s); b[1].str(s) }
func (b both) lit(v string)   { b[0].lit(v); b[1].lit(v) }
