/**
 * The editors' commands end to end on a copy of the small fixture strategy: npm run new, check:content,
 * i18n:status and i18n:translated, as the editing guide tells editors to use them.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";

const content = path.resolve(`tmp/editor-workflow-${process.pid}`);
// The fixture's expected results are written in French first, like the leaflet's; every other locale translates them.
const original = "fr";
const translations = localeCodes.filter((locale) => locale !== original);
/** The status row of an entry with the original in its column and `others` in every translation's. */
const row = (first: string, others: string) => localeCodes.map((locale) => (locale === original ? first : others));

function run(script: string, ...args: string[]) {
  const result = spawnSync("node", [`scripts/${script}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const file = (relative: string) => path.join(content, relative);
const rel = (relative: string) => path.relative(".", file(relative));
const statusRow = (output: string, entry: string) =>
  output
    .split("\n")
    .find((line) => line.startsWith(`${entry} `))
    ?.split(/\s{2,}/)
    .slice(1);
const writeText = (relative: string, text: string) =>
  writeFileSync(file(relative), readFileSync(file(relative), "utf8").replace(/^TODO.*$/m, text));

beforeAll(() => cpSync("tests/fixtures/strategy-small", content, { recursive: true }));
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe("adding and translating an expected result with the editors' commands", () => {
  it("scaffolds result 2.4 in every locale, which the checks reject until its text is written", () => {
    const created = run("new-entry", "result", "--objective", "2");
    expect(created.status, created.output).toBe(0);
    for (const locale of localeCodes) expect(created.output).toContain(`created ${rel(`results/${locale}/2-4.mdx`)}`);

    const check = run("check-content");
    expect(check.status).toBe(1);
    for (const locale of localeCodes)
      expect(check.output).toMatch(
        new RegExp(`${rel(`results/${locale}/2-4.mdx`)}:\\d+:1: found the placeholder left by npm run new`),
      );
    const status = run("i18n-status");
    expect(status.status).toBe(1);
    expect(statusRow(status.output, "results/2-4")).toEqual(row("to write", "to write"));
  });

  it("shows the translation as outdated once the original is written, and translated once recorded", () => {
    writeText(`results/${original}/2-4.mdx`, "Résultat fictif 2.4, girafe.");
    expect(statusRow(run("i18n-status").output, "results/2-4")).toEqual(row("original", "to write"));

    for (const locale of translations) writeText(`results/${locale}/2-4.mdx`, `Made-up result 2.4 (${locale}), giraffe.`);
    const check = run("check-content");
    expect(check.status, check.output).toBe(0);
    for (const locale of translations)
      expect(check.output).toContain(`Warning: ${rel(`results/${locale}/2-4.mdx`)}, field "sourceHash": found a translation of an earlier version`);
    expect(statusRow(run("i18n-status").output, "results/2-4")).toEqual(row("original", "outdated"));

    const recorded = run("i18n-translated", ...translations.map((locale) => rel(`results/${locale}/2-4.mdx`)));
    expect(recorded.status, recorded.output).toBe(0);
    const status = run("i18n-status");
    expect(status.status, status.output).toBe(0);
    expect(statusRow(status.output, "results/2-4")).toEqual(row("original", "translated"));
    expect(run("check-content").output).not.toContain("Warning");
  });

  it("marks the translation outdated again when the original changes", () => {
    const originalFile = file(`results/${original}/2-4.mdx`);
    writeFileSync(originalFile, readFileSync(originalFile, "utf8").replace("girafe", "okapi"));
    expect(statusRow(run("i18n-status").output, "results/2-4")).toEqual(row("original", "outdated"));
  });

  it("explains bad arguments with a usage and exit status 2", () => {
    const missing = run("new-entry", "result");
    expect(missing.status).toBe(2);
    expect(missing.output).toContain("new: a result belongs to an objective: expected --objective <number>");
    expect(missing.output).toContain("Usage: npm run new -- result --objective <number>");
    expect(run("new-entry", "result", "--objective", "9").output).toContain("objective 9 does not exist; expected one of 1, 2");
    const untracked = run("i18n-translated", rel("results/fr/2-4.mdx"));
    expect(untracked.status).toBe(2);
    expect(untracked.output).toContain("has no translatedFrom yet; expected --from <locale of the original>");
  });
});
