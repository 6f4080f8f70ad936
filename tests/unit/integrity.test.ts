import { describe, expect, it } from "vitest";
import { findContentProblems } from "../../src/checks/integrity";
import { formatProblem } from "../../src/lib/problem";

const strategy = [
  { id: "fr/strategy", data: { memberCountries: 1 } },
  { id: "en/strategy", data: { memberCountries: 1 } },
];
const objectives = ["fr", "en"].flatMap((l) => [1, 2].map((n) => ({ id: `${l}/${n}`, data: { number: n } })));
const result = (locale: string, name: string, objective: number, order: number) => ({
  id: `${locale}/${name}`,
  filePath: `content/results/${locale}/${name}.mdx`,
  data: { objective: { id: `${locale}/${objective}` }, order },
});
const base = { strategy, objectives, capabilities: [] };

describe("content integrity", () => {
  it("finds nothing wrong in a consistent strategy", () => {
    const results = ["fr", "en"].flatMap((l) => [result(l, "1-1", 1, 1), result(l, "2-1", 2, 1)]);
    expect(findContentProblems({ ...base, results }, ["fr", "en"])).toEqual([]);
  });

  it("names the file and field of a result pointing at a missing objective", () => {
    const results = ["fr", "en"].map((l) => result(l, "1-1", l === "fr" ? 7 : 1, 1));
    const problems = findContentProblems({ ...base, results }, ["fr", "en"]).map(formatProblem);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^content\/results\/fr\/1-1\.mdx, field "objective": found 7; expected the number of an existing objective .*\(1, 2\)/,
      ),
    );
  });

  it("names both files when two results share a number under one objective", () => {
    const results = ["fr", "en"].flatMap((l) => [result(l, "1-1", 1, 1), result(l, "1-2", 1, 1)]);
    const problems = findContentProblems({ ...base, results }, ["fr", "en"]).map(formatProblem);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /content\/results\/fr\/1-2\.mdx, field "order": found 1 under objective 1, already used by content\/results\/fr\/1-1\.mdx/,
      ),
    );
  });

  it("names the missing translation of an entry", () => {
    const results = [result("fr", "1-1", 1, 1)];
    const problems = findContentProblems({ ...base, results }, ["fr", "en"]).map(formatProblem);
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/results\/en\/1-1\.mdx: found no such file, while content\/results\/fr\/1-1\.mdx exists/,
      ),
    ]);
  });

  it("names a translation whose numbers differ from the original's", () => {
    const results = [result("fr", "1-1", 1, 1), result("en", "1-1", 1, 2)];
    const problems = findContentProblems({ ...base, results }, ["fr", "en"]).map(formatProblem);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /content\/results\/en\/1-1\.mdx, field "order": found 2; expected 1, as in content\/results\/fr\/1-1\.mdx/,
      ),
    );
  });
});
