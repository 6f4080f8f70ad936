import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Declarations that name a physical side: they would stay on the left in right-to-left text.
const physical =
  /(?:^|[\s;{])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)|left|right)\s*:|(?:float|clear|text-align)\s*:\s*(?:left|right)\b/;

/** Every stylesheet under src/, and every <style> block of the .astro files: the site's CSS, whatever its file. */
function styles(): { file: string; lines: string[] }[] {
  const files = readdirSync("src", { recursive: true, encoding: "utf8" }).map((f) => path.join("src", f));
  return files.flatMap((file) => {
    if (file.endsWith(".css")) return [{ file, lines: readFileSync(file, "utf8").split("\n") }];
    if (!file.endsWith(".astro")) return [];
    const text = readFileSync(file, "utf8");
    // Lines outside <style> blocks are blanked, so line numbers stay the file's.
    let inside = false;
    const lines = text.split("\n").map((line) => {
      if (/<style\b/.test(line)) inside = true;
      const kept = inside ? line : "";
      if (/<\/style>/.test(line)) inside = false;
      return kept;
    });
    return [{ file, lines }];
  });
}

describe("the site's CSS", () => {
  it("names no physical side (left, right) but where a comment just above says why", () => {
    const found: string[] = [];
    let scanned = 0;
    for (const { file, lines } of styles())
      lines.forEach((line, i) => {
        scanned++;
        if (physical.test(line) && !/\/\*.*physical.*\*\//i.test(lines[i - 1] ?? ""))
          found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    expect(scanned).toBeGreaterThan(300);
    expect(found).toEqual([]);
  });

  it("is caught naming a side, so the check above can fail", () => {
    expect(physical.test("  margin-right: 0.25rem;")).toBe(true);
    expect(physical.test("  border-left: 4px solid;")).toBe(true);
    expect(physical.test("  left: 1rem;")).toBe(true);
    expect(physical.test("  text-align: right;")).toBe(true);
    expect(physical.test("  margin-inline-end: 0.25rem;")).toBe(false);
    expect(physical.test("  inset-inline-start: 1rem;")).toBe(false);
    expect(physical.test("  text-align: center;")).toBe(false);
  });
});
