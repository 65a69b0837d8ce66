// Command docsite builds the docs site from out/docs with the pinned Hugo
// and Pagefind (`make docs` runs it from the repository's root).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/errgen/errgen/internal/site"
)

func main() {
	var o site.Options
	flag.StringVar(&o.Site, "site", "site", "the Hugo project: hugo.toml, layouts/, static/")
	flag.StringVar(&o.Docs, "docs", "out/docs", "the Markdown errgen wrote (output.markdown.dir)")
	flag.StringVar(&o.Out, "out", "site/public", "where to write the site (emptied first)")
	flag.StringVar(&o.Hugo, "hugo", "hugo", "the hugo executable (make tools installs the pinned one)")
	flag.StringVar(&o.Pagefind, "pagefind", "tools/node_modules/.bin/pagefind", "the pagefind executable")
	flag.Parse()
	o.Log = os.Stderr
	if err := site.Build(context.Background(), o); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
