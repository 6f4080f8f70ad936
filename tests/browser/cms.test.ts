/**
 * The CMS at /admin/ of the built site, served by nginx, driven in Chromium on a copy of content/ held in the
 * browser's origin-private file system: the way an editor works on a computer ("Work with Local Repository").
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { watchContext, type PageProblems } from "../../harness/browser";
import { serveWithNginx } from "../../harness/nginx";
import { contentFacts, readDictionaries } from "../../editor/cms/config";
import { bodyRequired } from "../../src/checks/body-checks";
import { readContentFiles } from "../../src/checks/content-files";
import { sourceHash } from "../../src/checks/translations";
import { collectionNames } from "../../src/lib/collections";
import { parseContentFile } from "../../src/lib/content-file";
import { defaultLocale, localeCodes } from "../../src/lib/locales";
import { dataPath, pathFor, resultAnchor } from "../../src/lib/routes";
import {
  cmsWords,
  fillOpfs,
  openLocalRepository,
  opfsTimes,
  pane,
  pickOpfsFolder,
  readOpfs,
  repositoryFiles,
  showOnRight,
  typeAtEnd,
  untilEditorHolds,
} from "../../harness/cms";
import { layContent } from "../helpers/content-fixtures";
import { siteInChromium } from "../helpers/site-in-chromium";
import { buildSite, readBuilt, readPage, text } from "../helpers/site";

const siteDir = inject("siteDir");
// On an editor's computer: Sveltia offers its local mode (a folder of the computer) on localhost only.
const running = siteInChromium(siteDir, { origin: "https://localhost/" });
/** The admin in the site's first language, as the editors most often use it. */
const ui = defaultLocale;
const words = cmsWords(ui);
const ours = readDictionaries()[ui];
const originalFiles = repositoryFiles("content");
const original = Object.fromEntries(originalFiles);
const { files: contentList } = readContentFiles("content");
const { originals } = contentFacts(contentList);
const tmp = path.resolve(`tmp/cms-test-${process.pid}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A browser context with the CMS open on a copy of `files`, and what goes wrong in it. */
async function openCms(
  files: [string, string][],
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await running.browser.newContext({
    ...running.site.contextOptions,
    locale: ui,
    viewport: { width: 1400, height: 1000 },
  });
  const problems = await watchContext(context, running.site.origin);
  await pickOpfsFolder(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  // Any page of the origin will do to fill its private file system; the landing page asks for nothing missing.
  await page.goto(`${running.site.origin}/`);
  await fillOpfs(page, files);
  await openLocalRepository(page, running.site.origin, words);
  return { context, page, problems };
}

const entryUrl = (collection: string, name: string) =>
  `${running.site.origin}/admin/#/collections/${collection}/entries/${name}`;

async function saveAndClose(page: Page) {
  await page.getByRole("button", { name: words.save, exact: true }).click();
  await page.waitForFunction(() => !/\/(entries\/|new)/.test(location.hash), null, { timeout: 30_000 });
}

/** Files whose text differs between two snapshots of the repository. */
const changedFiles = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((file) => before[file] !== after[file]).sort();

/** The content folder of a repository snapshot, written to disk for the command-line tools. */
function writeContent(files: Record<string, string>, name: string): string {
  const root = path.join(tmp, name);
  rmSync(root, { recursive: true, force: true });
  for (const [file, textOf] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), textOf);
  }
  return path.join(root, "content");
}

/** What `npm run i18n:status` says of an entry, locale by locale, for a content folder. */
function statusOf(contentDir: string, entry: string): Record<string, string> {
  const run = spawnSync("node", ["scripts/i18n-status.ts"], {
    encoding: "utf8",
    env: { ...process.env, CONTENT_DIR: contentDir },
  });
  const lines = run.stdout.split("\n");
  const header = lines[0]!.trim().split(/\s{2,}/);
  const row = lines
    .find((line) => line.startsWith(`${entry} `))!
    .trim()
    .split(/\s{2,}/);
  return Object.fromEntries(header.slice(1).map((locale, i) => [locale, row[i + 1]!]));
}

const fileOf = (collection: string, locale: string, name: string) =>
  originalFiles.find(([file]) => new RegExp(`^content/${collection}/${locale}/${name}\\.mdx?$`).test(file))![0];

