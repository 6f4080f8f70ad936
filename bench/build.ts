/**
 * The README's build (every step: content checks, Astro, Pagefind, policy, compression) of a content folder, timed
 * per step, with the peak memory of the whole process tree sampled from /proc: the figures that say whether a big
 * strategy still builds in reasonable time and memory on a small machine.
 * The build runs as a child process, as `npm run build` does, so its memory is measured apart from the bench's own.
 * Builds run in a copy of the project's sources under tmp/, because Astro writes content-modules.mjs into the
 * project's .astro/ folder: two builds of different content in one checkout would overwrite each other's.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { buildSteps } from "./report.ts";
import { builtHtml } from "../build/built-pages.ts";
import { writeStrategy } from "./generate-strategy.ts";

/** Resident memory of a process and all its descendants, in bytes; 0 once it is gone. */
function treeRss(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean))
        total += treeRss(Number(child));
  } catch {
    // The process ended between two reads.
  }
  return total;
}

export interface Measured {
  status: number | null;
  ms: number;
  /** Highest sum of resident memory over the process tree, sampled every 50 ms. */
  peakBytes: number;
  /** The same per build step, from the "▶ <step>" lines the README build prints. */
  stepPeaks: Record<string, number>;
  output: string;
}

/** Runs a command and measures its wall time and the peak memory of its process tree. */
export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<Measured>((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let step = "(start)";
    const stepPeaks: Record<string, number> = {};
    let peakBytes = 0;
    const onData = (chunk: Buffer) => {
      output += chunk;
      const started = [...chunk.toString().matchAll(/^▶ (.+)$/gm)].at(-1);
      if (started) step = started[1]!;
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const sampler = setInterval(() => {
      const rss = treeRss(child.pid!);
      peakBytes = Math.max(peakBytes, rss);
      stepPeaks[step] = Math.max(stepPeaks[step] ?? 0, rss);
    }, 50);
    child.on("close", (status) => {
      clearInterval(sampler);
      resolve({ status, ms: performance.now() - started, peakBytes, stepPeaks, output });
    });
  });
}

/** What the README's build reads: its scripts, the modules they import, the site's sources and configuration. */
const sources = [
  "src",
  "scripts",
  "build",
  "editor",
  "public",
  "content",
  "deploy",
  "astro.config.mjs",
  "package.json",
  "tsconfig.json",
];

/** A copy of the sources with node_modules linked: builds there cannot collide with anyone's in the checkout. */
export function isolatedRoot(folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const source of sources) if (existsSync(source)) cpSync(source, path.join(folder, source), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(folder, "node_modules"));
  mkdirSync(path.join(folder, "tmp"));
  return folder;
}

export interface BuildFigures {
  pages: number;
  steps: { name: string; ms: number; peakBytes: number }[];
  totalMs: number;
  /** Astro plus Pagefind: the steps that grow with the content, on which the goal for big strategies is set. */
  astroPagefindMs: number;
  peakBytes: number;
}

/** Builds a content folder with the README's build in an isolated root, from a cold cache; the output is removed. */
export async function benchBuild(
  root: string,
  contentDir: string,
  out: string,
  options: { keep?: boolean } = {},
): Promise<BuildFigures> {
  const cache = `${out}-cache`;
  const bin = path.resolve("node_modules/.bin");
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    CONTENT_DIR: path.resolve(contentDir),
    ASTRO_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  rmSync(cache, { recursive: true, force: true });
  const run = await measure("node", ["scripts/build.ts", "--out", out], { cwd: root, env });
  if (run.status !== 0) throw new Error(`The build of ${contentDir} failed:\n${run.output.slice(-3000)}`);
  const steps = buildSteps(run.output).map((s) => ({ ...s, peakBytes: run.stepPeaks[s.name] ?? 0 }));
  const stepMs = (name: string) => steps.find((s) => s.name === name)?.ms ?? 0;
  const figures: BuildFigures = {
    pages: builtHtml(out).length,
    steps,
    totalMs: run.ms,
    astroPagefindMs: stepMs("Astro pages") + stepMs("Search index"),
    peakBytes: run.peakBytes,
  };
  if (!options.keep) rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  return figures;
}

/** The size and shape of a generated strategy to build. */
export interface StrategyBenchOptions {
  /** Expected results per locale. */
  results: number;
  perObjective: number;
  /** Every nth result uses the editors' <Callout>; 0 for none. */
  calloutEvery: number;
}

/** Generates a strategy of `results` results per locale in `work` and builds it in `root`; both outputs are removed. */
export async function benchStrategy(root: string, work: string, options: StrategyBenchOptions) {
  const contentDir = path.join(work, `strategy-${options.results}`);
  writeStrategy(contentDir, { ...options, format: "mdx" });
  try {
    return await benchBuild(root, contentDir, path.join(work, `site-${options.results}`));
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
}

/** One generated strategy built alone, in its own isolated root under tmp/, removed afterwards. */
export async function benchGeneratedBuild(options: StrategyBenchOptions): Promise<BuildFigures> {
  const work = path.resolve(`tmp/bench-build-${process.pid}`);
  try {
    const root = isolatedRoot(path.join(work, "root"));
    return await benchStrategy(root, work, options);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line: pages, Astro + Pagefind time and rate, whole build, peak memory, then each step. */
export function describeBuild(figures: BuildFigures): string {
  const steps = figures.steps.map((s) => `${s.name} ${sec(s.ms)} (${mb(s.peakBytes)})`).join(", ");
  return (
    `${figures.pages} pages: Astro + Pagefind ${sec(figures.astroPagefindMs)}, ` +
    `${Math.round(figures.pages / (figures.astroPagefindMs / 1000))} pages/s, whole build ${sec(figures.totalMs)}, ` +
    `peak ${mb(figures.peakBytes)}; ${steps}`
  );
}
