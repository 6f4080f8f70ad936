/**
 * A real `astro dev` (an isolated copy of the sources, on a copy of the content) with a page open in Chromium: a
 * content mistake saved while previewing shows on the open page as a readable notice in the page's language, never
 * a 500 page nor the text from before, and the fixed text shows again. The CMS is served there too, as static files.
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedRoot } from "../../bench/build";
import { launchChromium } from "../../harness/browser";
import { startDevServer, type DevServer } from "../../harness/dev-server";
import { readDictionaries } from "../../editor/cms/config";
import { configFileName } from "../../editor/cms/names";
import { defaultLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { adminPath, pathFor, resultAnchor } from "../../src/lib/routes";

const work = path.resolve(`tmp/preview-problems-${process.pid}`);
const content = path.join(work, "content");
const fixtures = "tests/fixtures/preview-problems";
const edited = `results/${defaultLocale}/2-3.mdx`;
const original = readFileSync(path.join("content", edited), "utf8");
const dictionaries = readDictionaries() as Record<string, Record<string, string>>;
let dev: DevServer;
let browser: Browser;

beforeAll(async () => {
  const root = isolatedRoot(path.join(work, "root"));
  cpSync("content", content, { recursive: true });
  const env = { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(work, "cache") };
  // What npm run dev does before astro dev starts: the CMS written where the preview serves it from.
  const admin = spawnSync("node", ["scripts/cms-admin.ts", "--dev"], { cwd: root, env, encoding: "utf8" });
  if (admin.status !== 0) throw new Error(`node scripts/cms-admin.ts --dev failed:\n${admin.stdout}${admin.stderr}`);
  dev = await startDevServer({
    root,
    contentDir: content,
    logFile: path.join(work, "dev.log"),
    env: { ASTRO_CACHE_DIR: env.ASTRO_CACHE_DIR },
    readyPath: pathFor(defaultLocale, { kind: "home" }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A wait that failed, with what the dev server said meanwhile: the page alone does not say why. */
function failWithLog(what: string): never {
  throw new Error(`${what}\nastro dev said:\n${dev.log().slice(-3000)}`);
}

/**
 * What an open page shows of the content's problems, read in one go once it shows them; read again when the dev
 * server reloads the page meanwhile (a file replaced is removed, then added: two saves, two reloads).
 */
async function readProblemPage(page: Page, locale: Locale, name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(".content-problems").waitFor({ timeout: 60_000 });
      return await page.evaluate(
        (anchor) => ({
          shown: document.querySelector<HTMLElement>(".content-problems")?.innerText ?? "",
          lang: document.documentElement.lang,
          excerpts: [...document.querySelectorAll<HTMLElement>(".problem-excerpt")].map((pre) => pre.innerText),
          oldText: document.getElementById(anchor) !== null,
        }),
        resultAnchor(locale, 2, 3),
      );
    } catch (error) {
      const message = (error as Error).message;
      if (attempt < 5 && /context was destroyed|navigat/i.test(message)) continue;
      failWithLog(`${name} ${locale}: ${message}`);
    }
  }
}

/** Saves a file of the copy the way editors' programs do: written whole, then renamed into place. */
function save(text: string) {
  const file = path.join(content, edited);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The result's objective page in every locale, each open in its own tab, as an editor would keep them. */
async function openPages(): Promise<Map<Locale, Page>> {
  const pages = new Map<Locale, Page>();
  for (const locale of localeCodes) {
    const page = await browser.newPage();
    const response = await page.goto(`${dev.origin}${pathFor(locale, { kind: "objective", objective: 2 })}`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector(`#${resultAnchor(locale, 2, 3)}`, { timeout: 60_000 });
    pages.set(locale, page);
  }
  return pages;
}

describe("the live preview (npm run dev) when the content has a mistake", () => {
  it("shows each mistake on the open pages in their language, with file and line; the fixed text returns", async () => {
    const pages = await openPages();
    const cases = readdirSync(fixtures).filter((name) => !name.endsWith(".md"));
    expect(cases.length).toBeGreaterThanOrEqual(4);
    let quoted = 0;
    for (const [index, name] of cases.entries()) {
      save(readFileSync(path.join(fixtures, name, edited), "utf8"));
      // What the terminal says of the same file: the page quotes the line and marks the spot as it does.
      const check = spawnSync("node", ["scripts/check-content.ts"], {
        env: { ...process.env, CONTENT_DIR: content },
        encoding: "utf8",
      });
      const terminal = `${check.stdout}${check.stderr}`.split("\n").map((line) => line.trim());
      for (const [locale, page] of pages) {
        // No reload by the test: the dev server reloads the page itself when the content changes.
        const { shown, lang, excerpts, oldText } = await readProblemPage(page, locale, name);
        const words = dictionaries[locale]!;
        expect(shown, `${name} ${locale}`).toContain(words["preview.problems.found"]);
        expect(shown, `${name} ${locale}`).toContain(words["preview.problems.expected"]);
        expect(shown, `${name} ${locale}`).toMatch(new RegExp(`${edited.replaceAll(".", "\\.")}:\\d+`));
        expect(lang).toBe(locale);
        for (const excerpt of excerpts) {
          for (const line of excerpt.split("\n")) expect(terminal, `${name} ${locale}`).toContain(line.trim());
          quoted++;
        }
        expect(oldText, `${name}: no old text`).toBe(false);
      }
      const fixed = original.replace(/\.\n$/, ` (correction ${index}).\n`);
      save(fixed);
      const page = pages.get(defaultLocale)!;
      await page
        .waitForSelector(`text=correction ${index}`, { timeout: 60_000 })
        .catch((error: Error) => failWithLog(`${name} fixed: ${error.message}`));
    }
    expect(quoted, "a case whose culprit is one character shows its line quoted").toBeGreaterThan(0);
    // Four saves and their fixes, watched in one tab per locale: minutes on a busy machine.
  }, 300_000);

  it("serves the CMS at /admin/ as a static page, without the dev server's reload script", async () => {
    const response = await fetch(`${dev.origin}${adminPath}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain("@vite/client");
    const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
    expect((await fetch(`${dev.origin}${script}`)).status).toBe(200);
    for (const locale of localeCodes)
      expect((await fetch(`${dev.origin}${adminPath}${configFileName(locale)}`)).status).toBe(200);
  });
});
