/**
 * Search on a production build behind nginx, in headless Chromium: one cold search alone (bench/search.ts), or with
 * --starlight the paired comparison with a Starlight site of the same content, built under tmp/ from npm packages
 * (bench/search-pair.ts): typing on the search page and submitting the header form, each beside Starlight's dialog.
 * With --ranking, how often each locale's queries get their expected first hit, before and after the page's ranking
 * (bench/search-ranking.ts). One part of `npm run bench`, alone; --throttle emulates a slow mobile link.
 * Usage: node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle]
 *        node scripts/bench-search.ts --starlight [--site dist] [--locale fr] [--query évaluation] [--pairs 7] [--throttle]
 *        node scripts/bench-search.ts --ranking [--site dist]
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { benchSearch, hasSearchIndex } from "../bench/search.ts";
import { benchRanking, rankingLines } from "../bench/search-ranking.ts";
import { comparisonTable, compareWithStarlight, scenarios } from "../bench/search-pair.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { readArgs, stop, wholeNumber } from "./cli.ts";

const command = "bench-search";
const usage =
  "node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle] | --starlight [--pairs 7] | --ranking";
const { values } = readArgs(command, usage, {
  site: { type: "string", default: "dist" },
  locale: { type: "string", default: "fr" },
  query: { type: "string", default: "évaluation" },
  runs: { type: "string" },
  throttle: { type: "boolean", default: false },
  starlight: { type: "boolean", default: false },
  pairs: { type: "string" },
  ranking: { type: "boolean", default: false },
});
const { site, locale, query, throttle } = values;
if (!isLocale(locale)) stop(command, `--locale: found "${locale}"; expected one of ${localeCodes.join(", ")}.`);
if (!query.trim()) stop(command, "--query: found an empty query; expected words to search for.");
const runs = wholeNumber(command, "runs", values.runs, 5);
const pairs = wholeNumber(command, "pairs", values.pairs, 7);
if (!hasSearchIndex(site))
  stop(command, `--site: found no search index in ${site}/pagefind/; expected a built site (npm run build).`);

if (values.ranking) {
  console.log(`First hits of every locale's query set (tests/fixtures/search/), Pagefind alone and re-ranked:`);
  for (const line of rankingLines(await benchRanking(site))) console.log(`  ${line}`);
} else if (values.starlight) {
  const work = path.resolve(`tmp/starlight-${process.pid}`);
  console.log(`Building the Starlight comparison site in ${path.relative(".", work)}/ (npm install, astro build)…`);
  try {
    const comparison = await compareWithStarlight({
      site,
      contentDir: contentDir(),
      work,
      locale,
      query,
      pairs,
      throttle,
      onPair: (pair, done, load) =>
        console.log(
          `  pair ${pair} (load ${load.toFixed(1)}): ` +
            scenarios.map((s) => `${s} ${Number.isNaN(done[s]!) ? "failed" : Math.round(done[s]!)}`).join(", "),
        ),
    });
    const { starlight, result } = comparison;
    console.log(
      `Starlight ${starlight.versions["@astrojs/starlight"]} (Astro ${starlight.versions.astro}, Pagefind ` +
        `${starlight.versions.pagefind}), ${starlight.pages} pages; "${query}", ${pairs} pairs, order rotated, ` +
        `${throttle ? "throttled to 1.6 Mbit/s and 150 ms, " : ""}` +
        `load average ${comparison.loadBefore.toFixed(1)} before, ${result.loads.map((l) => l.toFixed(1)).join(" ")} after each pair.`,
    );
    console.log(comparisonTable(comparison));
    if (result.failures.length > 0) console.log(`Failed runs: ${result.failures.join("; ")}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else {
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
}
