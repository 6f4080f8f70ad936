/**
 * The proof that the suite follows src/lib/locales.ts: in a copy of the project, a throwaway locale is added the way
 * the README says (its declaration, its dictionary, its content, the fixture strategy's too), and the tests that
 * depend on the locales run there, on that copy's own build. Hebrew: right to left, a script without italics, plural
 * forms of its own, and a language Pagefind cannot stem, none of which the four published locales combine.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(`tmp/extra-locale-${process.pid}`);
const code = "he";
const declaration = `  {
    code: "${code}",
    label: "עברית",
    dir: "rtl",
    segments: {
      objectives: "matarot",
      results: "totsaot",
      capabilities: "yecholot",
      search: "chipus",
      strategy: "astrategya",
      data: "netunim",
    },
    resultAnchor: "totsaa",
    anchors: { introduction: "mavo", mandate: "mandat", capability: "yecholet" },
    searchWords: { elisions: [], proclitics: [], stopWords: ["של", "את", "על", "עם", "או"] },
  },
`;
/** Tests that depend on the list of locales and hold for any strategy: they run in the copy, on its own build. */
const localeTests = [
  "tests/unit/i18n.test.ts",
  "tests/unit/routes.test.ts",
  "tests/unit/lang.test.ts",
  "tests/unit/format.test.ts",
  "tests/unit/search-config.test.ts",
  "tests/content/frontmatter-schemas.test.ts",
  "tests/content/editor-workflow.test.ts",
  "tests/build/locales.test.ts",
  "tests/build/open-data.test.ts",
  "tests/build/search.test.ts",
  "tests/build/html-validate.test.ts",
  "tests/build/links.test.ts",
  "tests/build/page-weight.test.ts",
];
const copied = [
  "src",
  "scripts",
  "build",
  "editor",
  "bench",
  "harness",
  "public",
  "deploy",
  "tests",
  "astro.config.mjs",
  "package.json",
  "tsconfig.json",
  "vitest.config.ts",
  ".htmlvalidate.json",
];

/** Each file of a content folder's English entries copied as the new locale's: translations of the same originals. */
function addContent(folder: string) {
  for (const collection of readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const from = path.join(folder, collection.name, "en");
    if (existsSync(from)) cpSync(from, path.join(folder, collection.name, code), { recursive: true });
  }
}

/** The English dictionary with one key per plural category of the new locale's language. */
function dictionary(): Record<string, string> {
  const english = JSON.parse(readFileSync(path.join(root, "src/i18n/en.json"), "utf8")) as Record<string, string>;
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const entries = Object.entries(english).flatMap(([key, value]): [string, string][] => {
    const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
    if (!plural) return [[key, value]];
    if (plural[2] !== "other") return [];
    return categories.map((category) => [`${plural[1]}_${category}`, english[`${plural[1]}_${category}`] ?? value]);
  });
  return Object.fromEntries(entries);
}

let run: { status: number | null; output: string };

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const source of copied) if (existsSync(source)) cpSync(source, path.join(root, source), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"));
  rmSync(path.join(root, "tests/fixtures/search"), { recursive: true, force: true });

  // The README's steps: declare the locale, write its dictionary, its content, and the fixture strategy's.
  const locales = path.join(root, "src/lib/locales.ts");
  const end = "] as const satisfies readonly LocaleDefinition[];";
  writeFileSync(locales, readFileSync(locales, "utf8").replace(end, `${declaration}${end}`));
  writeFileSync(path.join(root, `src/i18n/${code}.json`), `${JSON.stringify(dictionary(), null, 2)}\n`);
  cpSync("tests/fixtures/strategy-small", path.join(root, "content"), { recursive: true });
  addContent(path.join(root, "content"));
  addContent(path.join(root, "tests/fixtures/strategy-small"));

  // The copy builds its own content/: CONTENT_DIR, if the outer run has one, must not point it elsewhere.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "CONTENT_DIR"));
  Object.assign(env, { NO_COLOR: "1", PATH: `${path.resolve("node_modules/.bin")}:${process.env.PATH}` });
  const result = spawnSync("vitest", ["run", "--reporter=verbose", ...localeTests], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  run = { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, "") };
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a fifth locale added to a copy of the project", () => {
  it("passes every locale-dependent test of that copy, built with it", () => {
    expect(run.status, run.output.slice(-6000)).toBe(0);
    const [, files] = /Test Files\s+(\d+) passed/.exec(run.output) ?? [];
    expect(Number(files)).toBe(localeTests.length);
  });

  it("ran those tests for the new locale by name, not only for the published ones", () => {
    const named = run.output.split("\n").filter((line) => line.includes(`${code}:`) && line.includes("✓"));
    console.log(`${named.length} tests named for "${code}" passed in the copy`);
    expect(named.length).toBeGreaterThanOrEqual(5);
  });
});
