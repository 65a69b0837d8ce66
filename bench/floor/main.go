// Command floor is the I/O floor errgen's generation marks are judged
// against: the least any generator of the same files must do, with none
// of errgen's rendering. make bench runs it interleaved with errgen.
//
//	floor read -f codes.yaml -dir out
//	    decode the catalog with yaml.v3 into a node tree (what a loader
//	    that reports file:line:column needs), then read every file under
//	    out: what regenerating costs at least, without rewriting files
//	    that did not change
//	floor pack -dir out -o out.pack
//	    store every file under out in one file, for write
//	floor write -f codes.yaml -pack out.pack -dir out
//	    decode the catalog the same way, read the pack (one file), then
//	    write every file of it under out: what a first generation costs
//	    at least
//
// Files are read and written on 8 goroutines, so that system calls
// overlap as they do in errgen, each file whole, with no temporary files,
// no renames and no comparison.
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/parallel"
)

const workers = 8

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return errors.New("usage: floor read|pack|write [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	file := fs.String("f", "codes.yaml", "catalog to decode")
	dir := fs.String("dir", "out", "output folder")
	pack := fs.String("pack", "", "pack file (write)")
	out := fs.String("o", "", "pack file to create (pack)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch args[0] {
	case "read":
		if err := decode(*file); err != nil {
			return err
		}
		return readAll(*dir)
	case "pack":
		return writePack(*dir, *out)
	case "write":
		if err := decode(*file); err != nil {
			return err
		}
		return unpack(*pack, *dir)
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func decode(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var root yaml.Node
	return yaml.Unmarshal(data, &root)
}

// list walks dir as errgen's writer does, skipping dot folders and
// node_modules.
func list(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	return paths, err
}

func readAll(dir string) error {
	paths, err := list(dir)
	if err != nil {
		return err
	}
	errs := make([]error, len(paths))
	parallel.For(len(paths), workers, func(i int) {
		_, errs[i] = os.ReadFile(paths[i])
	})
	return errors.Join(errs...)
}

// A pack is, per file: the path's length and the data's length as
// uvarints, then the path (relative to the output folder) and the data.
func writePack(dir, out string) error {
	paths, err := list(dir)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		w.Write(binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(rel))), uint64(len(data))))
		w.WriteString(rel)
		w.Write(data)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

type packed struct {
	path string
	data []byte
}

func unpack(pack, dir string) error {
	all, err := os.ReadFile(pack)
	if err != nil {
		return err
	}
	var files []packed
	dirs := map[string]bool{}
	for len(all) > 0 {
		pl, n := binary.Uvarint(all)
		if n <= 0 {
			return errors.New("bad pack")
		}
		all = all[n:]
		dl, n := binary.Uvarint(all)
		if n <= 0 || uint64(len(all)-n) < pl+dl {
			return errors.New("bad pack")
		}
		all = all[n:]
		p := filepath.Join(dir, string(all[:pl]))
		files = append(files, packed{p, all[pl : pl+dl]})
		dirs[filepath.Dir(p)] = true
		all = all[pl+dl:]
	}
	for d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	errs := make([]error, len(files))
	parallel.For(len(files), workers, func(i int) {
		errs[i] = os.WriteFile(files[i].path, files[i].data, 0o644)
	})
	return errors.Join(errs...)
}
