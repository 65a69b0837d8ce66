// The GitHub Action at the repository root (action.yml): actionlint reads
// it as a workflow that uses it does, and its steps run here under the
// environment a runner gives them.

package errgen_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/testtool"
)

// action is the part of action.yml a runner reads to run a composite
// action.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			Name             string            `yaml:"name"`
			Shell            string            `yaml:"shell"`
			WorkingDirectory string            `yaml:"working-directory"`
			Env              map[string]string `yaml:"env"`
			Run              string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("action.yml is not a composite action with steps: %+v", a.Runs)
	}
	return a
}

// TestActionLint: a workflow that uses the action with every input it
// declares lints clean under actionlint, which checks `with:` against
// action.yml; a misspelt input is its one finding.
func TestActionLint(t *testing.T) {
	actionlint := testtool.GoBin(t, "actionlint")
	a := readAction(t)
	var names []string
	for name := range a.Inputs {
		names = append(names, name)
	}
	slices.Sort(names)
	if len(names) < 4 {
		t.Fatalf("action.yml declares only the inputs %v", names)
	}
	workflow := func(misspell string) string {
		var with strings.Builder
		for _, name := range names {
			if name == misspell {
				name = strings.Replace(name, "s", "", 1)
			}
			fmt.Fprintf(&with, "          %s: %q\n", name, a.Inputs[name].Default)
		}
		return `on: [pull_request, push]
jobs:
  codes:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - uses: ./
        with:
` + with.String()
	}
	lint := func(misspell string) []string {
		t.Helper()
		dir := t.TempDir()
		testtool.Run(t, dir, "git", "init", "-q")
		data, err := os.ReadFile(filepath.Join(testtool.Root(t), "action.yml"))
		if err != nil {
			t.Fatal(err)
		}
		wf := filepath.Join(dir, ".github", "workflows", "codes.yml")
		if err := os.MkdirAll(filepath.Dir(wf), 0o755); err != nil {
			t.Fatal(err)
		}
		if os.WriteFile(filepath.Join(dir, "action.yml"), data, 0o644) != nil || os.WriteFile(wf, []byte(workflow(misspell)), 0o644) != nil {
			t.Fatal("cannot write the workflow")
		}
		cmd := exec.Command(actionlint, "-format", "{{range $e := .}}{{$e.Message}}\n{{end}}")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
			t.Fatalf("actionlint: %v\n%s", err, out)
		}
		return strings.Split(strings.TrimSpace(string(out)), "\n")
	}
	if got := lint(""); len(got) != 1 || got[0] != "" {
		t.Errorf("actionlint finds %d problem(s) in a workflow using every input:\n%s", len(got), strings.Join(got, "\n"))
	}
	got := lint("warnings-fail")
	if len(got) != 1 || !strings.Contains(got[0], `input "warning-fail" is not defined`) {
		t.Errorf("a misspelt input: want one finding naming it, got:\n%s", strings.Join(got, "\n"))
	}
}

