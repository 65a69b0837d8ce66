package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// timeBin is GNU time (Debian package `time`), whose -v report gives the
// peak resident set size of the command and all its children.
var timeBin = "/usr/bin/time"

// sample is one timed run.
type sample struct {
	wall  time.Duration
	cpu   float64 // user + system seconds, as time -v reports them
	rssKB int64
}

// Result is the summary of one measured command, one line of results.tsv.
type Result struct {
	Key    string
	Runs   int
	Median float64 // seconds
	Min    float64
	Max    float64
	CPU    float64 // median user + system seconds
	RSSMed int64   // kB, peak resident set size
	RSSMax int64
	Note   string
}

func (r Result) tsv() string {
	return strings.Join([]string{
		r.Key, strconv.Itoa(r.Runs),
		strconv.FormatFloat(r.Median, 'f', 6, 64),
		strconv.FormatFloat(r.Min, 'f', 6, 64),
		strconv.FormatFloat(r.Max, 'f', 6, 64),
		strconv.FormatFloat(r.CPU, 'f', 2, 64),
		strconv.FormatInt(r.RSSMed, 10), strconv.FormatInt(r.RSSMax, 10),
		r.Note,
	}, "\t") + "\n"
}

func parseResult(line string) (Result, error) {
	f := strings.Split(line, "\t")
	if len(f) != 9 {
		return Result{}, fmt.Errorf("want 9 fields, got %d", len(f))
	}
	var r Result
	var errs []error
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		errs = append(errs, err)
		return v
	}
	r.Key = f[0]
	r.Runs = int(num(f[1]))
	r.Median, r.Min, r.Max = num(f[2]), num(f[3]), num(f[4])
	r.CPU = num(f[5])
	r.RSSMed, r.RSSMax = int64(num(f[6])), int64(num(f[7]))
	r.Note = f[8]
	return r, errors.Join(errs...)
}

// runMeasure runs a command once to warm up, then -runs times, each under
// /usr/bin/time -v, and appends its medians to the results file. Wall time
// is taken around the whole /usr/bin/time process with the monotonic clock
// (time -v itself reports only hundredths of a second); it includes the
// ~1 ms of starting time itself. -prep runs (untimed, via bash) before
// every run, warm-up included.
func runMeasure(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("measure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	key := fs.String("key", "", "name of the figure, e.g. generate/n10000")
	runs := fs.Int("runs", 5, "timed runs after the warm-up")
	warmup := fs.Int("warmup", 1, "untimed runs first")
	out := fs.String("o", "", "results file to append the summary to")
	dir := fs.String("C", "", "run in this folder")
	prep := fs.String("prep", "", "bash command run, untimed, before each run")
	single := fs.Duration("single-over", 0, "if the warm-up takes longer than this, record it as the only run")
	timeout := fs.Duration("timeout", 0, "kill a run that takes longer (0: never); it counts as failed")
	allowFail := fs.Bool("allow-fail", false, "record a failing command (0 runs, its error) instead of exiting 1")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *key == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "measure: want -key and a command after the flags")
		return 2
	}
	m := measurer{dir: *dir, prep: *prep, cmd: fs.Args(), timeout: *timeout}
	var warm sample
	for i := 0; i < *warmup; i++ {
		s, err := m.once()
		if err != nil {
			fmt.Fprintf(stderr, "measure %s: warm-up: %v\n", *key, err)
			if *allowFail {
				return record(*out, Result{Key: *key, Note: failure(err)}, stdout, stderr)
			}
			return 1
		}
		warm = s
	}
	var samples []sample
	note := ""
	if *single > 0 && *warmup > 0 && warm.wall > *single {
		samples = []sample{warm}
		note = fmt.Sprintf("one run only: the warm-up took %.1f s, over the %.0f s limit", warm.wall.Seconds(), single.Seconds())
	} else {
		for i := 0; i < *runs; i++ {
			s, err := m.once()
			if err != nil {
				fmt.Fprintf(stderr, "measure %s: run %d: %v\n", *key, i+1, err)
				if *allowFail {
					return record(*out, Result{Key: *key, Note: failure(err)}, stdout, stderr)
				}
				return 1
			}
			samples = append(samples, s)
		}
	}
	r := summarize(*key, samples)
	r.Note = note
	return record(*out, r, stdout, stderr)
}

// tempSuffix is the random part of a staged file's name (.503020.md8215…).
var tempSuffix = regexp.MustCompile(`(\.[a-z]+)[0-9]{6,}`)

