//go:build unix

package golang

import (
	"flag"
	"syscall"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

var benchCatalog = flag.String("golang.catalog", "", "a codes.yaml for BenchmarkEmitFile, e.g. one bench/synth wrote")

// BenchmarkEmitFile renders the catalog -golang.catalog names and reports
// the process's CPU time per render (user+system: GC included), which a
// busy machine distorts less than wall time.
func BenchmarkEmitFile(b *testing.B) {
	if *benchCatalog == "" {
		b.Skip("no -golang.catalog")
	}
	c, err := catalog.Load(*benchCatalog)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var ru0, ru1 syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	for b.Loop() {
		if _, err := Target.EmitFor(c); err != nil {
			b.Fatal(err)
		}
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := ru1.Utime.Nano() + ru1.Stime.Nano() - ru0.Utime.Nano() - ru0.Stime.Nano()
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}
