import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateStrategy, realSentences } from "../../bench/generate-strategy";
import { checkContent } from "../../src/checks/check-content";
import { localeCodes } from "../../src/lib/locales";

const out = path.resolve(`tmp/generated-strategy-${process.pid}`);
const files = generateStrategy({
  results: 10,
  perObjective: 4,
  format: "mdx",
  calloutEvery: 5,
  sentences: realSentences(),
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the strategy generator for benchmarks", () => {
  it("writes the asked number of results per locale, grouped n per objective, in every locale", () => {
    for (const locale of localeCodes) {
      const of = (collection: string) => files.filter((f) => f.path.startsWith(`${collection}/${locale}/`));
      expect(of("results")).toHaveLength(10);
      expect(of("objectives").map((f) => f.path)).toEqual(["1", "2", "3"].map((n) => `objectives/${locale}/${n}.mdx`));
      expect(of("results").filter((f) => f.path.includes("/3-"))).toHaveLength(2);
      expect(of("strategy")).toHaveLength(1);
    }
  });

  it("uses the editors' Callout in every fifth result only, and recombines the real content's words", () => {
    const results = files.filter((f) => f.path.startsWith("results/fr/"));
    expect(results.filter((f) => f.text.includes("<Callout")).map((f) => f.path)).toEqual([
      "results/fr/2-1.mdx",
      "results/fr/3-2.mdx",
    ]);
    expect(results.map((f) => f.text).join(" ")).toMatch(/application de la loi|renseignements|terroris/);
  });

  it("passes every content check the build runs first, translations recorded as editors record them", () => {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      writeFileSync(path.join(out, file.path), file.text);
    }
    const report = checkContent(out);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.files).toHaveLength(files.length);
  });

  it("generates the same files on every run", () => {
    const again = generateStrategy({
      results: 10,
      perObjective: 4,
      format: "mdx",
      calloutEvery: 5,
      sentences: realSentences(),
    });
    expect(again).toEqual(files);
  });
});
