package render_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"

	"github.com/errgen/errgen/internal/catalog"
	"github.com/errgen/errgen/internal/site/sitetest"
	"github.com/errgen/errgen/internal/testtool"
)

// pageReport is what inspectPage finds on one page of the built site.
type pageReport struct {
	Bad    []string   `json:"bad"`    // elements, attributes, links and scripts that came from no template
	Main   string     `json:"main"`   // the visible text of main
	Rows   [][]string `json:"rows"`   // the cells of every table row of main, header rows included
	Chrome string     `json:"chrome"` // the visible text and labels outside main
	JSON   []string   `json:"json"`   // the code blocks of main (the example problem bodies)
	Lang   string     `json:"lang"`
}

// inspectPage reports, in the page's DOM: any event-handler attribute or
// javascript: URL anywhere; inside main, any element the templates do not
// write (what the site's goldmark makes of headings, paragraphs, lists, links,
// code, tables, block quotes and hard breaks), any style or attribute list
// from text, any link leaving the site but the RFC the labels cite; any
// script but the site's two; any alert() a text managed to run.
const inspectPage = `(() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    // Pagefind's own search form posts nowhere (action="javascript:void(0);").
    const ui = el.closest('#search') && el.tagName === 'FORM' && el.getAttribute('action') === 'javascript:void(0);';
    for (const a of el.attributes) {
      if (ui && a.name === 'action') continue;
      if (/^on/i.test(a.name)) bad.push('handler ' + el.tagName + ' ' + a.name + '=' + a.value);
      if (/^\s*(javascript|vbscript|data):/i.test(a.value)) bad.push('script URL ' + el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  const main = document.querySelector('main');
  // The problem type page (layout neutral) has one script of its own, which
  // marks the reader's language in the list of languages.
  const neutral = document.body.dataset.layout === 'neutral';
  const marked = (el, a) => neutral && el.tagName === 'LI' && el.parentElement.parentElement === main &&
    ((a.name === 'aria-current' && a.value === 'true') || (a.name === 'style' && a.value === 'font-weight: bold;'));
  // STRONG and H3 are the templates' own: the deprecation notice's label
  // and the headings of the "Handle it" snippets.
  const allowed = new Set(['H1','H2','H3','P','UL','LI','A','CODE','PRE','TABLE','THEAD','TBODY','TR','TH','TD','BLOCKQUOTE','BR','STRONG']);
  for (const el of main.querySelectorAll('*')) {
    if (!allowed.has(el.tagName)) bad.push('element ' + el.outerHTML.slice(0, 120));
    for (const a of el.attributes) {
      const ok = marked(el, a) || (el.tagName === 'A' && a.name === 'href') || (/^H[123]$/.test(el.tagName) && a.name === 'id') ||
        (el.tagName === 'CODE' && a.name === 'class' && a.value === 'language-json' && el.parentElement.tagName === 'PRE') ||
        (/^T[HD]$/.test(el.tagName) && a.name === 'style' && /^text-align:(left|right|center)$/.test(a.value));
      if (!ok) bad.push('attribute ' + el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  for (const a of main.querySelectorAll('a')) {
    const u = new URL(a.getAttribute('href'), location.href);
    if (u.origin !== location.origin && u.href !== 'https://www.rfc-editor.org/rfc/rfc9457') bad.push('link ' + u.href);
  }
  const scripts = [...document.scripts].map(s => s.src ? new URL(s.src).pathname : 'inline');
  const siteScripts = neutral ? scripts.length === 1 && scripts[0] === 'inline' :
    scripts.length === 2 && scripts[0].endsWith('/pagefind/pagefind-ui.js') && scripts[1] === 'inline';
  if (!siteScripts) bad.push('scripts ' + scripts.join(' '));
  for (const m of window.__alerts || []) bad.push('alert ' + m);
  const rows = [...main.querySelectorAll('tr')].map(tr => [...tr.children].map(c => c.innerText));
  const chrome = [...document.body.querySelectorAll('header')].map(h => h.innerText).join('\n') + '\n' +
    [...document.querySelectorAll('[placeholder],[aria-label],[title]')].map(e =>
      [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title')].filter(Boolean).join('\n')).join('\n') +
    '\n' + document.title;
  const json = [...main.querySelectorAll('pre code')].map(c => c.textContent);
  return {bad, main: main.innerText, rows, chrome, json, lang: document.documentElement.lang};
})()`

