package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// reportInput is everything RESULTS.md is made from.
type reportInput struct {
	results   map[string]Result
	phase     map[string]*benchStats // "EmitGo/n=10000" → samples
	rt        map[string]*benchStats // "String/errgen" → samples
	sizes     []int
	files     map[int]int // output files per N
	profiles  []profile
	notes     string
	site      string // the docs-site section bench/site wrote
	siteNotes string
	machine   machine
	loadStart string
	loadEnd   string
	tools     string
	runs      string
	elapsed   int
}

type machine struct {
	date, commit, cpus, cpu, mem, goVersion string
}

type profile struct {
	name, text string
}

func runReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	results := fs.String("results", "bench/_tmp/results.tsv", "measure's results")
	phase := fs.String("phase", "bench/_tmp/phase.txt", "go test -bench output of bench/phase")
	rt := fs.String("runtime", "bench/_tmp/runtime.txt", "go test -bench output of bench/runtime")
	prof := fs.String("prof", "bench/_tmp/prof", "folder of pprof -top listings (*.txt)")
	notes := fs.String("notes", "bench/notes.md", "hand-written analysis to include")
	siteResults := fs.String("site", "bench/site-results.md", "the docs-site section that bench/site writes, to include as it is")
	siteNotes := fs.String("site-notes", "bench/site-notes.md", "hand-written analysis of the docs-site section, to include after it")
	tmp := fs.String("tmp", "bench/_tmp", "folder holding n<N>/out, to count the output files")
	sizes := fs.String("sizes", "200,1000,10000,50000", "catalog sizes")
	loadStart := fs.String("load-start", "", "load average when the run started")
	commit := fs.String("commit", "", "the commit the binaries were built from (default: HEAD now)")
	tools := fs.String("tools", "", "peer tool versions, one line")
	runs := fs.String("runs", "", "how many runs each figure has, one line")
	elapsed := fs.Int("elapsed", 0, "seconds the whole run took")
	out := fs.String("o", "bench/RESULTS.md", "file to write")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	in := reportInput{results: map[string]Result{}, files: map[int]int{}, loadStart: *loadStart, tools: *tools, runs: *runs, elapsed: *elapsed}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintf(stderr, "report: -sizes: %v\n", err)
			return 2
		}
		in.sizes = append(in.sizes, n)
		in.files[n] = countFiles(filepath.Join(*tmp, "n"+strconv.Itoa(n), "out"))
	}
	if data, err := os.ReadFile(*results); err == nil {
		for i, line := range strings.Split(string(data), "\n") {
			line = strings.TrimRight(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			r, err := parseResult(line)
			if err != nil {
				fmt.Fprintf(stderr, "report: %s:%d: %v\n", *results, i+1, err)
				return 1
			}
			in.results[r.Key] = r
		}
	} else {
		fmt.Fprintf(stderr, "report: %v\n", err)
	}
	in.phase = readBench(*phase)
	in.rt = readBench(*rt)
	if entries, err := os.ReadDir(*prof); err == nil {
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".txt") {
				data, err := os.ReadFile(filepath.Join(*prof, e.Name()))
				if err == nil {
					in.profiles = append(in.profiles, profile{strings.TrimSuffix(e.Name(), ".txt"), string(data)})
				}
			}
		}
	}
	if data, err := os.ReadFile(*notes); err == nil {
		in.notes = string(data)
	}
	if data, err := os.ReadFile(*siteResults); err == nil {
		in.site = string(data)
	}
	if data, err := os.ReadFile(*siteNotes); err == nil {
		in.siteNotes = string(data)
	}
	in.loadEnd = loadAverage()
	in.machine = probeMachine()
	if *commit != "" {
		in.machine.commit = *commit
	}
	if err := os.WriteFile(*out, in.render(), 0o644); err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "report: wrote %s\n", *out)
	return 0
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func probeMachine() machine {
	m := machine{
		date: time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		cpus: strconv.Itoa(runtime.NumCPU()),
	}
	if out, err := exec.Command("nproc").Output(); err == nil {
		m.cpus = strings.TrimSpace(string(out))
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
				m.mem = fmt.Sprintf("%.1f GB RAM", kb/1024/1024)
			}
		}
	}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.goVersion = strings.TrimPrefix(strings.TrimSpace(string(out)), "go version ")
	}
	if out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output(); err == nil {
		m.commit = strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
			m.commit += " (with uncommitted changes in the tree)"
		}
	}
	return m
}

