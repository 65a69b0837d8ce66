// Package templates holds the text/template files and the label table the
// Markdown target renders, and the html/template layouts and style sheet
// of the docs site (errgen site) around those pages. They are embedded, so `go run …/cmd/errgen@version`
// works from any folder; a team's own folder (output.markdown.templates in
// codes.yaml) may replace any of them file by file, under the same name.
//
// The files:
//
//	root.md.tmpl         docs/_index.md, the landing page listing the languages
//	index.md.tmpl        {lang}/_index.md: the three tables and how to read an error response
//	table.md.tmpl        {lang}/{table}/_index.md: the table's parts, categories and reserved numbers
//	part.md.tmpl         {lang}/{table}/{first}-{last}.md: one GFM table row per code of one part
//	code.md.tmpl         {lang}/{table}/{number}.md: one code in full
//	type.md.tmpl         {table}/{number}.md: the page at the code's problem type URI, every language
//	frontmatter.md.tmpl  the front matter put above every page when front_matter is on
//	labels.yaml          the fixed words of the pages, per language tag
//	page.html            the docs site's layout of every page of a language, and the landing page
//	neutral.html         the docs site's layout of a problem type page
//	site.css             the docs site's style sheet
//
// The data each template receives and the functions it may call are
// documented in package internal/markdown.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed *.md.tmpl labels.yaml *.html site.css
var files embed.FS

// FS returns the embedded templates, one file per name at the root.
func FS() fs.FS { return files }
