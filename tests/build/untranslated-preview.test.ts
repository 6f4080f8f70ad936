/**
 * A translation missing while previewing: the page in that language shows the original's text, with a notice in the
 * page's language, the text's own lang, and nothing of it in that language's search records. Rendered with
 * `astro build` alone, the same rendering as `npm run dev`; the README's build refuses this content.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRecords } from "../../build/search-records";
import { layContent } from "../helpers/content-fixtures";
import { readBuilt, readPage, text } from "../helpers/site";

const root = path.resolve(`tmp/untranslated-preview-${process.pid}`);
const out = `${root}-site`;
let build: { status: number | null; output: string };

beforeAll(() => {
  const content = layContent("tests/fixtures/strategy-small", "tests/fixtures/preview-untranslated", root);
  const result = spawnSync("astro", ["build"], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: `${out}-cache` },
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
});
afterAll(() => {
  for (const folder of [root, out, `${out}-cache`]) rmSync(folder, { recursive: true, force: true });
});

describe("an expected result not yet translated, while previewing", () => {
  it("renders, telling the editor which file is missing", () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/results\/en\/2-4\.mdx is missing: showing its fr text, marked as untranslated/);
  });

  it("shows the French text on the English page under a notice in English, with lang=fr", () => {
    const item = readPage(out, "/en/objectives/2/").querySelector("#result-2-4");
    expect(text(item?.querySelector("h3"))).toBe("Expected result 2.4");
    const untranslated = item?.querySelector(".untranslated");
    expect(untranslated?.getAttribute("data-pagefind-ignore")).toBe("all");
    expect(text(untranslated?.querySelector(".untranslated-notice"))).toBe(
      "This text has not been translated into English yet; here it is in French.",
    );
    const original = untranslated?.querySelector('[lang="fr"]');
    expect(text(original?.querySelector("p"))).toBe("Résultat fictif 2.4, écrit en français seulement : okapi.");
    expect(text(original?.querySelector(".callout-title"))).toBe("À noter");
  });

  it("shows it normally on the French page, components rendered", () => {
    const item = readPage(out, "/fr/objectifs/2/").querySelector("#resultat-2-4");
    expect(item?.querySelector(".untranslated")).toBeNull();
    expect(text(item?.querySelector('.callout[role="note"]'))).toBe("À noter Une note fictive.");
    expect(text(item?.querySelector(".key-figure"))).toBe("12 pays membres");
  });

  it("keeps the French text out of the English search records, and in the French ones", () => {
    const records = (locale: string, urlPath: string) =>
      searchRecords(urlPath, urlPath, readBuilt(out, urlPath)).records.filter((r) => r.language === locale);
    const english = records("en", "/en/objectives/2/");
    expect(english.length).toBeGreaterThan(0);
    expect(english.map((r) => r.content).join(" ")).not.toContain("okapi");
    expect(records("fr", "/fr/objectifs/2/").find((r) => r.url.endsWith("#resultat-2-4"))?.content).toContain("okapi");
  });
});
