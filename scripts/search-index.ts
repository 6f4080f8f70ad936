/**
 * Build step: the search index. Reads every built page's searchable regions (src/lib/search-records.ts), gives them to
 * Pagefind as one record each (one index per language, from <html lang>) and writes the bundle to <folder>/pagefind/.
 * Stops the build, naming the page, when a region is misplaced or a locale has nothing to search.
 * Usage: node scripts/search-index.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { builtHtml } from "../src/lib/built-pages.ts";
import { formatProblem, type ContentProblem } from "../src/lib/integrity.ts";
import { localeCodes } from "../src/lib/locales.ts";
import { searchRecords, type SearchRecord } from "../src/lib/search-records.ts";

const dir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? "dist");
const bundle = path.join(dir, "pagefind");
// Pagefind's ready-made interfaces and highlight script (the search page uses its JS API with its own markup), its
// worker (the page searches on the main thread: noWorker in src/client/search-page.ts) and the WebAssembly for pages
// of no known language (every search page has its locale's index).
const unusedFiles = [
  "pagefind-worker.js",
  "wasm.unknown.pagefind",
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-highlight.js",
];

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const records: SearchRecord[] = [];
const problems: ContentProblem[] = [];
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
if (problems.length > 0)
  fail([...problems.map(formatProblem), `\n${problems.length} problem(s) stop the build: the search index is wrong.`]);

const { index, errors } = await pagefind.createIndex({});
if (!index) fail([`Pagefind could not start: ${errors.join("; ")}`]);
const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
const recordErrors = added.flatMap((response, i) => response.errors.map((e) => `${records[i]!.url}: ${e}`));
const written = await index.writeFiles({ outputPath: bundle });
await pagefind.close();
if (recordErrors.length > 0 || written.errors.length > 0)
  fail(["Pagefind failed to index:", ...recordErrors, ...written.errors]);
for (const name of unusedFiles) rmSync(path.join(bundle, name), { force: true });

const sizeOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(path.join(bundle, f)).size, 0);
const files = readdirSync(bundle, { recursive: true, encoding: "utf8" }).filter((f) =>
  statSync(path.join(bundle, f)).isFile(),
);
for (const locale of localeCodes) {
  const count = records.filter((r) => r.language === locale).length;
  // Index, fragments, filters and metadata of a language carry its code in their names; wasm.<code>.pagefind is shared code.
  const own = files.filter((f) => new RegExp(`(^|[/.])${locale}[_.]`).test(path.basename(f)) && !f.startsWith("wasm."));
  console.log(`Search index "${locale}": ${count} records, ${own.length} files, ${sizeOf(own)} bytes.`);
}
