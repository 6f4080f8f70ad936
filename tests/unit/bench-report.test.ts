import { describe, expect, it } from "vitest";
import {
  buildSteps,
  changesSince,
  figuresOf,
  previousFigures,
  reportTable,
  updateBenchmarks,
  type Figure,
} from "../../bench/report";
import { markdownTable } from "../../build/markdown-table";

const seconds = (label: string, value: number): Figure => ({ label, value, unit: "s", better: "lower" });

describe("the bench report", () => {
  it("prints rows as one Markdown table, escaping pipes", () => {
    expect(markdownTable(["a", "bb"], [["x|y", "1"]])).toBe("| a    | bb  |\n| ---- | --- |\n| x\\|y | 1   |");
    const table = reportTable([{ area: "build", measure: "10,000 results", result: "31 s", goal: "≤ 45 s" }]);
    expect(table.split("\n")[2]).toBe("| build | 10,000 results | 31 s   | ≤ 45 s         |");
  });

  it("names every figure that moved by 2 % or more, and whether that is better", () => {
    const previous = { a: seconds("build 10k", 40), b: seconds("build 1k", 5), gone: seconds("old", 1) };
    const current = {
      a: seconds("build 10k", 30),
      b: seconds("build 1k", 5.05),
      score: { label: "Lighthouse", value: 92, unit: "", better: "higher" as const },
    };
    expect(changesSince(previous, current)).toEqual([
      "build 10k: 40 s → 30 s (−25 %), better",
      "Lighthouse: 92 (new measure)",
      "old: no longer measured (was 1 s)",
    ]);
    expect(changesSince(previous, { a: seconds("build 10k", 44) })[0]).toBe("build 10k: 40 s → 44 s (+10 %), worse");
    expect(changesSince(undefined, current)).toEqual(["First run: nothing to compare with."]);
    expect(changesSince({ a: seconds("x", 1) }, { a: seconds("x", 1) })).toEqual(["No figure moved by 2 % or more."]);
  });

  it("collects the rows' figures under their keys", () => {
    expect(
      figuresOf([
        { area: "", measure: "", result: "", figures: { a: seconds("a", 1) } },
        { area: "", measure: "", result: "" },
      ]),
    ).toEqual({
      a: seconds("a", 1),
    });
  });

  it("reads the build's step durations from its output", () => {
    const output =
      "▶ Astro pages\n…\n✓ Astro pages (26123 ms)\n▶ Search index\n✓ Search index (9001 ms)\n✗ Other (5 ms)";
    expect(buildSteps(output)).toEqual([
      { name: "Astro pages", ms: 26123 },
      { name: "Search index", ms: 9001 },
    ]);
  });

  it("rewrites only its own part of BENCHMARKS.md, keeping what people wrote, and finds the figures again", () => {
    const first = updateBenchmarks(undefined, "run 1", { a: seconds("a", 1) });
    expect(first).toContain("run 1");
    expect(previousFigures(first)).toEqual({ a: seconds("a", 1) });
    const edited = `${first}\n## What was tried\n\nNotes.\n`.replace("# Benchmarks", "# Benchmarks\n\nIntro.");
    const second = updateBenchmarks(edited, "run 2", { a: seconds("a", 2) });
    expect(second).not.toContain("run 1");
    expect(second).toContain("run 2");
    expect(second).toContain("Intro.");
    expect(second).toContain("## What was tried\n\nNotes.");
    expect(previousFigures(second)).toEqual({ a: seconds("a", 2) });
    expect(updateBenchmarks("# Mine\n", "run", {})).toMatch(/^# Mine\n\n<!-- bench:start -->\nrun\n/);
    expect(previousFigures("# nothing")).toBeUndefined();
  });
});
