// VitePress 1.6.4 over the docs Markdown, for the site benchmark only
// (bench/site): the engine errgen's docs site used before Hugo, given the
// navigation that scales (languages and tables, no sidebar listing every
// code) and no local search (its index is downloaded whole), so that it
// does the same work as the Hugo build. Pages and output folders come from
// ERRGEN_DOCS_DIR, ERRGEN_SITE_DIR and ERRGEN_SITE_CACHE.
import type { DefaultTheme, LocaleConfig, UserConfig } from 'vitepress'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

interface Manifest {
  defaultLanguage: string
  languages: { tag: string; name: string; title: string; link: string; tables: { title: string; link: string }[] }[]
}

const srcDir = resolve(process.env.ERRGEN_DOCS_DIR!)
const manifest: Manifest = JSON.parse(readFileSync(resolve(srcDir, 'site.json'), 'utf8'))

const escapeHTML = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const locales: LocaleConfig<DefaultTheme.Config> = {}
for (const lang of manifest.languages) {
  locales[lang.tag] = {
    label: escapeHTML(lang.name),
    lang: lang.tag,
    link: lang.link,
    title: lang.title,
    themeConfig: {
      siteTitle: escapeHTML(lang.title),
      nav: lang.tables.map((t) => ({ text: escapeHTML(t.title), link: t.link, activeMatch: `^${t.link}` })),
      sidebar: false,
    },
  }
}

export default {
  srcDir,
  outDir: resolve(process.env.ERRGEN_SITE_DIR!),
  cacheDir: resolve(process.env.ERRGEN_SITE_CACHE!),
  lang: manifest.defaultLanguage,
  cleanUrls: false,
  ignoreDeadLinks: true,
  locales,
  vite: {
    plugins: [
      {
        // The pages lie outside this folder: leave their Vue imports in the
        // server build to Node, which finds Vue through node_modules here.
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
} satisfies UserConfig<DefaultTheme.Config>
