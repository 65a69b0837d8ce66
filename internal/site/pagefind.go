package site

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// PagefindVersion is the Pagefind errgen is tested with (tools/package.json
// pins the same), the one it runs through npx when no other is found.
const PagefindVersion = "1.6.0"

// FindPagefind returns the command that runs Pagefind, looked for in
// order: the executable given (-pagefind), pagefind on PATH, then the
// pinned npm package through npx when Node.js is there. It returns nil
// when there is none: the site is then built without search.
func FindPagefind(given string) ([]string, error) {
	if given != "" {
		p, err := exec.LookPath(given)
		if err != nil {
			return nil, fmt.Errorf("site: -pagefind %s: %w", given, err)
		}
		return []string{p}, nil
	}
	if p, err := exec.LookPath("pagefind"); err == nil {
		return []string{p}, nil
	}
	if _, err := exec.LookPath("node"); err == nil {
		if npx, err := exec.LookPath("npx"); err == nil {
			return []string{npx, "--yes", "pagefind@" + PagefindVersion}, nil
		}
	}
	return nil, nil
}

// HowToAddSearch is the line printed when a site is built without search.
const HowToAddSearch = "built without search: Pagefind was not found; to add search, install Node.js (errgen then runs npx pagefind@" + PagefindVersion + "), put pagefind on PATH, or pass -pagefind PATH"

// runPagefind indexes the code pages of the site in dir. Only code pages
// carry data-pagefind-body, and their example problem body (pre) is left
// out of the index; Pagefind reads only the files where code pages lie
// ({lang}/{table}/{code}/index.html, with the tables' parts), not the
// problem type pages.
func runPagefind(ctx context.Context, pagefind []string, dir string, log io.Writer) error {
	args := append(pagefind[1:len(pagefind):len(pagefind)], "--site", dir, "--glob", "*/*/*/index.html", "--exclude-selectors", "pre", "--quiet")
	cmd := exec.CommandContext(ctx, pagefind[0], args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if log != nil {
		cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, log), io.MultiWriter(&out, log)
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("site: %s: %v\n%s", strings.Join(pagefind, " "), err, out.String())
	}
	return nil
}
