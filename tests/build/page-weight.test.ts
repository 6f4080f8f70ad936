import { afterAll, describe, expect, inject, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { budgetFor, builtFiles, pageWeight, totals, weightTable, type PageWeight } from "../../build/page-weight";
import { pageAt, pathFor } from "../../src/lib/routes";
import { readingPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const read = builtFiles(siteDir);
const isSearch = (path: string) => pageAt(path)?.page.kind === "search";
// The CMS at /admin/ is for editors and weighs what Sveltia weighs: tests/build/cms-admin.test.ts budgets it.
const weights = new Map<string, PageWeight>(readingPaths(siteDir).map((path) => [path, pageWeight(path, read)]));

afterAll(() => {
  console.log(
    `Page weights, compressed as served (gzip -9 / brotli), with each page's budget:\n${weightTable(
      [...weights.values()].map((weight) => ({
        weight,
        budget: budgetFor(isSearch(weight.path) ? "search" : "reading"),
      })),
    )}`,
  );
});

describe("page weight budgets over the built site", () => {
  it("weighs every built page, the search page of each locale among them, and everything they load", () => {
    expect(weights.size).toBeGreaterThan(20);
    for (const locale of localeCodes) expect([...weights.keys()]).toContain(pathFor(locale, { kind: "search" }));
    for (const weight of weights.values()) expect(weight.problems, weight.path).toEqual([]);
  });

  it("keeps every reading page within 14 KB compressed, with everything it loads, and free of JavaScript", () => {
    for (const weight of [...weights.values()].filter((w) => !isSearch(w.path))) {
      const { total, javascript } = totals(weight);
      const budget = budgetFor("reading");
      expect(total, `${weight.path} weighs ${total} bytes with gzip -9`).toBeLessThanOrEqual(budget.total);
      expect(javascript, `${weight.path} loads ${javascript} bytes of JavaScript`).toBe(0);
    }
  });

  it("keeps each search page within 30 KB compressed before the visitor types, Pagefind loading only then", () => {
    for (const weight of [...weights.values()].filter((w) => isSearch(w.path))) {
      expect(totals(weight).total, weight.path).toBeLessThanOrEqual(budgetFor("search").total);
      expect(
        weight.resources.filter((r) => r.path.startsWith("/pagefind/")),
        weight.path,
      ).toEqual([]);
    }
  });
});
