/**
 * Build step: the search index. Every built page's searchable regions (search-records.ts) become Pagefind records,
 * one index per language from <html lang>, written to <folder>/pagefind/; then each search page learns the names of
 * the files Pagefind will need, so that it fetches them side by side instead of one after the other.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { localeCodes } from "../src/lib/locales.ts";
import type { Problem } from "../src/lib/problem.ts";
import { pathFor } from "../src/lib/routes.ts";
import { scriptJson, searchBundle, type SearchBundle, type SearchConfig } from "../src/site/search-config.ts";
import { builtHtml } from "./built-pages.ts";
import { searchRecords, type SearchRecord } from "./search-records.ts";

// Pagefind's ready-made interfaces and highlight script (the search page uses its JS API with its own markup) and its
// worker (the page searches on the main thread: noWorker in src/client/search-page.ts).
const unusedFiles = [
  "pagefind-worker.js",
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

export type SearchIndexResult =
  | { ok: true; perLocale: { locale: string; records: number; files: number; bytes: number }[] }
  | { ok: false; problems: Problem[]; pagefindErrors: string[] };

/** The records of every page of a built site, and the problems that make the index wrong (misplaced regions…). */
export function siteRecords(dir: string): { records: SearchRecord[]; problems: Problem[] } {
  const records: SearchRecord[] = [];
  const problems: Problem[] = [];
  for (const page of builtHtml(dir)) {
    const file = path.join(dir, page.file);
    const found = searchRecords(path.relative(".", file), page.urlPath, readFileSync(file, "utf8"));
    records.push(...found.records);
    problems.push(...found.problems);
  }
  for (const locale of localeCodes) {
    if (!records.some((r) => r.language === locale))
      problems.push({
        file: path.relative(".", dir),
        found: `no searchable region in any "${locale}" page`,
        expected: "data-pagefind-body on the objective pages and the capabilities page of every locale",
      });
  }
  return { records, problems };
}

/** Writes the Pagefind bundle of a built site into <dir>/pagefind/, or says why it cannot. */
export async function writeSearchIndex(dir: string): Promise<SearchIndexResult> {
  const { records, problems } = siteRecords(dir);
  if (problems.length > 0) return { ok: false, problems, pagefindErrors: [] };

  const bundle = path.join(dir, "pagefind");
  // Result fragments bundled about 32 to a file: the first search of the leaflet fetches one file, not one per hit.
  const largest = Math.max(...localeCodes.map((l) => records.filter((r) => r.language === l).length));
  const { index, errors } = await pagefind.createIndex({ maxFragments: Math.max(1, Math.ceil(largest / 32)) });
  if (!index) return { ok: false, problems: [], pagefindErrors: [`Pagefind could not start: ${errors.join("; ")}`] };
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const recordErrors = added.flatMap((response, i) => response.errors.map((e) => `${records[i]!.url}: ${e}`));
  const written = await index.writeFiles({ outputPath: bundle });
  await pagefind.close();
  if (recordErrors.length > 0 || written.errors.length > 0)
    return { ok: false, problems: [], pagefindErrors: [...recordErrors, ...written.errors] };
  for (const name of unusedFiles) rmSync(path.join(bundle, name), { force: true });
  // The language-neutral WebAssembly serves only languages Pagefind cannot stem (Hebrew, Persian…): kept for those.
  const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { wasm: string | null }>;
  };
  if (Object.values(entry.languages).every((language) => language.wasm !== null))
    rmSync(path.join(bundle, "wasm.unknown.pagefind"), { force: true });

  writeBundles(dir, bundle);
  const polled = pollSooner(path.join(bundle, "pagefind.js"));
  if (polled) return { ok: false, problems: [], pagefindErrors: [polled] };

  const files = readdirSync(bundle, { recursive: true, encoding: "utf8" }).filter((f) =>
    statSync(path.join(bundle, f)).isFile(),
  );
  const perLocale = localeCodes.map((locale) => {
    // Index, fragments, filters and metadata of a language carry its code in their names; wasm.<code>.pagefind is shared code.
    const own = files.filter(
      (f) => new RegExp(`(^|[/.])${locale}[_.]`).test(path.basename(f)) && !f.startsWith("wasm."),
    );
    return {
      locale,
      records: records.filter((r) => r.language === locale).length,
      files: own.length,
      bytes: own.reduce((sum, f) => sum + statSync(path.join(bundle, f)).size, 0),
    };
  });
  return { ok: true, perLocale };
}

/** Pagefind 1.6's wait for its WebAssembly, in pagefind.js: a search started before it is ready polls every 50 ms. */
export const pagefindPolling = "if(this.initError){throw this.initError;}await asyncSleep(50);}";

/**
 * Makes pagefind.js poll every 5 ms instead: a page opened with a query (the header's form) searches while the
 * WebAssembly is still compiling, and lost 25 ms on average, up to 50, waiting for the next poll. Returns a message if
 * this Pagefind no longer has that loop, so that an upgrade is looked at rather than silently slower.
 */
function pollSooner(file: string): string | undefined {
  const js = readFileSync(file, "utf8");
  if (!js.includes(pagefindPolling))
    return `${file}: Pagefind's 50 ms wait for its WebAssembly (${pagefindPolling}) not found; check build/search-index.ts after a Pagefind upgrade.`;
  writeFileSync(file, js.replace(pagefindPolling, pagefindPolling.replace("asyncSleep(50)", "asyncSleep(5)")));
  return undefined;
}

const configPattern = /(<script type="application\/json" id="search-config">)([\s\S]*?)(<\/script>)/;

/**
 * Writes every locale's Pagefind files (searchBundle) into each search page's #search-config. The tag is the entry
 * file's hash: Pagefind fetches that file with it (metaCacheTag) rather than with the time, so its URL is known here.
 */
function writeBundles(dir: string, bundle: string) {
  const entryJson = readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8");
  const tag = createHash("sha256").update(entryJson).digest("hex").slice(0, 12);
  const chunks = readdirSync(path.join(bundle, "index"));
  const fragments = readdirSync(path.join(bundle, "fragment"));
  const bundles: Record<string, SearchBundle> = {};
  for (const locale of localeCodes) {
    const found = searchBundle(entryJson, locale, chunks, fragments, tag);
    if (found) bundles[locale] = found;
  }
  for (const locale of localeCodes) {
    const file = path.join(dir, pathFor(locale, { kind: "search" }), "index.html");
    if (!existsSync(file)) continue;
    const html = readFileSync(file, "utf8");
    const config = configPattern.exec(html)?.[2];
    if (config === undefined) throw new Error(`${file}: no #search-config to write Pagefind's files into.`);
    const written = scriptJson({ ...(JSON.parse(config) as SearchConfig), bundles });
    writeFileSync(
      file,
      html.replace(configPattern, (_, open: string, _json, close: string) => open + written + close),
    );
  }
}
