package openapi

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/textenc"
)

// rootOrder puts the small, identifying fields first: the marker must lie
// within output's window of the JSON file, and people read top-down.
var rootOrder = []string{"openapi", "x-generated", "jsonSchemaDialect", "info", "paths", "components"}

// Marshal writes doc as YAML and JSON into memory; the target writes
// each file straight to the output (writeDoc). The same walk of the
// document (walker) writes each, so both hold the same tree in the same
// order: the root as rootOrder says, every other mapping with its keys
// sorted (as encoding/json writes the maps kin-openapi marshals through).
// The YAML starts with the generated-file comment.
func Marshal(doc *openapi3.T) (yamlData, jsonData []byte, err error) {
	var y, j bytes.Buffer
	// Sized up front: growing a buffer of megabytes step by step clears
	// and copies it again at every step.
	y.Grow(sizeHint(doc))
	j.Grow(sizeHint(doc))
	if err := writeDoc(&y, doc, false); err != nil {
		return nil, nil, err
	}
	if err := writeDoc(&j, doc, true); err != nil {
		return nil, nil, err
	}
	return y.Bytes(), j.Bytes(), nil
}

// writeDoc writes doc to w as JSON or as YAML.
func writeDoc(w io.Writer, doc *openapi3.T, asJSON bool) error {
	buf := bufio.NewWriterSize(w, 64<<10)
	var out events = &yamlOut{buf: buf}
	if asJSON {
		out = &jsonOut{buf: buf}
	} else {
		buf.WriteString("# " + output.Marker + "\n")
	}
	if err := (walker{out}).doc(doc); err != nil {
		return err
	}
	if asJSON {
		buf.WriteByte('\n')
	}
	return buf.Flush()
}

// sizeHint is about what one file of doc takes: most of it is the
// examples, well under 1 KiB each.
func sizeHint(doc *openapi3.T) int {
	n := 64 << 10
	if doc.Components != nil {
		for _, r := range doc.Components.Responses {
			if r.Value != nil {
				for _, m := range r.Value.Content {
					n += len(m.Examples) << 10
				}
			}
		}
	}
	return n
}

// events receives a document as a stream, in order: the one ordered model
// both files are written from. Collections announce their length, so
// that a writer knows an empty one before it starts it.
type events interface {
	mapStart(n int)
	key(k string)
	seqStart(n int)
	end()
	str(s string)
	lit(v string) // a number, true, false or null, spelt as in JSON
}

// yamlMarshaler is what every kin-openapi object implements: its fields
// (only those set, extensions included) as a map[string]any whose values
// are plain values or further objects. It is what kin-openapi's
// MarshalJSON hands to encoding/json; walking it directly gives the same
// document without encoding JSON and reading it back.
type yamlMarshaler interface {
	MarshalYAML() (any, error)
}

// walker turns a kin-openapi document into events: every mapping with its
// keys sorted, as encoding/json writes kin-openapi's maps, except the root,
// whose small identifying fields come first (rootOrder).
type walker struct{ out events }

func (w walker) doc(doc *openapi3.T) error {
	m, err := doc.MarshalYAML()
	if err != nil {
		return err
	}
	root, ok := m.(map[string]any)
	if !ok {
		return fmt.Errorf("openapi: the document marshals as %T, not a mapping", m)
	}
	keys := sortedKeys(root)
	rank := func(k string) int {
		if i := slices.Index(rootOrder, k); i >= 0 {
			return i
		}
		return len(rootOrder)
	}
	slices.SortStableFunc(keys, func(a, b string) int { return rank(a) - rank(b) })
	return w.mapping(len(keys), keys, func(k string) any { return root[k] })
}

