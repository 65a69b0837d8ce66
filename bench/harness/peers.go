package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/typescript"
)

// sampleSize is how many error codes the run-time benchmarks cycle through.
const sampleSize = 1024

// runPeers writes, from one catalog, what the peers get in errgen's place:
// the same codes as a plain Go const block (for stringer), as a proto enum
// (for protoc-gen-go) and as a plain TypeScript enum with one message map;
// and, for the run-time benchmarks, hand-written-style lookup maps and the
// sample of codes to cycle through.
func runPeers(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("peers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "codes.yaml", "catalog")
	goDir := fs.String("go", "", "folder for consts.go, the const block stringer reads")
	proto := fs.String("proto", "", "file for the proto enums")
	ts := fs.String("ts", "", "folder for the plain TypeScript project (codes.ts, consumer.ts, tsconfig.json)")
	tsErrgen := fs.String("ts-errgen", "", "folder for a TypeScript project consuming errgen's package from node_modules (consumer.ts, tsconfig.json)")
	hand := fs.String("hand", "", "folder for package hand, the map[int]string lookups")
	data := fs.String("benchdata", "", "folder for package benchdata, the codes the run-time benchmarks cycle through")
	codesImport := fs.String("codes-import", "errgenbench/gen/codes", "import path of errgen's generated package, for -benchdata")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	c, err := catalog.Load(*file)
	if err != nil {
		fmt.Fprintf(stderr, "peers: %v\n", err)
		return 1
	}
	var errs []error
	if *goDir != "" {
		errs = append(errs, writeGo(filepath.Join(*goDir, "consts.go"), constBlock(c, filepath.Base(*goDir))))
	}
	if *proto != "" {
		errs = append(errs, write(*proto, protoEnums(c)))
	}
	if *ts != "" {
		code, consumer := plainTS(c)
		errs = append(errs,
			write(filepath.Join(*ts, "codes.ts"), code),
			write(filepath.Join(*ts, "consumer.ts"), consumer),
			write(filepath.Join(*ts, "tsconfig.json"), []byte(tsconfig)),
			write(filepath.Join(*ts, "package.json"), []byte(`{"private": true, "type": "module"}`+"\n")))
	}
	if *tsErrgen != "" {
		if c.Output.Target(typescript.Target.Name) == nil {
			errs = append(errs, errors.New("-ts-errgen: the catalog has no TypeScript target"))
		} else {
			errs = append(errs,
				write(filepath.Join(*tsErrgen, "consumer.ts"), errgenConsumer(c)),
				write(filepath.Join(*tsErrgen, "tsconfig.json"), []byte(tsconfig)),
				write(filepath.Join(*tsErrgen, "package.json"), []byte(`{"private": true, "type": "module"}`+"\n")))
		}
	}
	if *hand != "" {
		errs = append(errs, writeGo(filepath.Join(*hand, "hand.go"), handMaps(c)))
	}
	if *data != "" {
		src, err := benchData(c, *codesImport)
		errs = append(errs, err)
		if err == nil {
			errs = append(errs, writeGo(filepath.Join(*data, "data.go"), src))
		}
	}
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintf(stderr, "peers: %v\n", err)
		return 1
	}
	return 0
}

