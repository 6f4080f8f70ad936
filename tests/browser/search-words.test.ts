import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { queryWords, splitWords } from "../../src/lib/search-words";
import { launchChromium } from "../../harness/browser";
import { serveSite, type Served } from "../helpers/serve";
import { searchQueries } from "../helpers/search-queries";

// Each locale that declares words to split (elisions, attached words) brings sentences in which a word is written
// attached to another, and the word each must be found by (tests/fixtures/search/<locale>.json, "attached").
const declaring = localeCodes.filter((locale) => {
  const { elisions, proclitics } = getLocale(locale).searchWords;
  return elisions.length + proclitics.length > 0;
});
const dir = path.resolve(`tmp/search-words-${process.pid}`);
let served: Served;
let browser: Browser;

/** An index of a locale's sentences, as given or split, in dir/<locale>-<name>/pagefind/. */
async function writeIndex(locale: Locale, name: string, prepare: (text: string) => string) {
  const folder = path.join(dir, `${locale}-${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "index.html"), `<!DOCTYPE html><html lang="${locale}"><title>t</title></html>`);
  const { index } = await pagefind.createIndex({});
  for (const [i, [text]] of searchQueries(locale).attached.entries())
    await index!.addCustomRecord({ url: `/${i}`, content: prepare(text), language: locale, meta: { title: text } });
  await index!.writeFiles({ outputPath: path.join(folder, "pagefind") });
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "404.html"), "<!DOCTYPE html><title>404</title>");
  for (const locale of declaring) {
    await writeIndex(locale, "pagefind-alone", (text) => text);
    await writeIndex(locale, "split", (text) => splitWords(text, getLocale(locale).searchWords));
  }
  await pagefind.close();
  served = await serveSite(dir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Which sentences each query finds in one index, searched in Chromium by Pagefind's own JS. */
async function found(folder: string, queries: string[]): Promise<string[][]> {
  const page = await browser.newPage();
  await page.goto(`${served.origin}/${folder}/`);
  const script = `(async (queries) => {
    const pagefind = await import(location.origin + "/${folder}/pagefind/pagefind.js");
    await pagefind.options({ noWorker: true });
    const found = [];
    for (const query of queries) {
      const response = await pagefind.search(query);
      found.push(await Promise.all(response.results.map(async (r) => (await r.data()).meta.title)));
    }
    return found;
  })(${JSON.stringify(queries)})`;
  const result = (await page.evaluate(script)) as string[][];
  await page.close();
  return result;
}

describe("words written attached to another (French elisions, Arabic conjunctions, prepositions and article)", () => {
  it("have sentences to test them in every locale that declares them", () => {
    for (const locale of declaring) expect(searchQueries(locale).attached.length, locale).toBeGreaterThan(3);
  });

  it.each(declaring)(
    "%s: hide some words from Pagefind alone, so this site splits them before indexing",
    async (locale) => {
      const sentences = searchQueries(locale).attached;
      const alone = await found(
        `${locale}-pagefind-alone`,
        sentences.map(([, word]) => word),
      );
      const missed = sentences.filter(([text], i) => !alone[i]!.includes(text)).map(([, word]) => word);
      console.log(`${locale}: Pagefind alone misses ${missed.length} of ${sentences.length}: ${missed.join(", ")}`);
      expect(missed.length).toBeGreaterThan(0);
    },
  );

  it.each(declaring)("%s: no longer hide any word once split: each sentence is found by its word", async (locale) => {
    const sentences = searchQueries(locale).attached;
    const hits = await found(
      `${locale}-split`,
      sentences.map(([, word]) => queryWords(word, getLocale(locale).searchWords)),
    );
    sentences.forEach(([text, word], i) => expect(hits[i], word).toContain(text));
  });

  it.each(declaring)("%s: are found when the query carries them too, written as in the sentence", async (locale) => {
    // Each sentence's word typed the way the sentence writes it, attached part included ("l’évaluation", "والفساد").
    const sentences = searchQueries(locale).attached;
    const typed = sentences.map(([text, word]) => text.split(/\s+/).find((w) => w.endsWith(word)) ?? word);
    const hits = await found(
      `${locale}-split`,
      typed.map((query) => queryWords(query, getLocale(locale).searchWords)),
    );
    sentences.forEach(([text], i) => expect(hits[i], typed[i]).toContain(text));
  });
});
