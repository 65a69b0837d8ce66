// Package site is the docs-site benchmark of issues 20 and 25, run by
// `make bench` (bench/site.sh): it builds the site of synthetic catalogs
// with errgen site, without search and with the pinned Pagefind, beside a
// write floor that writes the same files' bytes, and (when Debian's hugo
// is installed) with the Hugo pipeline errgen site replaced, built from the
// last commit that had it, all interleaved in one run; it measures a
// search in Chromium and writes bench/site-results.md, which RESULTS.md
// includes.
package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/site"
	"github.com/errgen/errgen/internal/site/sitetest"
	"github.com/errgen/errgen/internal/testtool"
)

// The marks of issue 25 (the site build) and 20 (dist and search).
const (
	markWall       = 5 * time.Second  // N = 10 000, no search, 2 cores
	markFloor      = 2.0              // N = 10 000, no search: ÷ the write floor's wall
	markRSS        = 500 << 20        // peak RSS at N = 10 000, no search
	markSearchWall = 40 * time.Second // N = 10 000 with Pagefind
	markGrowth     = 6.0              // t(10 000) ÷ t(2 000), no search
	markDist       = 500 << 20        // dist at N = 10 000
	markQueryData  = 1 << 20          // bytes one search downloads, N = 10 000
	markQueryTime  = time.Second      // until the code shows, N = 10 000
)

// The engines of one run.
const (
	engineSite   = "errgen site"
	engineSearch = "errgen site+pagefind"
	engineFloor  = "write floor"
	engineHugo   = "hugo+pagefind (before)"
)

// hugoRev is the last commit with the Hugo pipeline (cmd/docsite, site/
// layouts) that errgen site replaced: the bench builds its docsite from
// there, so that both are measured in the same run.
const hugoRev = "b3cb58ff08e0f076d93a5c0818c09200618160b1"

// build is one site build.
type build struct {
	engine              string
	n, pages            int
	wall, cpu           time.Duration
	rss                 int64 // bytes
	dist, index         int64 // bytes: the whole site, the search index
	largestCode, larges int64 // bytes: the largest code page, the largest page
	failed              string
	// Over the rounds: wall and CPU are medians, rss the largest.
	rounds                           int
	wallMin, wallMax, cpuMin, cpuMax time.Duration
}