func (w walker) mapping(n int, keys []string, get func(string) any) error {
	w.out.mapStart(n)
	for _, k := range keys {
		w.out.key(k)
		if err := w.value(get(k)); err != nil {
			return err
		}
	}
	w.out.end()
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortedMap[V any](w walker, m map[string]V) error {
	return w.mapping(len(m), sortedKeys(m), func(k string) any { return m[k] })
}

func list[V any](w walker, s []V) error {
	w.out.seqStart(len(s))
	for _, v := range s {
		if err := w.value(v); err != nil {
			return err
		}
	}
	w.out.end()
	return nil
}

// value walks one value the way encoding/json would marshal it. The types
// kin-openapi's documents hold are switched on directly; reflection is
// the fallback for other maps and slices.
func (w walker) value(v any) error {
	switch x := v.(type) {
	case nil:
		w.out.lit("null")
		return nil
	case string:
		w.out.str(x)
		return nil
	case bool:
		w.out.lit(strconv.FormatBool(x))
		return nil
	case int:
		w.out.lit(strconv.Itoa(x))
		return nil
	case int64:
		w.out.lit(strconv.FormatInt(x, 10))
		return nil
	case uint64:
		w.out.lit(strconv.FormatUint(x, 10))
		return nil
	case float64:
		s, err := jsonFloat(x)
		if err != nil {
			return err
		}
		w.out.lit(s)
		return nil
	case map[string]any:
		return sortedMap(w, x)
	case []any:
		return list(w, x)
	case []string:
		return list(w, x)
	case openapi3.Schemas:
		return sortedMap(w, x)
	case openapi3.Headers:
		return sortedMap(w, x)
	case openapi3.ResponseBodies:
		return sortedMap(w, x)
	case openapi3.Examples:
		return sortedMap(w, x)
	case openapi3.Content:
		return sortedMap(w, x)
	case openapi3.SchemaRefs:
		return list(w, x)
	}
	rv := reflect.ValueOf(v)
	if (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Map || rv.Kind() == reflect.Slice) && rv.IsNil() {
		w.out.lit("null")
		return nil
	}
	if m, ok := v.(yamlMarshaler); ok {
		inner, err := m.MarshalYAML()
		if err != nil {
			return err
		}
		return w.value(inner)
	}
	switch rv.Kind() {
	case reflect.Pointer:
		return w.value(rv.Elem().Interface())
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			break
		}
		keys := make([]string, 0, rv.Len())
		for _, k := range rv.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		return w.mapping(len(keys), keys, func(k string) any {
			return rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface()
		})
	case reflect.Slice, reflect.Array:
		w.out.seqStart(rv.Len())
		for i := range rv.Len() {
			if err := w.value(rv.Index(i).Interface()); err != nil {
				return err
			}
		}
		w.out.end()
		return nil
	case reflect.String:
		w.out.str(rv.String())
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.out.lit(strconv.FormatInt(rv.Int(), 10))
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		w.out.lit(strconv.FormatUint(rv.Uint(), 10))
		return nil
	case reflect.Float32, reflect.Float64:
		return w.value(rv.Float())
	case reflect.Bool:
		return w.value(rv.Bool())
	}
	return fmt.Errorf("openapi: cannot write a %T in the document", v)
}

// jsonFloat spells a float64 as encoding/json does.
func jsonFloat(f float64) (string, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "", fmt.Errorf("openapi: unsupported number %v", f)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return string(bytes.Clone(b)), nil
}

// jsonOut writes events as JSON indented by two spaces, without HTML
// escaping (messages may hold <, > and &).
type jsonOut struct {
	buf   *bufio.Writer
	stack []jsonFrame
	// afterKey is set when a key was just written: its value follows on
	// the key's line.
	afterKey bool
}

type jsonFrame struct {
	close byte // 0 for an empty collection, written whole
	n     int
}

func (w *jsonOut) newline(depth int) {
	w.buf.WriteByte('\n')
	for range depth {
		w.buf.WriteString("  ")
	}
}

// element starts an entry of the innermost collection on a line of its own.
func (w *jsonOut) element() {
	if len(w.stack) == 0 {
		return
	}
	f := &w.stack[len(w.stack)-1]
	if f.n > 0 {
		w.buf.WriteByte(',')
	}
	f.n++
	w.newline(len(w.stack))
}

// valueStart starts a value: on the key's line in a mapping, else as an
// entry of a sequence.
func (w *jsonOut) valueStart() {
	if w.afterKey {
		w.afterKey = false
		return
	}
	w.element()
}

func (w *jsonOut) open(brackets string, n int) {
	w.valueStart()
	if n == 0 {
		w.buf.WriteString(brackets)
		w.stack = append(w.stack, jsonFrame{})
		return
	}
	w.buf.WriteByte(brackets[0])
	w.stack = append(w.stack, jsonFrame{close: brackets[1]})
}

func (w *jsonOut) mapStart(n int) { w.open("{}", n) }
func (w *jsonOut) seqStart(n int) { w.open("[]", n) }

func (w *jsonOut) end() {
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	if f.close != 0 {
		w.newline(len(w.stack))
		w.buf.WriteByte(f.close)
	}
}

func (w *jsonOut) key(k string) {
	w.element()
	writeString(w.buf, k)
	w.buf.WriteString(": ")
	w.afterKey = true
}

func (w *jsonOut) str(s string) {
	w.valueStart()
	writeString(w.buf, s)
}

// writeString writes s as a JSON string. Its only error is encoding/json's
// for a value that is not a string, which s cannot be.
func writeString(buf *bufio.Writer, s string) { _ = textenc.WriteJSONString(buf, s) }

func (w *jsonOut) lit(v string) {
	w.valueStart()
	w.buf.WriteString(v)
}
