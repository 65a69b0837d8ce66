package openapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/testtool"
)

// TestYAMLReadsAsJSONInTwoParsers reads the YAML errgen writes, for every
// case in both spec versions, with two parsers that share nothing with
// errgen or yaml.v3 (npm's yaml and js-yaml, which @redocly/cli reads
// specs with): each must give
// exactly the JSON document written beside it, key order included.
func TestYAMLReadsAsJSONInTwoParsers(t *testing.T) {
	node := testtool.Node(t)
	modules := testtool.NodeModule(t, "yaml")
	testtool.NodeModule(t, "js-yaml")
	script, err := filepath.Abs("testdata/twoparsers.cjs")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{script, filepath.Dir(modules)}
	for _, tc := range cases {
		for _, v := range specVersions {
			files := emitVersion(t, tc, v)
			for _, name := range []string{openapi.YAMLName, openapi.JSONName} {
				p := filepath.Join(dir, tc.name+"-"+v+"-"+name)
				if err := os.WriteFile(p, files[name], 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, p)
			}
		}
	}
	testtool.Run(t, dir, node, args...)
}

// TestMarshalIsKinOpenAPIsDocument compares what Marshal writes with what
// kin-openapi's own MarshalJSON gives for the same built document: the
// walk must leave out, add or change nothing, for every case.
func TestMarshalIsKinOpenAPIsDocument(t *testing.T) {
	for _, tc := range cases {
		c := load(t, tc.catalog)
		doc, err := openapi.Build(c, options(t, c))
		if err != nil {
			t.Fatal(err)
		}
		viaKin, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, ours, err := openapi.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var want, got any
		if err := json.Unmarshal(viaKin, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(ours, &got); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Marshal's JSON differs from kin-openapi's MarshalJSON", tc.name)
		}
	}
}