// median folds the rounds of one size's build: the median wall and CPU
// (each on its own), their range, the largest peak RSS, the first failure.
func median(runs []build) build {
	b := runs[0]
	walls, cpus := make([]time.Duration, len(runs)), make([]time.Duration, len(runs))
	for i, r := range runs {
		walls[i], cpus[i] = r.wall, r.cpu
		b.rss = max(b.rss, r.rss)
		if b.failed == "" {
			b.failed = r.failed
		}
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	b.rounds = len(runs)
	b.wall, b.wallMin, b.wallMax = walls[len(walls)/2], walls[0], walls[len(walls)-1]
	b.cpu, b.cpuMin, b.cpuMax = cpus[len(cpus)/2], cpus[0], cpus[len(cpus)-1]
	return b
}

// query is one search in the browser.
type query struct {
	n           int
	lang, words string
	bytes       int64
	files       int
	took        time.Duration
	failed      string
}

// size is one catalog size of the run: its catalog, its Markdown, where
// its site is built, and its builds by engine.
type size struct {
	n                     int
	file, docs, www, dist string
	base, pack            string
	runs                  map[string][]build
}

func TestSiteBench(t *testing.T) {
	if os.Getenv("BENCH_SITE") == "" {
		t.Skip("the docs-site benchmark: run by make bench (BENCH_SITE=1)")
	}
	sizes := []int{200, 2000, 10000}
	if s := os.Getenv("BENCH_SITE_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Fields(s) {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, n)
		}
	}
	vitepressAt := 0
	if s, ok := os.LookupEnv("BENCH_SITE_VITEPRESS"); ok {
		vitepressAt, _ = strconv.Atoi(s) // "" or "0": no VitePress build
	}
	root := testtool.Root(t)
	pagefind := testtool.NodeBin(t, "pagefind")
	tmp := filepath.Join(root, "bench", "_tmp", "site")
	if err := os.RemoveAll(tmp); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "bin")
	for _, cmd := range []string{"cmd/errgen", "bench/synth", "bench/floor"} {
		testtool.Run(t, root, "go", "build", "-o", filepath.Join(bin, filepath.Base(cmd)), "./"+cmd)
	}
	hugo, docsite := hugoPipeline(t, root, tmp)

	rounds := 3
	if s := os.Getenv("BENCH_SITE_ROUNDS"); s != "" {
		var err error
		if rounds, err = strconv.Atoi(s); err != nil || rounds < 1 {
			t.Fatalf("BENCH_SITE_ROUNDS=%q", s)
		}
	}

	// One catalog per size, generated first, and the pack of its site for
	// the write floor.
	var ss []*size
	for _, n := range sizes {
		dir := filepath.Join(tmp, "n"+strconv.Itoa(n))
		file := filepath.Join(dir, "codes.yaml")
		testtool.Run(t, root, filepath.Join(bin, "synth"), "-n", strconv.Itoa(n), "-o", file)
		// The Hugo pipeline needs front matter (errgen site reads past it).
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(strings.Replace(string(data), "front_matter: false", "front_matter: true", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(filepath.Join(bin, "errgen"), "generate", "-q")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("errgen generate at N=%d: %v\n%s", n, err, out)
		}
		c, err := catalog.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		base := site.BasePath(c.DocsBaseURL)
		www := filepath.Join(dir, "www")
		z := &size{n: n, file: file, docs: filepath.Join(dir, "out", "docs"), www: www, dist: filepath.Join(www, filepath.FromSlash(base)),
			base: base, pack: filepath.Join(dir, "site.pack"), runs: map[string][]build{}}
		// An untimed build, packed: the write floor writes these bytes.
		if b := timed(t, engineSite, n, z.siteCmd(bin, "")); b.failed != "" {
			t.Fatalf("errgen site at N=%d: %s", n, b.failed)
		}
		testtool.Run(t, root, filepath.Join(bin, "floor"), "pack", "-dir", z.dist, "-o", z.pack)
		ss = append(ss, z)
	}

	// The sizes' builds interleaved, round after round, and within a size
	// the engines, so that the load of the shared machine weighs on each
	// alike (the growth ratio and the floor ratio compare them); each into
	// an empty folder, removed untimed.
	for r := range rounds {
		for _, z := range ss {
			engines := []struct {
				name string
				cmd  func() *exec.Cmd
			}{
				{engineFloor, func() *exec.Cmd {
					return exec.Command(filepath.Join(bin, "floor"), "write", "-f", z.file, "-pack", z.pack, "-dir", z.dist)
				}},
				{engineSite, func() *exec.Cmd { return z.siteCmd(bin, "") }},
				{engineSearch, func() *exec.Cmd { return z.siteCmd(bin, pagefind) }},
			}
			if docsite != "" {
				engines = append(engines, struct {
					name string
					cmd  func() *exec.Cmd
				}{engineHugo, func() *exec.Cmd {
					return exec.Command(docsite, "-site", filepath.Join(filepath.Dir(docsite), "..", "site"), "-docs", z.docs, "-out", z.dist, "-hugo", hugo, "-pagefind", pagefind)
				}})
			}
			for _, e := range engines {
				if err := os.RemoveAll(z.www); err != nil {
					t.Fatal(err)
				}
				b := timed(t, e.name, z.n, e.cmd())
				t.Logf("round %d: %+v", r+1, b)
				z.runs[e.name] = append(z.runs[e.name], b)
			}
		}
	}

	var builds []build
	var queries []query
	for _, z := range ss {
		// errgen site+pagefind last: its site stays on disk to be searched.
		searched := build{failed: "not built"}
		for _, e := range []string{engineFloor, engineHugo, engineSite, engineSearch} {
			if len(z.runs[e]) == 0 {
				continue
			}
			b := median(z.runs[e])
			if e != engineFloor && e != engineHugo {
				if err := os.RemoveAll(z.www); err != nil {
					t.Fatal(err)
				}
				pf := ""
				if e == engineSearch {
					pf = pagefind
				}
				timed(t, e, z.n, z.siteCmd(bin, pf)) // untimed: the site to measure (and search)
				measureDist(t, &b, z.dist)
			}
			builds = append(builds, b)
			if e == engineSearch {
				searched = b
			}
		}
		if z.n == vitepressAt {
			builds = append(builds, vitepress(t, root, z.n, z.docs, filepath.Join(filepath.Dir(z.www), "vitepress")))
			t.Logf("%+v", builds[len(builds)-1])
		}
		if searched.failed == "" {
			c, err := catalog.Load(z.file)
			if err != nil {
				t.Fatal(err)
			}
			queries = append(queries, search(t, c, z.n, z.www, z.base)...)
		}
	}
	report(t, root, builds, queries, hugo != "")
}

