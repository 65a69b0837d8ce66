package site

import (
	"bytes"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/errgen/errgen/internal/parallel"
)

// CheckLinks checks that every link and script of the built site that
// points into it under basePath ("/codes") leads to a file: a folder's
// link to its index.html. It reads the attributes html/template and
// goldmark write: href="…" and src="…", double-quoted.
func CheckLinks(dist, basePath string) error {
	return links(dist, basePath, nil)
}

// links checks the links of the built site as CheckLinks does; with
// sections (resolveLinks), it first resolves errgen's relative .md links
// in each page. The pages are read and written on every processor.
func links(dist, basePath string, sections map[string]bool) error {
	var pages []string
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	var (
		mu   sync.Mutex
		from = map[string]string{} // link → the first page that has it
		errs = make([]error, len(pages))
	)
	parallel.For(len(pages), runtime.GOMAXPROCS(0), func(i int) {
		found := map[string]string{}
		if errs[i] = pageLinks(dist, basePath, sections, pages[i], found); errs[i] != nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		for link, page := range found {
			if old, ok := from[link]; !ok || page < old {
				from[link] = page
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	var dead []string
	for link, page := range from {
		if !leadsToFile(dist, strings.TrimPrefix(link, basePath)) {
			rel, _ := filepath.Rel(dist, page)
			dead = append(dead, fmt.Sprintf("%s: %s", filepath.ToSlash(rel), link))
		}
	}
	if len(dead) > 0 {
		slices.Sort(dead)
		more := ""
		if len(dead) > 20 {
			more = fmt.Sprintf("\n… and %d more", len(dead)-20)
			dead = dead[:20]
		}
		return fmt.Errorf("site: dead links (no such page in the built site):\n%s%s", strings.Join(dead, "\n"), more)
	}
	return nil
}

// pageLinks adds the links of one page under basePath to from (with
// sections, after resolving its .md links: resolveLinks).
func pageLinks(dist, basePath string, sections map[string]bool, page string, from map[string]string) error {
	data, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	if sections != nil && filepath.Base(page) == "index.html" {
		rel, err := filepath.Rel(dist, filepath.Dir(page))
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(rel)
		if !sections[dir] {
			dir = path.Dir(dir)
		}
		if out, changed := rewriteHrefs(data, func(link string) (string, bool) { return pageURL(basePath, dir, link) }); changed {
			if err := os.WriteFile(page, out, 0o644); err != nil {
				return err
			}
			data = out
		}
	}
	prefix := basePath + "/"
	for _, attr := range [][]byte{[]byte(` href="`), []byte(` src="`)} {
		rest := data
		for {
			i := bytes.Index(rest, attr)
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			j := bytes.IndexByte(rest, '"')
			if j < 0 {
				break
			}
			link := html.UnescapeString(string(rest[:j]))
			rest = rest[j:]
			if _, ok := from[link]; !ok && strings.HasPrefix(link, prefix) && !strings.HasPrefix(link, "//") {
				from[link] = page
			}
		}
	}
	return nil
}

// leadsToFile reports whether the site path ("/en/error/2003/") is a
// file of dist, a folder's being its index.html.
func leadsToFile(dist, link string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	p := path.Clean(u.Path)
	if strings.HasSuffix(u.Path, "/") {
		p = path.Join(p, "index.html")
	}
	info, err := os.Stat(filepath.Join(dist, filepath.FromSlash(p)))
	return err == nil && !info.IsDir()
}

// resolveLinks turns errgen's relative .md links in the built pages into
// the linked pages' URLs under basePath, then checks every link
// (CheckLinks). Goldmark writes a link as the Markdown has it
// (href="../http/409.md"); the page of X.md is X/index.html and of
// D/_index.md D/index.html (sections: the folders with an _index.md), so
// a link resolves against its Markdown file's folder. Done here, in the
// one pass over the pages the check makes anyway, rather than by a Hugo
// link render hook: the hook ran for each of the 180 000 links of a
// 10 000-code site and cost Hugo a quarter of its CPU. Links that are not
// relative .md links stay as they are.
func resolveLinks(dist, basePath string, sections map[string]bool) error {
	if sections == nil {
		sections = map[string]bool{}
	}
	return links(dist, basePath, sections)
}

// pageURL is the URL of the page a relative .md link from the Markdown
// folder from leads to; false for any other link.
func pageURL(basePath, from, link string) (string, bool) {
	if strings.Contains(link, ":") || strings.HasPrefix(link, "/") {
		return "", false
	}
	rel, frag, hasFrag := strings.Cut(link, "#")
	rel, err := url.PathUnescape(rel)
	if err != nil || !strings.HasSuffix(rel, ".md") {
		return "", false
	}
	target := strings.TrimSuffix(path.Join(from, rel), ".md")
	if path.Base(target) == "_index" {
		target = path.Dir(target)
	}
	u := basePath + "/"
	if target != "." {
		u += target + "/"
	}
	u = (&url.URL{Path: u}).EscapedPath()
	if hasFrag {
		u += "#" + frag
	}
	return u, true
}

// rewriteHrefs replaces the value of every href="…" in an HTML page for
// which to says so (it gets and gives the value unescaped).
func rewriteHrefs(page []byte, to func(string) (string, bool)) ([]byte, bool) {
	attr := []byte(` href="`)
	var out []byte
	rest, done := page, 0
	for {
		i := bytes.Index(rest, attr)
		if i < 0 {
			break
		}
		start := len(page) - len(rest) + i + len(attr)
		j := bytes.IndexByte(page[start:], '"')
		if j < 0 {
			break
		}
		rest = page[start+j:]
		if link, ok := to(html.UnescapeString(string(page[start : start+j]))); ok {
			out = append(append(out, page[done:start]...), html.EscapeString(link)...)
			done = start + j
		}
	}
	if out == nil {
		return page, false
	}
	return append(out, page[done:]...), true
}
