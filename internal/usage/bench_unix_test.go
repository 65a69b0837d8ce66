//go:build unix

package usage_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/usage"
)

// BenchmarkRepo runs errgen usage on this repository with its seed
// catalog, as `errgen usage` run at the root does: examples is the
// example server and its test with the web client (the mark: under 2 s),
// all is every package of the module with its tests. Besides wall time per
// run it reports CPU time (errgen's and the go list and node processes
// it waits for), which the shared machine distorts less.
func BenchmarkRepo(b *testing.B) {
	root := testtool.Root(b)
	c, err := catalog.Load(filepath.Join(root, "codes.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	ts := testtool.NodeModule(b, "typescript")
	for _, bc := range []struct {
		name string
		opt  usage.Options
	}{
		{"examples", usage.Options{Patterns: []string{"./examples/..."}, TSDir: "examples/web"}},
		{"all", usage.Options{Patterns: []string{"./..."}, TSDir: "examples/web"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			opt := bc.opt
			opt.Dir, opt.Tests, opt.TypeScript = root, true, ts
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := usage.Run(c, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// cpuTime is the user and system time of this process and of the children
// it has waited for.
func cpuTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}
