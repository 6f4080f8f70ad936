import { describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { pageAt } from "../../src/lib/routes";
import { readBuilt, readPage, text } from "../helpers/site";

const siteDir = inject("siteDir");
const origin = "https://ct-strategy.example.org";

// The real strategy's pages; what every locale's pages share, whatever the strategy, is in locales.test.ts.
describe("the built site", () => {
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

  it("writes a sitemap whose entries list their alternates, French first", () => {
    expect(readBuilt(siteDir, "/sitemap-0.xml")).toContain(
      `<url><loc>${origin}/fr/objectifs/1/</loc><xhtml:link rel="alternate" hreflang="fr" href="${origin}/fr/objectifs/1/"/><xhtml:link rel="alternate" hreflang="en" href="${origin}/en/objectives/1/"/>`,
    );
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
});