func write(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func writeGo(path string, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return write(path, out)
}

// constBlock is what a team without errgen writes: a named int type per
// table and its constants, no methods. stringer adds String.
func constBlock(c *catalog.Catalog, pkg string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Package %s holds the catalog's codes as plain constants, for stringer.\npackage %s\n", pkg, pkg)
	for _, t := range c.Tables {
		fmt.Fprintf(&b, "\ntype %s int\n\nconst (\n", t.TypeName)
		for _, code := range t.Codes {
			fmt.Fprintf(&b, "\t%s %s = %d\n", code.QualifiedName(), t.TypeName, code.Number)
		}
		b.WriteString(")\n")
	}
	return b.Bytes()
}

// protoEnums is the catalog as proto3 enums: values named TYPE_NAME_ID in
// upper snake case (enum values share the package's scope), each with its
// English message as comment, deprecated ones marked.
func protoEnums(c *catalog.Catalog) []byte {
	var b bytes.Buffer
	b.WriteString("syntax = \"proto3\";\n\npackage bench.codes;\n\noption go_package = \"errgenbench/peers/codespb\";\n")
	for _, t := range c.Tables {
		prefix := upperSnake(t.TypeName) + "_"
		fmt.Fprintf(&b, "\n// %s\nenum %s {\n  %sUNSPECIFIED = 0;\n", oneLine(t.Title.Get(c.Default)), t.TypeName, prefix)
		seen := map[string]bool{prefix + "UNSPECIFIED": true}
		for _, code := range t.Codes {
			if code.Number == 0 {
				continue
			}
			name := prefix + upperSnake(code.ID)
			for seen[name] {
				name += "_" + strconv.Itoa(code.Number)
			}
			seen[name] = true
			opt := ""
			if code.Deprecated != nil {
				opt = " [deprecated = true]"
			}
			fmt.Fprintf(&b, "  // %s\n  %s = %d%s;\n", oneLine(code.Message.Text.Get(c.Default)), name, code.Number, opt)
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// upperSnake turns AccountURLOutOfRange into ACCOUNT_URL_OUT_OF_RANGE.
func upperSnake(id string) string {
	r := []rune(id)
	var b strings.Builder
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) ||
			(i+1 < len(r) && unicode.IsLower(r[i+1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

const tsconfig = `{
  "compilerOptions": {
    "target": "es2022",
    "lib": ["es2022"],
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "types": [],
    "strict": true,
    "skipLibCheck": false,
    "noEmit": true
  },
  "files": ["consumer.ts"]
}
`

// plainTS is the catalog as a TypeScript team writes it by hand: an enum
// per table and one map from number to English message. consumer.ts uses
// both, as the consumer of errgen's package uses its enum.
func plainTS(c *catalog.Catalog) (code, consumer []byte) {
	var b bytes.Buffer
	b.WriteString("// The catalog as plain TypeScript: one enum per table, one message map.\n")
	for _, t := range c.Tables {
		fmt.Fprintf(&b, "\nexport enum %s {\n", t.TypeName)
		for _, code := range t.Codes {
			fmt.Fprintf(&b, "  %s = %d,\n", code.ID, code.Number)
		}
		b.WriteString("}\n")
	}
	b.WriteString("\nexport const messages: Readonly<Record<number, string>> = {\n")
	for _, t := range c.Tables {
		for _, code := range t.Codes {
			key := strconv.Itoa(code.Number)
			if code.Number < 0 {
				key = "[" + key + "]"
			}
			fmt.Fprintf(&b, "  %s: %s,\n", key, jsString(code.Message.Text.Get(c.Default)))
		}
	}
	b.WriteString("};\n")
	first := errorTable(c)
	consumer = fmt.Appendf(nil, `import { %[1]s, messages } from "./codes.js";

export const code: %[1]s = %[1]s.%[2]s;
export const message: string | undefined = messages[code];
`, first.TypeName, first.Codes[0].ID)
	return b.Bytes(), consumer
}

// errgenConsumer uses errgen's package the way consumer.ts of plainTS
// uses the plain enum.
func errgenConsumer(c *catalog.Catalog) []byte {
	t := errorTable(c)
	ts, _ := typescript.ReadOptions(c.Output.Target(typescript.Target.Name))
	return fmt.Appendf(nil, `import { %[1]s } from %[2]q;

export const code: %[1]s = %[1]s.%[3]s;
`, t.TypeName, ts.PackageName, t.Codes[0].ID)
}

func errorTable(c *catalog.Catalog) *catalog.Table {
	if t := c.Table(catalog.KindError); t != nil {
		return t
	}
	return c.Tables[len(c.Tables)-1]
}

func jsString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// handMaps is the lookup a team writes without a generator: maps from the
// error code's number to its name, status and message, and from wire name
// to number.
func handMaps(c *catalog.Catalog) []byte {
	t := c.Table(catalog.KindError)
	var b bytes.Buffer
	b.WriteString("// Package hand is the error table as plain maps, the baseline of the run-time benchmarks.\npackage hand\n\n")
	b.WriteString("var Name = map[int]string{\n")
	for _, code := range t.Codes {
		fmt.Fprintf(&b, "%d: %q,\n", code.Number, code.ID)
	}
	b.WriteString("}\n\nvar Status = map[int]int{\n")
	for _, code := range t.Codes {
		fmt.Fprintf(&b, "%d: %d,\n", code.Number, code.Status)
	}
	b.WriteString("}\n\nvar Message = map[string]map[int]string{\n")
	for _, l := range c.Languages {
		fmt.Fprintf(&b, "%q: {\n", l.Tag)
		for _, code := range t.Codes {
			fmt.Fprintf(&b, "%d: %q,\n", code.Number, code.Message.Text.Get(l.Tag))
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\nvar ByWire = map[string]int{\n")
	seen := map[string]bool{}
	for _, code := range t.Codes {
		if !seen[code.Wire] {
			seen[code.Wire] = true
			fmt.Fprintf(&b, "%q: %d,\n", code.Wire, code.Number)
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// benchData is the sample of error codes the run-time benchmarks cycle
// through (spread evenly over the table), their wire names, and a call of
// the constructor of the first code with one int placeholder.
func benchData(c *catalog.Catalog, codesImport string) ([]byte, error) {
	t := c.Table(catalog.KindError)
	if t == nil || len(t.Codes) == 0 {
		return nil, errors.New("the catalog has no error codes")
	}
	var numbers, wires []string
	for i := 0; i < sampleSize; i++ {
		code := t.Codes[i*len(t.Codes)/sampleSize]
		numbers = append(numbers, strconv.Itoa(code.Number))
		wires = append(wires, strconv.Quote(code.Wire))
	}
	var ctor *catalog.Code
	for _, code := range t.Codes {
		if code.Deprecated == nil && len(code.Params) == 1 && code.Params[0].Type == catalog.ParamInt && len(c.ObligedHeaders(code)) == 0 {
			ctor = code
			break
		}
	}
	if ctor == nil {
		return nil, errors.New("no error code with one int placeholder and no headers")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Package benchdata is the sample of error codes the run-time benchmarks use.\npackage benchdata\n\nimport %q\n\n", codesImport)
	fmt.Fprintf(&b, "// Numbers are %d error codes spread evenly over the table.\nvar Numbers = [...]int{%s}\n\n", sampleSize, strings.Join(numbers, ", "))
	fmt.Fprintf(&b, "// Wires are their wire names.\nvar Wires = [...]string{%s}\n\n", strings.Join(wires, ", "))
	fmt.Fprintf(&b, "// NewWithParam builds the Error of %d %s, whose message has one placeholder.\nfunc NewWithParam() error { return codes.New%s(%s) }\n",
		ctor.Number, ctor.ID, ctor.ID, ctor.Params[0].Example)
	return b.Bytes(), nil
}
