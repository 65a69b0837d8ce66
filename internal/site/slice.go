package site

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SlicePages is the most pages one hugo run builds. Hugo 0.111 keeps
// about 50 KB per page until its build ends; 6 000 pages stay under half
// a gigabyte whatever the catalog's size.
const SlicePages = 6000

// sliceContent splits the content folder's pages into slices of at most
// max pages, in path order (a table's codes stay together). Each slice
// also lists the files every slice needs: the sections' _index.md (the
// folders' pages) and what is not a page (site.json). It returns the
// folders that have an _index.md ("." for the root's) too.
func sliceContent(docs string, max int) (slices [][]string, sections map[string]bool, err error) {
	var shared, pages []string
	sections = map[string]bool{}
	err = filepath.WalkDir(docs, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(docs, p)
		if err != nil {
			return err
		}
		if d.Name() == "_index.md" {
			sections[filepath.ToSlash(filepath.Dir(rel))] = true
		}
		if d.Name() == "_index.md" || !strings.HasSuffix(d.Name(), ".md") {
			shared = append(shared, rel)
		} else {
			pages = append(pages, rel)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("site: %w", err)
	}
	for len(pages) > 0 || slices == nil {
		n := min(max, len(pages))
		slices = append(slices, append(append([]string(nil), shared...), pages[:n]...))
		pages = pages[n:]
	}
	return slices, sections, nil
}

// linkFiles puts the files (paths relative to from) into the folder to,
// as hard links where the file system allows, else as copies.
func linkFiles(from, to string, files []string) error {
	made := map[string]bool{}
	for _, rel := range files {
		src, dst := filepath.Join(from, rel), filepath.Join(to, rel)
		if dir := filepath.Dir(dst); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("site: %w", err)
			}
			made[dir] = true
		}
		if err := os.Link(src, dst); err == nil {
			continue
		}
		if err := copyFile(src, dst); err != nil {
			return fmt.Errorf("site: %w", err)
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// emptyDir makes dir an empty folder: the site of an earlier build goes.
func emptyDir(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("site: %w", err)
	}
	return nil
}
