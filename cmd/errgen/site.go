package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/errgen/errgen/internal/site"
)

const siteUsage = `Usage: errgen site [-f codes.yaml] [-o public] [-serve ADDR] [-pagefind PATH]

Builds the docs site of the catalog into a folder: every page of the
Markdown target (your template overrides included) as HTML, each at the
folder its DocsURL or problem type URL names, so any static file server
answers those URLs extension-less. Serve the folder under the path of
docs.base_url (/codes for https://docs.example.com/codes). The folder is
replaced as a whole, and only if errgen built what is there.

The layouts (page.html, neutral.html) and the style sheet (site.css) are
embedded; a file of the same name in the folder output.markdown.templates
names replaces one.

Search: the site gets Pagefind's search when errgen finds Pagefind: the
-pagefind executable, pagefind on PATH, or, when Node.js is there, the
pinned npm package through npx. Without it the site has no search box.

With -serve, errgen serves the site at ADDR under the base path and
builds it again whenever codes.yaml or a file of the templates folder
changes; reload the page to see the change.

Examples:
  errgen site
  errgen site -o site/public -pagefind node_modules/.bin/pagefind
  errgen site -serve localhost:1313       # then open http://localhost:1313/codes/
`

func runSite(e *env, args []string) int {
	var cf catalogFlags
	fs := newFlagSet(e, "site", siteUsage, &cf)
	out := fs.String("o", "public", "the folder to build the site in")
	serve := fs.String("serve", "", "serve the site at this address (host:port) and rebuild it on change")
	pagefind := fs.String("pagefind", "", "the pagefind executable (default: pagefind on PATH, else npx with the pinned package)")
	if code, ok := parse(fs, args, &cf); !ok {
		return code
	}
	pf, err := site.FindPagefind(*pagefind)
	if err != nil {
		fmt.Fprintf(e.stderr, "errgen site: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// build loads the catalog and builds its site. It returns the base
	// path and what a rebuild watches: codes.yaml and the templates folder.
	build := func() (base string, watch []string, ok bool) {
		watch = []string{cf.file}
		c, ok := e.load(&cf)
		if !ok {
			return "", watch, false
		}
		o, err := site.CatalogOptions(c, *out)
		if err != nil {
			e.report(&cf, err)
			return "", watch, false
		}
		if dir := site.TemplatesDir(c, o.Markdown); dir != "" {
			watch = append(watch, dir)
		}
		o.Pagefind, o.Log = pf, e.stderr
		st, err := site.Build(ctx, c, o)
		if err != nil {
			e.report(&cf, err)
			return "", watch, false
		}
		fmt.Fprintf(e.stdout, "errgen: built the site of %s into %s: %d page(s)\n", cf.file, *out, st.Pages)
		if !st.Search {
			fmt.Fprintf(e.stdout, "errgen: %s\n", site.HowToAddSearch)
		}
		return site.BasePath(c.DocsBaseURL), watch, true
	}
	base, watch, ok := build()
	if !ok {
		return exitProblem
	}
	if *serve == "" {
		return exitOK
	}
	err = site.Serve(ctx, site.ServeOptions{Addr: *serve, Dir: *out, Base: base, Watch: watch,
		Build: func() ([]string, bool) { _, watch, ok := build(); return watch, ok },
		Listening: func(url string) {
			fmt.Fprintf(e.stdout, "errgen: serving %s at %s; it is built again when %s changes (Ctrl-C stops)\n", *out, url, strings.Join(watch, " or "))
		}})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintf(e.stderr, "errgen site: %v\n", err)
		return exitProblem
	}
	return exitOK
}
