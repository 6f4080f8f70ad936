/**
 * One cold search on the production build, in headless Chromium, served by the deployment's nginx configuration
 * (HTTPS, HTTP/2, precompressed brotli) on loopback: what a first-time visitor pays to search. Measures, per run and
 * as a median, the bytes the search page fetches before the visitor types, the milliseconds from the first keystroke
 * to the first hit shown (timed inside the page, so the driving process does not count), and the bytes fetched for
 * that search. Each run is a fresh browser context: empty cache, nothing preloaded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import type { Locale } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { emulateSlowLink, launchChromium } from "../harness/browser.ts";
import { serveWithNginx, type NginxSite } from "../harness/nginx.ts";

export interface SearchBenchOptions {
  /** A built site with its search index, e.g. dist. */
  site: string;
  locale: Locale;
  query: string;
  runs: number;
  /** Emulate a slow mobile link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip. */
  throttle: boolean;
  /** Called after each run, e.g. to print it. */
  onRun?: (run: SearchRun, index: number) => void;
}

/** One cold search; bytes are as received over the wire (compressed bodies plus headers). */
export interface SearchRun {
  /** Everything but the search's own requests (under /pagefind/), the favicon included wherever it lands. */
  pageBytes: number;
  pageRequests: number;
  /** From the first keystroke to the first hit shown; typing is the part spent typing the query. */
  ms: number;
  typing: number;
  searchBytes: number;
  searchRequests: string[];
}

async function coldRun(browser: Browser, site: NginxSite, options: SearchBenchOptions): Promise<SearchRun> {
  // The certificate is trusted by key (launch flags below), not ignored: Chromium then keeps its HTTP cache, as a
  // visitor's browser does, and what the page fetched ahead of the search is not fetched again.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (options.throttle) await emulateSlowLink(cdp);
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
  // Timed inside the page: from the first keystroke to the first hit in the list. A letter no US key types (Arabic)
  // reaches the page as text input without keydown, so either event starts the clock.
  const firstHit = page.evaluate(
    () =>
      new Promise<{ ms: number; typing: number }>((resolve) => {
        let first = 0;
        let last = 0;
        for (const type of ["keydown", "beforeinput"])
          document.addEventListener(type, () => ((first ||= performance.now()), (last = performance.now())), {
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
  // What the search fetched is under /pagefind/, before typing (the page loads it once painted) or after; anything
  // else (the favicon, arriving late) belongs to the page.
  const isSearch = (e: { url: string }) => new URL(e.url).pathname.startsWith("/pagefind/");
  const searching = [...opening, ...log].filter(isSearch);
  const page_ = [...opening, ...log].filter((e) => !isSearch(e));
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

export interface SearchBench {
  runs: SearchRun[];
  /** Medians over the runs. */
  median: { pageBytes: number; ms: number; searchBytes: number };
}

/** Whether a folder holds a built site with its search index. */
export const hasSearchIndex = (site: string) => existsSync(path.join(site, "pagefind", "pagefind-entry.json"));

/** Runs `options.runs` cold searches, each in a fresh browser context, and gives each run and the medians. */
export async function benchSearch(options: SearchBenchOptions): Promise<SearchBench> {
  if (!hasSearchIndex(options.site))
    throw new Error(`No search index in ${options.site}/pagefind/: build the site first.`);
  const site = await serveWithNginx(options.site);
  const browser = await launchChromium([...site.chromiumArgs, `--ignore-certificate-errors-spki-list=${site.spki}`]);
  try {
    const runs: SearchRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await coldRun(browser, site, options);
      runs.push(run);
      options.onRun?.(run, i);
    }
    return {
      runs,
      median: {
        pageBytes: median(runs.map((r) => r.pageBytes)),
        ms: median(runs.map((r) => r.ms)),
        searchBytes: median(runs.map((r) => r.searchBytes)),
      },
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
