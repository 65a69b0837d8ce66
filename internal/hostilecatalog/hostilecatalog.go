// Package hostilecatalog writes the catalog the hostile-text tests of
// every target load: each class of the hostile corpus (package
// textenc/hostile) in every position a catalog text takes.
package hostilecatalog

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/internal/textenc"
	corpus "github.com/errgen/errgen/internal/textenc/hostile"
)

// YAML returns a catalog that puts every class of the hostile
// corpus in every position a catalog text takes: the English and Korean
// message of a code of its own, its description, resolution, cause and
// deprecation reason, the title of a category of its own and the reason of
// a reservation;
// the first classes are also the table titles and the error table's
// description. The codes CommentEnd and WithParams ({field}, {value})
// are those the TypeScript consumer of the hostile tests names.
func YAML() string {
	q := textenc.YAMLQuoted
	ko := func(s string) string { return "한 " + s }
	// In a message, a brace is written double; {field} and {value} are
	// the placeholders of WithParams.
	msg := func(s string) string { return strings.NewReplacer("{", "{{", "}", "}}").Replace(s) }
	text := func(en, ko string) string { return "{en: " + q(en) + ", ko: " + q(ko) + "}" }
	cs := corpus.Classes
	var b strings.Builder
	b.WriteString(`version: 1
languages:
  - {tag: en, name: English}
  - {tag: ko, name: 한국어}
default_language: en
docs:
  base_url: https://docs.example.com/codes
output:
  dir: out
  go: {dir: out/go/codes, package: codes}
  openapi: {dir: out/openapi, title: "Hostile corpus", version: 1.0.0}
  typescript: {dir: out/typescript, package: "@example/hostile", version: 1.0.0}
  markdown: {dir: out/docs, front_matter: true}
http:
  type: HTTPCode
  prefix: HTTP
`)
	fmt.Fprintf(&b, "  title: %s\n", text(cs[0].Text, ko(cs[0].Text)))
	b.WriteString(`  range: [-6, 599]
  codes:
    - code: 400
      id: BadRequest
`)
	fmt.Fprintf(&b, "      message: %s\n", text(msg(cs[1].Text), msg(ko(cs[1].Text))))
	b.WriteString(`    - code: 500
      id: InternalServerError
      message: {en: Internal Server Error, ko: 내부 서버 오류}
error:
  type: ErrorCode
  prefix: ""
`)
	fmt.Fprintf(&b, "  title: %s\n  description: %s\n", text(cs[2].Text, ko(cs[2].Text)), text(cs[3].Text, ko(cs[3].Text)))
	fmt.Fprintf(&b, "  range: [1000, %d]\n  categories:\n", 1009+10*len(cs))
	for i, c := range cs {
		fmt.Fprintf(&b, "    - {name: c%d, range: [%d, %d], title: %s}\n", i, 1000+10*i, 1009+10*i, text(c.Text, ko(c.Text)))
	}
	b.WriteString("  codes:\n")
	for i, c := range cs {
		id, en, kt, params := fmt.Sprintf("Class%d", i), msg(c.Text), msg(ko(c.Text)), ""
		switch i {
		case 0:
			id = "CommentEnd"
		case 1:
			id = "WithParams"
			en, kt = en+" {field} {value}", kt+" {field} {value}"
			params = "      params:\n        - {name: field, type: string, example: " + q(c.Text) + "}\n        - {name: value, type: int, example: 42}\n"
			// The title holds the class's text too, without braces.
			nb := strings.NewReplacer("{", "", "}", "")
			params += "      title: " + text("T "+nb.Replace(c.Text), "제목 "+nb.Replace(ko(c.Text))) + "\n"
		}
		m := text(en, kt)
		if c.Name == "crlf-was" {
			// The loader reads CRLF and CR as LF: write them so.
			m = strings.Replace(strings.Replace(m, `\n`, `\r\n`, 1), `was CR\n`, `was CR\r`, 1)
		}
		fmt.Fprintf(&b, "    - code: %d\n      id: %s\n      status: 400\n      message: %s\n      description: %s\n      resolution: %s\n      causes: [%s]\n%s",
			1000+10*i, id, m, text("D "+c.Text, "설명 "+c.Text), text("R "+c.Text, "해결 "+c.Text), text("C "+c.Text, "원인 "+c.Text), params)
		if i%4 == 3 {
			fmt.Fprintf(&b, "      deprecated: {reason: %s}\n", text(c.Text, ko(c.Text)))
		}
	}
	b.WriteString("  reserved:\n")
	for i, c := range cs {
		fmt.Fprintf(&b, "    - {code: %d, reason: %s}\n", 1005+10*i, text(c.Text, "사유 "+c.Text))
	}
	return b.String()
}
