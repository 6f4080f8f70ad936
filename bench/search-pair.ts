/**
 * Our search beside Starlight's, in the same run on the same machine: a cold visitor (fresh browser context) types a
 * query and waits for the first hit, on each site in turn, pair after pair, the order rotated from one pair to the
 * next so that neither always runs on a warmer or busier machine. Both sites are served by nginx over HTTPS and HTTP/2
 * on loopback with precompressed files, their throwaway certificates trusted by key so the browser cache works as for
 * a real visitor. The clock starts at the first keystroke and stops when the first hit of the whole query is on
 * screen, both read inside the page (performance.timeOrigin + performance.now(), comparable across pages).
 *   ours, search page:  the search page open and settled, click in its box, type.
 *   ours, header form:  a reading page open and settled, click in the header's box, type, Enter: the clock runs
 *                       through the navigation, the search page's loading and its search.
 *   Starlight:          a reading page open and settled, click its search button (the dialog opens), type.
 */
import os from "node:os";
import type { Browser, Page } from "playwright-core";
import { pathFor } from "../src/lib/routes.ts";
import type { Locale } from "../src/lib/locales.ts";
import { emulateSlowLink, launchChromium } from "../harness/browser.ts";
import { serveStatic, serveWithNginx, type NginxSite } from "../harness/nginx.ts";
import { buildStarlight, starlightOrigin, type StarlightSite } from "./starlight.ts";

export const scenarios = ["page", "header", "starlight"] as const;
export type Scenario = (typeof scenarios)[number];

export const scenarioLabels: Record<Scenario, string> = {
  page: "ours: typing on the search page",
  header: "ours: header form of a reading page, then Enter",
  starlight: "Starlight: search dialog of a reading page",
};

export interface PairOptions {
  ours: NginxSite;
  starlight: NginxSite;
  locale: Locale;
  query: string;
  pairs: number;
  /** Emulate a slow mobile link (harness/browser.ts emulateSlowLink) for every run. */
  throttle?: boolean;
  /** Called after each pair, e.g. to print it. */
  onPair?: (pair: number, runs: Partial<Record<Scenario, number>>, load: number) => void;
}

export interface PairResult {
  /** Milliseconds from the first keystroke to the first hit, by scenario, in pair order; NaN for a failed run. */
  runs: Record<Scenario, number[]>;
  /** 1-minute load average after each pair. */
  loads: number[];
  failures: string[];
}

