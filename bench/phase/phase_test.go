// Package phase benchmarks each phase of errgen generate on the synthetic
// catalogs bench/run.sh writes to bench/_tmp/n<N>/codes.yaml: YAML decoding,
// the whole load (decode, validate, model), each emitter's Emit, and the
// writer, both onto an empty folder and onto one already up to date.
//
//	go run ./bench/synth -n 10000 -o bench/_tmp/n10000/codes.yaml
//	go test -run '^$' -bench . -benchmem ./bench/phase -args -sizes 10000
//
// A size whose catalog is missing is skipped. The package holds no tests.
package phase

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/internal/openapi"
	"github.com/errgen/errgen/internal/output"
	"github.com/errgen/errgen/internal/render"
	"github.com/errgen/errgen/internal/testtool"
	"github.com/errgen/errgen/internal/typescript"
)

var (
	dir   = flag.String("catalogs", "../_tmp", "folder holding n<N>/codes.yaml")
	sizes = flag.String("sizes", "200,1000,10000,50000", "comma-separated catalog sizes; \"seed\" is the repository's codes.yaml")
	seed  = flag.String("seed", "../../codes.yaml", "the seed catalog")
	// writeMax bounds the sizes the write-to-empty-folder benchmark runs
	// at: it writes one file per code and language, each synced to disk.
	writeMax = flag.Int("write-max", 10000, "largest size for BenchmarkWrite/fresh")
)

type fixture struct {
	n    int // 0 for the seed catalog
	path string
	data []byte
}

func fixtures(b *testing.B) []fixture {
	var fs []fixture
	for _, s := range strings.Split(*sizes, ",") {
		if strings.TrimSpace(s) == "seed" {
			data, err := os.ReadFile(*seed)
			if err != nil {
				b.Fatal(err)
			}
			fs = append(fs, fixture{0, *seed, data})
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			b.Fatalf("-sizes: %v", err)
		}
		path := filepath.Join(*dir, "n"+strconv.Itoa(n), "codes.yaml")
		data, err := os.ReadFile(path)
		if err != nil {
			b.Logf("skipping N=%d: %v (run go run ./bench/synth -n %d -o %s)", n, err, n, path)
			continue
		}
		fs = append(fs, fixture{n, path, data})
	}
	return fs
}

func name(f fixture) string {
	if f.n == 0 {
		return "n=seed"
	}
	return "n=" + strconv.Itoa(f.n)
}

func load(b *testing.B, f fixture) *catalog.Catalog {
	c, err := catalog.Parse(f.path, f.data)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkDecode is yaml.v3 alone: the floor under BenchmarkLoad.
func BenchmarkDecode(b *testing.B) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				var n yaml.Node
				if err := yaml.Unmarshal(f.data, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad is catalog.Parse: decode, validate every rule, build the
// model. Validation is not a separate step of the public API; its cost is
// Load minus Decode.
func BenchmarkLoad(b *testing.B) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				load(b, f)
			}
		})
	}
}

func benchEmit(b *testing.B, emit func(*catalog.Catalog) ([]output.File, error)) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			c := load(b, f)
			var size int64
			for b.Loop() {
				files, err := emit(c)
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, f := range files {
					size += int64(len(f.Data))
				}
			}
			b.ReportMetric(float64(size), "out-bytes")
		})
	}
}

func BenchmarkEmitGo(b *testing.B)         { benchEmit(b, golang.Target.EmitFor) }
func BenchmarkEmitOpenAPI(b *testing.B)    { benchEmit(b, openapi.Target.EmitFor) }
func BenchmarkEmitTypeScript(b *testing.B) { benchEmit(b, typescript.Target.EmitFor) }
func BenchmarkEmitMarkdown(b *testing.B)   { benchEmit(b, markdown.Target.EmitFor) }

// BenchmarkRender is every target, as errgen generate runs them.
func BenchmarkRender(b *testing.B) {
	benchEmit(b, func(c *catalog.Catalog) ([]output.File, error) { return render.Render(c, render.Targets) })
}

// BenchmarkGenerate is the whole job of errgen generate in one process,
// onto an output folder already up to date: load, then render every target
// while comparing each file with disk. This is what the CPU profile of bench/run.sh shows.
func BenchmarkGenerate(b *testing.B) {
	for _, f := range fixtures(b) {
		b.Run(name(f), func(b *testing.B) {
			root := b.TempDir()
			path := filepath.Join(root, "codes.yaml")
			if err := os.WriteFile(path, f.data, 0o644); err != nil {
				b.Fatal(err)
			}
			c := load(b, fixture{f.n, path, f.data})
			if _, _, err := render.Commit(c, render.Targets, true); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				c, err := catalog.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				if changes, _, err := render.Commit(c, render.Targets, true); err != nil || len(changes) != 0 {
					b.Fatalf("write: %d changes, %v", len(changes), err)
				}
			}
		})
	}
}

// prime writes files plainly, one at a time: the up-to-date folder the
// write benchmarks start from.
func prime(b *testing.B, root string, files []output.File) {
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// rendered returns the files of every target: those bench/run.sh wrote
// beside the catalog just before (out/ of bench/_tmp/n<N>, what Render
// returns), so that the write benchmark does not pay for a render at large
// N; the catalog's own render when that folder is missing.
func rendered(b *testing.B, c *catalog.Catalog) []output.File {
	root := filepath.Join(c.Root, filepath.FromSlash(c.Output.Dir))
	var files []output.File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(c.Root, p)
		files = append(files, output.File{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err == nil && len(files) > 0 {
		return files
	}
	files, err = render.Render(c, render.Targets)
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkWrite commits all rendered files as errgen generate does (testtool.WriteFiles): "fresh"
// onto an empty folder (every file created and synced), "unchanged" onto
// a folder already up to date (every file read and compared, none written),
// which is what a repeated go generate costs.
func BenchmarkWrite(b *testing.B) {
	for _, f := range fixtures(b) {
		c := load(b, f)
		files := rendered(b, c)
		b.Run(name(f)+"/unchanged", func(b *testing.B) {
			root := b.TempDir()
			prime(b, root, files)
			for b.Loop() {
				if changes := testtool.WriteFiles(b, root, c.Output.Dir, files); len(changes) != 0 {
					b.Fatalf("rewrite: %d changes", len(changes))
				}
			}
		})
		if f.n > *writeMax {
			continue
		}
		b.Run(name(f)+"/fresh", func(b *testing.B) {
			base := b.TempDir()
			i := 0
			for b.Loop() {
				b.StopTimer()
				root := filepath.Join(base, strconv.Itoa(i))
				i++
				b.StartTimer()
				testtool.WriteFiles(b, root, c.Output.Dir, files)
			}
			b.ReportMetric(float64(len(files)), "files")
		})
	}
}
