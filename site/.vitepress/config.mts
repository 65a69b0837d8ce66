// The docs site: VitePress over the Markdown errgen generates.
//
//   tools/node_modules/.bin/vitepress build site
//
// The pages come from out/docs (ERRGEN_DOCS_DIR overrides it); the site is
// written to site/.vitepress/dist (ERRGEN_SITE_DIR overrides it). Languages,
// tables and codes come from site.json, which errgen writes next to the
// pages, so nothing here names a language or a code.
//
// Only a type is imported from vitepress: site/ has no node_modules of its
// own, and the pinned VitePress lives in tools/node_modules.
import type { DefaultTheme, LocaleConfig, PageData, UserConfig } from 'vitepress'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Manifest {
  defaultLanguage: string
  languages: {
    tag: string
    name: string
    title: string
    link: string
    search: {
      button: string
      buttonLabel: string
      details: string
      reset: string
      back: string
      noResults: string
      select: string
      selectKey: string
      navigate: string
      upKey: string
      downKey: string
      close: string
      closeKey: string
    }
    tables: {
      kind: string
      title: string
      link: string
      codes: { number: number; id: string; link: string }[]
    }[]
  }[]
}

const here = dirname(fileURLToPath(import.meta.url))
const srcDir = resolve(process.env.ERRGEN_DOCS_DIR || resolve(here, '../../out/docs'))
const outDir = resolve(process.env.ERRGEN_SITE_DIR || resolve(here, 'dist'))
const cacheDir = resolve(process.env.ERRGEN_SITE_CACHE || resolve(here, 'cache'))

const manifest: Manifest = JSON.parse(readFileSync(resolve(srcDir, 'site.json'), 'utf8'))

// The default theme puts nav and sidebar texts in the page with v-html:
// catalog text must reach it as HTML-escaped text.
const escapeHTML = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const defuse = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replace(/<(\/script)/gi, '<\u200b$1')
    : Array.isArray(v)
      ? v.map(defuse)
      : v && Object.getPrototypeOf(v) === Object.prototype
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, defuse(x)]))
        : v

const locales: LocaleConfig<DefaultTheme.Config> = {}
// The local search box's words per locale, from labels.yaml. The theme
// shows them with Vue's text and attribute bindings, which escape them
// (HTML-escaping them here would show "&amp;"); they are only defused, as
// the site data, JSON in a <script> block of every page, carries them.
const searchLocales: NonNullable<DefaultTheme.LocalSearchOptions['locales']> = {}
for (const lang of manifest.languages) {
  const w = defuse(lang.search) as typeof lang.search
  searchLocales[lang.tag] = {
    translations: {
      button: { buttonText: w.button, buttonAriaLabel: w.buttonLabel },
      modal: {
        displayDetails: w.details,
        resetButtonTitle: w.reset,
        backButtonTitle: w.back,
        noResultsText: w.noResults,
        footer: {
          selectText: w.select,
          selectKeyAriaLabel: w.selectKey,
          navigateText: w.navigate,
          navigateUpKeyAriaLabel: w.upKey,
          navigateDownKeyAriaLabel: w.downKey,
          closeText: w.close,
          closeKeyAriaLabel: w.closeKey,
        },
      },
    },
  }
  locales[lang.tag] = {
    label: escapeHTML(lang.name),
    lang: lang.tag,
    link: lang.link,
    title: lang.title,
    themeConfig: {
      siteTitle: escapeHTML(lang.title),
      nav: lang.tables.map((t) => ({ text: escapeHTML(t.title), link: t.link, activeMatch: `^${t.link}` })),
      sidebar: {
        [lang.link]: lang.tables.map((t) => ({
          text: escapeHTML(t.title),
          link: t.link,
          collapsed: true,
          items: t.codes.map((c) => ({ text: `${c.number} ${escapeHTML(c.id)}`, link: c.link })),
        })),
      },
    },
  }
}

export default {
  srcDir,
  outDir,
  cacheDir,
  lang: manifest.defaultLanguage,
  title: manifest.languages.find((l) => l.tag === manifest.defaultLanguage)?.title,
  cleanUrls: true,
  // Pages link to each other with relative .md links, which VitePress
  // checks at build time: a dead one fails the build.
  ignoreDeadLinks: false,
  locales,
  vite: {
    plugins: [
      {
        // The pages lie outside site/, where walking up finds no
        // node_modules. In the server build, leave their Vue imports to
        // Node, which finds Vue through site/node_modules at render time,
        // as it does for VitePress itself. (The client build aliases vue
        // to VitePress's own copy before this runs.)
        name: 'errgen-external-vue',
        enforce: 'pre',
        resolveId(id: string, importer: string | undefined, options: { ssr?: boolean }) {
          if (options?.ssr && (id === 'vue' || id.startsWith('vue/')) && importer?.startsWith(srcDir)) {
            return { id, external: true }
          }
        },
      },
    ],
  },
  // VitePress inlines each page's data (its title from the h1 or the front
  // matter) as a JSON string in the page's <script> block, unescaped: a
  // catalog title holding "</script" would end that block. A zero-width
  // space after the "<" defuses it; the page itself is untouched.
  transformPageData(pageData: PageData) {
    return defuse(pageData) as PageData
  },
  themeConfig: {
    search: { provider: 'local', options: { locales: searchLocales } },
    outline: 'deep',
  },
} satisfies UserConfig<DefaultTheme.Config>
