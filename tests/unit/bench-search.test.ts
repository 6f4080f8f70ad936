import { describe, expect, it } from "vitest";
import { comparisonTable, median, summarize } from "../../bench/search-pair";
import { starlightPages } from "../../bench/starlight";
import { localeCodes } from "../../src/lib/locales";

describe("the paired search benchmark's summary", () => {
  it("gives each path's median, range and ratio to Starlight's median and within each pair, failed runs left out", () => {
    const summary = summarize({
      runs: { page: [100, 120, NaN, 110], header: [300, 200, 250, 260], starlight: [400, 500, 600, 440] },
      loads: [1, 1, 1, 1],
      failures: ["page, pair 3: no hit within 30 s"],
    });
    const page = summary.find((s) => s.scenario === "page")!;
    expect(page).toMatchObject({ runs: 3, median: 110, min: 100, max: 120 });
    expect(page.ratio).toBeCloseTo(110 / 470);
    expect(summary.find((s) => s.scenario === "header")!.pairedRatio).toBeCloseTo(
      median([0.75, 0.4, 250 / 600, 260 / 440]),
    );
    expect(comparisonTable({ summary })).toMatch(
      /\| ours: typing on the search page \| 3 \| 110 ms \| 100 ms–120 ms \| 0\.23× \|/,
    );
  });
});

describe("the Starlight comparison site", () => {
  it("holds, in every locale, the home page's introduction and mandate, each objective with its results, the capabilities", () => {
    const pages = starlightPages("tests/fixtures/strategy-small");
    for (const locale of localeCodes) {
      const home = pages.get(`${locale}/index.md`)!;
      expect(home, locale).toMatch(/^---\ntitle: /);
      expect(home).toMatch(/\n> \S/);
      const objectives = [...pages.keys()].filter((p) => p.startsWith(`${locale}/objectifs/`));
      expect(objectives.length, locale).toBeGreaterThan(0);
      expect(pages.get(objectives[0]!)).toMatch(/\n## .+\n\n\S/);
      expect(pages.get(`${locale}/capacites.md`)).toMatch(/\n- \S/);
    }
  });
});
