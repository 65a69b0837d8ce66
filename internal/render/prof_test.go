package render_test

import (
	"os"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
)

func BenchmarkRenderTargets(b *testing.B) {
	path := os.Getenv("ERRGEN_BENCH_CATALOG")
	if path == "" {
		path = "../../codes.yaml"
	}
	c, err := catalog.Load(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, t := range render.Targets {
		b.Run(t.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := t.EmitFor(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