// TestActionSteps runs action.yml's steps as a runner would for a pull
// request (the event payload and step-summary files, GITHUB_OUTPUT, the
// action's path) against a repository whose head commit changes a status
// (breaking), leaves the output stale, and gives a message that tries to
// inject a workflow command and break out of the summary's code fence. The
// step fails; its annotations are those of errgen's check, lint and
// breaking, byte for byte as @actions/core (pinned, run with node) writes
// them for the same texts, at most 10 of a kind, the rest in the summary.
func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen and runs git: skipped with -short")
	}
	core := testtool.NodeModule(t, "@actions/core")
	node := testtool.Node(t)
	testtool.Command(t, "git", "tools-debian")
	root := testtool.Root(t)
	a := readAction(t)

	repo := t.TempDir()
	small, err := os.ReadFile(filepath.Join(root, "testdata", "catalogs", "small.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(repo, "codes.yaml"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(testtool.Run(t, repo, "git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...))
	}
	errgen := filepath.Join(t.TempDir(), "errgen")
	testtool.Run(t, root, "go", "build", "-o", errgen, "./cmd/errgen")
	write(string(small))
	t.Chdir(repo)
	testtool.Run(t, repo, errgen, "generate")
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-qm", "base")
	base := git("rev-parse", "HEAD")
	hostile := "50%0A::error file=x,line=1::pwned ```js, 100% :: <b>done</b>"
	head := strings.NewReplacer(
		"      id: TooManyRequests\n      status: 429\n", "      id: TooManyRequests\n      status: 503\n",
		"message: {en: The channel does not exist.,", "message: {en: "+strconvQuote(hostile)+",",
	).Replace(string(small))
	write(head)
	git("commit", "-qam", "head: a status changed, a hostile message, out/ not regenerated")

	payload := map[string]any{"pull_request": map[string]any{"base": map[string]any{"sha": base}}, "before": base}
	log, code, summary := runAction(t, a, root, repo, nil, payload)
	if code != 1 {
		t.Fatalf("the gates step: exit %d, want 1\n%s", code, log)
	}

	// The same texts, as errgen's text reports give them (a diagnostic is
	// "file:line:col: [severity: ]message; hint", a file of check's
	// "path: stale"), written by @actions/core: breaking first, then lint,
	// then check.
	type annotation struct {
		Kind    string         `json:"kind"`
		Message string         `json:"message"`
		Props   map[string]any `json:"props"`
	}
	var want []annotation
	diagLine := regexp.MustCompile(`^(.+?):(\d+):(\d+): (?:(warning|note): )?(.*)$`)
	fileLine := regexp.MustCompile(`^(\S+): (stale|missing|extra \(no longer generated\))$`)
	var stale []string
	for _, args := range [][]string{{"breaking", "--against", base}, {"lint"}, {"check"}} {
		text, _ := testtool.Output(repo, errgen, args...)
		for _, line := range strings.Split(text, "\n") {
			if m := diagLine.FindStringSubmatch(line); m != nil {
				kind := map[string]string{"": "error", "warning": "warning", "note": "notice"}[m[4]]
				want = append(want, annotation{kind, m[5], map[string]any{"file": m[1], "startLine": atoi(t, m[2]), "startColumn": atoi(t, m[3])}})
			} else if m := fileLine.FindStringSubmatch(line); m != nil && args[0] == "check" {
				stale = append(stale, m[1])
				want = append(want, annotation{"error", m[1] + " is " + m[2] + "; run errgen generate", map[string]any{"file": m[1]}})
			}
		}
	}
	count := map[string]int{}
	var shown []annotation
	for _, w := range want {
		if count[w.Kind]++; count[w.Kind] <= 10 {
			shown = append(shown, w)
		}
	}
	if count["error"] <= 10 || count["warning"] == 0 || !strings.Contains(fmt.Sprint(want), "pwned") {
		t.Fatalf("the fixture should give over 10 errors and a warning quoting the hostile message: %+v", want)
	}
	for _, kind := range []string{"error", "warning", "notice"} {
		if count[kind] > 10 {
			shown = append(shown, annotation{"notice", fmt.Sprintf("%d %ss found, GitHub shows 10; the job summary has them all", count[kind], kind), map[string]any{"title": "errgen gates"}})
		}
	}
	js, _ := json.Marshal(shown)
	cmd := exec.Command(node, "--input-type=module", "-e", `
import * as core from `+strconvQuote("file://"+filepath.ToSlash(filepath.Join(core, "lib", "core.js")))+`;
import { readFileSync } from "node:fs";
for (const a of JSON.parse(readFileSync(0, "utf8"))) core[a.kind](a.message, a.props);
`)
	cmd.Stdin = strings.NewReader(string(js))
	expected, err := cmd.Output()
	if err != nil {
		t.Fatalf("node @actions/core: %v", err)
	}
	var got []string
	for _, line := range strings.SplitAfter(log, "\n") {
		if strings.HasPrefix(line, "::") {
			got = append(got, line)
		}
	}
	if diff := testtool.Diff(string(expected), strings.Join(got, "")); diff != "" {
		t.Errorf("the action's annotations are not @actions/core's for the same texts:\n%s\nlog:\n%s", diff, log)
	}

	// The summary has each report whole, in a fence no backtick run of
	// the report can close.
	md := summary
	t.Logf("the step's log:\n%s\nthe job summary:\n%s", log, md)
	for _, section := range []string{"### errgen breaking (exit 1)\n", "### errgen lint (exit 0)\n", "### errgen check (exit 1)\n"} {
		if !strings.Contains(string(md), section) {
			t.Errorf("the summary has no %q:\n%s", section, md)
		}
	}
	for _, f := range stale {
		if !strings.Contains(string(md), f+": stale\n") {
			t.Errorf("the summary does not list %s", f)
		}
	}
	if !strings.Contains(string(md), "\n````\n") || !strings.Contains(string(md), "```js") {
		t.Errorf("the hostile message's ``` is not inside a longer fence:\n%s", md)
	}
}

