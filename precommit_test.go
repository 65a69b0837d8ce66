// The pre-commit hooks of .pre-commit-hooks.yaml, run by Debian's
// pre-commit from this checkout in a repository that adopted errgen.

package errgen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/testtool"
)

// TestPreCommitHooks makes a repository with `errgen init`, `errgen
// generate` and a commit, then runs each hook with `pre-commit try-repo`:
// pre-commit builds errgen from this checkout (language: golang) as it
// would from a release. errgen-check passes; after a message changes
// without a generate it fails naming the stale file; errgen-generate then
// fails once, having fixed the output, and passes the second time.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen under pre-commit: skipped with -short")
	}
	preCommit := testtool.Command(t, "pre-commit", "tools-debian")
	git := testtool.Command(t, "git", "tools-debian")
	root := testtool.Root(t)
	work := t.TempDir()
	errgen := filepath.Join(work, "errgen")
	testtool.Run(t, root, "go", "build", "-o", errgen, "./cmd/errgen")
	repo := filepath.Join(work, "repo")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	modcache := strings.TrimSpace(testtool.Run(t, root, "go", "env", "GOMODCACHE"))
	env := append(os.Environ(),
		// pre-commit's own cache, and identities for the commit it makes
		// of a checkout with uncommitted changes.
		"PRE_COMMIT_HOME="+filepath.Join(work, "pre-commit"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		// pre-commit gives the hook's build a GOPATH of its own; the
		// module cache stays the machine's, so nothing is downloaded twice.
		"GOMODCACHE="+modcache)
	run := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(out), code
	}
	must := func(name string, args ...string) {
		t.Helper()
		if out, code := run(name, args...); code != 0 {
			t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
		}
	}
	hook := func(id string) (string, int) {
		t.Helper()
		return run(preCommit, "try-repo", root, id, "--all-files")
	}
	must(errgen, "init")
	must(errgen, "generate")
	must(git, "init", "-q", "-b", "main")
	must(git, "add", "-A")
	must(git, "commit", "-qm", "adopt errgen")

	if out, code := hook("errgen-check"); code != 0 {
		t.Fatalf("errgen-check on a fresh repository: exit %d\n%s", code, out)
	}

	catalog := filepath.Join(repo, "codes.yaml")
	data, err := os.ReadFile(catalog)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "en: The item does not exist.", "en: No such item.", 1)
	if edited == string(data) {
		t.Fatal("the starter catalog has no message \"The item does not exist.\"")
	}
	if err := os.WriteFile(catalog, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := hook("errgen-check")
	if code == 0 || !strings.Contains(out, "out/docs/en/error/1001.md: stale") {
		t.Errorf("errgen-check after a message changed: exit %d, want a failure naming out/docs/en/error/1001.md\n%s", code, out)
	}

	out, code = hook("errgen-generate")
	if code == 0 || !strings.Contains(out, "update out/docs/en/error/1001.md") {
		t.Errorf("errgen-generate with stale output: exit %d, want a failure naming the file it fixed\n%s", code, out)
	}
	page, err := os.ReadFile(filepath.Join(repo, "out", "docs", "en", "error", "1001.md"))
	if err != nil || !strings.Contains(string(page), "No such item.") {
		t.Errorf("errgen-generate did not fix the page: %v\n%s", err, page)
	}
	if out, code := hook("errgen-generate"); code != 0 {
		t.Errorf("errgen-generate a second time: exit %d, want 0\n%s", code, out)
	}
	if out, code := hook("errgen-check"); code != 0 {
		t.Errorf("errgen-check after errgen-generate: exit %d\n%s", code, out)
	}
}
