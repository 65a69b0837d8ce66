package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
)

// runPrime renders a catalog's targets and writes them plainly, one file
// at a time, so that `errgen generate` can then be timed on an output
// folder that is already up to date. errgen's writer once staged every file in
// an open temporary file before renaming them all, so where the catalog
// produces more files than the open-file limit (20 000 on the benchmark
// machine; N = 10 000 writes about 20 500) errgen generate itself cannot
// create the folder.
func runPrime(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prime", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "codes.yaml", "catalog")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c, err := catalog.Load(*file, render.Targets...)
	if err != nil {
		fmt.Fprintf(stderr, "prime: %v\n", err)
		return 1
	}
	files, err := render.Render(c, render.Targets)
	if err != nil {
		fmt.Fprintf(stderr, "prime: %v\n", err)
		return 1
	}
	for _, f := range files {
		p := filepath.Join(c.Root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintf(stderr, "prime: %v\n", err)
			return 1
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			fmt.Fprintf(stderr, "prime: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "prime: wrote %d files under %s\n", len(files), filepath.Join(c.Root, c.Output.Dir))
	return 0
}