// runAction runs action.yml's steps (the action's checkout is root) in
// repo as a runner does for an event with the given payload: each bash
// step with `bash -eo pipefail`, the
// GITHUB_* files and variables, its env and working directory evaluated
// from the inputs (their defaults, but for those given) and the outputs of
// earlier steps. Every step before the last must succeed; it returns the
// log, the last step's exit status and the job summary.
func runAction(t *testing.T, a action, root, repo string, inputs map[string]string, payload map[string]any) (log string, code int, summary string) {
	t.Helper()
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	runner := t.TempDir()
	event := filepath.Join(runner, "event.json")
	data, _ := json.Marshal(payload)
	if err := os.WriteFile(event, data, 0o644); err != nil {
		t.Fatal(err)
	}
	summaryFile := filepath.Join(runner, "summary.md")
	outputs := map[string]map[string]string{}
	expr := regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			for _, alt := range strings.Split(expr.FindStringSubmatch(m)[1], "||") {
				if v := evalPath(t, strings.TrimSpace(alt), a, inputs, root, payload, outputs); v != "" {
					return v
				}
			}
			return ""
		})
	}
	for i, step := range a.Runs.Steps {
		if step.Shell != "bash" {
			t.Fatalf("step %d runs in %q; the test runs bash steps", i, step.Shell)
		}
		script := filepath.Join(runner, fmt.Sprintf("step%d.sh", i))
		output := filepath.Join(runner, fmt.Sprintf("output%d", i))
		if os.WriteFile(script, []byte(step.Run), 0o644) != nil || os.WriteFile(output, nil, 0o644) != nil {
			t.Fatal("cannot write the step's files")
		}
		// The command line GitHub runs a `shell: bash` step with.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = filepath.Join(repo, eval(step.WorkingDirectory))
		cmd.Env = append(os.Environ(), "GITHUB_ACTIONS=true", "CI=true", "GITHUB_WORKSPACE="+repo,
			"GITHUB_EVENT_NAME=pull_request", "GITHUB_EVENT_PATH="+event, "GITHUB_STEP_SUMMARY="+summaryFile,
			"GITHUB_OUTPUT="+output, "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+runner)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		out, err := cmd.CombinedOutput()
		log += string(out)
		code = 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("step %q: %v", step.Name, err)
		}
		if i < len(a.Runs.Steps)-1 && code != 0 {
			t.Fatalf("step %q: exit %d\n%s", step.Name, code, out)
		}
		got, _ := os.ReadFile(output)
		outputs[step.ID] = map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(got)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				outputs[step.ID][k] = v
			}
		}
	}
	md, _ := os.ReadFile(summaryFile)
	return log, code, string(md)
}

