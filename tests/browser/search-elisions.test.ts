import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryWithoutElisions, splitElisions } from "../../src/lib/elisions";
import { getLocale } from "../../src/lib/locales";
import { launchChromium } from "../../harness/browser";
import { serveSite, type Served } from "../helpers/serve";

// One sentence per elided word, written with the typographic apostrophe (’) editors paste from word processors,
// and the word each must be found by.
const sentences: [string, string][] = [
  ["Priorité accrue à l’évaluation comparative", "évaluation"],
  ["au moyen d’évaluations structurées", "évaluations"],
  ["en matière d’enquêtes régionales", "enquêtes"],
  ["j’observe les tendances", "observe"],
  ["qu’aucun pays membre", "aucun"],
  ["lorsqu’interviennent les services", "interviennent"],
  ["puisqu’agissant ensemble", "agissant"],
  ["jusqu’ici sans partage", "ici"],
  ["ce qui n’existe pas encore", "existe"],
  ["ce qui s’applique partout", "applique"],
  ["c’était un objectif", "était"],
  ["cela m’interroge", "interroge"],
];

const french = getLocale("fr").elisions;
const dir = path.resolve(`tmp/search-elisions-${process.pid}`);
let served: Served;
let browser: Browser;

/** A French index of the sentences, as given or with their elisions split, in dir/<name>/pagefind/. */
async function writeIndex(name: string, prepare: (text: string) => string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "index.html"), '<!DOCTYPE html><html lang="fr"><title>t</title></html>');
  const { index } = await pagefind.createIndex({});
  for (const [i, [text]] of sentences.entries())
    await index!.addCustomRecord({ url: `/${i}`, content: prepare(text), language: "fr", meta: { title: text } });
  await index!.writeFiles({ outputPath: path.join(dir, name, "pagefind") });
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "404.html"), "<!DOCTYPE html><title>404</title>");
  await writeIndex("pagefind-alone", (text) => text);
  await writeIndex("split", (text) => splitElisions(text, french));
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
async function found(name: string, queries: string[]): Promise<string[][]> {
  const page = await browser.newPage();
  await page.goto(`${served.origin}/${name}/`);
  const script = `(async (queries) => {
    const pagefind = await import(location.origin + "/${name}/pagefind/pagefind.js");
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

describe("French elisions written with a typographic apostrophe", () => {
  it("hide the word from Pagefind alone, so this site splits them before indexing", async () => {
    const alone = await found(
      "pagefind-alone",
      sentences.map(([, word]) => word),
    );
    // Measured with Pagefind 1.6: 11 of the 12 sentences are not found by their word.
    const missed = sentences.filter(([text], i) => !alone[i]!.includes(text)).map(([, word]) => word);
    expect(missed).toEqual(expect.arrayContaining(["évaluation", "évaluations", "existe", "applique", "ici"]));
  });

  it("no longer hide any word once split: each sentence is found by its word", async () => {
    const hits = await found(
      "split",
      sentences.map(([, word]) => word),
    );
    sentences.forEach(([text, word], i) => expect(hits[i], word).toContain(text));
  });

  it("are found when the query itself carries the elision, with either apostrophe", async () => {
    const queries = ["l’évaluation", "l'évaluation", "d’enquêtes", "n'existe"].map((q) =>
      queryWithoutElisions(q, french),
    );
    const [evaluation, evaluationStraight, enquetes, existe] = await found("split", queries);
    expect(evaluation).toContain("Priorité accrue à l’évaluation comparative");
    expect(evaluationStraight).toEqual(evaluation);
    expect(enquetes).toContain("en matière d’enquêtes régionales");
    expect(existe).toContain("ce qui n’existe pas encore");
  });
});
