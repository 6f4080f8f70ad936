/**
 * One cold search on a production build behind nginx, in headless Chromium (bench/search.ts): prints each run and
 * the medians. One part of `npm run bench`, alone; --throttle emulates a slow mobile link.
 * Usage: node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle]
 */
import { benchSearch, hasSearchIndex } from "../bench/search.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { readArgs, stop, wholeNumber } from "./cli.ts";

const command = "bench-search";
const usage = "node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle]";
const { values } = readArgs(command, usage, {
  site: { type: "string", default: "dist" },
  locale: { type: "string", default: "fr" },
  query: { type: "string", default: "évaluation" },
  runs: { type: "string" },
  throttle: { type: "boolean", default: false },
});
const { site, locale, query, throttle } = values;
if (!isLocale(locale)) stop(command, `--locale: found "${locale}"; expected one of ${localeCodes.join(", ")}.`);
if (!query.trim()) stop(command, "--query: found an empty query; expected words to search for.");
const runs = wholeNumber(command, "runs", values.runs, 5);
if (!hasSearchIndex(site))
  stop(command, `--site: found no search index in ${site}/pagefind/; expected a built site (npm run build).`);

console.log(
  `Cold search for "${query}" on ${pathFor(locale, { kind: "search" })}, ${runs} run(s), ` +
    `${throttle ? "throttled to 1.6 Mbit/s and 150 ms" : "loopback, no throttling"}, nginx with brotli:`,
);
const { runs: done, median } = await benchSearch({
  site,
  locale,
  query,
  runs,
  throttle,
  onRun: (run, i) =>
    console.log(
      `  run ${i + 1}: page ${run.pageBytes} B in ${run.pageRequests} requests before typing; ` +
        `first hit ${run.ms.toFixed(0)} ms after the first keystroke (${run.typing.toFixed(0)} ms of it typing); ` +
        `search fetched ${run.searchBytes} B in ${run.searchRequests.length} requests`,
    ),
});
console.log(`  requests of the search: ${done[0]!.searchRequests.join(", ")}`);
console.log(
  `Median: ${median.pageBytes} B before typing, ${median.ms.toFixed(0)} ms to the first hit, ` +
    `${median.searchBytes} B fetched by the search.`,
);
