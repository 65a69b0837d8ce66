package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/schema"
)

const initUsage = `Usage: errgen init [-dir .]

Writes a starter codes.yaml (both declared languages, one code in each
table, every target on) and codes.schema.json beside it, so that editors
complete and check the catalog. The starter generates, checks and lints
clean; edit it, then run errgen generate. Existing files are never
overwritten.

Examples:
  errgen init
  errgen init -dir api
`

//go:embed starter/codes.yaml
var starter []byte

func runInit(e *env, args []string) int {
	fset := newFlagSet(e, "init", initUsage, nil)
	dir := fset.String("dir", ".", "the folder to write codes.yaml in")
	if code, ok := parse(fset, args, nil); !ok {
		return code
	}
	files := []struct {
		name string
		data []byte
	}{
		{"codes.yaml", starter},
		{"codes.schema.json", schema.JSON()},
	}
	for _, f := range files {
		p := filepath.Join(*dir, f.name)
		if _, err := os.Lstat(p); err == nil {
			fmt.Fprintf(e.stderr, "errgen init: %s already exists; nothing was written (move it away to start over)\n", p)
			return exitProblem
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(e.stderr, "errgen init: %v\n", err)
			return exitProblem
		}
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "errgen init: %v\n", err)
		return exitProblem
	}
	for _, f := range files {
		p := filepath.Join(*dir, f.name)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			fmt.Fprintf(e.stderr, "errgen init: %v\n", err)
			return exitProblem
		}
		fmt.Fprintf(e.stdout, "errgen: wrote %s\n", p)
	}
	fmt.Fprintln(e.stdout, "errgen: next, run errgen generate (or go generate ./... with a go:generate line)")
	return exitOK
}
