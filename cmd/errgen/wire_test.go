package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/golang"
	"github.com/errgen/errgen/internal/testtool"
)

// A probe is one way a user's handler sends one code, and what must
// happen: the response carries every obliged header ("header"), or errgen
// vet (and go vet -vettool=errgen) reports the line ("vet"), or the
// program does not compile ("compile").
type probe struct {
	code   *catalog.Code
	how    string // bare, new, wrapped, ctor, or nocompile
	expr   string // the Go expression of the error sent
	want   string // header, vet or compile
	line   int    // of the expression in its file
	col    int    // of the code's constant, for vet
	values map[string]string
}

// TestWireHeaderDuties is the user's view of issue 15: a program written
// as a user would, over the package generated from codes.yaml, runs a real
// net/http server on a port; a real client probes every code whose status
// obliges a header, and every code below 400, through the bare constant,
// New, a twice-wrapped error and the typed constructor. Per code and path
// it asserts which holds: the response carries each obliged header, or
// errgen vet reports that exact line (then the response is a 500, never the
// status without its header), or the call does not compile.
func TestWireHeaderDuties(t *testing.T) {
	if testing.Short() {
		t.Skip("builds errgen, a module and a server")
	}
	root := testtool.Root(t)
	c, err := catalog.Load(filepath.Join(root, "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	opts, err := golang.ReadOptions(c.Output.Target("go"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := golang.Emit(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(rel, data string) { testtool.WriteFile(t, dir, rel, data) }
	write("go.mod", "module example.com/wire\n\ngo 1.26\n")
	for _, f := range files {
		write("codes/"+strings.TrimPrefix(f.Path, c.Output.Target("go").Dir+"/"), string(f.Data))
	}
	probes := wireProbes(c)
	write("server/main.go", serverProgram(probes))
	write("mustfail/mustfail.go", mustFailProgram(probes))

	gocmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	errgen := filepath.Join(dir, "bin", "errgen")
	if out, err := testtool.Output(root, "go", "build", "-o", errgen, "./cmd/errgen"); err != nil {
		t.Fatalf("building errgen: %v\n%s", err, out)
	}
	server := filepath.Join(dir, "bin", "server")
	if out, err := gocmd("build", "-o", server, "./server"); err != nil {
		t.Fatalf("the server program does not build: %v\n%s", err, out)
	}

	// Compile failures: each constructor called without its header.
	out, err := gocmd("build", "-gcflags=-e", "./mustfail")
	if err == nil {
		t.Error("the mustfail program builds")
	}
	for _, p := range probes {
		if p.want == "compile" {
			want := fmt.Sprintf("mustfail.go:%d:", p.line)
			if !strings.Contains(out, want) || !strings.Contains(out, "not enough arguments in call to codes.New"+p.code.QualifiedName()) {
				t.Errorf("%s: no compile error at %s:\n%s", p.code.QualifiedName(), want, out)
			}
		}
	}

	// errgen vet, then the same analyzer through go vet.
	vetOut, vetErr := testtool.Output(dir, errgen, "vet", "./server/...")
	if code := exitCode(vetErr); code != 1 {
		t.Fatalf("errgen vet exited %d, want 1:\n%s", code, vetOut)
	}
	goVetOut, goVetErr := gocmd("vet", "-vettool="+errgen, "./server")
	if goVetErr == nil {
		t.Fatalf("go vet -vettool=errgen found nothing:\n%s", goVetOut)
	}
	want := map[string]bool{}
	for _, p := range probes {
		if p.want == "vet" {
			want[fmt.Sprintf("server/main.go:%d:%d", p.line, p.col)] = true
		}
	}
	for name, text := range map[string]string{"errgen vet": vetOut, "go vet -vettool": goVetOut} {
		got := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^(?:\./)?(server/main\.go:\d+:\d+): `).FindAllStringSubmatch(text, -1) {
			got[m[1]] = true
		}
		missing := 0
		for k := range want {
			if !got[k] {
				t.Errorf("%s does not report %s", name, k)
				missing++
			}
		}
		if missing > 0 {
			t.Logf("%s printed:\n%.2000s", name, text)
		}
		for k := range got {
			if !want[k] {
				t.Errorf("%s reports %s, which sends correctly", name, k)
			}
		}
	}

	// The server on a port and a client.
	cmd := exec.Command(server)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + strings.TrimSpace(addr)
	client := &http.Client{Timeout: 10 * time.Second}
	counts := map[string]int{}
	for i, p := range probes {
		if p.how == "nocompile" {
			counts[p.want]++
			continue
		}
		resp, err := client.Get(base + "/p/" + strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var prob struct {
			Status int `json:"status"`
			Code   int `json:"code"`
		}
		if err := json.Unmarshal(body, &prob); err != nil {
			t.Errorf("%s via %s: body is no problem: %s", p.code.QualifiedName(), p.how, body)
			continue
		}
		counts[p.want]++
		switch p.want {
		case "header":
			if resp.StatusCode != p.code.Status || prob.Code != p.code.Number {
				t.Errorf("%s via %s: status %d code %d, want %d", p.code.QualifiedName(), p.how, resp.StatusCode, prob.Code, p.code.Status)
			}
			for name, v := range p.values {
				if got := resp.Header.Get(name); got != v {
					t.Errorf("%s via %s: %s is %q, want %q", p.code.QualifiedName(), p.how, name, got, v)
				}
			}
		case "vet":
			// Reported by vet; on the wire never the status without its
			// header, nor a problem body with a status below 400.
			if resp.StatusCode != 500 || prob.Code == p.code.Number {
				t.Errorf("%s via %s: status %d, code %d; want the internal server error", p.code.QualifiedName(), p.how, resp.StatusCode, prob.Code)
			}
		}
	}
	t.Logf("probes: %d header, %d vet, %d compile", counts["header"], counts["vet"], counts["compile"])
	for _, k := range []string{"header", "vet", "compile"} {
		if counts[k] == 0 {
			t.Errorf("no probe ends in %q: codes.yaml no longer exercises it", k)
		}
	}
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	return -1
}

// wireProbes lists, per code with a header duty or a status below 400,
// its probes and what each must show; the expectation comes from the
// catalog (duties, static values), never from the generated code.
func wireProbes(c *catalog.Catalog) []*probe {
	var probes []*probe
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			if code.Client || code.Deprecated != nil {
				continue
			}
			name := "codes." + code.QualifiedName()
			if code.Status < 400 {
				for how, expr := range sends(name) {
					probes = append(probes, &probe{code: code, how: how, expr: expr, want: "vet"})
				}
				continue
			}
			static, values, args := map[string]string{}, map[string]string{}, []string{}
			var needed []string
			for _, h := range c.ObligedHeaders(code) {
				if !h.Duty() {
					continue
				}
				if h.Static != "" {
					static[h.Name] = h.Static
				} else {
					needed = append(needed, h.Name)
				}
			}
			if len(static) == 0 && len(needed) == 0 {
				continue
			}
			for _, prm := range code.Params {
				if prm.Type == catalog.ParamInt {
					args = append(args, prm.Example)
				} else {
					args = append(args, strconv.Quote(prm.Example))
				}
			}
			want := "header"
			if len(needed) > 0 {
				want = "vet"
			}
			for how, expr := range sends(name) {
				probes = append(probes, &probe{code: code, how: how, expr: expr, want: want, values: static})
			}
			if len(needed) == 0 && len(code.Params) == 0 {
				continue // no constructor: the static values cover every path
			}
			for k, v := range static {
				values[k] = v
			}
			full := slices.Clone(args)
			for _, h := range needed {
				v := "value-of-" + strings.ToLower(h)
				if strings.EqualFold(h, "Allow") {
					v = "GET, HEAD"
				}
				values[h] = v
				full = append(full, strconv.Quote(v))
			}
			ctor := "codes.New" + code.QualifiedName()
			probes = append(probes, &probe{code: code, how: "ctor", expr: ctor + "(" + strings.Join(full, ", ") + ")", want: "header", values: values})
			if len(needed) > 0 {
				probes = append(probes, &probe{code: code, how: "nocompile", expr: ctor + "(" + strings.Join(args, ", ") + ")", want: "compile"})
			}
		}
	}
	return probes
}

// sends are the ways to send a bare code, in a fixed order.
func sends(name string) func(yield func(string, string) bool) {
	return func(yield func(string, string) bool) {
		_ = yield("bare", name) &&
			yield("new", "codes.New("+name+")") &&
			yield("wrapped", `fmt.Errorf("handler: %w", fmt.Errorf("store: %w", `+name+`))`)
	}
}

// serverProgram is the user's program: one handler per probe, then a
// server on a free port whose address it prints.
func serverProgram(probes []*probe) string {
	lines := []string{
		"package main", "",
		"import (", `	"fmt"`, `	"net"`, `	"net/http"`, "", `	"example.com/wire/codes"`, ")", "",
		"func main() {",
		"	mux := http.NewServeMux()",
	}
	for i, p := range probes {
		if p.how == "nocompile" {
			continue
		}
		lines = append(lines, fmt.Sprintf("	mux.HandleFunc(\"/p/%d\", func(w http.ResponseWriter, r *http.Request) {", i))
		text := "		codes.WriteProblem(w, r, " + p.expr + ")"
		lines = append(lines, text)
		p.line = len(lines)
		p.col = strings.LastIndex(text, "codes."+p.code.QualifiedName()) + 1
		lines = append(lines, "	})")
	}
	lines = append(lines,
		`	ln, err := net.Listen("tcp", "127.0.0.1:0")`,
		"	if err != nil {", "		panic(err)", "	}",
		"	fmt.Println(ln.Addr())",
		"	panic(http.Serve(ln, mux))",
		"}", "")
	return strings.Join(lines, "\n")
}

// mustFailProgram calls each constructor without the header it takes.
func mustFailProgram(probes []*probe) string {
	lines := []string{"package mustfail", "", `import "example.com/wire/codes"`, "", "var ("}
	for _, p := range probes {
		if p.how == "nocompile" {
			lines = append(lines, "	_ = "+p.expr)
			p.line = len(lines)
		}
	}
	return strings.Join(append(lines, ")", ""), "\n")
}
