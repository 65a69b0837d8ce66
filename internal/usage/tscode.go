package usage

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/typescript"
)

// scanScript is run by node with the TypeScript compiler API; see its
// header for what it reads and prints.
//
//go:embed scan.cjs
var scanScript []byte

type tsUse struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Col       int    `json:"col"`
	Container string `json:"container"`
	Member    string `json:"member"`
	Value     int    `json:"value"`
}

// scanTS runs the scan script over the project in opt.TSDir and maps what
// it finds to the catalog: the enum or const object names a table's type,
// the member's value is the code's number.
func scanTS(c *catalog.Catalog, opt Options) ([]Use, int, error) {
	target := c.Output.Target(typescript.Target.Name)
	if target == nil {
		return nil, 0, fmt.Errorf("%s: the catalog has no output.typescript, so there is no npm package to look for", c.Path)
	}
	ts, err := typescript.ReadOptions(target)
	if err != nil {
		return nil, 0, err
	}
	project := opt.TSDir
	if !filepath.IsAbs(project) {
		project = filepath.Join(opt.Dir, project)
	}
	name := ts.PackageName
	cfg, err := json.Marshal(map[string]any{"project": project, "typescript": opt.TypeScript, "packages": []string{name}})
	if err != nil {
		return nil, 0, err
	}
	node := opt.Node
	if node == "" {
		node = "node"
	}
	cmd := exec.Command(node, "-", string(cfg))
	cmd.Dir = opt.Dir
	cmd.Stdin = bytes.NewReader(scanScript)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, 0, fmt.Errorf("-ts needs Node.js: %w", err)
		}
		return nil, 0, fmt.Errorf("scanning the TypeScript project %s: %v\n%s", opt.TSDir, err, strings.TrimSpace(stderr.String()))
	}
	var out struct {
		Files int     `json:"files"`
		Uses  []tsUse `json:"uses"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, 0, fmt.Errorf("scanning the TypeScript project %s: %v", opt.TSDir, err)
	}
	tables := map[string]*catalog.Table{}
	for _, t := range c.Tables {
		tables[t.TypeName] = t
	}
	var uses []Use
	for _, u := range out.Uses {
		t := tables[u.Container]
		if t == nil {
			continue // another const object of the package, such as a lookup table
		}
		code := codeOf(t, u.Value)
		if code == nil {
			return nil, 0, fmt.Errorf("%s:%d:%d: %s.%s is %d, which %s does not have: the installed %s is older or newer than the catalog; regenerate it",
				relative(opt.Dir, u.File), u.Line, u.Col, u.Container, u.Member, u.Value, c.Path, name)
		}
		uses = append(uses, Use{Code: code, Lang: TS, Pos: catalog.Pos{File: relative(opt.Dir, u.File), Line: u.Line, Column: u.Col}})
	}
	return uses, out.Files, nil
}
