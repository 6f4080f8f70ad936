/**
 * Benchmark, not a test: milliseconds from saving a change to a result's MDX until `astro dev` serves the page with
 * it. Works on a copy of content/ (CONTENT_DIR), so content/ is never touched; prints each edit and the median.
 * Usage: npm run bench:preview [-- --edits 5 --result fr/2-3]
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseContentFile } from "../src/lib/content-files.ts";
import { isLocale } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
const edits = Number(option("edits", "5"));
const [locale = "", name = ""] = option("result", "fr/2-3").split("/");
if (!Number.isInteger(edits) || edits < 1 || !isLocale(locale) || !/^\d+-\d+$/.test(name)) {
  console.error(
    "bench-preview: expected --edits <whole number> and --result <locale>/<objective>-<order>, e.g. fr/2-3",
  );
  process.exit(2);
}

// Outside the project: astro dev does not watch tmp/, and content/ must never be touched.
const work = path.join(tmpdir(), `bench-preview-${process.pid}`);
const content = path.join(work, "content");
mkdirSync(work, { recursive: true });
cpSync("content", content, { recursive: true });
const file = path.join(content, "results", locale, `${name}.mdx`);
const original = readFileSync(file, "utf8");
const { data } = parseContentFile(original, file);
const page = pathFor(locale, { kind: "objective", objective: Number(data?.objective) });

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const origin = `http://127.0.0.1:${port}`;
// Kept after the run (tmp/ is ignored by git), to see what the dev server did on each edit.
const logFile = path.resolve("tmp/bench-preview.log");
const log = openSync(logFile, "w");
const server = spawn("astro", ["dev", "--host", "127.0.0.1", "--port", String(port)], {
  env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", log, log],
  detached: true,
});

function stop() {
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function fetchPage(): Promise<string> {
  try {
    const response = await fetch(`${origin}${page}`);
    return response.ok ? await response.text() : "";
  } catch {
    return "";
  }
}

const times: number[] = [];
try {
  const started = performance.now();
  while (!(await fetchPage()).includes("<main")) {
    if (performance.now() - started > 120_000)
      throw new Error(`astro dev did not serve ${page} within 2 minutes; see ${logFile}`);
    await sleep(100);
  }
  console.log(`astro dev serves ${origin}${page} (first render after ${Math.round(performance.now() - started)} ms)`);
  for (let i = 1; i <= edits; i++) {
    const marker = `benchmark${i}x${Date.now()}`;
    const edited = original.replace(/\s*$/, ` ${marker}\n`);
    // Written whole then renamed, as editors save: the dev server never reads a half-written file.
    writeFileSync(`${file}.tmp`, edited);
    const written = performance.now();
    renameSync(`${file}.tmp`, file);
    // Poll every 10 ms: back-to-back requests would compete with the dev server's own work on the edit.
    while (!(await fetchPage()).includes(marker)) {
      if (performance.now() - written > 30_000) throw new Error(`edit ${i} never showed on ${page}; see ${logFile}`);
      await sleep(10);
    }
    const ms = performance.now() - written;
    times.push(ms);
    console.log(`edit ${i}: ${Math.round(ms)} ms`);
    await sleep(300);
  }
} finally {
  writeFileSync(file, original);
  stop();
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
  // The dev server rewrote .astro/ from the copy: sync it back to content/ for the editor and the tests.
  spawnSync("astro", ["sync"], { stdio: "ignore" });
}

const sorted = [...times].sort((a, b) => a - b);
const median =
  sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`median of ${times.length} edits: ${Math.round(median)} ms (goal ≤ 300 ms)`);
