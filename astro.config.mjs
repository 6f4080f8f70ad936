// @ts-check
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { defaultLocale, localeCodes } from "./src/lib/locales.ts";
import { instantPreview } from "./src/astro/instant-preview.ts";
import { adminPreview, defaultCacheDir } from "./src/astro/admin-preview.ts";
import { siteUrl, sitemapEntry } from "./src/site/site-url.ts";

// CONTENT_DIR, OUT_DIR, ASTRO_CACHE_DIR and SITE_URL let tests and benchmarks build other strategies without touching content/ or dist/.
const site = siteUrl(process.env);

export default defineConfig({
  site,
  outDir: process.env.OUT_DIR ?? "./dist",
  cacheDir: process.env.ASTRO_CACHE_DIR ?? defaultCacheDir,
  trailingSlash: "always",
  // Writes .astro/collections/*.schema.json and collections.json: VS Code's Astro extension underlines frontmatter typos.
  experimental: { contentIntellisense: true },
  compressHTML: true,
  // The source's wording is published verbatim: no typographic rewriting of quotes or dashes.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  build: { format: "directory", inlineStylesheets: "always" },
  i18n: {
    locales: localeCodes,
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  vite: {
    // astro dev watches sources only: test and build output written under tmp/ or dist*/ must not slow the preview.
    server: { watch: { ignored: ["tmp", "dist", "dist.*"].map((dir) => `${process.cwd()}/${dir}/**`) } },
    build: {
      // Scripts stay files, never inlined: the Content-Security-Policy (scripts/csp.ts) allows no inline code.
      assetsInlineLimit: (file) => (file.endsWith(".js") ? false : undefined),
      rolldownOptions: {
        // Known Astro 7 warning on every MDX file (withastro/astro#18087), harmless; other logs pass through.
        onLog(level, log, handler) {
          if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("astro:head-inject")) return;
          handler(level, log);
        },
      },
    },
  },
  // Editors preview with npm run dev: Astro's developer toolbar covered the page's text and serves them nothing.
  devToolbar: { enabled: false },
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => sitemapEntry(site, page) !== undefined,
      serialize: (item) => sitemapEntry(site, item.url) ?? item,
    }),
    // astro dev: an edited entry shows at once rather than after Astro's 500 ms store-save delay.
    instantPreview(),
    // astro dev: the CMS at /admin/, as npm run dev built it beforehand.
    adminPreview(),
  ],
});
