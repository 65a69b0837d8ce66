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
	"strings"
)

// CheckLinks checks that every link and script of the built site that
// points into it under basePath ("/codes") leads to a file: a folder's
// link to its index.html. The layouts make links from the Markdown's
// paths, without seeing the linked page (slices, see Build); this is
// where a dead one fails the build. It reads the attributes html/template
// and goldmark write: href="…" and src="…", double-quoted.
func CheckLinks(dist, basePath string) error {
	var dead []string
	seen := map[string]bool{}
	prefix := basePath + "/"
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
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
				if seen[link] || !strings.HasPrefix(link, prefix) || strings.HasPrefix(link, "//") {
					continue
				}
				seen[link] = true
				if !leadsToFile(dist, strings.TrimPrefix(link, basePath)) {
					rel, _ := filepath.Rel(dist, p)
					dead = append(dead, fmt.Sprintf("%s: %s", filepath.ToSlash(rel), link))
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if len(dead) > 0 {
		more := ""
		if len(dead) > 20 {
			more = fmt.Sprintf("\n… and %d more", len(dead)-20)
			dead = dead[:20]
		}
		return fmt.Errorf("site: dead links (no such page in the built site):\n%s%s", strings.Join(dead, "\n"), more)
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
