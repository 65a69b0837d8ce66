package markdown

import (
	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/output"
)

// The site manifest: what a docs site needs to build its navigation, and
// the words of its search box per language, in a form that a site
// generator's templates read without parsing Markdown. Links are site paths
// under the base path (no .md), as the site serves the pages. It lists no
// code, so that it does not grow with the catalog.
type manifest struct {
	Comment         string `json:"$comment"`
	DefaultLanguage string `json:"defaultLanguage"`
	// BaseURL is docs.base_url, under which the site is served.
	BaseURL   string         `json:"baseURL"`
	Languages []siteLanguage `json:"languages"`
}

type siteLanguage struct {
	Tag    string      `json:"tag"`
	Name   string      `json:"name"`
	Title  string      `json:"title"`
	Link   string      `json:"link"`
	Search Search      `json:"search"` // the search box's words, from labels.yaml
	Tables []siteTable `json:"tables"`
}

type siteTable struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Link  string `json:"link"`
}

func siteManifest(c *catalog.Catalog, labels map[string]*Labels) ([]byte, error) {
	m := manifest{Comment: output.Marker, DefaultLanguage: c.Default, BaseURL: c.DocsBaseURL}
	for _, l := range c.Languages {
		sl := siteLanguage{Tag: l.Tag, Name: l.Name, Title: labels[l.Tag].Title, Link: "/" + l.Tag + "/", Search: labels[l.Tag].Search}
		for _, t := range c.Tables {
			sl.Tables = append(sl.Tables, siteTable{Kind: string(t.Kind), Title: t.Title.Get(l.Tag), Link: "/" + l.Tag + "/" + string(t.Kind) + "/"})
		}
		m.Languages = append(m.Languages, sl)
	}
	s, err := indentJSON(m)
	if err != nil {
		return nil, err
	}
	return []byte(s + "\n"), nil
}
