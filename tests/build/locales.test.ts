/**
 * Every locale of src/lib/locales.ts in the built site, whatever the strategy: its pages, their language and
 * direction, the links between languages, the landing page, the sitemap and the search index. Nothing here names a
 * locale or a text, so it holds for a locale added tomorrow (tests/build/extra-locale.test.ts runs it on one).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readContentFiles } from "../../src/checks/content-files";
import { contentDir } from "../../src/lib/content-dir";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { adminPath, alternates, pageAt, pagesOf, pathFor } from "../../src/lib/routes";
import { builtPaths, readBuilt, readPage, sitemapPaths, text } from "../helpers/site";

const siteDir = inject("siteDir");
const { files } = readContentFiles(contentDir());
const origin = new URL(
  readPage(siteDir, pathFor(localeCodes[0]!, { kind: "home" }))
    .querySelector('link[rel="canonical"]')!
    .getAttribute("href")!,
).origin;
const objectivesOf = (locale: Locale) =>
  files.filter((f) => f.collection === "objectives" && f.locale === locale).map((f) => f.data.number as number);
const pathsOf = (locale: Locale) => builtPaths(siteDir).filter((p) => pageAt(p)?.locale === locale);

describe("every locale in the built site", () => {
  it("builds the landing page, the root 404 page, the CMS and every locale's pages, and nothing else", () => {
    const expected = [
      "/",
      "/404.html",
      adminPath,
      ...localeCodes.flatMap((l) => pagesOf(objectivesOf(l)).map((p) => pathFor(l, p))),
    ];
    expect(builtPaths(siteDir).sort()).toEqual(expected.sort());
  });

  it.each(localeCodes)("%s: a page for each of its objectives, and every other kind of page", (locale) => {
    expect(objectivesOf(locale).length).toBeGreaterThan(0);
    expect(pathsOf(locale).sort()).toEqual(
      pagesOf(objectivesOf(locale))
        .map((p) => pathFor(locale, p))
        .sort(),
    );
  });

  it.each(localeCodes)(
    "%s: every page has its lang and dir, canonical, hreflang to every locale and x-default, a switcher to every other locale, skip link, breadcrumbs, title and description",
    (locale) => {
      for (const path of pathsOf(locale)) {
        const { page: ref } = pageAt(path)!;
        const page = readPage(siteDir, path);
        expect(page.querySelector("html")?.getAttribute("lang"), path).toBe(locale);
        expect(page.querySelector("html")?.getAttribute("dir"), path).toBe(getLocale(locale).dir);
        expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), path).toBe(`${origin}${path}`);
        const hreflang = page
          .querySelectorAll('link[rel="alternate"][hreflang]')
          .map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
        expect(hreflang, path).toEqual([
          ...alternates(ref).map((a) => [a.locale, `${origin}${a.path}`]),
          ["x-default", `${origin}/`],
        ]);
        expect(hreflang.map(([lang]) => lang)).toEqual([...localeCodes, "x-default"]);
        const switcher = page
          .querySelectorAll("a[data-switcher]")
          .map((a) => [a.getAttribute("lang"), a.getAttribute("dir"), a.getAttribute("href")]);
        expect(switcher, path).toEqual(
          alternates(ref)
            .filter((a) => a.locale !== locale)
            .map((a) => [a.locale, getLocale(a.locale).dir, a.path]),
        );
        expect(page.querySelector("a.skip-link")?.getAttribute("href"), path).toBe("#main");
        expect(page.querySelector("main#main"), path).not.toBeNull();
        expect(page.querySelector("nav.breadcrumbs [aria-current=page]"), path).not.toBeNull();
        expect(text(page.querySelector("title"))?.length, path).toBeGreaterThan(10);
        expect(page.querySelector('meta[name="description"]')?.getAttribute("content")?.length, path).toBeGreaterThan(
          10,
        );
        // The search page is the one page with scripts (tests/build/search.test.ts); every reading page has none.
        if (ref.kind !== "search") expect(page.querySelectorAll("script"), path).toHaveLength(0);
      }
    },
  );

  it.each(localeCodes)(
    "%s: its block on the landing page, in its own lang and dir, with its introduction and its way in",
    (locale) => {
      const page = readPage(siteDir, "/");
      expect(page.querySelector('meta[http-equiv="refresh"]')).toBeNull();
      expect(page.querySelectorAll("script")).toHaveLength(0);
      const sections = page.querySelectorAll(".landing section");
      expect(sections.map((s) => s.getAttribute("lang"))).toEqual(localeCodes);
      const section = sections[localeCodes.indexOf(locale)]!;
      expect(section.getAttribute("dir")).toBe(getLocale(locale).dir);
      expect(section.querySelector("a.cta")?.getAttribute("href")).toBe(pathFor(locale, { kind: "home" }));
      const intro = files.find((f) => f.collection === "strategy" && f.locale === locale)!.body;
      expect(text(section)).toContain(text({ textContent: intro })!.slice(0, 40));
      const title = page.querySelectorAll("h1.landing-title > span")[localeCodes.indexOf(locale)];
      expect([title?.getAttribute("lang"), title?.getAttribute("dir")]).toEqual([locale, getLocale(locale).dir]);
    },
  );

  it.each(localeCodes)("%s: every page in the sitemap with the same page in every locale, then x-default", (locale) => {
    const sitemap = readBuilt(siteDir, "/sitemap-0.xml");
    const entries = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)];
    expect(entries.map(([, loc]) => new URL(loc!).pathname).sort()).toEqual(sitemapPaths(siteDir).sort());
    const mine = entries.filter(([, loc]) => pageAt(new URL(loc!).pathname)?.locale === locale);
    expect(mine.map(([, loc]) => new URL(loc!).pathname).sort()).toEqual(
      pathsOf(locale)
        .filter((p) => pageAt(p)!.page.kind !== "notFound")
        .sort(),
    );
    for (const [, loc, links] of mine) {
      const at = pageAt(new URL(loc!).pathname)!;
      const found = [...links!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href]);
      expect(found, loc).toEqual([
        ...alternates(at.page).map((a) => [a.locale, `${origin}${a.path}`]),
        ["x-default", `${origin}/`],
      ]);
    }
    expect(sitemap).not.toContain("/404/");
    expect(readBuilt(siteDir, "/robots.txt")).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
  });

  it.each(localeCodes)(
    "%s: its own search index, records under its own pages only, and the code that searches it",
    (locale) => {
      const entry = JSON.parse(readBuilt(siteDir, "/pagefind/pagefind-entry.json")) as {
        languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
      };
      expect(Object.keys(entry.languages).sort()).toEqual([...localeCodes].sort());
      const own = entry.languages[locale]!;
      expect(own.page_count).toBeGreaterThan(0);
      // A language Pagefind cannot stem has no WebAssembly of its own and searches with the language-neutral one.
      const wasm = `wasm.${own.wasm ?? "unknown"}.pagefind`;
      expect(existsSync(path.join(siteDir, "pagefind", wasm)), wasm).toBe(true);
      expect(existsSync(path.join(siteDir, "pagefind", `pagefind.${own.hash}.pf_meta`))).toBe(true);
    },
  );
});