describe("the CMS at /admin/", () => {
  it("loads from this site alone, with no console error, its fonts and icons in place", async () => {
    const { context, page, problems } = await openCms(originalFiles);
    await page.waitForFunction(() =>
      [...document.fonts].some((f) => f.family.includes("Material Symbols") && f.status === "loaded"),
    );
    // Icons are ligatures of that font: a rendered icon is narrower than its name written out in text.
    expect(await page.locator(".material-symbols-outlined").count()).toBeGreaterThan(0);
    // Chrome fetches the web app manifest (Sveltia writes one as a blob: URL) when it checks the page is installable.
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors, manifest.url).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], policyViolations: [], offOrigin: [], failedLoads: [] });
    // The results listed as the site numbers them: by objective, then order.
    await page.goto(`${running.site.origin}/admin/#/collections/results`);
    const title = new RegExp(ours["result.title"]!.replace("{{number}}", "(\\d+)\\.(\\d+)"));
    const listed = page.getByText(title);
    const count = contentList.filter((f) => f.collection === "results" && f.locale === originals.results).length;
    await expect.poll(() => listed.count(), { timeout: 30_000 }).toBe(count);
    const numbers = (await listed.allInnerTexts()).map((text) => title.exec(text)!.slice(1).map(Number));
    expect(numbers).toEqual([...numbers].sort(([a, b], [c, d]) => a! - c! || b! - d!));
    await context.close();
  });

  it("opens every entry and saves it back byte for byte, every locale's file rewritten and none changed", async () => {
    const { context, page, problems } = await openCms(originalFiles);
    const mark = "ZZRT";
    // A test-only hook: what was typed to enable Save is removed again before writing, so each entry is saved as read.
    await page.evaluate((mark) => {
      type ImmutableMap = {
        update(k: string, f: (m: ImmutableMap) => ImmutableMap): ImmutableMap;
        map(f: (v: unknown) => unknown): ImmutableMap;
        get(k: string): { keys(): Iterable<string> };
        updateIn(p: string[], f: (m: ImmutableMap) => ImmutableMap): ImmutableMap;
      };
      const strip = (data: ImmutableMap) =>
        data.map((v) => (typeof v === "string" && v.endsWith(mark) ? v.slice(0, -mark.length) : v));
      (window as unknown as { CMS: { registerEventListener(l: object): void } }).CMS.registerEventListener({
        name: "preSave",
        handler: ({ entry }: { entry: ImmutableMap }) => {
          let updated = entry.update("data", strip);
          for (const locale of entry.get("i18n").keys()) updated = updated.updateIn(["i18n", locale, "data"], strip);
          return updated;
        },
      });
    }, mark);
    const before = await opfsTimes(page);
    let entries = 0;
    for (const collection of collectionNames) {
      const first = originals[collection];
      const names = contentList.filter((f) => f.collection === collection && f.locale === first).map((f) => f.name);
      for (const name of names) {
        await page.goto(entryUrl(collection, name));
        await pane(page, first).waitFor();
        // Something typed in every locale's pane, so the rich-text editor writes every body back.
        for (const locale of [first, ...localeCodes.filter((l) => l !== first)]) {
          if (locale !== first) await showOnRight(page, locale, words, ui);
          await typeAtEnd(page, locale, mark, bodyRequired[collection] ? "body" : "name");
        }
        await saveAndClose(page);
        entries++;
      }
    }
    const saved = await readOpfs(page);
    const after = await opfsTimes(page);
    expect(entries).toBe(new Set(contentList.map((f) => `${f.collection}/${f.name}`)).size);
    expect(Object.keys(after).filter((file) => after[file] === before[file])).toEqual([]);
    expect(changedFiles(original, saved)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
    // A browser driven through many screens: minutes on a busy machine.
  }, 300_000);

  it("saves an edit of French result 2.3 into that file alone; its translation turns outdated, then up to date", async () => {
    const { context, page, problems } = await openCms(originalFiles);
    const first = originals.results;
    const translation = localeCodes.find((l) => l !== first)!;
    const [frFile, enFile] = [fileOf("results", first, "2-3"), fileOf("results", translation, "2-3")];
    const added = " Phrase ajoutée dans le CMS.";
    await page.goto(entryUrl("results", "2-3"));
    await typeAtEnd(page, first, added);
    await saveAndClose(page);
    const edited = await readOpfs(page);
    expect(changedFiles(original, edited)).toEqual([frFile]);
    expect(edited[frFile]).toBe(original[frFile]!.replace(/\n$/, `${added}\n`));
    expect(statusOf(writeContent(edited, "edited"), "results/2-3")[translation]).toBe("outdated");

    await page.goto(entryUrl("results", "2-3"));
    await showOnRight(page, translation, words, ui);
    const status = pane(page, translation).locator(".translation-status");
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 30_000 }).toBe("outdated");
    await pane(page, translation).getByRole("button", { name: ours["cms.status.markUpToDate"] }).click();
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 30_000 }).toBe("translated");
    await saveAndClose(page);
    const marked = await readOpfs(page);
    expect(changedFiles(edited, marked)).toEqual([enFile]);
    const fr = parseContentFile(marked[frFile]!, frFile);
    expect(parseContentFile(marked[enFile]!, enFile).data!.sourceHash).toBe(
      sourceHash({ data: fr.data!, body: fr.body }),
    );
    expect(marked[enFile]!.replace(/sourceHash: "\w+"/, "")).toBe(original[enFile]!.replace(/sourceHash: "\w+"/, ""));
    expect(statusOf(writeContent(marked, "marked"), "results/2-3")[translation]).toBe("translated");
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
    // A browser driven through many screens: minutes on a busy machine.
  }, 300_000);

  it("creates a result in every locale with a Callout, which the checks accept and the built site publishes", async () => {
    const { context, page, problems } = await openCms(originalFiles);
    const first = originals.results;
    const objective = Math.max(
      ...contentList.filter((f) => f.collection === "objectives").map((f) => Number(f.data.number)),
    );
    const order =
      contentList.filter((f) => f.collection === "results" && f.locale === first && f.data.objective === objective)
        .length + 1;
    const texts = Object.fromEntries(
      localeCodes.map((locale) => [
        locale,
        {
          text: `Résultat ${locale} créé dans le CMS, mot${locale}cms.`,
          title: `Titre ${locale}`,
          callout: `Encadré ${locale}.`,
        },
      ]),
    );
    await page.goto(`${running.site.origin}/admin/#/collections/results/new`);
    await pane(page, first)
      .locator('section[data-key-path="objective"]')
      .getByRole("radio", { name: String(objective), exact: true })
      .click();
    await pane(page, first).locator('section[data-key-path="order"] input').fill(String(order));
    for (const locale of [first, ...localeCodes.filter((l) => l !== first)]) {
      if (locale !== first) await showOnRight(page, locale, words, ui);
      const body = pane(page, locale).locator('section[data-key-path="body"]');
      const editors = body.locator('[role="textbox"][contenteditable="true"]');
      // Each text is typed into its editor once it is there, then waited for: the editors mount as the form renders.
      const typeInto = async (editor: typeof editors, text: string) => {
        await editor.click();
        await page.keyboard.type(text);
        await expect.poll(() => editor.textContent(), { timeout: 30_000 }).toContain(text);
      };
      await typeInto(editors.first(), texts[locale]!.text);
      await page.keyboard.press("Enter");
      await body.getByRole("button", { name: words.insert }).first().click();
      await page.getByRole("menuitem", { name: ours["cms.callout"] }).click();
      await editors.nth(1).waitFor();
      await body.locator("input").first().fill(texts[locale]!.title);
      await typeInto(editors.nth(1), texts[locale]!.callout);
      // What the entry holds, not only what the editors show, before the pane goes: the body's Markdown, both texts.
      await untilEditorHolds(editors.first(), texts[locale]!.text);
      await untilEditorHolds(editors.first(), texts[locale]!.callout);
      if (locale !== first) {
        await pane(page, locale).getByRole("button", { name: ours["cms.status.markUpToDate"] }).click();
        await expect
          .poll(() => pane(page, locale).locator(".translation-status").getAttribute("data-state"), { timeout: 30_000 })
          .toBe("translated");
      }
    }
    await saveAndClose(page);
    const created = await readOpfs(page);
    const name = `${objective}-${order}`;
    expect(changedFiles(original, created)).toEqual(localeCodes.map((l) => `content/results/${l}/${name}.mdx`).sort());
    const body = (locale: string) =>
      `${texts[locale]!.text}\n\n<Callout title="${texts[locale]!.title}">\n  ${texts[locale]!.callout}\n</Callout>\n`;
    expect(created[`content/results/${first}/${name}.mdx`]).toBe(
      `---\nobjective: ${objective}\norder: ${order}\n---\n\n${body(first)}`,
    );
    const originalFile = parseContentFile(created[`content/results/${first}/${name}.mdx`]!, "");
    const hash = sourceHash({ data: originalFile.data!, body: originalFile.body });
    for (const locale of localeCodes.filter((l) => l !== first))
      expect(created[`content/results/${locale}/${name}.mdx`]).toBe(
        `---\nobjective: ${objective}\norder: ${order}\ntranslatedFrom: ${first}\nsourceHash: "${hash}"\n---\n\n${body(locale)}`,
      );
    expect(problems.consoleErrors).toEqual([]);
    await context.close();

    const contentDir = writeContent(created, "created");
    const check = spawnSync("node", ["scripts/check-content.ts"], {
      encoding: "utf8",
      env: { ...process.env, CONTENT_DIR: contentDir },
    });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    const out = path.join(tmp, "site");
    const built = buildSite({ contentDir, out });
    expect(built.status, built.output).toBe(0);
    // Under the host name this browser resolves (the search pages need no particular one).
    const site = await serveWithNginx(out, { origin: "https://localhost/" });
    const searching = await running.browser.newContext(site.contextOptions);
    try {
      for (const locale of localeCodes) {
        const anchor = resultAnchor(locale, objective, order);
        const item = readPage(out, pathFor(locale, { kind: "objective", objective })).querySelector(`#${anchor}`);
        expect(text(item), locale).toContain(texts[locale]!.text);
        expect(text(item?.querySelector(".callout")), locale).toContain(texts[locale]!.callout);
        const all = readPage(out, pathFor(locale, { kind: "results" }));
        expect(all.querySelector(`a[href$="#${anchor}"]`), locale).not.toBeNull();
        expect(text(all), locale).toContain(texts[locale]!.text);
        expect(readBuilt(out, dataPath(locale, "resultsCsv")), locale).toContain(texts[locale]!.text);
        const search = await searching.newPage();
        await search.goto(`${site.origin}${pathFor(locale, { kind: "search" })}?q=mot${locale}cms`);
        await search.waitForSelector(`#search-hits a[href*="${anchor}"]`, { timeout: 30_000 });
      }
    } finally {
      await searching.close();
      await site.close();
    }
    // A browser driven through many screens: minutes on a busy machine.
  }, 300_000);

  it("shows a file it cannot write back as it is read-only, names it and the line, and refuses to save it", async () => {
    const fixture = layContent("content", "tests/fixtures/cms-read-only", path.join(tmp, "read-only"));
    const files = repositoryFiles(fixture);
    const { context, page, problems } = await openCms(files);
    const first = originals.results;
    const before = await opfsTimes(page);
    for (const [name, file, line] of [
      // A YAML comment in the original's frontmatter, which the form would drop.
      ["1-1", `content/results/${first}/1-1.mdx`, 2],
      // *emphasis* in a translation's body, which the rich-text editor would write _emphasis_.
      ["1-2", `content/results/${localeCodes.find((l) => l !== first)}/1-2.mdx`, 8],
    ] as const) {
      await page.goto(entryUrl("results", name));
      const notice = pane(page, first).locator('[data-read-only="true"]');
      await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain(file);
      expect(await notice.textContent()).toContain(String(line));
      await typeAtEnd(page, first, " modifié");
      await page.getByRole("button", { name: words.save, exact: true }).click();
      // Saving fails validation: the editor stays open, and the field says why.
      await expect.poll(() => pane(page, first).textContent(), { timeout: 30_000 }).toContain(ours["cms.file.refused"]);
      expect(page.url()).toContain(`/entries/${name}`);
    }
    expect(await opfsTimes(page)).toEqual(before);
    expect(Object.fromEntries(Object.entries(await readOpfs(page)))).toEqual(Object.fromEntries(files));
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
    // A browser driven through many screens: minutes on a busy machine.
  }, 300_000);
});
