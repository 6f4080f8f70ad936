/**
 * Every performance figure of the site in one table, with the machine and the date, and BENCHMARKS.md updated with
 * what changed since the previous run: the evidence behind the README's Performance section and its budgets. Not a
 * test: it takes minutes and asserts nothing; each goal is marked ✓ or ✗ beside its figure.
 *   - page weight by kind of resource for each kind of page of the production build (gzip -9, brotli);
 *   - one cold search in headless Chromium behind nginx on loopback (search.ts); the same search beside a Starlight
 *     site of the same content built from npm packages under tmp/, typed on the search page and submitted from a
 *     reading page's header form, in alternating pairs (search-pair.ts); first hits of every locale's query set,
 *     before and after the page's ranking (search-ranking.ts);
 *   - the README build of generated strategies of each size asked (build.ts), in a child process so that its peak
 *     memory is measured apart from the bench's;
 *   - edit-to-preview latency with the dev server (preview.ts);
 *   - Lighthouse, mobile defaults, on home, an objective, all results and search in every locale (lighthouse.ts).
 * Everything runs in a copy of the sources under tmp/ (see build.ts), removed at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { changesSince, figuresOf, previousFigures, reportTable, updateBenchmarks, type Row } from "./report.ts";
import { builtHtml } from "../build/built-pages.ts";
import { defaultLocale } from "../src/lib/locales.ts";
import {
  budgetFor,
  builtFiles,
  kb,
  kindLabels as resourceKindLabels,
  pageWeight,
  resourceKinds,
  totals,
  type PageWeight,
} from "../build/page-weight.ts";
import { pageAt, pathFor, type PageRef } from "../src/lib/routes.ts";
import { benchBuild, benchStrategy, describeBuild, isolatedRoot } from "./build.ts";
import { categories, runLighthouse } from "./lighthouse.ts";
import { benchPreview, previewGoalMs } from "./preview.ts";
import { benchSearch } from "./search.ts";
import { compareWithStarlight, scenarioLabels } from "./search-pair.ts";
import { benchRanking, rankingLines } from "./search-ranking.ts";

/** The parts of the bench that can be skipped; the real site's build and page weights always run. */
export const benchParts = ["search", "build", "preview", "lighthouse"] as const;
export type BenchPart = (typeof benchParts)[number];

export interface BenchOptions {
  /** Sizes of the generated strategies to build, in expected results per locale. */
  sizes: number[];
  skip: readonly BenchPart[];
  /** Whether to write the run into BENCHMARKS.md. */
  write: boolean;
  /** What the bench is doing, one line at a time. */
  progress?: (line: string) => void;
  /** A part that failed, with its whole message; its row says "failed" and the other parts still run. */
  failed?: (area: string, error: Error) => void;
}

export interface BenchReport {
  /** "Machine: …", the date, the machine, the commit and the load average at the start. */
  header: string;
  table: string;
  changes: string[];
  /** BENCHMARKS.md's path when the run was written into it. */
  written?: string;
}

/** The word searched, as in the README's search figures. */
const query = "évaluation";
/** Alternating pairs of the comparison with Starlight. */
const searchPairs = 7;
const load = () => os.loadavg()[0]!.toFixed(1);

function machine(): string {
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`;
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" }).stdout.trim()
    ? " + local changes"
    : "";
  return (
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; ${os.cpus().length} cores (${cpu}), ${memory} memory, ` +
    `${os.type()} ${os.release()}, Node ${process.version}; commit ${commit || "?"}${dirty}; load average ${load()} at the start`
  );
}

const pageKindLabels: Record<PageRef["kind"], string> = {
  home: "home",
  objective: "objective (heaviest)",
  results: "all results",
  capabilities: "capabilities",
  strategy: "whole strategy",
  notFound: "404",
  search: "search, before typing",
};

