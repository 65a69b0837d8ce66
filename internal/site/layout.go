package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"

	"github.com/errgen/errgen/internal/markdown"
	"github.com/errgen/errgen/templates"
)

// The layouts and the style sheet, in package templates, each replaced by
// a file of the same name in the templates folder (output.markdown.templates).
const (
	pageLayout    = "page.html"
	neutralLayout = "neutral.html"
	styleSheet    = "site.css"
)

// layouts are the parsed layouts and the style sheet.
type layouts struct {
	tmpl *template.Template
	from map[string]string // layout → how errors name it: its override's path, or "embedded NAME"
	css  []byte
}

// loadLayouts reads the embedded layouts and style sheet, each replaced by
// the file of its name in overrides (the folder dir), when there is one.
func loadLayouts(overrides fs.FS, dir string) (*layouts, error) {
	l := &layouts{tmpl: template.New(""), from: map[string]string{}}
	for _, name := range []string{pageLayout, neutralLayout, styleSheet} {
		src, where := templates.FS(), "embedded "+name
		if overrides != nil {
			if _, err := fs.Stat(overrides, name); err == nil {
				src, where = overrides, path.Join(dir, name)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("site: %s: %w", path.Join(dir, name), err)
			}
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, fmt.Errorf("site: %s: %w", where, err)
		}
		l.from[name] = where
		if name == styleSheet {
			l.css = data
			continue
		}
		if _, err := l.tmpl.New(name).Option("missingkey=error").Parse(string(data)); err != nil {
			return nil, fmt.Errorf("site: %s", l.locate(err))
		}
	}
	return l, nil
}

func (l *layouts) execute(buf *bytes.Buffer, name string, p *Page) error {
	if err := l.tmpl.ExecuteTemplate(buf, name, p); err != nil {
		return errors.New(l.locate(err))
	}
	return nil
}

func (l *layouts) locate(err error) string { return markdown.LocateTemplateError(err, l.from) }

// Language is a language of the site as a layout gets it: site.json's
// (Tag, Name, Title, Search, Tables) and its navigation's links.
type Language struct {
	markdown.SiteLanguage
	home   string
	tables []Link
}

func newLanguage(base string, l markdown.SiteLanguage) *Language {
	lang := &Language{SiteLanguage: l, home: escapedURL(base + l.Link)}
	for _, t := range l.Tables {
		lang.tables = append(lang.tables, Link{Title: t.Title, URL: escapedURL(base + t.Link)})
	}
	return lang
}