// siteCmd is errgen site of the size's catalog into its dist; with
// pagefind, with search, else on a PATH without Pagefind or Node.js.
func (z *size) siteCmd(bin, pagefind string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(bin, "errgen"), "site", "-f", z.file, "-o", z.dist)
	if pagefind != "" {
		cmd.Args = append(cmd.Args, "-pagefind", pagefind)
	} else {
		cmd.Env = append(os.Environ(), "PATH="+bin)
	}
	return cmd
}

// hugoPipeline builds cmd/docsite of hugoRev, the Hugo pipeline errgen
// site replaced, for the comparison; its site/ folder lies beside it. It
// returns "" for both when Debian's hugo is not installed (make tools no
// longer installs it) or BENCH_SITE_HUGO=0.
func hugoPipeline(t *testing.T, root, tmp string) (hugo, docsite string) {
	t.Helper()
	if os.Getenv("BENCH_SITE_HUGO") == "0" {
		return "", ""
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Logf("no hugo on PATH: the Hugo pipeline is not measured")
		return "", ""
	}
	src := filepath.Join(tmp, "hugo-pipeline")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	archive := exec.Command("sh", "-c", `git -C "$1" archive "$2" | tar -x -C "$3"`, "sh", root, hugoRev, src)
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("unpacking %s: %v\n%s", hugoRev, err, out)
	}
	docsite = filepath.Join(src, "bin", "docsite")
	testtool.Run(t, src, "go", "build", "-o", docsite, "./cmd/docsite")
	return hugo, docsite
}

// timed runs a command and measures its wall and CPU time and peak RSS,
// its children's included (wait4 reports the largest of them).
func timed(t *testing.T, engine string, n int, cmd *exec.Cmd) build {
	t.Helper()
	b := build{engine: engine, n: n}
	start := time.Now()
	out, err := cmd.CombinedOutput()
	b.wall = time.Since(start)
	if err != nil {
		b.failed = fmt.Sprintf("%v: %s", err, lastLine(string(out)))
		t.Logf("%s at N=%d: %v\n%s", engine, n, err, out)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		b.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		b.rss = ru.Maxrss << 10
	}
	return b
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// measureDist adds up the built site: its size, the search index's, its
// pages and the largest code page and page.
func measureDist(t *testing.T, b *build, dist string) {
	t.Helper()
	_ = filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b.dist += info.Size()
		rel, _ := filepath.Rel(dist, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "pagefind/") {
			b.index += info.Size()
			return nil
		}
		if strings.HasSuffix(rel, ".html") {
			b.pages++
			b.larges = max(b.larges, info.Size())
			// {lang}/{table}/{number}/index.html (Hugo) or {number}.html
			parts := strings.Split(strings.TrimSuffix(strings.TrimSuffix(rel, "/index.html"), ".html"), "/")
			if _, err := strconv.Atoi(parts[len(parts)-1]); err == nil && len(parts) == 3 {
				b.largestCode = max(b.largestCode, info.Size())
			}
		}
		return nil
	})
}

// vitepress builds the same pages with VitePress 1.6.4 and the scalable
// navigation of bench/vitepress, for the comparison.
func vitepress(t *testing.T, root string, n int, docs, out string) build {
	t.Helper()
	vp := testtool.NodeBin(t, "vitepress")
	project := filepath.Join(root, "bench", "vitepress")
	link := filepath.Join(project, "node_modules")
	if _, err := os.Lstat(link); err != nil {
		if err := os.Symlink(filepath.Join(root, "tools", "node_modules"), link); err != nil {
			t.Fatal(err)
		}
	}
	// VitePress at N = 2 000 took longer than the whole rest of the run
	// (not done after 50 min at load 30): it is stopped at a cap, and its
	// row then says so, with the time, CPU and memory until then.
	limit := 20 * time.Minute
	if s := os.Getenv("BENCH_SITE_VITEPRESS_CAP"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatal(err)
		}
		limit = d
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, vp, "build", project)
	cmd.Env = append(os.Environ(), "ERRGEN_DOCS_DIR="+docs, "ERRGEN_SITE_DIR="+out, "ERRGEN_SITE_CACHE="+out+".cache")
	// Its workers go with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	b := timed(t, "VitePress 1.6.4", n, cmd)
	if ctx.Err() != nil {
		b.failed = fmt.Sprintf("stopped at the %s cap, unfinished", limit)
	}
	measureDist(t, &b, out)
	return b
}

