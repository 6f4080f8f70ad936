import { describe, expect, inject, it } from "vitest";
import { readContentFiles } from "../../src/checks/content-files";
import { contentDir } from "../../src/lib/content-dir";
import { getLocale, localeCodes } from "../../src/lib/locales";
import { alternates, pageAt, pagesOf, pathFor } from "../../src/lib/routes";
import { builtPaths, readBuilt, readPage, sitemapPaths, text } from "../helpers/site";

const siteDir = inject("siteDir");
const origin = "https://ct-strategy.example.org";
// The leaflet's four objectives, in every locale.
const objectives = [1, 2, 3, 4];

describe("the built site", () => {
  it("builds every page of every locale, the landing page and the 404 pages, and no other page", () => {
    const expected = ["/", "/404.html", ...localeCodes.flatMap((l) => pagesOf(objectives).map((p) => pathFor(l, p)))];
    expect(builtPaths(siteDir).sort()).toEqual(expected.sort());
    expect(builtPaths(siteDir).filter((p) => pageAt(p)?.page.kind === "objective")).toHaveLength(
      objectives.length * localeCodes.length,
    );
  });

  it("holds, on a built objective page, its statement, its results with anchors, lang, hreflang links and no script", () => {
    const page = readPage(siteDir, "/fr/objectifs/3/");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("fr");
    expect(text(page.querySelector(".statement"))).toBe(
      "Aider les pays membres à traduire davantage de criminels en justice et à rapatrier des fonds.",
    );
    expect(page.querySelectorAll("ol.results > li").map((li) => li.id)).toEqual([
      "resultat-3-1",
      "resultat-3-2",
      "resultat-3-3",
    ]);
    expect(text(page.querySelector("#resultat-3-2 p"))).toContain("l'évaluation comparative des capacités");
    const hreflang = page
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
    expect(hreflang).toEqual(
      expect.arrayContaining([
        ["fr", `${origin}/fr/objectifs/3/`],
        ["en", `${origin}/en/objectives/3/`],
      ]),
    );
    // Every locale once, each at its own objective 3, then the landing page as x-default.
    expect(hreflang.map(([lang]) => lang)).toEqual([...localeCodes, "x-default"]);
    for (const [lang, href] of hreflang.slice(0, -1))
      expect(pageAt(new URL(href!).pathname)).toEqual({ locale: lang, page: { kind: "objective", objective: 3 } });
    expect(hreflang.at(-1)).toEqual(["x-default", `${origin}/`]);
    expect(page.querySelectorAll("script")).toHaveLength(0);
  });

  it("gives every reading page lang, dir, canonical, hreflang, skip link, breadcrumbs, title, description, a switcher and no script", () => {
    for (const path of builtPaths(siteDir).filter((p) => pageAt(p))) {
      const { locale, page: ref } = pageAt(path)!;
      const page = readPage(siteDir, path);
      expect(page.querySelector("html")?.getAttribute("lang"), path).toBe(locale);
      expect(page.querySelector("html")?.getAttribute("dir"), path).toBe(getLocale(locale).dir);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href"), path).toBe(
        `https://ct-strategy.example.org${path}`,
      );
      expect(page.querySelectorAll('link[rel="alternate"][hreflang]').length, path).toBe(localeCodes.length + 1);
      const skip = page.querySelector("a.skip-link");
      expect(skip?.getAttribute("href"), path).toBe("#main");
      expect(page.querySelector("main#main"), path).not.toBeNull();
      expect(page.querySelector("nav.breadcrumbs [aria-current=page]"), path).not.toBeNull();
      expect(text(page.querySelector("title"))?.length, path).toBeGreaterThan(10);
      expect(page.querySelector('meta[name="description"]')?.getAttribute("content")?.length, path).toBeGreaterThan(20);
      const targets = page
        .querySelectorAll("a[data-switcher]")
        .map((a) => [a.getAttribute("lang"), a.getAttribute("href")]);
      expect(targets, path).toEqual(
        alternates(ref)
          .filter((a) => a.locale !== locale)
          .map((a) => [a.locale, a.path]),
      );
      // The search page is the one page with scripts (tests/build/search.test.ts); every reading page has none.
      if (ref.kind !== "search") expect(page.querySelectorAll("script"), path).toHaveLength(0);
    }
  });

  it("serves / as a landing page with every language side by side, each in its own lang and dir, no redirect and no script", () => {
    const page = readPage(siteDir, "/");
    expect(page.querySelector('meta[http-equiv="refresh"]')).toBeNull();
    expect(page.querySelectorAll("script")).toHaveLength(0);
    const sections = page.querySelectorAll(".landing section");
    expect(sections.map((s) => [s.getAttribute("lang"), s.getAttribute("dir")])).toEqual(
      localeCodes.map((l) => [l, getLocale(l).dir]),
    );
    expect(sections.map((s) => s.querySelector("a.cta")?.getAttribute("href"))).toEqual(
      localeCodes.map((l) => pathFor(l, { kind: "home" })),
    );
    expect(page.querySelectorAll("h1.landing-title > span").map((s) => s.getAttribute("lang"))).toEqual(localeCodes);
    // Each block holds its own locale's introduction, as written in content/strategy/<locale>/.
    const { files } = readContentFiles(contentDir());
    for (const [i, locale] of localeCodes.entries()) {
      const intro = files.find((f) => f.collection === "strategy" && f.locale === locale)!.body;
      expect(text(sections[i]), locale).toContain(text({ textContent: intro })!.slice(0, 60));
    }
  });

  it("shows on the home page the key figures and each objective with its number of results", () => {
    const page = readPage(siteDir, "/en/");
    expect(page.querySelectorAll(".figures li").map(text)).toEqual([
      "195 member countries",
      "4 objectives",
      "13 expected results",
      "6 capabilities",
      "2022–2025 period covered",
    ]);
    expect(page.querySelectorAll(".cards .meta").map(text)).toEqual([
      "3 expected results",
      "4 expected results",
      "3 expected results",
      "3 expected results",
    ]);
  });

  it("draws the capabilities as a heading followed by a list that a screen reader reads", () => {
    const page = readPage(siteDir, "/fr/capacites/");
    const diagram = page.querySelector("section.capabilities");
    expect(text(diagram?.querySelector("h1"))).toBe("Capacités");
    expect(diagram?.querySelectorAll("ul > li").map(text)).toEqual([
      "Appui stratégique",
      "Renforcement des capacités",
      "Innovation",
      "Gestion des connaissances",
      "Appui opérationnel",
      "Services d'identification",
    ]);
  });

  it("lists every expected result on the results page, grouped by objective, linking to its permalink", () => {
    const page = readPage(siteDir, "/en/results/");
    const groups = page.querySelectorAll("main section");
    expect(groups.map((g) => g.querySelectorAll("ol.results > li").length)).toEqual([3, 4, 3, 3]);
    expect(groups[1]!.querySelector("ol.results > li h3 a")?.getAttribute("href")).toBe("/en/objectives/2/#result-2-1");
  });

  it("writes a sitemap with hreflang alternates and a robots.txt that points to it", () => {
    const sitemap = readBuilt(siteDir, "/sitemap-0.xml");
    expect(sitemap).toContain(
      `<url><loc>${origin}/fr/objectifs/1/</loc><xhtml:link rel="alternate" hreflang="fr" href="${origin}/fr/objectifs/1/"/><xhtml:link rel="alternate" hreflang="en" href="${origin}/en/objectives/1/"/>`,
    );
    // Every page of every locale lists the same page in every locale, then x-default.
    const entries = [...sitemap.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)];
    expect(entries.map(([, loc]) => new URL(loc!).pathname).sort()).toEqual(sitemapPaths(siteDir).sort());
    for (const [, loc, links] of entries) {
      const at = pageAt(new URL(loc!).pathname);
      if (!at) continue; // the landing page, which is every language's x-default
      const found = [...links!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href]);
      expect(found, loc).toEqual([
        ...alternates(at.page).map((a) => [a.locale, `${origin}${a.path}`]),
        ["x-default", `${origin}/`],
      ]);
    }
    expect(sitemap).not.toContain("/404/");
    expect(readBuilt(siteDir, "/robots.txt")).toContain("Sitemap: https://ct-strategy.example.org/sitemap-index.xml");
  });
});
