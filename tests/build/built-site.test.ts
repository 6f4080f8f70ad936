import { describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { alternates, pageAt } from "../../src/lib/routes";
import { builtPaths, readBuilt, readPage, text } from "../helpers/site";

const siteDir = inject("siteDir");

describe("the built site", () => {
  it("builds every page of both locales, the landing page and the 404 pages", () => {
    const paths = builtPaths(siteDir);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/",
        "/404.html",
        "/fr/",
        "/en/",
        "/fr/objectifs/1/",
        "/fr/objectifs/4/",
        "/en/objectives/4/",
        "/fr/resultats/",
        "/en/results/",
        "/fr/capacites/",
        "/en/capabilities/",
        "/fr/404/",
        "/en/404/",
      ]),
    );
    expect(paths.filter((p) => p.includes("/objectifs/") || p.includes("/objectives/"))).toHaveLength(8);
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
    expect(hreflang).toEqual([
      ["fr", "https://ct-strategy.example.org/fr/objectifs/3/"],
      ["en", "https://ct-strategy.example.org/en/objectives/3/"],
      ["x-default", "https://ct-strategy.example.org/"],
    ]);
    expect(page.querySelectorAll("script")).toHaveLength(0);
  });

  it("gives every reading page lang, canonical, hreflang, skip link, breadcrumbs, title, description, a switcher and no script", () => {
    for (const path of builtPaths(siteDir).filter((p) => pageAt(p))) {
      const { locale, page: ref } = pageAt(path)!;
      const page = readPage(siteDir, path);
      expect(page.querySelector("html")?.getAttribute("lang"), path).toBe(locale);
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

  it("serves / as a bilingual landing page with both languages side by side, no redirect and no script", () => {
    const page = readPage(siteDir, "/");
    expect(page.querySelector('meta[http-equiv="refresh"]')).toBeNull();
    expect(page.querySelectorAll("script")).toHaveLength(0);
    const sections = page.querySelectorAll(".landing section");
    expect(sections.map((s) => s.getAttribute("lang"))).toEqual(["fr", "en"]);
    expect(sections.map((s) => s.querySelector("a.cta")?.getAttribute("href"))).toEqual(["/fr/", "/en/"]);
    expect(text(sections[0])).toContain("La Stratégie mondiale de lutte antiterroriste présente le plan");
    expect(text(sections[1])).toContain("The Counter-Terrorism Global Strategy sets out the plan");
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
      '<url><loc>https://ct-strategy.example.org/fr/objectifs/1/</loc><xhtml:link rel="alternate" hreflang="fr" href="https://ct-strategy.example.org/fr/objectifs/1/"/><xhtml:link rel="alternate" hreflang="en" href="https://ct-strategy.example.org/en/objectives/1/"/>',
    );
    expect(sitemap).not.toContain("/404/");
    expect(readBuilt(siteDir, "/robots.txt")).toContain("Sitemap: https://ct-strategy.example.org/sitemap-index.xml");
  });
});
