/**
 * Benchmark, not a test: one cold search on the production build, in headless Chromium, served by the deployment's
 * nginx configuration (HTTPS, HTTP/2, precompressed brotli) on loopback. Prints, per run and as a median: the bytes
 * the search page fetches before the visitor types, the milliseconds from the first keystroke to the first hit shown,
 * and the bytes fetched for that search. Each run is a fresh browser context: empty cache, nothing preloaded.
 * Usage: node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle]
 *   --throttle: emulate a slow mobile link (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { isLocale, localeCodes, type Locale } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { launchChromium } from "../tests/helpers/browser.ts";
import { serveWithNginx, type NginxSite } from "../tests/helpers/nginx.ts";

interface Options {
  site: string;
  locale: Locale;
  query: string;
  runs: number;
  throttle: boolean;
}

function usage(message: string): never {
  console.error(`bench-search: ${message}`);
  console.error(
    "Usage: node scripts/bench-search.ts [--site dist] [--locale fr] [--query évaluation] [--runs 5] [--throttle]",
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { site: "dist", locale: "fr", query: "évaluation", runs: 5, throttle: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? usage(`${arg} needs a value.`);
    if (arg === "--site") options.site = value();
    else if (arg === "--query") options.query = value();
    else if (arg === "--throttle") options.throttle = true;
    else if (arg === "--locale") {
      const locale = value();
      if (!isLocale(locale)) usage(`--locale: found "${locale}"; expected one of ${localeCodes.join(", ")}.`);
      options.locale = locale;
    } else if (arg === "--runs") {
      const runs = value();
      if (!/^[1-9]\d{0,2}$/.test(runs)) usage(`--runs: found "${runs}"; expected a whole number from 1 to 999.`);
      options.runs = Number(runs);
    } else usage(`unknown argument "${arg}".`);
  }
  if (!options.query.trim()) usage("--query: found an empty query; expected words to search for.");
  if (!existsSync(path.join(options.site, "pagefind", "pagefind-entry.json")))
    usage(`--site: found no search index in ${options.site}/pagefind/; expected a built site (npm run build).`);
  return options;
}

interface Run {
  pageBytes: number;
  pageRequests: number;
  /** From the first keystroke to the first hit shown; typing is the part spent typing the query. */
  ms: number;
  typing: number;
  searchBytes: number;
  searchRequests: string[];
}

async function coldRun(browser: Browser, site: NginxSite, options: Options): Promise<Run> {
  const context = await browser.newContext(site.contextOptions);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (options.throttle)
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  const urls = new Map<string, string>();
  let log: { url: string; bytes: number }[] = [];
  cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
  // Bytes as received over the wire: compressed bodies plus headers.
  cdp.on("Network.loadingFinished", (event) =>
    log.push({ url: urls.get(event.requestId) ?? "?", bytes: event.encodedDataLength }),
  );

  await page.goto(`${site.origin}${pathFor(options.locale, { kind: "search" })}`, { waitUntil: "networkidle" });
  const opening = log;
  log = [];
  // Timed inside the page: from the first keydown to the first hit in the list.
  const firstHit = page.evaluate(
    () =>
      new Promise<{ ms: number; typing: number }>((resolve) => {
        let first = 0;
        let last = 0;
        document.addEventListener("keydown", () => ((first ||= performance.now()), (last = performance.now())), {
          capture: true,
        });
        new MutationObserver((_, observer) => {
          if (document.querySelector("#search-hits > li")) {
            observer.disconnect();
            resolve({ ms: performance.now() - first, typing: last - first });
          }
        }).observe(document.querySelector("#search-hits")!, { childList: true });
      }),
  );
  await page.locator("#search-q").focus();
  await page.keyboard.type(options.query);
  const { ms, typing } = await firstHit;
  await page.waitForLoadState("networkidle");
  await context.close();
  // What the search fetched is under /pagefind/; anything else (the favicon, arriving late) belongs to the page.
  const isSearch = (e: { url: string }) => new URL(e.url).pathname.startsWith("/pagefind/");
  const searching = log.filter(isSearch);
  const page_ = [...opening, ...log.filter((e) => !isSearch(e))];
  const sum = (entries: { bytes: number }[]) => entries.reduce((total, e) => total + e.bytes, 0);
  return {
    pageBytes: sum(page_),
    pageRequests: page_.length,
    ms,
    typing,
    searchBytes: sum(searching),
    searchRequests: searching.map((e) => `${new URL(e.url).pathname} ${e.bytes} B`),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const options = parseArgs(process.argv.slice(2));
const site = await serveWithNginx(options.site);
// The request for /favicon.svg can land after the page is idle: it is counted with the page, wherever it lands.
const browser = await launchChromium();
try {
  console.log(
    `Cold search for "${options.query}" on ${pathFor(options.locale, { kind: "search" })}, ${options.runs} run(s), ` +
      `${options.throttle ? "throttled to 1.6 Mbit/s and 150 ms" : "loopback, no throttling"}, nginx with brotli:`,
  );
  const runs: Run[] = [];
  for (let i = 0; i < options.runs; i++) {
    const run = await coldRun(browser, site, options);
    runs.push(run);
    console.log(
      `  run ${i + 1}: page ${run.pageBytes} B in ${run.pageRequests} requests before typing; ` +
        `first hit ${run.ms.toFixed(0)} ms after the first keystroke (${run.typing.toFixed(0)} ms of it typing); search fetched ${run.searchBytes} B in ${run.searchRequests.length} requests`,
    );
  }
  console.log(`  requests of the search: ${runs[0]!.searchRequests.join(", ")}`);
  // scripts/bench.ts reads this line with a regular expression: keep its wording.
  console.log(
    `Median: ${median(runs.map((r) => r.pageBytes))} B before typing, ${median(runs.map((r) => r.ms)).toFixed(0)} ms ` +
      `to the first hit, ${median(runs.map((r) => r.searchBytes))} B fetched by the search.`,
  );
} finally {
  await browser.close();
  await site.close();
}