// search opens a code page of the middle of the error table in each
// language, and searches for its number and for words of its message
// (sitetest.Phrase), as a reader who has not searched yet: a fresh
// browser, so nothing is cached. The bytes are all of Pagefind's files the
// server sent from opening the page to the result showing.
func search(t *testing.T, c *catalog.Catalog, n int, www, base string) []query {
	t.Helper()
	srv := sitetest.Serve(t, www)
	table := c.Table(catalog.KindError)
	code := table.Codes[len(table.Codes)/2]
	var qs []query
	for _, lang := range c.Languages {
		for _, words := range []string{strconv.Itoa(code.Number), sitetest.Phrase(c, code, lang.Tag)} {
			q := query{n: n, lang: lang.Tag, words: words}
			ctx := sitetest.Browser(t, 2*time.Minute)
			page := base + catalog.DocsPath(code, lang.Tag) + "/"
			before := len(srv.Requests())
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.Origin+page), chromedp.WaitVisible(chromedp.CSS(`.pagefind-ui__search-input`))); err != nil {
				q.failed = err.Error()
				qs = append(qs, q)
				continue
			}
			var err error
			if _, q.took, err = sitetest.Search(ctx, words, page, 30*time.Second); err != nil {
				q.failed = err.Error()
			}
			// Every file of the search: Pagefind's UI, its engine (which
			// the page loads before the first key) and the index chunks
			// and fragments the query needed.
			for _, p := range srv.Requests()[before:] {
				if !strings.HasPrefix(p, base+"/pagefind/") {
					continue
				}
				info, err := os.Stat(filepath.Join(www, filepath.FromSlash(p)))
				if err == nil && !info.IsDir() {
					q.bytes += info.Size()
					q.files++
				}
			}
			qs = append(qs, q)
			t.Logf("%+v", q)
		}
	}
	return qs
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

func kb(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/(1<<10)) }

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

func verdict(ok bool) string {
	if ok {
		return "✅ met"
	}
	return "❌ missed"
}

