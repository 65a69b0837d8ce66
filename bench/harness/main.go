// Command harness is the Go half of `make bench` (bench/run.sh drives it):
//
//	harness measure -key K [-runs 5] [-o results.tsv] [-C dir] [-prep cmd] -- command…
//	    time a command (one warm-up, then -runs runs, each under
//	    /usr/bin/time -v) and append its median, min, max and peak RSS
//	harness interleave -spec spec.tsv [-runs 5] [-o results.tsv]
//	    time several commands round by round, each round in a rotated
//	    order, and append each one's medians
//	harness flip -f codes.yaml
//	    change one English message of the catalog (and back, the next time)
//	harness peers -f codes.yaml [-go dir] [-proto file] [-ts dir] [-hand dir] [-benchdata dir]
//	    write the catalog as the peers' inputs: a Go const block for
//	    stringer, proto enums for protoc-gen-go, a plain TypeScript enum
//	    with a message map, and the maps and samples of the run-time
//	    benchmarks
//	harness prime -f codes.yaml
//	    render the catalog and write its files plainly, so that errgen
//	    generate can be timed on an up-to-date folder at any N
//	harness report [flags]
//	    render bench/RESULTS.md from the results, the Go benchmark
//	    outputs and the profiles, judging each figure against its target
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: harness measure|interleave|flip|peers|prime|report [flags]")
		return 2
	}
	switch args[0] {
	case "measure":
		return runMeasure(args[1:], stdout, stderr)
	case "interleave":
		return runInterleave(args[1:], stdout, stderr)
	case "flip":
		return runFlip(args[1:], stdout, stderr)
	case "peers":
		return runPeers(args[1:], stdout, stderr)
	case "prime":
		return runPrime(args[1:], stdout, stderr)
	case "report":
		return runReport(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "harness: unknown command %q\n", args[0])
	return 2
}