// evalPath is the value of one operand of a ${{ }} expression of
// action.yml: the only ones the action may use are those simulated here.
func evalPath(t *testing.T, path string, a action, inputs map[string]string, root string, event map[string]any, outputs map[string]map[string]string) string {
	t.Helper()
	parts := strings.Split(path, ".")
	switch {
	case len(parts) == 2 && parts[0] == "inputs":
		in, ok := a.Inputs[parts[1]]
		if !ok {
			t.Fatalf("action.yml uses the undeclared input %s", parts[1])
		}
		if v, ok := inputs[parts[1]]; ok {
			return v
		}
		return in.Default
	case path == "github.action_path":
		return root
	case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
		return outputs[parts[1]][parts[3]]
	case len(parts) > 2 && parts[0] == "github" && parts[1] == "event":
		var v any = event
		for _, p := range parts[2:] {
			m, _ := v.(map[string]any)
			v = m[p]
		}
		s, _ := v.(string)
		return s
	}
	t.Fatalf("action.yml uses the expression %q, which the test does not simulate", path)
	return ""
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestActionUsesGoToolPin runs the action for a push in a repository whose
// module (in a subfolder, the working-directory input) pins errgen as a
// `go tool` from this checkout: the action runs that errgen, points its
// annotations at the catalog's path from the repository's root, and a
// lint warning (a code without its Korean message) fails the job only
// with warnings-fail.
func TestActionUsesGoToolPin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with errgen as a tool: skipped with -short")
	}
	testtool.Command(t, "git", "tools-debian")
	root := testtool.Root(t)
	a := readAction(t)
	repo := t.TempDir()
	svc := filepath.Join(repo, "svc")
	if err := os.Mkdir(svc, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(dir, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run(svc, "go", "mod", "init", "example.com/svc")
	run(svc, "go", "mod", "edit", "-require=github.com/errgen/errgen@v0.0.0-00010101000000-000000000000",
		"-replace=github.com/errgen/errgen="+root, "-tool=github.com/errgen/errgen/cmd/errgen")
	run(svc, "go", "mod", "tidy")
	run(svc, "go", "tool", "errgen", "init")
	catalog := filepath.Join(svc, "codes.yaml")
	data, err := os.ReadFile(catalog)
	if err != nil {
		t.Fatal(err)
	}
	untranslated := strings.Replace(string(data), "        ko: 항목이 존재하지 않습니다.\n", "", 1)
	if err := os.WriteFile(catalog, []byte(untranslated), 0o644); err != nil {
		t.Fatal(err)
	}
	run(svc, "go", "tool", "errgen", "generate")
	run(repo, "git", "init", "-q", "-b", "main")
	run(repo, "git", "add", "-A")
	run(repo, "git", "commit", "-qm", "adopt errgen")
	before := strings.TrimSpace(run(repo, "git", "rev-parse", "HEAD"))
	push := map[string]any{"before": before}

	inputs := map[string]string{"working-directory": "svc", "checks": "check,lint,breaking", "warnings-fail": "true"}
	log, code, summary := runAction(t, a, root, repo, inputs, push)
	if code != 1 {
		t.Errorf("a lint warning with warnings-fail: exit %d, want 1\n%s", code, log)
	}
	if want := "errgen from this module's go tool pin: errgen v0.0.0-00010101000000-000000000000, replaced by " + root + " "; !strings.Contains(log, want) {
		t.Errorf("the action did not run the module's pin (%q):\n%s", want, log)
	}
	if !regexp.MustCompile(`(?m)^::warning file=svc/codes\.yaml,line=\d+,col=\d+::error code 1001 is untranslated`).MatchString(log) {
		t.Errorf("no warning at svc/codes.yaml for the untranslated message:\n%s", log)
	}
	if !strings.Contains(summary, "### errgen lint (exit 0)") || strings.Contains(summary, "### errgen check") {
		t.Errorf("the summary should hold lint's report and no check report:\n%s", summary)
	}

	inputs["warnings-fail"] = "false"
	if log, code, _ := runAction(t, a, root, repo, inputs, push); code != 0 {
		t.Errorf("the same warning without warnings-fail: exit %d, want 0\n%s", code, log)
	}
}
