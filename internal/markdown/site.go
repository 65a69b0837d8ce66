package markdown

import (
	"io/fs"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// SiteManifest is site.json: what a docs site needs to build its navigation, and
// the words of its search box per language, in a form that a site
// generator's templates read without parsing Markdown. Links are site paths
// under the base path (no .md), as the site serves the pages. It lists no
// code, so that it does not grow with the catalog.
type SiteManifest struct {
	Comment         string `json:"$comment"`
	DefaultLanguage string `json:"defaultLanguage"`
	// BaseURL is docs.base_url, under which the site is served.
	BaseURL   string         `json:"baseURL"`
	Languages []SiteLanguage `json:"languages"`
}

type SiteLanguage struct {
	Tag    string      `json:"tag"`
	Name   string      `json:"name"`
	Title  string      `json:"title"`
	Link   string      `json:"link"`
	Search Search      `json:"search"` // the search box's words, from labels.yaml
	Tables []SiteTable `json:"tables"`
}

type SiteTable struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Link  string `json:"link"`
}

// Manifest returns what site.json holds for c: the docs site's navigation
// and search-box words, with a team's labels.yaml when overrides has one.
func Manifest(c *catalog.Catalog, target Options, overrides fs.FS) (*SiteManifest, error) {
	set, err := catalogTemplates(c, target, overrides)
	if err != nil {
		return nil, err
	}
	m := newManifest(c, set.labels)
	return &m, nil
}

func newManifest(c *catalog.Catalog, labels map[string]*Labels) SiteManifest {
	m := SiteManifest{Comment: output.Marker, DefaultLanguage: c.Default, BaseURL: c.DocsBaseURL}
	for _, l := range c.Languages {
		sl := SiteLanguage{Tag: l.Tag, Name: l.Name, Title: labels[l.Tag].Title, Link: "/" + l.Tag + "/", Search: labels[l.Tag].Search}
		for _, t := range c.Tables {
			sl.Tables = append(sl.Tables, SiteTable{Kind: string(t.Kind), Title: t.Title.Get(l.Tag), Link: "/" + l.Tag + "/" + string(t.Kind) + "/"})
		}
		m.Languages = append(m.Languages, sl)
	}
	return m
}

func siteManifest(c *catalog.Catalog, labels map[string]*Labels) ([]byte, error) {
	s, err := indentJSON(newManifest(c, labels))
	if err != nil {
		return nil, err
	}
	return []byte(s + "\n"), nil
}
