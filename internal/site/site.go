// Package site builds the docs site from the Markdown errgen writes: Hugo
// renders the pages with the project's layouts (site/), then Pagefind
// indexes the code pages for a search that downloads only the index
// chunks a query needs. Both tools are the pinned ones `make tools`
// installs; bench/RESULTS.md says why these two.
package site

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Options name the folders and tools of one build.
type Options struct {
	Site     string // the Hugo project: hugo.toml, layouts/, static/ (the repository's site/)
	Docs     string // the Markdown errgen wrote (output.markdown.dir), with its site.json
	Out      string // the built site; emptied first
	Hugo     string // the hugo executable
	Pagefind string // the pagefind executable
	Log      io.Writer
	// SlicePages is the most pages one hugo run builds (0: SlicePages).
	SlicePages int
}

// Manifest is the part of site.json the build reads.
type Manifest struct {
	BaseURL string `json:"baseURL"`
}

// ReadManifest reads site.json from a docs folder.
func ReadManifest(docs string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(docs, "site.json"))
	if err != nil {
		return m, fmt.Errorf("site: %w (run errgen generate with output.markdown on)", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("site: %s: %w", filepath.Join(docs, "site.json"), err)
	}
	if _, err := url.Parse(m.BaseURL); err != nil || m.BaseURL == "" {
		return m, fmt.Errorf("site: %s: baseURL %q is not a URL", filepath.Join(docs, "site.json"), m.BaseURL)
	}
	return m, nil
}

// BasePath is the path the site is served under: the path of docs.base_url,
// "/codes" for https://docs.example.com/codes ("" at the host's root).
func (m Manifest) BasePath() string {
	u, err := url.Parse(m.BaseURL)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}

// Build renders the site into o.Out. The pages link each other under the
// base path of docs.base_url, every page is a folder's index.html, and the
// search index lies in o.Out/pagefind.
func Build(ctx context.Context, o Options) error {
	m, err := ReadManifest(o.Docs)
	if err != nil {
		return err
	}
	// Hugo's page reader takes a first-line HTML comment (errgen's marker,
	// when no front matter precedes it) for an unclosed one and stops.
	head := make([]byte, 4)
	if f, err := os.Open(filepath.Join(o.Docs, "_index.md")); err != nil {
		return fmt.Errorf("site: %w (run errgen generate)", err)
	} else {
		_, _ = io.ReadFull(f, head)
		f.Close()
	}
	if !bytes.Equal(head, []byte("---\n")) {
		return fmt.Errorf("site: %s has no front matter; the docs site needs output.markdown.front_matter: true in codes.yaml", filepath.Join(o.Docs, "_index.md"))
	}
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	out := abs(o.Out)
	if err := emptyDir(out); err != nil {
		return err
	}
	per := o.SlicePages
	if per <= 0 {
		per = SlicePages
	}
	slices, sections, err := sliceContent(o.Docs, per)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "errgen-site-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	// Hugo holds every page of a build in memory, about 50 KB each: the
	// site is built in slices of at most SlicePages pages, one hugo run
	// each into the same folder, so its memory does not grow with the
	// catalog. Every slice has every _index.md, site.json and the static
	// files; those pages come out the same from each slice, as no page
	// reads another (the layouts make links from paths).
	for i, files := range slices {
		content := filepath.Join(work, fmt.Sprintf("slice%d", i))
		if err := linkFiles(o.Docs, content, files); err != nil {
			return err
		}
		hugo := exec.CommandContext(ctx, o.Hugo,
			"--source", abs(o.Site),
			"--contentDir", content,
			"--destination", out,
			"--baseURL", strings.TrimSuffix(m.BaseURL, "/")+"/",
			"--noBuildLock", "--quiet", "--panicOnWarning",
		)
		if err := run(hugo, o.Log); err != nil {
			return err
		}
		if err := os.RemoveAll(content); err != nil {
			return err
		}
	}
	// Only code pages carry data-pagefind-body; their example problem
	// body (pre) is left out of the index. Pagefind reads only the files
	// where code pages lie ({lang}/{table}/{code}/index.html, with the
	// tables' parts), not the 10 000 problem type pages of N = 10 000.
	pagefind := exec.CommandContext(ctx, o.Pagefind, "--site", out, "--glob", "*/*/*/index.html", "--exclude-selectors", "pre", "--quiet")
	if err := run(pagefind, o.Log); err != nil {
		return err
	}
	return resolveLinks(out, m.BasePath(), sections)
}

func run(cmd *exec.Cmd, log io.Writer) error {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if log != nil {
		cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, log), io.MultiWriter(&out, log)
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("site: %s: %v\n%s", filepath.Base(cmd.Path), err, out.String())
	}
	return nil
}

// MaxPageBytes bounds the HTML of every page of the site, whatever the
// size of the catalog: no page lists every code.
const MaxPageBytes = 100 << 10
