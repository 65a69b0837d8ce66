package main

import (
	"fmt"

	"github.com/errgen/errgen/schema"
)

const schemaUsage = `Usage: errgen schema

Prints the JSON Schema (draft 2020-12) of codes.yaml. Editors that speak
the YAML language server protocol (VS Code's YAML extension, Neovim, Helix,
JetBrains IDEs) use it for completion, hover text and live errors when the
catalog's first line points at it:

  # yaml-language-server: $schema=./schema/codes.schema.json

The schema checks structure: keys, types, names, enums, ranges. errgen lint
checks that and everything a schema cannot: repeated numbers and ids, the
table ranges, reserved numbers, statuses missing from the http table,
placeholders against params, text in every declared language.

Examples:
  errgen schema > schema/codes.schema.json
  errgen schema | jq '.$defs.appCode.properties | keys'
`

func runSchema(e *env, args []string) int {
	fs := newFlagSet(e, "schema", schemaUsage, nil)
	if code, ok := parse(fs, args, nil); !ok {
		return code
	}
	data, err := schema.Build(e.targets)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen: %v\n", err)
		return exitUsage
	}
	if _, err := e.stdout.Write(data); err != nil {
		return exitUsage
	}
	return exitOK
}