/** Every kind of page, the heaviest of each kind in each locale, and the multilingual landing page. */
function weightRows(siteDir: string): Row[] {
  const rows: Row[] = [];
  const read = builtFiles(siteDir);
  const groups = new Map<string, PageWeight[]>();
  for (const { urlPath } of builtHtml(siteDir)) {
    const found = pageAt(urlPath);
    const key = urlPath === "/" ? "landing|/" : found ? `${found.page.kind}|${found.locale}` : undefined;
    if (key) groups.set(key, [...(groups.get(key) ?? []), pageWeight(urlPath, read)]);
  }
  const order = ["landing", ...Object.keys(pageKindLabels)];
  const keys = [...groups.keys()].sort((a, b) => order.indexOf(a.split("|")[0]!) - order.indexOf(b.split("|")[0]!));
  for (const key of keys) {
    const [kind, locale] = key.split("|") as [string, string];
    const heaviest = groups.get(key)!.sort((a, b) => totals(b).total - totals(a).total)[0]!;
    const search = kind === "search";
    const budget = budgetFor(search ? "search" : "reading");
    const gzip = totals(heaviest);
    const label = kind === "landing" ? "multilingual landing" : pageKindLabels[kind as PageRef["kind"]];
    rows.push({
      area: "page weight",
      measure: `${label}, ${heaviest.path}`,
      result:
        `${kb(gzip.total)} gzip, ${kb(totals(heaviest, "brotli").total)} brotli: ` +
        resourceKinds.map((k) => `${resourceKindLabels[k]} ${gzip.byKind[k] ? kb(gzip.byKind[k]) : "0"}`).join(", "),
      goal: `${gzip.total <= budget.total ? "✓" : "✗"} ≤ ${kb(budget.total)}${search ? "" : `, no JS ${gzip.javascript === 0 ? "✓" : "✗"}`}`,
      figures: {
        [`weight.${kind}.${locale}`]: {
          label: `weight of ${label} (${locale})`,
          value: gzip.total,
          unit: "B",
          better: "lower",
        },
      },
    });
  }
  return rows;
}

