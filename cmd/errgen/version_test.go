package main

import (
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

func TestFormatVersion(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.time", Value: "2026-11-30T00:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got, want := formatVersion(info), "v0.2.0 (revision 0123abc, 2026-11-30T00:00:00Z, modified) go1.26.8"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := formatVersion(&debug.BuildInfo{GoVersion: "go1.26.8"}), "(devel) go1.26.8"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	fork := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-00010101000000-000000000000",
		Replace: &debug.Module{Path: "github.com/you/errgen", Version: "v0.2.0"}}}
	if got, want := formatVersion(fork), "v0.0.0-00010101000000-000000000000, replaced by github.com/you/errgen v0.2.0 go1.26.8"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestVersionFromCheckout builds errgen the way a contributor does and
// checks that `errgen version` names the checkout's commit.
func TestVersionFromCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen: skipped with -short")
	}
	root := testtool.Root(t)
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	head, err := exec.Command(git, "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	if gitDir, err := exec.Command(git, "-C", root, "rev-parse", "--git-dir").Output(); err != nil || filepath.Base(strings.TrimSpace(string(gitDir))) != ".git" {
		t.Skip("a linked worktree: the go command stamps VCS data only in a main checkout")
	}
	bin := filepath.Join(t.TempDir(), "errgen")
	testtool.Run(t, root, "go", "build", "-buildvcs=true", "-o", bin, "./cmd/errgen")
	out := testtool.Run(t, root, bin, "version")
	if !strings.Contains(out, "revision "+strings.TrimSpace(string(head))) {
		t.Errorf("errgen version = %q, want the revision %s", out, head)
	}
}
