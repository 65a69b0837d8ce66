// Package schema holds the JSON Schema (draft 2020-12) of codes.yaml, the
// one codes.yaml points editors at with its first line:
//
//	# yaml-language-server: $schema=./schema/codes.schema.json
//
// codes.schema.json is committed. Its output properties come from the
// target registry, each target's schema living in the target's package
// (Build; TestRegistry keeps the file equal to Build's output); the rest
// is written by hand. `errgen schema` prints Build's output. The schema
// checks structure (keys, types, patterns, enums, required keys, ranges);
// errgen's loader checks that and everything a schema cannot express. schema_test.go keeps the two in
// agreement on every broken fixture of the loader.
package schema

import (
	"bytes"
	_ "embed"
)

//go:embed codes.schema.json
var source []byte

// JSON returns the schema document.
func JSON() []byte { return bytes.Clone(source) }
