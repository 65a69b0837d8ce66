package breaking

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// ErrNoCatalog is wrapped by LoadAgainst's error when the git revision
// exists but holds no catalog at that path: there is nothing to compare
// against, e.g. in the commit that adds codes.yaml. It matches
// fs.ErrNotExist.
var ErrNoCatalog = fmt.Errorf("no catalog at that revision: %w", fs.ErrNotExist)

// LoadAgainst loads the older catalog to compare currentPath with. spec is
// a file if one exists at that path; otherwise it is a git revision (HEAD~1,
// origin/main, a tag …), and the catalog is the file at currentPath's place
// in that revision, read with `git cat-file blob` (like `git show`, but
// never through a textconv filter) in the repository that holds
// currentPath. Positions in the result read "<rev>:<path from the repo
// top>:line:col".
func LoadAgainst(spec, currentPath string) (*catalog.Catalog, error) {
	if spec == "" {
		return nil, errors.New("no catalog to compare against: give a file or a git revision")
	}
	if _, err := os.Stat(spec); err == nil {
		return catalog.Load(spec)
	}
	if strings.HasPrefix(spec, "-") {
		return nil, fmt.Errorf("%q is neither a file nor a git revision", spec)
	}
	abs, err := filepath.Abs(currentPath)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(abs)
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%q is not a file, and %s is not in a git repository to read it as a revision from: %w", spec, currentPath, err)
	}
	rel, err := relPath(strings.TrimSpace(string(top)), abs)
	if err != nil {
		return nil, err
	}
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", spec+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%q is neither a file nor a git revision", spec)
	}
	object := spec + ":" + rel
	if _, err := git(dir, "cat-file", "-e", object); err != nil {
		return nil, fmt.Errorf("%s: %w", object, ErrNoCatalog)
	}
	data, err := git(dir, "cat-file", "blob", object)
	if err != nil {
		return nil, err
	}
	return catalog.Parse(object, data)
}

// relPath is target's slash-separated path below top, with symbolic links
// resolved on both sides (git prints the real path of the top folder).
func relPath(top, target string) (string, error) {
	realTop, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", err
	}
	realDir, err := filepath.EvalSymlinks(filepath.Dir(target))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realTop, filepath.Join(realDir, filepath.Base(target)))
	if err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("%s lies outside the repository %s", target, top)
	}
	return filepath.ToSlash(rel), nil
}

// git runs git in dir and returns its standard output; its standard error
// becomes the error.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		return nil, fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return stdout.Bytes(), nil
}
