package importer_test

import (
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/importer"
	"github.com/errgen/errgen/internal/testtool"
)

// hostile is text that YAML, Markdown or a message's placeholders would
// read as syntax if it were written carelessly.
var hostile = []string{
	`Rate: limit #1, {exceeded} [really] "quoted" 'single' & *star !bang %pct @at` + "`tick`" + ` | > <script>alert(1)</script>`,
	`- leading dash: and a colon # not a comment`,
	`"quoted from the start", then ', and a trailing colon:`,
	`{{already doubled}} ? yes: no`,
	`null`,
	`123`,
}

// Hostile text goes into every place a merge writes it (a new code, a new
// description in a block item and in a flow item, a replaced value in a
// flow mapping, a new wire name) and the loader reads back exactly the
// source's text.
func TestMergeHostileText(t *testing.T) {
	small := string(read(t, "../../testdata/catalogs/small.yaml"))
	block := "    - code: 2003\n      id: ChannelNotFound\n      status: 404\n      message: {en: The channel does not exist., ko: 존재하지 않는 채널입니다}\n"
	if !strings.Contains(small, block) {
		t.Fatal("fixture changed")
	}
	flow := strings.Replace(small, block, "    - {code: 2003, id: ChannelNotFound, status: 404, message: {en: The channel does not exist., ko: 존재하지 않는 채널입니다}}\n", 1)
	tsv := "code\tname\tstatus\tmessage (en)\tdescription (en)\tdescription (ko)\n" +
		"1003\tServerError\t\t\t\t\n" +
		"1010\t\t\t" + hostile[0] + "\t\t\n" +
		"2003\t\t\t\t" + hostile[1] + "\t" + hostile[2] + "\n" +
		"2004\tChannelGone\t404\t" + hostile[3] + "\t" + hostile[4] + "\t" + hostile[5] + "\n"
	for name, cat := range map[string]string{"block": small, "flow": flow} {
		t.Run(name, func(t *testing.T) {
			res := importer.Import("codes.yaml", []byte(cat), "hostile.tsv", []byte(tsv), importer.Options{Table: "error", PreferImport: true})
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors)
			}
			testtool.Golden(t, "testdata/merge/hostile-"+name+".diff", udiff.Unified("codes.yaml", "codes.yaml", cat, string(res.Output)), *testtool.Update)
			c, err := catalog.Parse("codes.yaml", res.Output)
			if err != nil {
				t.Fatalf("the merged catalog does not load:\n%v\n%s", err, res.Output)
			}
			errs := c.Table(catalog.KindError)
			literal := func(code *catalog.Code) string {
				return code.Message.Plain("en", func(p string) string { return "{" + p + "}" })
			}
			for _, check := range []struct {
				what, got, want string
			}{
				{"1003 wire", errs.Lookup(1003).Wire, "ServerError"},
				{"1003 id", errs.Lookup(1003).ID, "InternalServerError"},
				{"1010 message", literal(errs.Lookup(1010)), hostile[0]},
				{"1010 ko message", errs.Lookup(1010).Message.Text.Get("ko"), "API ratelimit 제한"},
				{"2003 description en", errs.Lookup(2003).Description.Get("en"), hostile[1]},
				{"2003 description ko", errs.Lookup(2003).Description.Get("ko"), hostile[2]},
				{"2004 message", literal(errs.Lookup(2004)), hostile[3]},
				{"2004 description en", errs.Lookup(2004).Description.Get("en"), hostile[4]},
				{"2004 description ko", errs.Lookup(2004).Description.Get("ko"), hostile[5]},
				{"2004 id", errs.Lookup(2004).ID, "ChannelGone"},
			} {
				if check.got != check.want {
					t.Errorf("%s: %q, want %q", check.what, check.got, check.want)
				}
			}
		})
	}
}
