package catalog_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// TestLintSeedCatalog: the only advice on the real catalog is the seven
// response codes that source 000 gives standard HTTP numbers with other
// meanings; in particular no English style advice.
func TestLintSeedCatalog(t *testing.T) {
	c, err := catalog.Load("../../codes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range catalog.Lint(c) {
		if d.Severity != catalog.SeverityWarning {
			t.Errorf("lint returned an error: %s", d)
		}
		got = append(got, strings.Fields(d.Message)[2])
	}
	if want := "403 410 411 412 413 421 451"; strings.Join(got, " ") != want {
		t.Errorf("advice for response codes %v, want %s", got, want)
	}
}

func TestLintAdvice(t *testing.T) {
	data, err := os.ReadFile("../../testdata/catalogs/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	for _, r := range [][2]string{
		// 401 without its MUST header
		{"      headers:\n        - name: WWW-Authenticate\n          requirement: MUST\n          description: {en: At least one challenge., ko: 하나 이상의 인증 요구.}\n", ""},
		// an untranslated message
		{"message: {en: Not Found, ko: 찾을 수 없음}", "message: {en: Not Found, ko: Not Found}"},
		// a deprecation without replacement
		{"      deprecated:\n        replacement: InternalServerError\n        reason: {en: Same meaning as 1003., ko: 1003과 의미가 같습니다.}\n", "      deprecated: true\n"},
		// a response code reusing a standard number with another status
		{"    - code: 441\n", "    - code: 429\n"},
		// English messages that are not sentences
		{"message: {en: API rate limit exceeded., ko:", "message: {en: API rate limit exceeded, ko:"},
		{"message: {en: The channel does not exist., ko:", "message: {en: \"channel not found\", ko:"},
	} {
		if !strings.Contains(src, r[0]) {
			t.Fatalf("fixture lacks %q", r[0])
		}
		src = strings.Replace(src, r[0], r[1], 1)
	}
	c, err := catalog.Parse("small.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range catalog.Lint(c) {
		got = append(got, d.String())
	}
	want := []string{
		"small.yaml:34:13: warning: RFC 9110 requires 401 responses to carry WWW-Authenticate; add it under headers with requirement MUST",
		"small.yaml:40:13: warning: http code 404 has the same message in ko and en; translate the ko message",
		"small.yaml:86:13: warning: response code 429 (RoomNotFound) reuses HTTP 429 Too Many Requests with another meaning and is sent as 404; a client that reads the number as an HTTP status misreads it; say so in its description, and prefer a number outside the HTTP status range for new codes",
		"small.yaml:106:13: warning: error code 1004 is deprecated without a replacement or a reason; name a `replacement` so clients know where to move, or a `reason` if there is none",
		"small.yaml:117:21: warning: error code 1010: the en message \"API rate limit exceeded\" has no full stop; write it as a sentence ending with a full stop (English style, docs/codes-yaml.md)",
		"small.yaml:121:21: warning: error code 2003: the en message \"channel not found\" starts with a small letter; start it with a capital letter (English style, docs/codes-yaml.md)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("advice:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A text missing a language loads with the default language's text (else
// the first one given) standing in, and lint lists it.
func TestLintUntranslated(t *testing.T) {
	c, err := catalog.Load("testdata/untranslated.yaml")
	if err != nil {
		t.Fatal(err)
	}
	notFound := c.Table(catalog.KindHTTP).Lookup(404)
	if got := notFound.Description.Get("en"); got != "요청한 리소스를 찾을 수 없습니다." {
		t.Errorf("404 en description %q, want the ko text standing in", got)
	}
	ise := c.Table(catalog.KindHTTP).Lookup(500)
	if got := ise.Resolution.Get("ko"); got != "Try again later." {
		t.Errorf("500 ko resolution %q, want the en text standing in", got)
	}
	if len(ise.Causes) != 2 || ise.Causes[0].Get("en") != "서버에 예기치 못한 상황이 생겼습니다." || ise.Causes[1].Get("ko") != "서버의 버그." {
		t.Errorf("500 causes %q, want two, the first with the ko text standing in for en", ise.Causes)
	}
	if got := c.Table(catalog.KindError).Lookup(2003).Message.Text.Get("ko"); got != "The channel does not exist." {
		t.Errorf("2003 ko message %q, want the en text standing in", got)
	}
	var got []string
	for _, d := range catalog.Lint(c) {
		got = append(got, d.String())
	}
	want := []string{
		"testdata/untranslated.yaml:15:13: warning: http code 404 is untranslated: its description has no en text, so the ko text stands in; add `en: …` to its description",
		"testdata/untranslated.yaml:19:13: warning: http code 500 is untranslated: its resolution has no ko text, so the en text stands in; add `ko: …` to its resolution",
		"testdata/untranslated.yaml:19:13: warning: http code 500 is untranslated: its cause 1 has no en text, so the ko text stands in; add `en: …` to its cause 1",
		"testdata/untranslated.yaml:31:13: warning: error code 2003 is untranslated: its message has no ko text, so the en text stands in; add `ko: …` to its message",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("advice:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLintUnenforcedHeader: with the Go target off, a MUST header without a
// static value has nothing to enforce it; a static value, or the Go target,
// silences the advice.
func TestLintUnenforcedHeader(t *testing.T) {
	base := `version: 1
languages: [{tag: en, name: English}]
default_language: en
docs: {base_url: https://docs.example.com/codes}
output: {dir: out, %s}
%s
http:
  type: HTTPCode
  prefix: HTTP
  title: {en: HTTP}
  range: [100, 599]
  codes:
    - code: 401
      id: Unauthorized
      message: {en: Unauthorized}
      headers: [{name: WWW-Authenticate, requirement: MUST}]
    - code: 405
      id: MethodNotAllowed
      message: {en: Method Not Allowed}
      headers: [{name: Allow, requirement: MUST}]
    - code: 101
      id: SwitchingProtocols
      message: {en: Switching Protocols}
      headers: [{name: Upgrade, requirement: MUST}]
`
	for _, tc := range []struct {
		name, target, headers string
		want                  []string
	}{
		{"go off, no static", `typescript: {dir: out/ts, package: x, version: 1.0.0}`, "", []string{
			"codes.yaml:13:13: warning: http code 401 is sent with status 401, which MUST carry WWW-Authenticate; the header has neither a static value nor an enforced constructor",
			"codes.yaml:17:13: warning: http code 405 is sent with status 405, which MUST carry Allow; the header has neither a static value nor an enforced constructor",
		}},
		{"go off, static challenge", `typescript: {dir: out/ts, package: x, version: 1.0.0}`, `headers: {WWW-Authenticate: Bearer}`, []string{
			"codes.yaml:17:13: warning: http code 405 is sent with status 405, which MUST carry Allow; the header has neither a static value nor an enforced constructor",
		}},
		{"go on", `go: {dir: out/go, package: codes}`, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := catalog.Parse("codes.yaml", []byte(fmt.Sprintf(base, tc.target, tc.headers)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range catalog.Lint(c) {
				if strings.Contains(d.Message, "enforced constructor") {
					got = append(got, strings.SplitN(d.String(), "; declare", 2)[0])
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("advice:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
