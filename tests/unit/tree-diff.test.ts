import { describe, expect, it } from "vitest";
import { treeDifferences } from "../../build/tree-diff";

describe("comparing two builds", () => {
  it("finds nothing between identical trees", () => {
    const tree = new Map([
      ["index.html", "a1"],
      ["fr/index.html", "b2"],
    ]);
    expect(treeDifferences(tree, new Map(tree))).toEqual([]);
  });

  it("names each file that differs, is missing or is extra", () => {
    const first = new Map([
      ["index.html", "a1"],
      ["fr/index.html", "b2"],
      ["old.txt", "c3"],
    ]);
    const second = new Map([
      ["index.html", "a1"],
      ["fr/index.html", "ff"],
      ["new.txt", "d4"],
    ]);
    expect(treeDifferences(first, second).map((p) => `${p.file}: ${p.found}`)).toEqual([
      "fr/index.html: other bytes in the second build",
      "old.txt: a file the second build did not write",
      "new.txt: a file only the second build wrote",
    ]);
  });
});