// benchStats are the samples of one Go benchmark across -count runs.
type benchStats struct {
	ns, bytes, allocs []float64
	note              string // why there are no samples: "# killed …" lines of run.sh
}

func (s *benchStats) med() float64     { return median(s.ns) }
func (s *benchStats) allocs0() float64 { return median(s.allocs) }

var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op(.*)$`)

// noteLine is what bench/run.sh writes for a benchmark it skipped or killed.
var noteLine = regexp.MustCompile(`^# (skipped|killed) Benchmark(\S+?):?( .*)?$`)

// readBench reads go test -bench output. The first sample of each
// benchmark is the warm-up and is dropped when there are more.
func readBench(path string) map[string]*benchStats {
	stats := map[string]*benchStats{}
	data, err := os.ReadFile(path)
	if err != nil {
		return stats
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := noteLine.FindStringSubmatch(sc.Text()); m != nil {
			s := stats[m[2]]
			if s == nil {
				s = &benchStats{}
				stats[m[2]] = s
			}
			s.note = m[1]
			if d := strings.TrimSpace(strings.TrimPrefix(m[3], ":")); d != "" {
				s.note += " (" + d + ")"
			}
			continue
		}
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		s := stats[m[1]]
		if s == nil {
			s = &benchStats{}
			stats[m[1]] = s
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		s.ns = append(s.ns, ns)
		f := strings.Fields(m[3])
		for i := 0; i+1 < len(f); i += 2 {
			v, _ := strconv.ParseFloat(f[i], 64)
			switch f[i+1] {
			case "B/op":
				s.bytes = append(s.bytes, v)
			case "allocs/op":
				s.allocs = append(s.allocs, v)
			}
		}
	}
	for _, s := range stats {
		if len(s.ns) > 1 {
			s.ns = s.ns[1:]
			if len(s.bytes) > 1 {
				s.bytes = s.bytes[1:]
			}
			if len(s.allocs) > 1 {
				s.allocs = s.allocs[1:]
			}
		}
	}
	return stats
}

// verdict is one row of the targets table.
type verdict struct {
	target, mark, measured string
	ok                     *bool // nil: not measured
}

func met(b bool) *bool { return &b }

func (v verdict) status() string {
	switch {
	case v.ok == nil:
		return "not measured"
	case *v.ok:
		return "✅ met"
	}
	return "❌ missed"
}

func secs(s float64) string {
	switch {
	case s < 1:
		return fmt.Sprintf("%.0f ms", s*1000)
	case s < 10:
		return fmt.Sprintf("%.2f s", s)
	}
	return fmt.Sprintf("%.1f s", s)
}

func (r Result) wall() string {
	if r.Runs == 0 {
		return "fails: " + r.Note
	}
	if r.Runs == 1 {
		return secs(r.Median) + " (1 run)"
	}
	return fmt.Sprintf("%s (%s–%s)", secs(r.Median), secs(r.Min), secs(r.Max))
}

func mb(kb int64) string { return fmt.Sprintf("%.0f MB", float64(kb)/1024) }

func ratio(a, b float64) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func (in *reportInput) get(key string) (Result, bool) {
	r, ok := in.results[key]
	return r, ok && r.Runs > 0
}

func key(kind string, n int) string { return kind + "/n" + strconv.Itoa(n) }

// pair is a measured figure of errgen beside the same run's floor.
func (in *reportInput) pair(errgenKey, floorKey string) (e, f Result, ok bool) {
	e, eok := in.get(errgenKey)
	f, fok := in.get(floorKey)
	return e, f, eok && fok
}

// against states errgen ÷ its floor, wall and CPU.
func against(e, f Result) string {
	return fmt.Sprintf("%s (%s ÷ %s; CPU %.2f s ÷ %.2f s = %s)", ratio(e.Median, f.Median), e.wall(), f.wall(), e.CPU, f.CPU, ratio(e.CPU, f.CPU))
}

func (in *reportInput) verdicts() []verdict {
	var vs []verdict
	floor := func(target, errgenKey, floorKey string, limit float64) {
		v := verdict{target: target, mark: fmt.Sprintf("≤ %.1f× the floor's wall", limit)}
		if e, f, ok := in.pair(errgenKey, floorKey); ok {
			v.measured, v.ok = against(e, f), met(e.Median <= limit*f.Median)
		}
		vs = append(vs, v)
	}
	floor("Regeneration after one message changed, N = 10 000: errgen ÷ I/O floor (decode + read every file)", key("regen/errgen", 10000), key("regen/floor", 10000), 2.0)
	floor("Regeneration after one message changed, N = 50 000: errgen ÷ I/O floor", key("regen/errgen", 50000), key("regen/floor", 50000), 2.0)
	v := verdict{target: "Peak RSS, regeneration, N = 50 000", mark: "< 400 MB"}
	if r, ok := in.get(key("regen/errgen", 50000)); ok {
		v.measured, v.ok = mb(r.RSSMax)+" (largest of the runs)", met(r.RSSMax < 400*1024)
	}
	vs = append(vs, v)
	floor("First generation into an empty folder, N = 10 000: errgen ÷ a program that decodes the catalog and writes the same files", key("fresh/errgen", 10000), key("fresh/floor", 10000), 1.3)
	v = verdict{target: "Seed catalog (codes.yaml), whole job after one message changed, built binary", mark: "< 50 ms"}
	if r, ok := in.get("seed/regen"); ok {
		v.measured, v.ok = r.wall(), met(r.Median < 0.050)
	}
	vs = append(vs, v)
	cost := func(target, key, peer string) {
		v := verdict{target: target, mark: "≤ 2.0"}
		if e, ok := in.get(key); ok {
			if s, ok := in.get(peer); ok {
				v.measured = fmt.Sprintf("%s (%s ÷ %s)", ratio(e.Median, s.Median), e.wall(), s.wall())
				v.ok = met(e.Median <= 2*s.Median)
			}
		}
		vs = append(vs, v)
	}
	cost("`tsc --noEmit` (TypeScript 7) of the generated package ÷ a plain enum + message map, N = 10 000", "tsc/errgen", "tsc/plain")
	str := in.rt["String/stringer"]
	for _, op := range []struct{ key, label string }{
		{"String/errgen", "`String()`"},
		{"HTTPStatus/errgen", "`HTTPStatus()`"},
		{"Message/errgen/en", "`Message(\"en\")`"},
		{"Message/errgen/ko", "`Message(\"ko\")`"},
	} {
		s := in.rt[op.key]
		v := verdict{target: op.label + ", N = 10 000", mark: "0 allocs/op, ≤ 2× stringer's `String`"}
		if s != nil && str != nil {
			v.measured = fmt.Sprintf("%.1f ns, %.0f allocs (stringer's String %.1f ns: %s×)", s.med(), s.allocs0(), str.med(), ratio(s.med(), str.med()))
			v.ok = met(s.allocs0() == 0 && s.med() <= 2*str.med())
		}
		vs = append(vs, v)
	}
	// Issue 8's marks that still hold as context.
	cost("(issue 8) `go build` of the generated Go package ÷ stringer's, N = 10 000", "build/errgen", "build/stringer")
	v = verdict{target: "(issue 8) warm `go generate ./...`, seed catalog", mark: "< 500 ms"}
	if r, ok := in.get("seed/go-generate"); ok {
		v.measured, v.ok = r.wall(), met(r.Median < 0.5)
	}
	vs = append(vs, v)
	v = verdict{target: "errgen generate onto an empty out/ completes, every N", mark: "exit 0"}
	var failed []string
	measured := false
	for _, n := range in.sizes {
		if r, ok := in.results[key("first", n)]; ok {
			measured = true
			if r.Runs == 0 {
				failed = append(failed, fmt.Sprintf("N = %d: %s", n, r.Note))
			}
		}
	}
	if measured {
		v.ok = met(len(failed) == 0)
		v.measured = "yes"
		if len(failed) > 0 {
			v.measured = strings.Join(failed, "; ")
		}
	}
	vs = append(vs, v)
	return vs
}

func (in *reportInput) render() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	m := in.machine
	p("# errgen benchmarks\n\n")
	took := ""
	if in.elapsed > 0 {
		took = fmt.Sprintf(", %d min %02d s this time", in.elapsed/60, in.elapsed%60)
	}
	p("Written by `make bench` (`bench/run.sh`%s); do not edit by hand — the analysis\n", took)
	p("at the end comes from `bench/notes.md`. Reproduce with `make bench` (Makefile: `include bench/bench.mk`)\n")
	p("or `bash bench/run.sh`; `BENCH_SIZES=\"200 1000\" bash bench/run.sh` for a quick look.\n\n")
	p("| | |\n| --- | --- |\n")
	p("| date | %s |\n| commit | %s |\n", m.date, m.commit)
	p("| machine | %s cores (`nproc`), %s, %s |\n", m.cpus, m.cpu, m.mem)
	p("| Go | %s |\n", m.goVersion)
	p("| load average (1, 5, 15 min) | %s at the start, %s at the end — the machine is shared; see the CPU columns |\n", in.loadStart, in.loadEnd)
	if in.tools != "" {
		p("| peers | %s |\n", in.tools)
	}
	if in.runs != "" {
		p("| method | %s |\n", in.runs)
	}
	p("\n## Marks (issue 17; the last rows are context)\n\n| target | mark | measured | verdict |\n| --- | --- | --- | --- |\n")
	for _, v := range in.verdicts() {
		p("| %s | %s | %s | %s |\n", v.target, v.mark, cmp.Or(v.measured, "—"), v.status())
	}

	p("\n## 1. Generation, interleaved with its floor and the peers\n\n")
	p("`errgen generate` (the built binary, all four targets) on the synthetic catalogs of `bench/synth`.\n")
	p("*Regeneration*: one English message changed before every run (`harness flip`), out/ otherwise up to\n")
	p("date: errgen loads, renders every target, compares every file and rewrites the few that changed.\n")
	p("Its *floor* (`bench/floor read`) decodes the same catalog with yaml.v3 and reads every file of out/:\n")
	p("the least any generator must do to regenerate without rewriting unchanged files. *First generation*:\n")
	p("out/ removed before every run; its floor (`bench/floor write`) decodes the catalog, reads the files'\n")
	p("bytes from one pack file and writes them. Wall: median (min–max); CPU: median user + sys.\n\n")
	p("| N | files | regeneration: wall | CPU | peak RSS | floor: wall | CPU | peak RSS | ÷ floor: wall / CPU |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	row := func(r Result, ok bool) string {
		if !ok {
			return "not measured | | "
		}
		if r.Runs == 0 {
			return r.wall() + " | | "
		}
		return fmt.Sprintf("%s | %.2f s | %s", r.wall(), r.CPU, mb(r.RSSMax))
	}
	both := func(ek, fk string) string {
		e, eok := in.results[ek]
		f, fok := in.results[fk]
		r := "—"
		if eok && fok && e.Runs > 0 && f.Runs > 0 {
			r = ratio(e.Median, f.Median) + " / " + ratio(e.CPU, f.CPU)
		}
		return fmt.Sprintf("%s | %s | %s", row(e, eok), row(f, fok), r)
	}
	p("| seed | — | %s |\n", both("seed/regen", "seed/floor-read"))
	for _, n := range in.sizes {
		p("| %d | %d | %s |\n", n, in.files[n], both(key("regen/errgen", n), key("regen/floor", n)))
	}
	p("\n| N | first generation: wall | CPU | peak RSS | write floor: wall | CPU | peak RSS | ÷ floor: wall / CPU |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, n := range in.sizes {
		if _, ok := in.results[key("fresh/errgen", n)]; ok {
			p("| %d | %s |\n", n, both(key("fresh/errgen", n), key("fresh/floor", n)))
		} else if r, ok := in.results[key("first", n)]; ok {
			p("| %d | %s | no floor: one run, not interleaved | | | — |\n", n, row(r, true))
		}
	}
	if r, ok := in.get("seed/unchanged"); ok {
		p("\nSeed catalog with nothing changed: %s, CPU %.3f s. ", r.wall(), r.CPU)
	}
	if r, ok := in.get("seed/startup"); ok {
		p("Start-up alone (`errgen version`): %s; the timing wrapper alone (`/usr/bin/time -v true`): %s.\n", r.wall(), in.results["overhead/true"].wall())
	}
	if r, ok := in.results["seed/go-generate"]; ok {
		p("\nWarm `go generate ./...` in a module whose generate.go runs `go run github.com/errgen/errgen/cmd/errgen generate -q` on the seed catalog: %s.\n", r.wall())
	}
	p("\nGrowth of regeneration:")
	for i := 1; i < len(in.sizes); i++ {
		a, aok := in.get(key("regen/errgen", in.sizes[i]))
		b, bok := in.get(key("regen/errgen", in.sizes[i-1]))
		if aok && bok {
			p(" t(%d) ÷ t(%d) = %s (N × %.0f);", in.sizes[i], in.sizes[i-1], ratio(a.Median, b.Median), float64(in.sizes[i])/float64(in.sizes[i-1]))
		}
	}
	p(" linear growth is the N ratio.\n")

	in.phaseTable(&b)

	p("\n## 2. The peers, same rounds\n\n")
	p("Context for the Go target alone. stringer: `stringer -type=HTTPCode,ResponseCode,ErrorCode` on the\n")
	p("same codes as a plain const block (Go only, no messages). protoc: `protoc --go_out` with protoc-gen-go\n")
	p("on the same codes as three proto3 enums, each value with its English message as comment. errgen:\n")
	p("all four targets, regeneration as above.\n\n")
	p("| N | errgen | stringer | protoc + protoc-gen-go | CPU: errgen / stringer / protoc |\n| --- | --- | --- | --- | --- |\n")
	for _, n := range in.sizes {
		e, eok := in.results[key("regen/errgen", n)]
		st, sok := in.results[key("stringer", n)]
		pr, pok := in.results[key("protoc", n)]
		if !eok && !sok && !pok {
			continue
		}
		p("| %d | %s | %s | %s | %.2f / %.2f / %.2f s |\n", n, e.wall(), st.wall(), pr.wall(), e.CPU, st.CPU, pr.CPU)
	}

	in.runtimeTable(&b)

	p("\n## 4. Cost for the consumer, N = 10 000\n\n")
	p("`go build` of the package alone (its dependencies cached; a changed comment file forces the\n")
	p("package itself to recompile each run). `tsc --noEmit` (TypeScript 7) of a consumer that imports\n")
	p("the package, `skipLibCheck: false`, strict.\n\n")
	p("| | errgen | peer | ratio | mark |\n| --- | --- | --- | --- | --- |\n")
	if e, ok := in.results["build/errgen"]; ok {
		s := in.results["build/stringer"]
		p("| `go build` | %s | stringer's package (const block + String): %s | %s | ≤ 2 |\n", e.wall(), s.wall(), ratio(e.Median, s.Median))
		if z, ok := in.results["build/empty"]; ok {
			p("| `go build` of an empty package (the go command's own cost, in both) | %s | | | |\n", z.wall())
		}
	}
	if e, ok := in.results["tsc/errgen"]; ok {
		s := in.results["tsc/plain"]
		p("| `tsc --noEmit` | %s | plain enums + one message map: %s | %s | ≤ 2 |\n", e.wall(), s.wall(), ratio(e.Median, s.Median))
	}

	p("\n## Where the time goes\n\n")
	in.shares(&b)
	for _, pr := range in.profiles {
		p("\n`%s`:\n\n```\n%s```\n", pr.name, trimLines(pr.text, 45))
	}
	if in.notes != "" {
		p("\n%s", in.notes)
	}
	if in.site != "" {
		p("\n%s", in.site)
	}
	if in.siteNotes != "" {
		p("\n%s", in.siteNotes)
	}
	return b.Bytes()
}

func trimLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…\n")
	}
	return strings.Join(lines, "")
}

var phases = []struct{ key, label string }{
	{"Decode", "yaml.v3 decode alone"},
	{"Load", "load: decode + validate + model (`catalog.Parse`)"},
	{"EmitGo", "emit Go (`golang.Emit`)"},
	{"EmitOpenAPI", "emit OpenAPI (`openapi.Emit`)"},
	{"EmitTypeScript", "emit TypeScript (`typescript.Emit`)"},
	{"EmitMarkdown", "emit Markdown (`markdown.Emit`)"},
	{"Write/unchanged", "write, out/ up to date (`output.Begin`, `Put`, `Finish`)"},
	{"Write/fresh", "write, empty out/ (every file synced)"},
	{"TranslationsExport/po", "translations export -lang ko, PO: load + every text (mark: ≤ 2 s at N = 10 000)"},
	{"TranslationsExport/xliff", "translations export -lang ko, XLIFF 2.0 (mark: ≤ 2 s at N = 10 000)"},
	{"TranslationsImport/po", "translations import, PO, every translation changed: load, check, edit in place, reload, sums (mark: ≤ 2 s at N = 10 000)"},
	{"TranslationsImport/xliff", "translations import, XLIFF 2.0, the same (mark: ≤ 2 s at N = 10 000)"},
}

