package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

func TestParseTimeV(t *testing.T) {
	report := []byte(`	Command being timed: "errgen generate -q"
	User time (seconds): 0.21
	System time (seconds): 0.04
	Percent of CPU this job got: 98%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 0:00.25
	Maximum resident set size (kbytes): 26340
	Exit status: 0
`)
	s, err := parseTimeV(report)
	if err != nil {
		t.Fatal(err)
	}
	if s.rssKB != 26340 || s.cpu < 0.249 || s.cpu > 0.251 {
		t.Errorf("got rss %d kB, cpu %.3f s; want 26340 kB, 0.25 s", s.rssKB, s.cpu)
	}
	if _, err := parseTimeV([]byte("Exit status: 0\n")); err == nil {
		t.Error("a report without RSS and CPU times was accepted")
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestResultRoundTrip(t *testing.T) {
	r := Result{Key: "generate/n10000", Runs: 5, Median: 1.5, Min: 1.25, Max: 2, CPU: 1.75, RSSMed: 100, RSSMax: 120}
	got, err := parseResult(strings.TrimSuffix(r.tsv(), "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got != r {
		t.Errorf("round trip: got %+v, want %+v", got, r)
	}
	fail := Result{Key: "generate-fresh/n10000", Note: "open out/x: too many open files"}
	if got, err := parseResult(strings.TrimSuffix(fail.tsv(), "\n")); err != nil || got != fail {
		t.Errorf("failed result round trip: got %+v, %v", got, err)
	}
}

func TestReadBench(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.txt")
	os.WriteFile(path, []byte(`goos: linux
BenchmarkString/errgen-2   	 1000	 9.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkString/errgen-2   	 1000	 3.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkString/errgen-2   	 1000	 5.0 ns/op	 0 B/op	 0 allocs/op
BenchmarkEmitGo/n=200-2    	   20	 7980000 ns/op	 154737 out-bytes	 6555264 B/op	 116230 allocs/op
# skipped BenchmarkEmitOpenAPI/n=50000: 17.9 s per op at N = 10000
PASS
`), 0o644)
	got := readBench(path)
	s := got["String/errgen"]
	if s == nil || len(s.ns) != 2 || s.med() != 4 {
		t.Fatalf("String/errgen: got %+v, want the warm-up dropped and a median of 4", s)
	}
	if g := got["EmitGo/n=200"]; g == nil || g.allocs0() != 116230 || g.med() != 7980000 {
		t.Errorf("EmitGo/n=200: got %+v", g)
	}
	if n := got["EmitOpenAPI/n=50000"]; n == nil || n.note != "skipped (17.9 s per op at N = 10000)" {
		t.Errorf("skipped benchmark: got %+v", n)
	}
}

func TestUpperSnake(t *testing.T) {
	for in, want := range map[string]string{
		"AccountURLOutOfRange":    "ACCOUNT_URL_OUT_OF_RANGE",
		"HTTPCode":                "HTTP_CODE",
		"InternalServerError1004": "INTERNAL_SERVER_ERROR1004",
		"OK":                      "OK",
	} {
		if got := upperSnake(in); got != want {
			t.Errorf("upperSnake(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPeers writes every peer input from the seed catalog: the Go files
// must parse, the proto must hold every code.
func TestPeers(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-f", "../../codes.yaml",
		"-go", filepath.Join(dir, "strgr"), "-proto", filepath.Join(dir, "codes.proto"),
		"-ts", filepath.Join(dir, "ts"), "-ts-errgen", filepath.Join(dir, "tse"),
		"-hand", filepath.Join(dir, "hand")}
	var out, errOut strings.Builder
	if code := runPeers(args, &out, &errOut); code != 0 {
		t.Fatalf("peers exited %d: %s", code, errOut.String())
	}
	fset := token.NewFileSet()
	for _, f := range []string{"strgr/consts.go", "hand/hand.go"} {
		if _, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, 0); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	c, err := catalog.Load("../../codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	proto, err := os.ReadFile(filepath.Join(dir, "codes.proto"))
	if err != nil {
		t.Fatal(err)
	}
	values := strings.Count(string(proto), ";\n") - 3 // syntax, package, option
	want := len(c.Tables)                             // one UNSPECIFIED per enum
	for _, tb := range c.Tables {
		want += len(tb.Codes)
	}
	if values != want {
		t.Errorf("the proto declares %d values, want %d", values, want)
	}
	for _, f := range []string{"ts/codes.ts", "ts/consumer.ts", "ts/tsconfig.json", "tse/consumer.ts", "tse/tsconfig.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}

// TestVerdicts: a figure over its mark is a miss, under it a pass, and
// a figure not measured is neither.
func TestVerdicts(t *testing.T) {
	in := reportInput{results: map[string]Result{
		"seed/regen":          {Key: "seed/regen", Runs: 5, Median: 0.040},
		"regen/errgen/n10000": {Key: "regen/errgen/n10000", Runs: 5, Median: 0.9, RSSMax: 200 * 1024},
		"regen/floor/n10000":  {Key: "regen/floor/n10000", Runs: 5, Median: 0.4},
		"regen/errgen/n50000": {Key: "regen/errgen/n50000", Runs: 5, Median: 3.0, RSSMax: 500 * 1024},
		"regen/floor/n50000":  {Key: "regen/floor/n50000", Runs: 5, Median: 1.6},
		"fresh/errgen/n10000": {Key: "fresh/errgen/n10000", Runs: 5, Median: 2.0},
		"fresh/floor/n10000":  {Key: "fresh/floor/n10000", Runs: 5, Median: 1.0},
		"first/n50000":        {Key: "first/n50000", Note: "too many open files"},
	}, sizes: []int{10000, 50000}}
	got := map[string]string{}
	for _, v := range in.verdicts() {
		got[v.target] = v.status()
	}
	for target, want := range map[string]string{
		"Seed catalog (codes.yaml), whole job after one message changed, built binary":                                             "✅ met",
		"Regeneration after one message changed, N = 10 000: errgen ÷ I/O floor (decode + read every file)":                        "❌ missed",
		"Regeneration after one message changed, N = 50 000: errgen ÷ I/O floor":                                                   "✅ met",
		"Peak RSS, regeneration, N = 50 000":                                                                                       "❌ missed",
		"First generation into an empty folder, N = 10 000: errgen ÷ a program that decodes the catalog and writes the same files": "❌ missed",
		"(issue 8) warm `go generate ./...`, seed catalog":                                                                         "not measured",
		"errgen generate onto an empty out/ completes, every N":                                                                    "❌ missed",
	} {
		if got[target] != want {
			t.Errorf("%s: got %q, want %q", target, got[target], want)
		}
	}
}

// TestFlip: one message changes, and the next flip restores the catalog.
func TestFlip(t *testing.T) {
	orig := []byte("codes:\n  - code: 1\n    message:\n      en: \"First.\"\n  - code: 2\n    message:\n      en: Second.\n      ko: 둘.\n")
	once, err := flip(orig)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(string(orig), "en: Second.", "en: Second. (edited)", 1); string(once) != want {
		t.Errorf("flipped:\n%s\nwant:\n%s", once, want)
	}
	twice, err := flip(once)
	if err != nil || string(twice) != string(orig) {
		t.Errorf("flipped back: %v\n%s", err, twice)
	}
}

// TestInterleave runs two commands round by round: each is timed -runs
// times after the warm-up, in a rotated order, and a capped one once.
func TestInterleave(t *testing.T) {
	if _, err := os.Stat(timeBin); err != nil {
		t.Skipf("skipping: %s is not installed (Debian package time; make bench installs it)", timeBin)
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	spec := filepath.Join(dir, "spec")
	lines := "a\t" + dir + "\techo a >>log\ttrue\n" + "b\t" + dir + "\techo b >>log\ttrue\t1\n"
	if err := os.WriteFile(spec, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(dir, "results.tsv")
	var out, errOut strings.Builder
	if code := run([]string{"interleave", "-spec", spec, "-runs", "3", "-o", results}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	order, _ := os.ReadFile(log)
	if got := strings.Join(strings.Fields(string(order)), ""); got != "abaaa" {
		t.Errorf("runs in this order: %s, want abaaa (b capped at one run)", got)
	}
	data, _ := os.ReadFile(results)
	for _, want := range []string{"a\t3\t", "b\t1\t"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("results lack %q:\n%s", want, data)
		}
	}
}

const tiny = `version: 1
languages:
  - {tag: en, name: English}
  - {tag: ko, name: 한국어}
default_language: en
docs: {base_url: https://docs.example.com/codes}
output:
  dir: out
  go: {dir: out/go/codes, package: codes}
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: HTTP, ko: HTTP}
  range: [100, 599]
  codes:
    - {code: 400, id: BadRequest, message: {en: Bad Request, ko: 잘못된 요청}}
error:
  type: ErrorCode
  prefix: ""
  title: {en: Errors, ko: 에러}
  range: [1000, 1999]
  codes:
    - {code: 1001, id: NameTooLong, status: 400, message: {en: "At most {max}.", ko: "최대 {max}자."}, title: {en: Name too long, ko: 이름이 너무 김}, params: [{name: max, type: int, example: 255}]}
    - {code: 1002, id: NameMissing, status: 400, message: {en: Missing., ko: 없음.}}
`

// TestBenchData: the sample cycles through the error codes, and the
// constructor call names the code with one int placeholder.
func TestBenchData(t *testing.T) {
	c, err := catalog.Parse("codes.yaml", []byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	src, err := benchData(c, "errgenbench/gen/codes")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "data.go", src, 0); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, want := range []string{"codes.NewNameTooLong(255)", `"NameTooLong", "NameTooLong"`, "1001, 1001"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("data.go lacks %s", want)
		}
	}
}
