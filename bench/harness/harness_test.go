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
		"seed/generate":         {Key: "seed/generate", Runs: 5, Median: 0.090},
		"seed/go-generate":      {Key: "seed/go-generate", Runs: 5, Median: 0.4},
		"generate/n10000":       {Key: "generate/n10000", Runs: 5, Median: 0.5},
		"stringer/n10000":       {Key: "stringer/n10000", Runs: 5, Median: 0.4},
		"generate-fresh/n10000": {Key: "generate-fresh/n10000", Note: "too many open files"},
		// Rendering at 50 000 was skipped: only the lower bound.
		"prime/n50000": {Key: "prime/n50000", Runs: 1, Median: 1.0},
	}, sizes: []int{10000, 50000}}
	got := map[string]string{}
	for _, v := range in.verdicts() {
		got[v.target] = v.status()
	}
	for target, want := range map[string]string{
		"seed catalog (codes.yaml), whole job, built binary":          "❌ missed",
		"seed catalog, warm `go generate ./...`":                      "✅ met",
		"N = 10 000: errgen, four targets ÷ stringer alone (one run)": "❌ missed",
		// A lower bound under the mark decides nothing.
		"N = 50 000, all targets":                               "not measured",
		"errgen generate onto an empty out/ completes, every N": "❌ missed",
	} {
		if got[target] != want {
			t.Errorf("%s: got %q, want %q", target, got[target], want)
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
    - {code: 1001, id: NameTooLong, status: 400, message: {en: "At most {max}.", ko: "최대 {max}자."}, params: [{name: max, type: int, example: 255}]}
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
