/**
 * `npm run bench`: every performance figure of the site in one table, with the machine and the date, written into
 * BENCHMARKS.md with what changed since the previous run. Not a test: it takes minutes and asserts nothing.
 *   - page weight by kind of resource for each kind of page of the production build (gzip -9, brotli);
 *   - one cold search in headless Chromium behind nginx on loopback (scripts/bench-search.ts);
 *   - the README build of generated strategies of 1,000 and 10,000 results per locale (scripts/bench-build.ts);
 *   - edit-to-preview latency with the dev server (scripts/bench-preview.ts);
 *   - Lighthouse, mobile defaults, on home, an objective, all results and search in both locales.
 * Usage: node scripts/bench.ts [--sizes 1000,10000] [--skip search,build,preview,lighthouse] [--no-write]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  changesSince,
  figuresOf,
  previousFigures,
  reportTable,
  updateBenchmarks,
  type Row,
} from "../src/lib/bench-report.ts";
import { builtHtml } from "../src/lib/built-pages.ts";
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
} from "../src/lib/page-weight.ts";
import { pageAt, pathFor, type PageRef } from "../src/lib/routes.ts";
import { benchBuild, benchStrategy, describeBuild, isolatedRoot, mb } from "./bench-build.ts";
import { categories, runLighthouse } from "./bench-lighthouse.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const sizes = (option("sizes") ?? "1000,10000").split(",").map(Number);
const skip = new Set((option("skip") ?? "").split(",").filter(Boolean));
const known = ["search", "build", "preview", "lighthouse"];
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || [...skip].some((s) => !known.includes(s))) {
  console.error(`bench: expected --sizes as whole numbers (e.g. 1000,10000) and --skip among ${known.join(", ")}`);
  process.exit(2);
}

const work = path.resolve(`tmp/bench-${process.pid}`);
const rows: Row[] = [];
const log = (line: string) => console.log(`… ${line}`);
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

/** Every kind of page, the heaviest of each kind in each locale, and the bilingual landing page. */
function weightRows(siteDir: string) {
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
    const label = kind === "landing" ? "bilingual landing" : pageKindLabels[kind as PageRef["kind"]];
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
}

/** Runs one of the other benchmark scripts and returns the last line matching `pattern`. */
function runScript(script: string, scriptArgs: string[], pattern: RegExp, cwd = ".") {
  const bin = path.resolve("node_modules/.bin");
  const run = spawnSync("node", [path.resolve(script), ...scriptArgs], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const match = [...output.matchAll(new RegExp(pattern, "gm"))].at(-1);
  if (run.status !== 0 || !match)
    throw new Error(`${script} gave no figure (exit ${run.status}):\n${output.slice(-2000)}`);
  return match;
}

async function main() {
  const header = `Machine: ${machine()}.`;
  console.log(header);
  const root = isolatedRoot(path.join(work, "root"));

  log("building the real site (README build, cold cache)");
  const siteDir = path.join(work, "site-real");
  const real = await benchBuild(root, path.join(root, "content"), siteDir, { keep: true });
  rows.push({
    area: "build",
    measure: "real site, README build",
    result: describeBuild(real),
    figures: {
      "build.real.seconds": { label: "real site build", value: real.totalMs / 1000, unit: "s", better: "lower" },
    },
  });
  weightRows(siteDir);

  // A part that fails is reported in its row; the other parts still run.
  const part = async (area: string, measure: string, run: () => Promise<void> | void) => {
    try {
      await run();
    } catch (error) {
      const message = (error as Error).message.split("\n").slice(0, 3).join(" ");
      rows.push({ area, measure, result: `failed: ${message}`, goal: "✗" });
      console.error(`${area}: ${(error as Error).message}`);
    }
  };

  if (!skip.has("search"))
    await part("search", "cold search", () => {
      log(`one cold search (load average ${load()})`);
      const [, before, ms, fetched] = runScript(
        "scripts/bench-search.ts",
        ["--site", siteDir, "--locale", defaultLocale, "--runs", "3"],
        /^Median: (\d+) B before typing, (\d+) ms to the first hit, (\d+) B fetched by the search\.$/,
      );
      rows.push({
        area: "search",
        measure: `cold search "évaluation" on ${pathFor(defaultLocale, { kind: "search" })}, median of 3`,
        result: `first hit ${ms} ms after the first keystroke; ${kb(Number(fetched))} fetched by the search, ${kb(Number(before))} before typing (over the wire)`,
        figures: {
          "search.ms": { label: "cold search, to first hit", value: Number(ms), unit: "ms", better: "lower" },
          "search.bytes": { label: "bytes fetched by a search", value: Number(fetched), unit: "B", better: "lower" },
        },
      });
    });

  if (!skip.has("build"))
    for (const results of sizes)
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
        console.log(`  ${describeBuild(figures)}`);
      });

  if (!skip.has("preview"))
    await part("preview", "edit-to-preview", () => {
      log(`edit-to-preview with astro dev (load average ${load()})`);
      const [, edits, ms] = runScript(
        "scripts/bench-preview.ts",
        ["--edits", "5"],
        /^median of (\d+) edits: (\d+) ms/,
        root,
      );
      rows.push({
        area: "preview",
        measure: `edit a result's MDX until astro dev serves it, median of ${edits} edits`,
        result: `${ms} ms`,
        goal: `${Number(ms) <= 300 ? "✓" : "✗"} ≤ 300 ms`,
        figures: { "preview.ms": { label: "edit-to-preview", value: Number(ms), unit: "ms", better: "lower" } },
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
  console.log(`\n${header}\n\n${table}\n\nChanges since the previous run:\n${changes.map((c) => `- ${c}`).join("\n")}`);
  if (!args.includes("--no-write")) {
    writeFileSync(file, updateBenchmarks(previous, run, figures));
    console.log(
      `\nWritten to BENCHMARKS.md (peak memory of this bench's own process: ${mb(process.memoryUsage().rss)}).`,
    );
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
