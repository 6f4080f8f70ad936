import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";

const siteDir = inject("siteDir");

describe("reproducible builds", () => {
  it("writes byte-identical output in two clean builds (this run's and one more)", () => {
    const result = spawnSync("node", ["scripts/check-reproducible.ts", "--against", siteDir], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const [, first, second] = /Compared (\d+) and (\d+) files/.exec(result.stdout)!;
    expect(Number(first)).toBeGreaterThan(20);
    expect(second).toBe(first);
  });
});