func phaseKey(key string, n int) string {
	size := strconv.Itoa(n)
	if n == 0 {
		size = "seed"
	}
	if k, sub, ok := strings.Cut(key, "/"); ok {
		return k + "/n=" + size + "/" + sub
	}
	return key + "/n=" + size
}

// phaseSizes are the columns of the phase table: the seed catalog (0)
// when it was measured, then the synthetic sizes.
func (in *reportInput) phaseSizes() []int {
	if in.phase[phaseKey("Load", 0)] != nil {
		return append([]int{0}, in.sizes...)
	}
	return in.sizes
}

func sizeLabel(n int) string {
	if n == 0 {
		return "seed"
	}
	return "N = " + strconv.Itoa(n)
}

func (in *reportInput) phaseTable(b *bytes.Buffer) {
	if len(in.phase) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### Per phase (`go test -bench ./bench/phase`): ms per op, median (min–max), allocations\n\n| phase |")
	cols := in.phaseSizes()
	for _, n := range cols {
		fmt.Fprintf(b, " %s |", sizeLabel(n))
	}
	b.WriteString("\n| --- |" + strings.Repeat(" --- |", len(cols)) + "\n")
	for _, ph := range phases {
		fmt.Fprintf(b, "| %s |", ph.label)
		for _, n := range cols {
			s := in.phase[phaseKey(ph.key, n)]
			if base, _, ok := strings.Cut(ph.key, "/"); ok && s == nil {
				s = in.phase[phaseKey(base, n)] // run.sh notes the whole benchmark
			}
			if s == nil || len(s.ns) == 0 {
				if s != nil && s.note != "" {
					fmt.Fprintf(b, " %s |", s.note)
				} else {
					b.WriteString(" — |")
				}
				continue
			}
			if s.note != "" {
				fmt.Fprintf(b, " %s, %d samples (%s) |", ms(s.med()), len(s.ns), s.note)
				continue
			}
			fmt.Fprintf(b, " %s (%s–%s), %s allocs |", ms(s.med()), ms(slices.Min(s.ns)), ms(slices.Max(s.ns)), count(s.allocs0()))
		}
		b.WriteString("\n")
	}
}

