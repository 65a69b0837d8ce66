package golang

import (
	"strconv"
	"strings"

	"github.com/errgen/errgen/internal/catalog"
)

// handle is the Go target's catalog.Target.Handle: the lines a server
// writes to recognise a code in an error chain and to send it. The names
// are the ones this package emits (constants, constructorName, ctorOf),
// so the docs cannot show a name the generated package lacks; the
// snippet test in internal/render compiles them against it.
func handle(c *catalog.Catalog, tc *catalog.TargetConfig) (func(*catalog.Code) *catalog.Snippet, error) {
	o, err := ReadOptions(tc)
	if err != nil {
		return nil, err
	}
	// ctorOf caches per status in a map: ask it for every code here, once,
	// since the docs call the snippet from many goroutines.
	g := &gen{c: c, byStatus: map[int]obligation{}}
	snippets := map[*catalog.Code]*catalog.Snippet{}
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			if code.IsProblem() {
				snippets[code] = &catalog.Snippet{Name: "Go", Lang: "go", Source: goSnippet(o.Package, code, g.ctorOf(code))}
			}
		}
	}
	return func(code *catalog.Code) *catalog.Snippet { return snippets[code] }, nil
}

// goSnippet is the snippet of a problem code: errors.Is against its
// constant, then WriteProblem with the constant, or with its constructor
// called on the catalog's examples where the code needs one.
func goSnippet(pkg string, c *catalog.Code, k *ctor) string {
	name := pkg + "." + c.QualifiedName()
	send := name
	if k != nil {
		var args []string
		for _, p := range k.params {
			if p.Type == catalog.ParamInt {
				args = append(args, p.Example)
			} else {
				args = append(args, strconv.Quote(p.Example))
			}
		}
		for _, h := range k.headers {
			args = append(args, strconv.Quote(headerExample(h)))
		}
		if k.retry != "" { // optional where the status says MAY: shown, as how to set it
			args = append(args, pkg+".RetryAfterDelay(30*time.Second)")
		}
		send = pkg + "." + constructorName(c) + "(" + strings.Join(args, ", ") + ")"
	}
	return "if errors.Is(err, " + name + ") {\n\t// …\n}\n" + pkg + ".WriteProblem(w, r, " + send + ")"
}

// headerExample is a value of an obliged header for a snippet: RFC 9110's
// example where it gives one.
func headerExample(name string) string {
	switch strings.ToLower(name) {
	case "allow":
		return "GET, HEAD, PUT"
	case "upgrade":
		return "HTTP/2.0"
	case "www-authenticate":
		return `Bearer realm="example"`
	case "proxy-authenticate":
		return `Basic realm="example"`
	}
	return "…"
}