/** Runs every part not skipped and gives the report; writes it into BENCHMARKS.md if asked. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const work = path.resolve(`tmp/bench-${process.pid}`);
  try {
    return await runIn(work, options);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runIn(work: string, options: BenchOptions): Promise<BenchReport> {
  const log = options.progress ?? (() => {});
  const skip = new Set(options.skip);
  const header = `Machine: ${machine()}.`;
  log(header);
  const root = isolatedRoot(path.join(work, "root"));

  log("building the real site (README build, cold cache)");
  const siteDir = path.join(work, "site-real");
  const real = await benchBuild(root, path.join(root, "content"), siteDir, { keep: true });
  const rows: Row[] = [];
  rows.push({
    area: "build",
    measure: "real site, README build",
    result: describeBuild(real),
    figures: {
      "build.real.seconds": { label: "real site build", value: real.totalMs / 1000, unit: "s", better: "lower" },
    },
  });
  rows.push(...weightRows(siteDir));

  // A part that fails is reported in its row; the other parts still run.
  const part = async (area: string, measure: string, run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (error) {
      const message = (error as Error).message.split("\n").slice(0, 3).join(" ");
      rows.push({ area, measure, result: `failed: ${message}`, goal: "✗" });
      options.failed?.(area, error as Error);
    }
  };

  if (!skip.has("search"))
    await part("search", "cold search", async () => {
      log(`one cold search (load average ${load()})`);
      // Timed inside Chromium, so running it in this process measures the same as running it alone.
      const { median } = await benchSearch({ site: siteDir, locale: defaultLocale, query, runs: 3, throttle: false });
      rows.push({
        area: "search",
        measure: `cold search "${query}" on ${pathFor(defaultLocale, { kind: "search" })}, median of 3`,
        result: `first hit ${median.ms.toFixed(0)} ms after the first keystroke; ${kb(median.searchBytes)} fetched by the search, ${kb(median.pageBytes)} before typing (over the wire)`,
        figures: {
          "search.ms": {
            label: "cold search, to first hit",
            value: Math.round(median.ms),
            unit: "ms",
            better: "lower",
          },
          "search.bytes": { label: "bytes fetched by a search", value: median.searchBytes, unit: "B", better: "lower" },
        },
      });
    });

  if (!skip.has("search"))
    await part("search", "beside Starlight", async () => {
      log(`search beside Starlight, ${searchPairs} alternating pairs (load average ${load()})`);
      const comparison = await compareWithStarlight({
        site: siteDir,
        contentDir: path.join(root, "content"),
        work: path.join(work, "starlight"),
        locale: defaultLocale,
        query,
        pairs: searchPairs,
        onPair: (pair, done) =>
          log(
            `pair ${pair}: ${Object.entries(done)
              .map(([s, ms]) => `${s} ${Math.round(ms)} ms`)
              .join(", ")}`,
          ),
      });
      const anchor = comparison.summary.find((s) => s.scenario === "starlight")!;
      const versions = comparison.starlight.versions;
      for (const s of comparison.summary.filter((s) => s.scenario !== "starlight"))
        rows.push({
          area: "search",
          measure: `${scenarioLabels[s.scenario]}, "${query}", median of ${s.runs} alternating pairs`,
          result:
            `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)}) vs Starlight ${versions["@astrojs/starlight"]} ` +
            `${Math.round(anchor.median)} ms (${Math.round(anchor.min)}–${Math.round(anchor.max)}): ${s.ratio.toFixed(2)}×, ` +
            `paired ${s.pairedRatio.toFixed(2)}×; load ${comparison.loadBefore.toFixed(1)}–${Math.max(...comparison.result.loads).toFixed(1)}`,
          goal: `${s.ratio <= 0.5 ? "✓" : "✗"} ≤ 0.5× Starlight`,
          figures: {
            [`search.vsStarlight.${s.scenario}`]: {
              label: `${scenarioLabels[s.scenario]} / Starlight`,
              value: Number(s.ratio.toFixed(2)),
              unit: "×",
              better: "lower",
            },
          },
        });
    });

  if (!skip.has("search"))
    await part("search", "ranking", async () => {
      log(`first hits of every locale's queries (load average ${load()})`);
      const lines = rankingLines(await benchRanking(siteDir));
      rows.push({
        area: "search",
        measure: "expected first hit, every locale's query set (tests/fixtures/search/)",
        result: lines.slice(0, 2).join("; "),
        goal: "",
      });
    });

  if (!skip.has("build"))
    for (const results of options.sizes)
      await part("build", `${results} results per locale`, async () => {
        log(`generating and building ${results} results per locale (load average ${load()})`);
        const figures = await benchStrategy(root, work, { results, perObjective: 4, calloutEvery: 100 });
        const within = figures.astroPagefindMs <= 45_000 && figures.peakBytes <= 1.5 * 1024 ** 3;
        rows.push({
          area: "build",
          measure: `${results.toLocaleString("en")} results per locale (${figures.pages} pages: ${results / 4} objective pages per locale, 1 % of results with a Callout)`,
          result: describeBuild(figures),
          goal: results === 10000 ? `${within ? "✓" : "✗"} Astro + Pagefind ≤ 45 s, peak ≤ 1.5 GB` : "",
          figures: {
            [`build.${results}.astroPagefind`]: {
              label: `${results} results: Astro + Pagefind`,
              value: figures.astroPagefindMs / 1000,
              unit: "s",
              better: "lower",
            },
            [`build.${results}.total`]: {
              label: `${results} results: whole build`,
              value: figures.totalMs / 1000,
              unit: "s",
              better: "lower",
            },
            [`build.${results}.peak`]: {
              label: `${results} results: peak memory`,
              value: Math.round(figures.peakBytes / 1024 / 1024),
              unit: "MB",
              better: "lower",
            },
          },
        });
        log(describeBuild(figures));
      });

  if (!skip.has("preview"))
    await part("preview", "edit-to-preview", async () => {
      log(`edit-to-preview with astro dev (load average ${load()})`);
      // The dev server is a child process; this one only writes the file and polls, as the script alone does.
      const { times, median } = await benchPreview({ root, edits: 5, result: { locale: defaultLocale, name: "2-3" } });
      const ms = Math.round(median);
      rows.push({
        area: "preview",
        measure: `edit a result's MDX until astro dev serves it, median of ${times.length} edits`,
        result: `${ms} ms`,
        goal: `${ms <= previewGoalMs ? "✓" : "✗"} ≤ ${previewGoalMs} ms`,
        figures: { "preview.ms": { label: "edit-to-preview", value: ms, unit: "ms", better: "lower" } },
      });
    });

  if (!skip.has("lighthouse"))
    await part("Lighthouse", "8 pages", async () => {
      log(`Lighthouse, mobile defaults (load average ${load()})`);
      for (const result of await runLighthouse(siteDir)) {
        const all100 = categories.every((c) => result.scores[c] === 100);
        rows.push({
          area: "Lighthouse",
          measure: result.path,
          result:
            categories.map((c) => `${c} ${result.scores[c]}`).join(", ") +
            (result.shortfalls.length ? `; short of 100: ${result.shortfalls.join("; ")}` : ""),
          goal: `${all100 ? "✓" : "✗"} 100 in each`,
          figures: Object.fromEntries(
            categories.map((c) => [
              `lighthouse.${result.path}.${c}`,
              { label: `Lighthouse ${c} ${result.path}`, value: result.scores[c], unit: "", better: "higher" },
            ]),
          ),
        });
      }
    });

  const table = reportTable(rows);
  const figures = figuresOf(rows);
  const file = path.resolve("BENCHMARKS.md");
  const previous = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const changes = changesSince(previousFigures(previous), figures);
  const run = `## Latest run\n\n${header}\n\n${table}\n\n### Changes since the previous run\n\n${changes.map((c) => `- ${c}`).join("\n")}`;
  if (!options.write) return { header, table, changes };
  writeFileSync(file, updateBenchmarks(previous, run, figures));
  return { header, table, changes, written: file };
}
