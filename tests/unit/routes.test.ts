import { describe, expect, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import {
  alternates,
  dataFiles,
  dataPath,
  pageAt,
  pagesOf,
  pathFor,
  resultAnchor,
  resultNumber,
  resultPath,
  type PageRef,
} from "../../src/lib/routes";
import { sitemapEntry } from "../../src/site/site-url";

const site = "https://strategy.example.org/";
// Every kind of page once, whether or not pagesOf publishes it yet.
const everyPage: PageRef[] = [
  ...new Map(
    [...pagesOf([1, 2, 3]), { kind: "search" } as const, { kind: "strategy" } as const].map(
      (p) => [JSON.stringify(p), p] as const,
    ),
  ).values(),
];

describe("URL helpers", () => {
  it("returns the English URL of a French objective page", () => {
    const french = pathFor("fr", { kind: "objective", objective: 2 });
    expect(french).toBe("/fr/objectifs/2/");
    const found = pageAt(french);
    expect(found).toEqual({ locale: "fr", page: { kind: "objective", objective: 2 } });
    expect(pathFor("en", found!.page)).toBe("/en/objectives/2/");
  });

  it("gives every page of every locale a switcher target that leads back to the same page", () => {
    for (const page of everyPage) {
      for (const locale of localeCodes) {
        const path = pathFor(locale, page);
        for (const other of alternates(page).filter((a) => a.locale !== locale)) {
          expect(pageAt(other.path), `${path} → ${other.path}`).toEqual({ locale: other.locale, page });
          expect(pathFor(locale, pageAt(other.path)!.page)).toBe(path);
        }
      }
    }
  });

  it("gives every page a distinct path per locale, under that locale", () => {
    const paths = everyPage.flatMap((page) => localeCodes.map((locale) => pathFor(locale, page)));
    expect(new Set(paths).size).toBe(paths.length);
    for (const locale of localeCodes)
      for (const page of everyPage) expect(pathFor(locale, page).startsWith(`/${locale}/`)).toBe(true);
  });

  it("finds no page at paths that are not the site's", () => {
    for (const path of [
      "/",
      "/de/",
      "/fr/objectifs/0/",
      "/fr/objectifs/1/extra/",
      "/fr/objectives/1/",
      "/en/resultats/",
    ])
      expect(pageAt(path), path).toBeUndefined();
  });

  it("names each locale's data files in its own folder, apart from every page", () => {
    expect(dataPath("fr", "strategyJson")).toBe("/fr/donnees/strategie.json");
    expect(dataPath("en", "resultsCsv")).toBe("/en/data/results.csv");
    const paths = localeCodes.flatMap((locale) => dataFiles.map((file) => dataPath(locale, file)));
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(pageAt(path), path).toBeUndefined();
    for (const locale of localeCodes)
      for (const file of dataFiles) expect(dataPath(locale, file).startsWith(`/${locale}/`)).toBe(true);
  });

  it("numbers and anchors a result in each language", () => {
    expect(resultNumber(2, 3)).toBe("2.3");
    expect(resultAnchor("fr", 2, 3)).toBe("resultat-2-3");
    expect(resultAnchor("en", 2, 3)).toBe("result-2-3");
    expect(resultPath("en", 2, 3)).toBe("/en/objectives/2/#result-2-3");
  });

  it("lists each page in the sitemap with an hreflang link per locale plus x-default", () => {
    const entry = sitemapEntry(site, `${site}en/objectives/4/`);
    expect(entry?.url).toBe(`${site}en/objectives/4/`);
    const links = entry?.links ?? [];
    expect(links).toHaveLength(localeCodes.length + 1);
    expect(links).toEqual(
      expect.arrayContaining([
        { lang: "fr", url: `${site}fr/objectifs/4/` },
        { lang: "en", url: `${site}en/objectives/4/` },
        { lang: "x-default", url: site },
      ]),
    );
    // Every locale once, each at its own objective 4, and the landing page as x-default, last.
    expect(links.map((l) => l.lang)).toEqual([...localeCodes, "x-default"]);
    for (const link of links.slice(0, -1))
      expect(pageAt(new URL(link.url).pathname)).toEqual({
        locale: link.lang,
        page: { kind: "objective", objective: 4 },
      });
  });

  it("keeps 404 pages and unknown paths out of the sitemap", () => {
    expect(sitemapEntry(site, `${site}fr/404/`)).toBeUndefined();
    expect(sitemapEntry(site, `${site}nowhere/`)).toBeUndefined();
  });
});