// alertHook records alert, confirm and prompt calls instead of showing them.
const alertHook = `window.__alerts = [];
for (const f of ['alert', 'confirm', 'prompt']) window[f] = (m) => { window.__alerts.push(f + ': ' + String(m)); };`

// norm collapses white space as a browser shows it.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestHostileSite builds the real docs site (errgen site with Pagefind,
// the embedded layouts) from the corpus catalog, serves it with python3
// -m http.server under the base path of docs.base_url, and opens every
// page in headless Chromium: no element, attribute, handler, link, script
// or evaluated expression comes from catalog text; every table row shows
// its code's message exactly and every table has one row per code; every
// code's DocsURL and problem type URL, extension-less, answers 200 with the
// code's message in every language; no Korean page shows an English label.
func TestHostileSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the docs site and starts a browser")
	}
	c, err := catalog.Load(corpusCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.Build(t, c)
	srv := sitetest.Serve(t, s.Root)
	ctx := sitetest.Browser(t, 15*time.Minute)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: alertHook})
		return err
	})); err != nil {
		t.Fatal(err)
	}

	var pages []string
	err = filepath.WalkDir(s.Dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Name() != "index.html" || strings.Contains(p, string(filepath.Separator)+"pagefind"+string(filepath.Separator)) {
			return err
		}
		rel, _ := filepath.Rel(s.Dist, filepath.Dir(p))
		pages = append(pages, strings.TrimSuffix(s.BasePath+"/"+filepath.ToSlash(rel), "/."))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	want := expectations(c)
	english := englishLabels(t)
	visit := func(path string) pageReport {
		t.Helper()
		url := srv.Origin + path
		var r pageReport
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](inspectPage))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		return r
	}
	rowsChecked := 0
	for _, path := range pages {
		r := visit(path + "/")
		for _, b := range r.Bad {
			t.Errorf("%s: %s", path, b)
		}
		lang := r.Lang
		// Every row whose first cell is a code of the table shows that
		// code's message, and no code has two rows.
		seen := map[string]bool{}
		for _, row := range r.Rows {
			if len(row) < 2 {
				continue
			}
			m, ok := want.message[lang][norm(row[0])]
			if !ok || !strings.Contains(path, "-") { // part pages: {first}-{last}
				continue
			}
			if seen[row[0]] {
				t.Errorf("%s: code %s has two rows", path, row[0])
			}
			seen[row[0]] = true
			if !slices.Contains(row, m) && !slices.ContainsFunc(row, func(cell string) bool { return norm(cell) == m }) {
				t.Errorf("%s: the row of %s shows %q, want the message %q", path, row[0], row, m)
			}
			rowsChecked++
		}
		if lang == "ko" {
			rest := norm(r.Chrome + " " + r.Main)
			for _, text := range want.catalogText {
				rest = strings.ReplaceAll(rest, text, " ")
			}
			for _, w := range english {
				if regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`).MatchString(rest) {
					t.Errorf("%s: a Korean page shows the English label %q", path, w)
				}
			}
		}
	}
	if rowsChecked != len(want.message["en"])+len(want.message["ko"]) {
		t.Errorf("%d table rows checked, want one per code and language: %d", rowsChecked, len(want.message["en"])+len(want.message["ko"]))
	}

	// Every DocsURL and problem type URL, as a client has it: extension-
	// less, under the base path, from the static server.
	client := &http.Client{Timeout: 30 * time.Second}
	for _, l := range c.Languages {
		for _, table := range c.Tables {
			for _, code := range table.Codes {
				path := s.BasePath + strings.TrimPrefix(c.DocsURL(code, l.Tag), c.DocsBaseURL)
				get(t, client, srv.Origin+path)
				r := visit(path)
				m := want.message[l.Tag][strconv.Itoa(code.Number)]
				if !strings.Contains(norm(r.Main), m) {
					t.Errorf("%s does not show the message %q:\n%s", path, m, r.Main)
				}
				for _, body := range r.JSON {
					var p struct{ Type, Title string }
					if err := json.Unmarshal([]byte(body), &p); err != nil || p.Type == "" {
						continue
					}
					typePath := s.BasePath + strings.TrimPrefix(p.Type, c.DocsBaseURL)
					get(t, client, srv.Origin+typePath)
					if tr := visit(typePath); !strings.Contains(norm(tr.Main), m) {
						t.Errorf("%s (the type of %s's problem) does not show the message %q", typePath, path, m)
					}
				}
			}
		}
	}
	t.Logf("%d pages, %d table rows, %d codes in %d languages", len(pages), rowsChecked, len(want.message["en"]), len(c.Languages))
}

// get fails the test unless url answers 200 (after the static server's
// redirect to the folder).
func get(t *testing.T, client *http.Client, url string) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Errorf("%s: %v", url, err)
		return
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("%s: %s", url, resp.Status)
	}
}

type siteExpectations struct {
	message     map[string]map[string]string // lang → code number → visible message
	catalogText []string                     // every text of the catalog as shown, longest first
}

func expectations(c *catalog.Catalog) siteExpectations {
	e := siteExpectations{message: map[string]map[string]string{}}
	add := func(s string) {
		if s = norm(s); s != "" {
			e.catalogText = append(e.catalogText, s)
		}
	}
	for _, l := range c.Languages {
		e.message[l.Tag] = map[string]string{}
		add(l.Name)
		for _, t := range c.Tables {
			add(t.Title.Get(l.Tag))
			add(t.Description.Get(l.Tag))
			for _, cat := range t.Categories {
				add(cat.Title.Get(l.Tag))
			}
			for _, res := range t.Reserved {
				add(res.Reason.Get(l.Tag))
			}
			for _, code := range t.Codes {
				m := norm(code.Message.Plain(l.Tag, func(p string) string { return "{" + p + "}" }))
				e.message[l.Tag][strconv.Itoa(code.Number)] = m
				add(m)
				add(code.Message.Plain(l.Tag, func(p string) string {
					for _, prm := range code.Params {
						if prm.Name == p {
							return prm.Example
						}
					}
					return ""
				}))
				add(code.ID)
				add(code.Wire)
				add(code.Description.Get(l.Tag))
				if code.Deprecated != nil {
					add(code.Deprecated.Reason.Get(l.Tag))
				}
				for _, p := range code.Params {
					add(p.Example)
				}
			}
		}
	}
	sort.Slice(e.catalogText, func(i, j int) bool { return len(e.catalogText[i]) > len(e.catalogText[j]) })
	return e
}

// englishLabels are the English words of labels.yaml that differ from
// their Korean counterparts: none may show on a Korean page.
func englishLabels(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testtool.Root(t), "templates", "labels.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var labels map[string]any
	if err := yaml.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	en, ko := flatten(labels["en"]), flatten(labels["ko"])
	var words []string
	for k, v := range en {
		// A label with [COUNT] or Markdown is checked through the search
		// box and the pages' text; whole words only.
		if v == ko[k] || strings.ContainsAny(v, "[]`()") || len(v) < 4 {
			continue
		}
		words = append(words, v)
	}
	sort.Strings(words)
	return words
}

func flatten(v any) map[string]string {
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				walk(prefix+"."+k, y)
			}
		case string:
			out[prefix] = norm(x)
		}
	}
	walk("", v)
	return out
}