// failure is the gist of a failed run for a table cell: its last line
// that says something, without the command line.
func failure(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l != "" && !strings.Contains(l, "nothing was written") {
			l = strings.TrimPrefix(l, "errgen: ")
			l = tempSuffix.ReplaceAllString(l, "$1…")
			return strings.ReplaceAll(strings.ReplaceAll(l, "\t", " "), "|", "/")
		}
	}
	return "failed"
}

func record(out string, r Result, stdout, stderr io.Writer) int {
	line := r.tsv()
	if r.Runs == 0 {
		fmt.Fprintf(stdout, "%-28s FAILED: %s\n", r.Key, r.Note)
	} else {
		fmt.Fprintf(stdout, "%-28s median %9.4f s  (%.4f–%.4f, %d runs)  cpu %6.2f s  peak RSS %6.1f MB\n",
			r.Key, r.Median, r.Min, r.Max, r.Runs, r.CPU, float64(r.RSSMax)/1024)
	}
	if out != "" {
		f, err := os.OpenFile(out, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "measure: %v\n", err)
			return 1
		}
		defer f.Close()
		if _, err := f.WriteString(line); err != nil {
			fmt.Fprintf(stderr, "measure: %v\n", err)
			return 1
		}
	}
	return 0
}

type measurer struct {
	dir, prep string
	cmd       []string
	timeout   time.Duration
}

func (m measurer) once() (sample, error) {
	if m.prep != "" {
		p := exec.Command("bash", "-c", m.prep)
		p.Dir = m.dir
		if out, err := p.CombinedOutput(); err != nil {
			return sample{}, fmt.Errorf("prep: %v\n%s", err, out)
		}
	}
	report, err := os.CreateTemp("", "measure-*.txt")
	if err != nil {
		return sample{}, err
	}
	report.Close()
	defer os.Remove(report.Name())
	ctx, cancel := context.WithCancel(context.Background())
	if m.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, m.timeout)
	}
	defer cancel()
	c := exec.CommandContext(ctx, timeBin, append([]string{"-v", "-o", report.Name()}, m.cmd...)...)
	c.Dir = m.dir
	// time runs the command as its child: on a timeout, kill them both.
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error { return syscall.Kill(-c.Process.Pid, syscall.SIGKILL) }
	var errBuf bytes.Buffer
	c.Stdout = io.Discard
	c.Stderr = &errBuf
	start := time.Now()
	err = c.Run()
	wall := time.Since(start)
	if ctx.Err() == context.DeadlineExceeded {
		return sample{}, fmt.Errorf("%s: did not finish in %s", strings.Join(m.cmd, " "), m.timeout)
	}
	if err != nil {
		return sample{}, fmt.Errorf("%s: %v\n%s", strings.Join(m.cmd, " "), err, tail(errBuf.String(), 2000))
	}
	data, err := os.ReadFile(report.Name())
	if err != nil {
		return sample{}, err
	}
	s, err := parseTimeV(data)
	s.wall = wall
	return s, err
}

// parseTimeV reads the peak RSS and the CPU time from a time -v report:
// "Maximum resident set size (kbytes): N", "User time (seconds): S" and
// "System time (seconds): S".
func parseTimeV(report []byte) (sample, error) {
	var s sample
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(report))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, "Maximum resident set size (kbytes):"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return s, err
			}
			s.rssKB = n
			found++
		}
		for _, k := range []string{"User time (seconds):", "System time (seconds):"} {
			if v, ok := strings.CutPrefix(line, k); ok {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					return s, err
				}
				s.cpu += f
				found++
			}
		}
	}
	if found != 3 {
		return s, errors.New("the report of " + filepath.Base(timeBin) + " -v lacks the peak RSS or the CPU times")
	}
	return s, nil
}

func summarize(key string, samples []sample) Result {
	walls := make([]float64, len(samples))
	cpu := make([]float64, len(samples))
	rss := make([]float64, len(samples))
	for i, s := range samples {
		walls[i] = s.wall.Seconds()
		cpu[i] = s.cpu
		rss[i] = float64(s.rssKB)
	}
	return Result{
		Key: key, Runs: len(samples),
		Median: median(walls), Min: slices.Min(walls), Max: slices.Max(walls),
		CPU:    median(cpu),
		RSSMed: int64(median(rss)), RSSMax: int64(slices.Max(rss)),
	}
}

// median of a non-empty list; the mean of the middle two for an even one.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
