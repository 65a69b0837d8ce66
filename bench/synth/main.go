// Command synth writes a synthetic codes.yaml of N codes for errgen's
// benchmarks: realistic English and Korean messages, placeholders,
// deprecations (most with a replacement), reserved gaps, and all three
// tables, mostly error codes. The same N (and seed) always gives the same
// bytes.
//
// Usage:
//
//	go run ./bench/synth -n 10000 -o bench/_tmp/n10000/codes.yaml
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of codes, all tables together")
	out := fs.String("o", "", "file to write (its folder is created); stdout when empty")
	seed := fs.Uint64("seed", 0, "random seed; 0 derives it from -n")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "synth: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	s := *seed
	if s == 0 {
		s = DefaultSeed(*n)
	}
	data, err := Generate(*n, s)
	if err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		return 2
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "synth: %v\n", err)
			return 1
		}
		return 0
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		return 1
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "synth: %v\n", err)
		return 1
	}
	return 0
}