/** One cold run: what the reader does once the start page has settled. */
async function runOnce(browser: Browser, options: PairOptions, scenario: Scenario): Promise<number> {
  const site = scenario === "starlight" ? options.starlight : options.ours;
  const context = await browser.newContext();
  const marks: { key: number[]; hit: number[] } = { key: [], hit: [] };
  let hit!: () => void;
  const shown = new Promise<void>((resolve) => (hit = resolve));
  await context.exposeBinding("__benchMark", (_source, kind: "key" | "hit", at: number) => {
    marks[kind].push(at);
    if (kind === "hit" && marks.key.length > 0) hit();
  });
  // The hit test travels as data, not as code: our pages' policy forbids eval.
  await context.addInitScript(
    ([which, query]) => {
      const now = () => performance.timeOrigin + performance.now();
      const mark = (window as unknown as { __benchMark: (kind: string, at: number) => void }).__benchMark;
      // Arabic letters reach the page without a keydown, so either event starts the clock.
      for (const type of ["keydown", "beforeinput"]) document.addEventListener(type, () => mark("key", now()), true);
      let done = false;
      const check = () => {
        const found =
          which === "starlight"
            ? !!document.querySelector("#starlight__search .pagefind-ui__result-link") &&
              document.querySelector<HTMLInputElement>("#starlight__search input")?.value === query
            : !!document.querySelector("#search-hits > li") &&
              (document.querySelector("#search-status")?.textContent ?? "").includes(`\u2068${query}\u2069`);
        if (found && !done) {
          done = true;
          mark("hit", now());
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    },
    [scenario, options.query] as const,
  );
  const page: Page = await context.newPage();
  if (options.throttle) await emulateSlowLink(await context.newCDPSession(page));
  try {
    const start = scenario === "page" ? pathFor(options.locale, { kind: "search" }) : readingPage(options);
    await page.goto(`${site.origin}${start}`, { waitUntil: "networkidle" });
    if (scenario === "page") await page.click("#search-q");
    else if (scenario === "header") await page.click("#site-search-q");
    else await page.click("site-search button[data-open-modal]");
    await page.keyboard.type(options.query);
    if (scenario === "header") await page.keyboard.press("Enter");
    await Promise.race([
      shown,
      new Promise((_, reject) => setTimeout(() => reject(new Error("no hit within 30 s")), 30_000)),
    ]);
    const first = marks.key[0]!;
    return marks.hit.find((at) => at >= first)! - first;
  } finally {
    await context.close();
  }
}

/** The reading page the header and Starlight runs start from: the locale's first objective, on either site. */
function readingPage(options: PairOptions): string {
  return pathFor(options.locale, { kind: "objective", objective: 1 });
}

/** Runs `pairs` rounds of every scenario, rotated, after one warm-up round that is not counted. */
export async function benchSearchPairs(options: PairOptions): Promise<PairResult> {
  const browser = await launchChromium([
    `--host-resolver-rules=MAP ${options.ours.host} 127.0.0.1,MAP ${options.starlight.host} 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${options.ours.spki},${options.starlight.spki}`,
  ]);
  const runs = Object.fromEntries(scenarios.map((s) => [s, [] as number[]])) as Record<Scenario, number[]>;
  const loads: number[] = [];
  const failures: string[] = [];
  try {
    // First launches of renderer processes and nginx workers are slower than any later run.
    for (const scenario of scenarios) await runOnce(browser, options, scenario).catch(() => undefined);
    for (let pair = 0; pair < options.pairs; pair++) {
      const order = scenarios.map((_, i) => scenarios[(i + pair) % scenarios.length]!);
      const done: Partial<Record<Scenario, number>> = {};
      for (const scenario of order) {
        const ms = await runOnce(browser, options, scenario).catch((error: Error) => {
          failures.push(`${scenario}, pair ${pair + 1}: ${error.message.split("\n")[0]}`);
          return NaN;
        });
        done[scenario] = ms;
      }
      for (const scenario of scenarios) runs[scenario].push(done[scenario]!);
      loads.push(os.loadavg()[0]!);
      options.onPair?.(pair + 1, done, os.loadavg()[0]!);
    }
  } finally {
    await browser.close();
  }
  return { runs, loads, failures };
}

const sorted = (values: number[]) => values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);

/** The median of the values that are numbers. */
export function median(values: number[]): number {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
}

export interface PairSummary {
  scenario: Scenario;
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Median of ours over median of Starlight's. */
  ratio: number;
  /** Median of the ratios within each pair. */
  pairedRatio: number;
}

/** Each scenario's median and range, and its ratio to Starlight's in the same run. */
export function summarize(result: PairResult): PairSummary[] {
  const anchor = result.runs.starlight;
  return scenarios.map((scenario) => {
    const values = result.runs[scenario];
    const s = sorted(values);
    return {
      scenario,
      runs: s.length,
      median: median(values),
      min: s[0] ?? NaN,
      max: s.at(-1) ?? NaN,
      ratio: median(values) / median(anchor),
      pairedRatio: median(values.map((v, i) => v / anchor[i]!)),
    };
  });
}

export interface Comparison {
  starlight: StarlightSite;
  result: PairResult;
  summary: PairSummary[];
  loadBefore: number;
  loadAfter: number;
}

/**
 * Builds the Starlight site from `contentDir` in `work` (npm packages only), serves it and the built site `site`,
 * and runs the pairs.
 */
export async function compareWithStarlight(
  options: Omit<PairOptions, "ours" | "starlight"> & { site: string; contentDir: string; work: string },
): Promise<Comparison> {
  const starlight = await buildStarlight(options.contentDir, options.work);
  const ours = await serveWithNginx(options.site);
  const anchor = await serveStatic(starlight.dist, starlightOrigin);
  try {
    const loadBefore = os.loadavg()[0]!;
    const result = await benchSearchPairs({ ...options, ours, starlight: anchor });
    return { starlight, result, summary: summarize(result), loadBefore, loadAfter: os.loadavg()[0]! };
  } finally {
    await ours.close();
    await anchor.close();
  }
}

/** The paired table, as BENCHMARKS.md and the README show it. */
export function comparisonTable({ summary }: Pick<Comparison, "summary">): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const rows = summary.map(
    (s) =>
      `| ${scenarioLabels[s.scenario]} | ${s.runs} | ${ms(s.median)} | ${ms(s.min)}–${ms(s.max)} | ` +
      `${s.scenario === "starlight" ? "1" : s.ratio.toFixed(2)}× | ${s.scenario === "starlight" ? "1" : s.pairedRatio.toFixed(2)}× |`,
  );
  return [
    "| Path, first keystroke to first hit | Runs | Median | Range | Ratio of medians to Starlight | Median of paired ratios |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
