/**
 * Build step: the search index. Every built page's searchable regions (search-records.ts) become Pagefind records,
 * one index per language from <html lang>, written to <folder>/pagefind/.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { localeCodes } from "../src/lib/locales.ts";
import type { Problem } from "../src/lib/problem.ts";
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
  const { index, errors } = await pagefind.createIndex({});
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
