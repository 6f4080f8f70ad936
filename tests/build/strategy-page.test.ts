import { describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { pathFor } from "../../src/lib/routes";
import { readDataFiles, squash } from "../helpers/open-data";
import { readBuilt, readPage } from "../helpers/site";

const siteDir = inject("siteDir");

describe("the full-strategy page", () => {
  it("is linked from each home page and listed in the sitemap", () => {
    for (const locale of localeCodes) {
      const path = pathFor(locale, { kind: "strategy" });
      const home = readPage(siteDir, pathFor(locale, { kind: "home" }));
      expect(home.querySelectorAll("main a").map((a) => a.getAttribute("href"))).toContain(path);
      expect(readBuilt(siteDir, "/sitemap-0.xml")).toContain(`${path}</loc>`);
    }
  });

  it("holds the introduction, the mandate, every objective with every result in order, and the capabilities", () => {
    for (const locale of localeCodes) {
      const { json } = readDataFiles(siteDir, locale);
      const page = readPage(siteDir, pathFor(locale, { kind: "strategy" }));
      const main = squash(page.querySelector("main")?.textContent);
      expect(main).toContain(squash(json.strategy.introduction));
      expect(main).toContain(squash(json.strategy.mandate as string));
      const sections = page.querySelectorAll("main section.objective");
      expect(sections).toHaveLength(json.objectives.length);
      json.objectives.forEach((objective, i) => {
        const items = sections[i]!.querySelectorAll("ol.results > li");
        expect(squash(sections[i]!.querySelector(".statement")?.textContent)).toBe(squash(objective.statement));
        expect(items.map((li) => squash(li.querySelector("h3")?.textContent))).toEqual(
          objective.results.map((r) => expect.stringContaining(r.number)),
        );
        expect(items.map((li) => squash(li.querySelector("p")?.textContent))).toEqual(
          objective.results.map((r) => squash(r.text)),
        );
      });
      expect(page.querySelectorAll("main section.capabilities li").map((li) => squash(li.textContent))).toEqual(
        json.capabilities.map((c) => c.name),
      );
    }
  });

  it("links each result to its permalink on its objective page and repeats no id", () => {
    for (const locale of localeCodes) {
      const { json } = readDataFiles(siteDir, locale);
      const page = readPage(siteDir, pathFor(locale, { kind: "strategy" }));
      const links = page.querySelectorAll("main ol.results > li h3 a").map((a) => a.getAttribute("href"));
      expect(links).toEqual(
        json.objectives.flatMap((o) => o.results.map((r) => new URL(r.permalink).pathname + new URL(r.permalink).hash)),
      );
      const ids = page.querySelectorAll("[id]").map((e) => e.id);
      expect(new Set(ids).size, ids.join(" ")).toBe(ids.length);
    }
  });
});
