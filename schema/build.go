package schema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/errgen/errgen/internal/catalog"
)

// Build returns the schema with output's properties, dir aside, replaced
// by the targets' schemas in registry order: the registry, not this file,
// decides which targets codes.yaml may turn on. codes.schema.json is
// Build's output for errgen's registry, committed for editors.
func Build(targets []catalog.Target) ([]byte, error) {
	root, err := members(source)
	if err != nil {
		return nil, err
	}
	err = root.edit("properties", func(props *object) error {
		return props.edit("output", func(out *object) error {
			return out.edit("properties", func(p *object) error {
				kept := object{}
				for _, m := range *p {
					if m.key == "dir" {
						kept = append(kept, m)
					}
				}
				for _, t := range targets {
					if !json.Valid(t.Schema) {
						return fmt.Errorf("schema: the schema of target %s is not JSON", t.Name)
					}
					kept = append(kept, member{t.Name, t.Schema})
				}
				*p = kept
				return nil
			})
		})
	})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, root.json(), "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// object is a JSON object's members in document order, which
// encoding/json's maps would lose.
type object []member

type member struct {
	key   string
	value json.RawMessage
}

func members(data []byte) (object, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	if _, err := d.Token(); err != nil { // {
		return nil, err
	}
	var o object
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		o = append(o, member{k.(string), v})
	}
	return o, nil
}

// edit applies f to the object under key, which must exist.
func (o *object) edit(key string, f func(*object) error) error {
	for i, m := range *o {
		if m.key != key {
			continue
		}
		inner, err := members(m.value)
		if err != nil {
			return fmt.Errorf("schema: %s: %w", key, err)
		}
		if err := f(&inner); err != nil {
			return err
		}
		(*o)[i].value = inner.json()
		return nil
	}
	return fmt.Errorf("schema: no %q", key)
}

func (o object) json() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		json.Compact(&b, m.value)
	}
	b.WriteByte('}')
	return b.Bytes()
}