func ms(ns float64) string {
	v := ns / 1e6
	switch {
	case v < 10:
		return fmt.Sprintf("%.2f", v)
	case v < 100:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.0f", v)
}

func count(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// shares attributes each N's in-process time to its phases, so a miss
// names the emitter that causes it.
func (in *reportInput) shares(b *bytes.Buffer) {
	parts := []string{"Load", "EmitGo", "EmitOpenAPI", "EmitTypeScript", "EmitMarkdown", "Write/unchanged"}
	wrote := false
	for _, n := range in.phaseSizes() {
		var total float64
		vals := map[string]float64{}
		var missing []string
		for _, k := range parts {
			if s := in.phase[phaseKey(k, n)]; s != nil && len(s.ns) > 0 {
				vals[k] = s.med()
				total += s.med()
			} else {
				missing = append(missing, k)
			}
		}
		if total == 0 {
			continue
		}
		if !wrote {
			b.WriteString("Share of each phase in the sum of the per-phase medians (the emitters are run one at a time here):\n\n")
			wrote = true
		}
		slices.SortFunc(parts, func(x, y string) int { return cmp.Compare(vals[y], vals[x]) })
		fmt.Fprintf(b, "- %s (%s ms):", sizeLabel(n), ms(total))
		for _, k := range parts {
			if v, ok := vals[k]; ok {
				fmt.Fprintf(b, " %s %.0f%%,", k, 100*v/total)
			}
		}
		b.Truncate(b.Len() - 1)
		if len(missing) > 0 {
			fmt.Fprintf(b, " (without %s: not measured at this N)", strings.Join(missing, ", "))
		}
		b.WriteString("\n")
	}
}

var ops = []struct{ key, label string }{
	{"String", "`String()`"},
	{"HTTPStatus", "`HTTPStatus()`"},
	{"Message/%s/en", "`Message(\"en\")`"},
	{"Message/%s/ko", "`Message(\"ko\")`"},
	{"ParseInt", "parse from int (`ParseErrorCode`)"},
	{"ParseWire", "parse from wire name (`ParseErrorCodeName`)"},
	{"NewError", "error construction (`New(code)`)"},
	{"NewError/%s/param", "error construction with a placeholder (`New…(255)`)"},
	{"ErrorsIs", "`errors.Is` through two `%w` wraps"},
	{"ErrorMessage/%s/ko", "`(*Error).Message(\"ko\")`, placeholder filled"},
}

func (in *reportInput) runtimeTable(b *bytes.Buffer) {
	fmt.Fprintf(b, "\n## 3. Generated code at run time, N = 10 000\n\n")
	if len(in.rt) == 0 {
		b.WriteString("Not measured: the run-time benchmarks (bench/runtime) did not run; see the log of bench/run.sh.\n")
		return
	}
	b.WriteString("`go test -bench -benchmem` in `bench/runtime`, cycling through 1024 error codes spread over the table.\n")
	b.WriteString("ns/op median (min–max) and allocs/op. *map*: the hand-written `map[int]string` (and `map[string]int`) lookups.\n\n")
	b.WriteString("| operation | errgen | stringer | map | errgen ÷ peer (stringer, else map) |\n| --- | --- | --- | --- | --- |\n")
	cell := func(k string) string {
		s := in.rt[k]
		if s == nil || len(s.ns) == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f (%.1f–%.1f), %s allocs", s.med(), slices.Min(s.ns), slices.Max(s.ns), count(s.allocs0()))
	}
	for _, op := range ops {
		key := func(who string) string {
			if strings.Contains(op.key, "%s") {
				return fmt.Sprintf(op.key, who)
			}
			return op.key + "/" + who
		}
		r := "—"
		peer := in.rt[key("stringer")]
		if peer == nil {
			peer = in.rt[key("map")]
		}
		if s := in.rt[key("errgen")]; s != nil && peer != nil {
			r = ratio(s.med(), peer.med())
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", op.label, cell(key("errgen")), cell(key("stringer")), cell(key("map")), r)
	}
}
