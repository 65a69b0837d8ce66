package catalog_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/testtool"
	"gopkg.in/yaml.v3"
)

// TestBroken loads every case folder under testdata/broken and compares
// the diagnostics with the case's expected stderr, position by position.
func TestBroken(t *testing.T) {
	dirs, err := filepath.Glob("testdata/broken/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 20 {
		t.Fatalf("only %d broken cases", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "codes.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			got := loadError(t, data)
			testtool.Golden(t, filepath.Join(dir, "stderr"), got, *testtool.Update)
		})
	}
}

func loadError(t *testing.T, data []byte) string {
	t.Helper()
	_, err := catalog.Parse("codes.yaml", data)
	if err == nil {
		t.Fatal("the catalog loaded, but it is broken")
	}
	var diags catalog.Diagnostics
	if !errors.As(err, &diags) {
		t.Fatalf("error is %T, not Diagnostics: %v", err, err)
	}
	for _, d := range diags {
		if !strings.HasPrefix(d.String(), "codes.yaml:") || d.Pos.Line < 1 || d.Pos.Column < 1 {
			t.Errorf("diagnostic without a position: %s", d)
		}
	}
	return err.Error() + "\n"
}

// TestTenMegabytes feeds a 10 MB catalog: one message far beyond the text
// limit. It must fail fast with a position, not hang or run out of memory.
func TestTenMegabytes(t *testing.T) {
	base, err := os.ReadFile("testdata/broken/unknown_key/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("가나다라마바사아자차", 10<<20/30)
	data := bytes.Replace(base, []byte("The channel does not exist."), []byte(huge), 1)
	data = bytes.Replace(data, []byte("      colour: red\n"), nil, 1)
	data = bytes.Replace(data, []byte("      retriable: true\n"), nil, 1)
	if len(data) < 10<<20 {
		t.Fatalf("fixture is only %d bytes", len(data))
	}
	got := loadError(t, data)
	want := "codes.yaml:28:21: message in en is 10485750 bytes long; the limit is 65536; shorten it or move the detail to the docs\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSmallFixture(t *testing.T) {
	c, err := catalog.Load("../../testdata/catalogs/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, table := range c.Tables {
		for _, code := range table.Codes {
			got = append(got, code.QualifiedName())
		}
	}
	want := "HTTPTimeout HTTPConnectionErr HTTPOK HTTPBadRequest HTTPUnauthorized HTTPNotFound HTTPContentTooLarge HTTPTooManyRequests HTTPInternalServerError HTTPServiceUnavailable " +
		"ResponseOK ResponseRoomNotFound InternalServerError InternalServerError1004 TooManyRequests ChannelNotFound FileSizeLimitExceeded"
	if strings.Join(got, " ") != want {
		t.Errorf("codes in order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	dep := c.Table(catalog.KindError).Lookup(1004).Deprecated
	if dep == nil || dep.Replacement == nil || dep.Replacement.Number != 1003 {
		t.Errorf("1004 should be deprecated in favour of 1003, got %+v", dep)
	}
	msg := c.Table(catalog.KindError).Lookup(6001).Message
	if got := msg.Plain("ko", func(p string) string { return "<" + p + ">" }); got != "최대 파일 업로드 사이즈 초과 (<maxSize>)" {
		t.Errorf("ko message with params: %q", got)
	}
	if got := c.DocsURL(c.Table(catalog.KindError).Lookup(2003), "ko"); got != "https://docs.example.com/codes/ko/error/2003" {
		t.Errorf("DocsURL = %q", got)
	}
	headers := c.ObligedHeaders(c.Table(catalog.KindError).Lookup(1010))
	if len(headers) != 1 || headers[0].Name != "Retry-After" {
		t.Errorf("1010 is sent as 429 and should inherit Retry-After, got %+v", headers)
	}
	if h := c.Table(catalog.KindHTTP).Lookup(-6); !h.Client || h.Status != 0 {
		t.Errorf("-6 should be a client code without status: %+v", h)
	}
}

// TestLineEnds: CRLF and lone CR, written as escapes or as the file's own
// line ends inside a block scalar, reach the model as LF.
func TestLineEnds(t *testing.T) {
	data, err := os.ReadFile("testdata/broken/invisible_character/codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "The channel does not \u202eexist.", `"a\r\nb\rc"`, 1)
	s = strings.Replace(s, "      id: ChannelNotFound\n", "      id: ChannelNotFound\n      description:\n        en: |\n          one\n          two\n        ko: \"x\\ry\"\n", 1)
	s = strings.ReplaceAll(s, "\n", "\r\n")
	c, err := catalog.Parse("codes.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	code := c.Table(catalog.KindError).Lookup(2003)
	for got, want := range map[string]string{
		code.Message.Text.Get("en"): "a\nb\nc",
		code.Description.Get("en"):  "one\ntwo\n",
		code.Description.Get("ko"):  "x\ny",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestYAMLSyntaxNamesBrokenLine mis-indents the seed catalog in the three
// ways a hand edit does (a key, a list item, a key of a nested map, each
// by one space) and wants the error at the line that was changed, with
// yaml.v3's own words as the reason; yaml.v3 alone names the line where
// the enclosing list or mapping starts, tens of lines above.
func TestYAMLSyntaxNamesBrokenLine(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join(testtool.Root(t), "codes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	cases := []struct {
		name, line, reason string
		shift              int // spaces added (or, negative, removed)
	}{
		{"key", "      status: 500", "did not find expected '-' indicator", -1},
		{"list item", "    - code: 1002", "did not find expected key", -1},
		{"list item deeper", "    - code: 1002", "did not find expected '-' indicator", 1},
		{"nested map", "        ko: 잘못된 파라미터", "did not find expected key", -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := slices.Index(lines, c.line)
			if at < 0 {
				t.Fatalf("the seed catalog has no line %q", c.line)
			}
			broken := slices.Clone(lines)
			if c.shift < 0 {
				broken[at] = broken[at][-c.shift:]
			} else {
				broken[at] = strings.Repeat(" ", c.shift) + broken[at]
			}
			_, err := catalog.Parse("codes.yaml", []byte(strings.Join(broken, "\n")))
			var diags catalog.Diagnostics
			if !errors.As(err, &diags) || len(diags) != 1 {
				t.Fatalf("want one diagnostic, got %v", err)
			}
			d := diags[0]
			if d.Pos.Line < at || d.Pos.Line > at+2 {
				t.Errorf("reported at line %d, the broken line is %d: %s", d.Pos.Line, at+1, d)
			}
			if !strings.Contains(d.Message, c.reason) {
				t.Errorf("the reason is not yaml.v3's %q: %s", c.reason, d)
			}
		})
	}
}

// TestYAMLSyntaxValidCatalogsFitTheirIndentation: the line finder accepts
// every line of every catalog that parses, so it cannot blame a good line
// above the bad one.
func TestYAMLSyntaxValidCatalogsFitTheirIndentation(t *testing.T) {
	root := testtool.Root(t)
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "*", "*.yaml"))
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken", "*", "codes.yaml"))
	files = append(files, broken...)
	files = append(files, filepath.Join(root, "codes.yaml"), filepath.Join(root, "cmd", "errgen", "starter", "codes.yaml"))
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil {
			continue
		}
		checked++
		if line, col, ok := catalog.BrokenLine(strings.Split(string(data), "\n"), 0); ok {
			t.Errorf("%s:%d:%d: a valid line is taken for a broken one", f, line, col)
		}
	}
	if checked < 3 {
		t.Fatalf("only %d catalogs checked", checked)
	}
}
