package testtool

import (
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// Options reads the options c gives the target called name, failing the
// test when c turns the target off or its options are bad.
func Options[O any](t testing.TB, c *catalog.Catalog, name string, read func(*catalog.TargetConfig) (O, error)) O {
	t.Helper()
	cfg := c.Output.Target(name)
	if cfg == nil {
		t.Fatalf("%s turns the %s target off", c.Path, name)
	}
	o, err := read(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return o
}
