package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// spec is one command of an interleaved group.
type spec struct {
	key string
	m   measurer
	// runs, when set, caps the command's runs, warm-up included, for a
	// peer too slow to repeat; a cap of 1 makes its only run the timed one.
	runs int
}

// runInterleave times several commands round by round: each round runs
// every command once, in an order rotated by one each round, so that a
// change in the machine's load falls on all of them alike and their
// ratios come from the same minutes. The first -warmup rounds are not
// timed. The spec file has one command per line, tab-separated:
//
//	key  folder  prep (bash, untimed, before every run)  command  [cap on runs]
//
// command is split at blanks and run under /usr/bin/time -v.
func runInterleave(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("interleave", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specFile := fs.String("spec", "", "the commands, one per line")
	runs := fs.Int("runs", 5, "timed rounds after the warm-up")
	warmup := fs.Int("warmup", 1, "untimed rounds first")
	out := fs.String("o", "", "results file to append the summaries to")
	timeout := fs.Duration("timeout", 0, "kill a run that takes longer (0: never); its command then stops")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	specs, err := readSpecs(*specFile, *timeout)
	if err != nil {
		fmt.Fprintf(stderr, "interleave: %v\n", err)
		return 2
	}
	samples := make([][]sample, len(specs))
	failed := make([]string, len(specs))
	tries := make([]int, len(specs))
	for round := range *warmup + *runs {
		for i := range specs {
			j := (i + round) % len(specs)
			s := specs[j]
			warm := *warmup
			if s.runs > 0 {
				warm = min(warm, s.runs-1)
			}
			if failed[j] != "" || (s.runs > 0 && tries[j] >= s.runs) {
				continue
			}
			tries[j]++
			smp, err := s.m.once()
			if err != nil {
				fmt.Fprintf(stderr, "interleave %s: %v\n", s.key, err)
				failed[j] = failure(err)
				continue
			}
			if tries[j] > warm {
				samples[j] = append(samples[j], smp)
			}
		}
	}
	code := 0
	for i, s := range specs {
		r := Result{Key: s.key, Note: failed[i]}
		if failed[i] == "" && len(samples[i]) > 0 {
			r = summarize(s.key, samples[i])
		}
		if c := record(*out, r, stdout, stderr); c != 0 {
			code = c
		}
	}
	return code
}

func readSpecs(path string, timeout time.Duration) ([]spec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var specs []spec
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 4 || len(fields) > 5 {
			return nil, fmt.Errorf("%s:%d: want key, folder, prep, command [, runs] separated by tabs", path, line)
		}
		s := spec{key: fields[0], m: measurer{dir: fields[1], prep: fields[2], cmd: strings.Fields(fields[3]), timeout: timeout}}
		if len(fields) == 5 {
			if s.runs, err = strconv.Atoi(fields[4]); err != nil {
				return nil, fmt.Errorf("%s:%d: runs: %v", path, line, err)
			}
		}
		if len(s.m.cmd) == 0 {
			return nil, fmt.Errorf("%s:%d: no command", path, line)
		}
		specs = append(specs, s)
	}
	return specs, sc.Err()
}

// messageLine is an English message in a catalog as bench/synth and the
// seed catalog write it: "message:" then "en: …" on the next line.
var messageLine = regexp.MustCompile(`(?m)^(\s+message:\s*\n\s+en: )(.*)$`)

const edited = " (edited)"

// runFlip changes the English message of the catalog's last code: it
// appends " (edited)", or removes it when there. Each run of errgen after
// it regenerates the output of one changed message.
func runFlip(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("flip", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "codes.yaml", "catalog")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	data, err := os.ReadFile(*file)
	if err == nil {
		data, err = flip(data)
	}
	if err == nil {
		err = os.WriteFile(*file, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "flip: %v\n", err)
		return 1
	}
	return 0
}

func flip(data []byte) ([]byte, error) {
	all := messageLine.FindAllSubmatchIndex(data, -1)
	if len(all) == 0 {
		return nil, fmt.Errorf("no English message found")
	}
	m := all[len(all)-1]
	value := string(data[m[4]:m[5]])
	quoted := strings.HasSuffix(value, `"`) && len(value) > 1
	if quoted {
		value = value[:len(value)-1]
	}
	if v, ok := strings.CutSuffix(value, edited); ok {
		value = v
	} else {
		value += edited
	}
	if quoted {
		value += `"`
	}
	return append(append(append([]byte{}, data[:m[4]]...), value...), data[m[5]:]...), nil
}