// report writes bench/site-results.md and puts it into RESULTS.md in place
// of the section an earlier run put there.
func report(t *testing.T, root string, builds []build, queries []query, withHugo bool) {
	t.Helper()
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	load, _ := os.ReadFile("/proc/loadavg")
	commit := strings.TrimSpace(testtool.Run(t, root, "git", "rev-parse", "--short", "HEAD"))
	p("%s\n## Docs site (issues 20 and 25)\n\n", beginMark)
	p("Written by `make bench` (`bench/site.sh`: `BENCH_SITE=1 go test ./bench/site`), %s at %s; load average %s at the end.\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), commit, strings.Join(strings.Fields(string(load))[:3], " "))
	p("Per size and round, interleaved: the write floor (`bench/floor write`: decode codes.yaml, then write the files of the\n")
	p("errgen site build's pages, the same bytes, on 8 goroutines), `errgen site` without search (on a PATH without Pagefind or\n")
	p("Node.js), `errgen site -pagefind` (Pagefind 1.6.0)")
	if withHugo {
		p(", and the Hugo pipeline it replaced (`cmd/docsite` of %s: Hugo 0.111.3 from Debian\nin slices of at most 6 000 pages, then Pagefind 1.6.0), built from that commit in this run", hugoRev[:7])
	} else {
		p(" (no hugo on PATH: the Hugo pipeline it replaced was not measured)")
	}
	p(". Each size %d times (median, min–max; peak RSS the largest).\n", builds[0].rounds)
	p("Wall by the clock, CPU and peak RSS from wait4 (the largest of the build's processes: Pagefind's, with search). Sites from\n")
	p("`bench/synth` catalogs, both languages. Searches in headless Chromium on `python3 -m http.server`, a fresh browser each\n")
	p("(nothing cached), for a code's number and for the fewest words of its message (one to three, in order) that no other\n")
	p("message holds all of (`sitetest.Phrase`). Bytes: all of Pagefind's files the server sent from opening the page to the\n")
	p("code's result showing; time: from the last key to the result showing (the UI searches 100 ms after the last key).\n\n")

	get := func(engine string, n int) *build {
		for i := range builds {
			if builds[i].engine == engine && builds[i].n == n {
				return &builds[i]
			}
		}
		return nil
	}
	p("| mark | limit | measured | verdict |\n| --- | --- | --- | --- |\n")
	if s10 := get(engineSite, 10000); s10 != nil {
		p("| N = 10 000, no search: wall (median) | ≤ %s | %s (%.1f–%.1f; CPU %s) | %s |\n", secs(markWall), secs(s10.wall), s10.wallMin.Seconds(), s10.wallMax.Seconds(), secs(s10.cpu), verdict(s10.failed == "" && s10.wall <= markWall))
		if f10 := get(engineFloor, 10000); f10 != nil {
			r := s10.wall.Seconds() / f10.wall.Seconds()
			p("| N = 10 000, no search: ÷ the write floor's wall (medians) | ≤ %.0f× | %.2f× (%s ÷ %s; CPU %s ÷ %s) | %s |\n", markFloor, r, secs(s10.wall), secs(f10.wall), secs(s10.cpu), secs(f10.cpu), verdict(s10.failed == "" && r <= markFloor))
		}
		p("| N = 10 000, no search: peak RSS | ≤ 500 MB | %s | %s |\n", mb(s10.rss), verdict(s10.rss <= markRSS))
		if s2 := get(engineSite, 2000); s2 != nil {
			r := s10.wall.Seconds() / s2.wall.Seconds()
			p("| t(10 000) ÷ t(2 000), no search, wall (medians) | ≤ %.0f | %.2f (%s ÷ %s; CPU %.2f) | %s |\n", markGrowth, r, secs(s10.wall), secs(s2.wall), s10.cpu.Seconds()/s2.cpu.Seconds(), verdict(r <= markGrowth))
		}
	}
	if p10 := get(engineSearch, 10000); p10 != nil {
		p("| N = 10 000 with Pagefind: wall (median) | ≤ %s | %s (%.1f–%.1f; CPU %s; peak RSS %s) | %s |\n", secs(markSearchWall), secs(p10.wall), p10.wallMin.Seconds(), p10.wallMax.Seconds(), secs(p10.cpu), mb(p10.rss), verdict(p10.failed == "" && p10.wall <= markSearchWall))
		p("| N = 10 000 with Pagefind: dist | ≤ 500 MB | %s | %s |\n", mb(p10.dist), verdict(p10.dist <= markDist))
		for _, q := range queries {
			if q.n != 10000 {
				continue
			}
			ok := q.failed == ""
			p("| N = 10 000: search %q (%s) downloads | ≤ 1 MB | %s in %d files | %s |\n", q.words, q.lang, kb(q.bytes), q.files, verdict(ok && q.bytes <= markQueryData))
			p("| N = 10 000: search %q (%s) shows the code | ≤ 1 s | %.2f s%s | %s |\n", q.words, q.lang, q.took.Seconds(), failNote(q.failed), verdict(ok && q.took <= markQueryTime))
		}
	}
	largest := int64(0)
	for _, b := range builds {
		if b.engine == engineSite || b.engine == engineSearch {
			largest = max(largest, b.larges)
		}
	}
	p("| every page, every N | ≤ 100 KB | largest %s | %s |\n", kb(largest), verdict(largest <= site.MaxPageBytes))

	p("\n| engine | N | pages | build wall | CPU | peak RSS | dist | search index | largest code page | largest page |\n")
	p("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, b := range builds {
		wall, cpu := secs(b.wall), secs(b.cpu)
		if b.rounds > 1 {
			wall += fmt.Sprintf(" (%.1f–%.1f)", b.wallMin.Seconds(), b.wallMax.Seconds())
			cpu += fmt.Sprintf(" (%.1f–%.1f)", b.cpuMin.Seconds(), b.cpuMax.Seconds())
		}
		pages, dist, index, code, page := strconv.Itoa(b.pages), mb(b.dist), mb(b.index), kb(b.largestCode), kb(b.larges)
		if b.engine == engineFloor || b.engine == engineHugo {
			pages, dist, index, code, page = "", "", "", "", "" // the floor writes errgen site's; Hugo's site is not kept
		}
		p("| %s | %d | %s | %s%s | %s | %s | %s | %s | %s | %s |\n", b.engine, b.n, pages, wall, failNote(b.failed),
			cpu, mb(b.rss), dist, index, code, page)
	}
	p("\n| N | language | query | downloaded | files | shows the code after |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, q := range queries {
		p("| %d | %s | %q | %s | %d | %.2f s%s |\n", q.n, q.lang, q.words, kb(q.bytes), q.files, q.took.Seconds(), failNote(q.failed))
	}
	p("%s\n", endMark)

	section := b.String()
	if err := os.WriteFile(filepath.Join(root, "bench", "site-results.md"), []byte(section), 0o644); err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(root, "bench", "RESULTS.md")
	old, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	s := string(old)
	if i, j := strings.Index(s, beginMark), strings.Index(s, endMark); i >= 0 && j > i {
		s = s[:i] + section + s[j+len(endMark)+1:]
	} else {
		s += "\n" + section
	}
	if err := os.WriteFile(results, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + section)
}

const (
	beginMark = "<!-- docs-site benchmark (bench/site): begin -->"
	endMark   = "<!-- docs-site benchmark (bench/site): end -->"
)

func failNote(s string) string {
	if s == "" {
		return ""
	}
	return " (failed: " + strings.ReplaceAll(s, "|", "/") + ")"
}
