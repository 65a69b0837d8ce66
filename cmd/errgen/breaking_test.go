package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// breakingProject writes the old and new catalogs of an
// internal/breaking/testdata case as old.yaml and codes.yaml in a fresh
// folder, makes it the working folder and returns it.
func breakingProject(t *testing.T, testCase string) string {
	t.Helper()
	dir := t.TempDir()
	for from, to := range map[string]string{"old.yaml": "old.yaml", "new.yaml": "codes.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../internal/breaking/testdata", testCase, from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

func runBreakingCmd(args ...string) result {
	var stdout, stderr bytes.Buffer
	code := runBreaking(&env{stdout: &stdout, stderr: &stderr}, args)
	return result{code, stdout.String(), stderr.String()}
}

const wireLine = "codes.yaml:44:13: error code 2003: wire name changed from \"ChannelNotFound\" to \"ChannelMissing\" (was %s:44:13); clients match on the wire name: keep `wire: ChannelNotFound`, or add a new code and deprecate this one\n"

func TestBreakingAgainstFile(t *testing.T) {
	breakingProject(t, "wire_changed")
	got := runBreakingCmd("--against", "old.yaml")
	want := result{exitProblem, "",
		strings.Replace(wireLine, "%s", "old.yaml", 1) +
			"errgen: 1 breaking change(s), 0 possibly stale translation(s), 0 note(s) against old.yaml\n"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}

	// GitHub annotations, and no summary line.
	got = runBreakingCmd("-against", "old.yaml", "-format", "github")
	want = result{exitProblem, "",
		"::error file=codes.yaml,line=44,col=13::error code 2003: wire name changed from \"ChannelNotFound\" to \"ChannelMissing\" (was old.yaml:44:13); clients match on the wire name: keep `wire: ChannelNotFound`, or add a new code and deprecate this one\n"}
	if got != want {
		t.Errorf("github format: got %+v\nwant %+v", got, want)
	}
}

func TestBreakingCompatible(t *testing.T) {
	breakingProject(t, "code_added")
	got := runBreakingCmd("--against", "old.yaml")
	want := result{exitOK,
		"errgen: 0 breaking change(s), 0 possibly stale translation(s), 1 note(s) against old.yaml\n",
		"codes.yaml:48:13: note: error code 2004: added as ChannelArchived (old table at old.yaml:29:3); clients with an exhaustive switch over ErrorCode need a case for it\n"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestBreakingUsage(t *testing.T) {
	breakingProject(t, "unchanged")
	for _, args := range [][]string{
		nil,                            // --against is required
		{"--against", "no-such-file"},  // neither a file nor (outside git) a revision
		{"--against", "old.yaml", "x"}, // no arguments
		{"--against", "old.yaml", "-format", "xml"},
	} {
		if got := runBreakingCmd(args...); got.code != exitUsage || got.stdout != "" || got.stderr == "" {
			t.Errorf("%q: %+v", args, got)
		}
	}
	if got := runBreakingCmd("-h"); got.code != exitOK || !strings.Contains(got.stderr, "errgen breaking --against HEAD~1") {
		t.Errorf("-h: %+v", got)
	}
	if got := runBreakingCmd("--against", "old.yaml", "-f", "missing.yaml"); got.code != exitProblem {
		t.Errorf("missing catalog: %+v", got)
	}
}

// TestBreakingAgainstGit runs the comparison CI runs: the working catalog
// against a commit's.
func TestBreakingAgainstGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := breakingProject(t, "wire_changed")
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com",
	} {
		t.Setenv(k, v)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", "old.yaml")
	git("commit", "-q", "-m", "no catalog yet")
	// Commit the old catalog as codes.yaml, then put the new one back.
	newData, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	oldData, err := os.ReadFile(filepath.Join(dir, "old.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "codes.yaml"), oldData, 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "codes.yaml")
	git("commit", "-q", "-m", "catalog")
	if err := os.WriteFile(filepath.Join(dir, "codes.yaml"), newData, 0o644); err != nil {
		t.Fatal(err)
	}

	got := runBreakingCmd("--against", "HEAD")
	want := result{exitProblem, "",
		strings.Replace(wireLine, "%s", "HEAD:codes.yaml", 1) +
			"errgen: 1 breaking change(s), 0 possibly stale translation(s), 0 note(s) against HEAD\n"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}

	// The first commit has no catalog: nothing can break.
	got = runBreakingCmd("--against", "HEAD~1")
	want = result{exitOK, "errgen: HEAD~1 has no codes.yaml; nothing to compare against\n", ""}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}

	if got := runBreakingCmd("--against", "no-such-branch"); got.code != exitUsage || !strings.Contains(got.stderr, "neither a file nor a git revision") {
		t.Errorf("unknown revision: %+v", got)
	}
}
