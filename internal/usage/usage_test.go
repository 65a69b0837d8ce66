package usage_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/usage"
)

// shop copies testdata/shop into a temporary folder, generates its
// catalog there and links the generated npm package into the web
// project's node_modules, as `npm install` links a file: dependency.
func shop(t *testing.T) (string, *catalog.Catalog) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "shop"))); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Load(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(c, render.Targets)
	if err != nil {
		t.Fatal(err)
	}
	testtool.WriteFiles(t, c.Root, c.Output.Dir, files)
	link := filepath.Join(dir, "web", "node_modules", "@shop", "codes")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "out", "typescript"), link); err != nil {
		t.Fatal(err)
	}
	return dir, c
}

// report renders a report in all three forms, one after the other.
func report(t *testing.T, r *usage.Report) string {
	t.Helper()
	var b bytes.Buffer
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return r.Text(b) },
		func(b *bytes.Buffer) error { b.WriteString("\n-- github --\n"); return r.GitHub(b) },
		func(b *bytes.Buffer) error { b.WriteString("\n-- json --\n"); return r.JSON(b) },
	} {
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// TestShopGo scans the Go of the shop as `errgen usage` does by default:
// no build tags, no test files, no TypeScript.
func TestShopGo(t *testing.T) {
	dir, c := shop(t)
	r, err := usage.Run(c, usage.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	testtool.Golden(t, filepath.Join("testdata", "shop-go.golden"), report(t, r), *testtool.Update)
}

// TestShop scans everything: the package under the legacy build tag, the
// test files and the web project through the pinned TypeScript.
func TestShop(t *testing.T) {
	ts := testtool.NodeModule(t, "typescript")
	dir, c := shop(t)
	// The project is one that builds: strict tsc accepts it.
	testtool.Run(t, filepath.Join(dir, "web"), testtool.NodeBin(t, "tsc"), "-p", ".")
	r, err := usage.Run(c, usage.Options{Dir: dir, Tests: true, Tags: []string{"legacy"}, TSDir: "web", TypeScript: ts})
	if err != nil {
		t.Fatal(err)
	}
	got := report(t, r)
	testtool.Golden(t, filepath.Join("testdata", "shop.golden"), got, *testtool.Update)
	// What the golden must show, so that an -update cannot quietly lose it.
	for _, want := range []string{
		"legacy/legacy.go:10:15: warning: error 7002 OrderMissing is deprecated",
		"api/orders_test.go:15:23", // a use in a test file, scanned with -tests
		"web/src/const.ts:4:52",    // Codes["PaymentDeclined"] through a renamed import of the const entry
		"web/src/placed.ts:3:67",   // Outcome.OrderPlaced through a renamed re-export
		"web/src/queue.ts:4:9",     // OrderQueued destructured from a namespace import of a barrel
		"api/orders.go:22:45: error: client-side code http -2 ConnectionErr", // WriteProblem(w, r, Wrap(code, err))
		"api/upstream.go:22:41: error: client-side code http -6 Timeout",     // ProblemOf(New(code).WithCause(…))
		"web/src/enum.ts:8:12: advice: the frontend handles error 7030 CouponExpired, but no Go code sends it",
		"codes.yaml:95:13: advice: error 7040 StockUnavailable is used nowhere",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The locals named like codes (CouponExpired and PaymentDeclined in
	// Go, StockUnavailable in TypeScript) are no uses.
	for _, u := range r.Uses {
		if u.Pos.File == "api/pay.go" && u.Pos.Line > 12 || u.Pos.File == "api/orders.go" && u.Pos.Line >= 34 && u.Pos.Line <= 36 || u.Code.ID == "StockUnavailable" {
			t.Errorf("%s: a local variable was taken for %s", u.Pos, usage.Name(u.Code))
		}
	}
	// errors.Is(err, codes.HTTPTimeout) in a handler and returning the code
	// from a client call are no errors.
	if r.Errors() != 2 {
		t.Errorf("%d errors, want 2", r.Errors())
	}
}

// TestTypeScriptErrors: a project without tsconfig.json, and one whose
// generated package is older than the catalog, fail with what to do.
func TestTypeScriptErrors(t *testing.T) {
	ts := testtool.NodeModule(t, "typescript")
	dir, c := shop(t)
	_, err := usage.Run(c, usage.Options{Dir: dir, TSDir: "api", TypeScript: ts})
	if err == nil || !strings.Contains(err.Error(), "has no tsconfig.json") {
		t.Errorf("a folder without tsconfig.json: got %v", err)
	}
	// Renumber a code in the catalog only: the installed package is stale.
	c.Tables[2].Codes[0].Number = 7999
	_, err = usage.Run(c, usage.Options{Dir: dir, TSDir: "web", TypeScript: ts})
	if err == nil || !strings.Contains(err.Error(), "web/src/enum.ts:6:12: ErrorCode.OrderNotFound is 7001, which") || !strings.Contains(err.Error(), "regenerate it") {
		t.Errorf("a stale package: got %v", err)
	}
}

// TestGoMustLoad: a package that does not type-check is reported, not
// scanned half.
func TestGoMustLoad(t *testing.T) {
	dir, c := shop(t)
	bad := filepath.Join(dir, "api", "bad.go")
	if err := os.WriteFile(bad, []byte("package api\n\nvar _ = codes.Nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := usage.Run(c, usage.Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "bad.go:3:9") {
		t.Errorf("got %v", err)
	}
}

// TestProjectTypeScript: without -typescript, the project's own typescript
// runs, resolved from the project as its build resolves it.
func TestProjectTypeScript(t *testing.T) {
	ts := testtool.NodeModule(t, "typescript")
	dir, c := shop(t)
	_, err := usage.Run(c, usage.Options{Dir: dir, TSDir: "web"})
	if err == nil || !strings.Contains(err.Error(), "typescript is not installed for") {
		t.Errorf("a project without typescript: got %v", err)
	}
	if err := os.Symlink(ts, filepath.Join(dir, "web", "node_modules", "typescript")); err != nil {
		t.Fatal(err)
	}
	r, err := usage.Run(c, usage.Options{Dir: dir, TSDir: "web"})
	if err != nil {
		t.Fatal(err)
	}
	if r.TSFiles == 0 || !slices.ContainsFunc(r.Uses, func(u usage.Use) bool { return u.Lang == usage.TS }) {
		t.Errorf("the project's typescript found no use in %d files", r.TSFiles)
	}
}
