/** Checks a built site's open data files against its content folder and its own pages, for any strategy. */
import { readFileSync, statSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { readContentFiles } from "../../src/checks/content-files";
import { loadDictionaries } from "../../src/i18n";
import { formatFileSize } from "../../src/site/format";
import { getLocale, localeCodes, type Locale } from "../../src/lib/locales";
import { dataFiles, dataPath, pathFor } from "../../src/lib/routes";
import { schemaErrors } from "./json-schema";
import { fileFor, readPage } from "./site";

const dictionaries = loadDictionaries();

/** Whitespace as a reader sees it: any run of spaces and line breaks counts as one space. */
export const squash = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

export interface ResultData {
  objective: number;
  order: number;
  number: string;
  text: string;
  permalink: string;
}

export interface StrategyData {
  $schema: string;
  locale: string;
  strategy: Record<string, unknown> & { url: string; fullText: string; introduction: string };
  objectives: { number: number; statement: string; url: string; results: ResultData[] }[];
  capabilities: { order: number; name: string }[];
}

/** A locale's data files as served: the JSON parsed, the schema parsed, the CSV as raw bytes. */
export function readDataFiles(siteDir: string, locale: Locale) {
  const read = (file: (typeof dataFiles)[number]) => readFileSync(fileFor(siteDir, dataPath(locale, file)));
  return {
    json: JSON.parse(read("strategyJson").toString("utf8")) as StrategyData,
    schema: JSON.parse(read("strategySchema").toString("utf8")) as Record<string, unknown>,
    csv: read("resultsCsv"),
  };
}

/** The site's origin as its own pages declare it in their canonical link. */
function siteOrigin(siteDir: string, locale: Locale): string {
  const href = readPage(siteDir, pathFor(locale, { kind: "home" }))
    .querySelector('link[rel="canonical"]')
    ?.getAttribute("href");
  return new URL(href!).origin;
}

/** An absolute URL of the site that leads to a built page and, when it has a fragment, to an element of that page. */
function expectResolves(siteDir: string, origin: string, address: string) {
  const url = new URL(address);
  expect(url.origin, address).toBe(origin);
  const page = readPage(siteDir, url.pathname);
  if (url.hash) expect(page.querySelectorAll(`[id="${url.hash.slice(1)}"]`), address).toHaveLength(1);
}

/**
 * Compares every locale's data files with the content folder (counts, numbers, capabilities, no editorial note)
 * and with the built pages (texts as they render, permalinks that resolve), and validates the JSON against the
 * schema published beside it.
 */
export function expectOpenDataMatchesContent(siteDir: string, contentDir: string) {
  const { files } = readContentFiles(contentDir);
  const notes = files.map((f) => f.data.editorialNote).filter((n): n is string => typeof n === "string");
  for (const locale of localeCodes) {
    const { json, schema, csv } = readDataFiles(siteDir, locale);
    const origin = siteOrigin(siteDir, locale);
    const inLocale = (collection: string) => files.filter((f) => f.collection === collection && f.locale === locale);

    expect(schemaErrors(schema, json), locale).toEqual([]);
    expect(schema.$id, locale).toBe(json.$schema);
    expect(json.$schema, locale).toBe(new URL(dataPath(locale, "strategySchema"), origin).href);
    expect(json.locale).toBe(locale);

    const objectiveFiles = inLocale("objectives").map((f) => f.data.number as number);
    expect(
      json.objectives.map((o) => o.number),
      locale,
    ).toEqual(objectiveFiles.sort((a, b) => a - b));
    const resultFiles = inLocale("results")
      .map((f) => [f.data.objective as number, f.data.order as number])
      .sort(([a, b], [c, d]) => a! - c! || b! - d!);
    const results = json.objectives.flatMap((o) => o.results);
    expect(
      results.map((r) => [r.objective, r.order]),
      locale,
    ).toEqual(resultFiles);
    expect(json.capabilities, locale).toEqual(
      inLocale("capabilities")
        .map((f) => ({ order: f.data.order, name: f.data.name }))
        .sort((a, b) => (a.order as number) - (b.order as number)),
    );

    expect(json.strategy.memberCountries).toBe(inLocale("strategy")[0]!.data.memberCountries);
    expectResolves(siteDir, origin, json.strategy.url);
    expectResolves(siteDir, origin, json.strategy.fullText);
    const home = readPage(siteDir, new URL(json.strategy.url).pathname);
    const introduction = home.querySelector(`main #${getLocale(locale).anchors.introduction}`);
    expect(squash(json.strategy.introduction)).toBe(squash(introduction?.textContent));

    for (const objective of json.objectives) {
      expectResolves(siteDir, origin, objective.url);
      const page = readPage(siteDir, new URL(objective.url).pathname);
      expect(squash(objective.statement), objective.url).toBe(squash(page.querySelector(".statement")?.textContent));
      for (const result of objective.results) {
        expect(result.objective).toBe(objective.number);
        expect(result.number).toBe(`${result.objective}.${result.order}`);
        expectResolves(siteDir, origin, result.permalink);
        expect(new URL(result.permalink).pathname).toBe(new URL(objective.url).pathname);
        // The result's text as its permalink shows it: the item without its numbered heading.
        const item = page.querySelector(`[id="${new URL(result.permalink).hash.slice(1)}"]`)!;
        const heading = squash(item.querySelector("h3")?.textContent);
        expect(heading, result.permalink).toContain(result.number);
        expect(squash(result.text), result.permalink).toBe(squash(item.textContent).slice(heading.length).trim());
      }
    }

    expect([...csv.subarray(0, 3)], `${locale}: UTF-8 byte-order mark`).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, record_delimiter: "\r\n" }) as string[][];
    expect(rows[0]).toEqual(["objective", "result", "text", "permalink"]);
    // A text a spreadsheet would run as a formula starts with a single quote in the CSV (OWASP's CSV-injection advice).
    const asCell = (text: string) => (/^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text);
    expect(rows.slice(1), locale).toEqual(
      results.map((r) => [`${r.objective}`, `${r.order}`, asCell(r.text), r.permalink]),
    );

    for (const file of dataFiles) {
      const body = readFileSync(fileFor(siteDir, dataPath(locale, file)), "utf8");
      for (const note of notes) expect(body, `${dataPath(locale, file)} holds an editorial note`).not.toContain(note);
      expect(body).not.toContain("editorialNote");
    }
  }
}

/** The home page of each locale lists each data file under its open data heading, with its real size in the locale's units. */
export function expectHomeLinksToDataFiles(siteDir: string) {
  for (const locale of localeCodes) {
    const links = readPage(siteDir, pathFor(locale, { kind: "home" })).querySelectorAll("main a[href]");
    for (const file of dataFiles) {
      const path = dataPath(locale, file);
      const link = links.find((a) => a.getAttribute("href") === path);
      expect(link, `${locale} home links to ${path}`).toBeDefined();
      const size = formatFileSize(locale, statSync(fileFor(siteDir, path)).size);
      expect(squash(link!.textContent), path).toContain(squash(size));
      let heading = link!.closest("ul")?.previousElementSibling;
      while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
      expect(squash(heading?.textContent), path).toBe(dictionaries[locale]["home.openData"]);
    }
  }
}
