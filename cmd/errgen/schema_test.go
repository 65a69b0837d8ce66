package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/errgen/errgen/internal/render"
)

// TestSchemaCommand: `errgen schema` prints exactly the committed file.
func TestSchemaCommand(t *testing.T) {
	want, err := os.ReadFile("../../schema/codes.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runSchema(&env{stdout: &stdout, stderr: &stderr, targets: render.Targets}, nil); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Error("errgen schema differs from schema/codes.schema.json")
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	stdout.Reset()
	if code := runSchema(&env{stdout: &stdout, stderr: &stderr, targets: render.Targets}, []string{"extra"}); code != exitUsage || stdout.Len() > 0 {
		t.Errorf("an extra argument: exit %d, stdout %q", code, stdout.String())
	}
}
