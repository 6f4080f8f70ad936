/**
 * Edit-to-preview latency: milliseconds from saving a change to a result's MDX until `astro dev` serves the page
 * with it, the wait an editor sees in the browser after each save (src/astro/instant-preview.ts exists to shorten it).
 * Works on a copy of content/ (CONTENT_DIR), so content/ is never touched. Each edit is written whole then renamed
 * into place, as editors' programs save, and the page is polled until it shows the edit.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseContentFile } from "../src/lib/content-file.ts";
import type { Locale } from "../src/lib/locales.ts";
import { pathFor } from "../src/lib/routes.ts";
import { launchChromium } from "../harness/browser.ts";
import { startDevServer } from "../harness/dev-server.ts";

/** The latency the preview is meant to stay under, in milliseconds. */
export const previewGoalMs = 300;

export interface PreviewBenchOptions {
  /** The project whose content/ is copied and whose astro dev runs; default the current folder. */
  root?: string;
  edits: number;
  /** The result edited, e.g. { locale: "fr", name: "2-3" } for content/results/fr/2-3.mdx. */
  result: { locale: Locale; name: string };
  /** Called once astro dev serves the page, then after each edit. */
  onReady?: (url: string, firstRenderMs: number) => void;
  onEdit?: (edit: number, ms: number) => void;
  /** Measure in Chromium: until the open page shows the edit, reloaded by the dev server itself (no polling). */
  inBrowser?: boolean;
}

export interface PreviewBench {
  url: string;
  /** Each edit's latency, in order. */
  times: number[];
  median: number;
  /** What the dev server printed, kept after the run under the root's tmp/. */
  logFile: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Starts astro dev on a copy of the content, times `edits` edits of one result, then stops it. */
export async function benchPreview(options: PreviewBenchOptions): Promise<PreviewBench> {
  const root = path.resolve(options.root ?? ".");
  const { locale, name } = options.result;
  // Astro run by this Node, whatever `node` the PATH holds.
  const astro = [path.join(root, "node_modules/astro/bin/astro.mjs")];

  // Outside the project: astro dev does not watch tmp/, and content/ must never be touched.
  const work = path.join(tmpdir(), `bench-preview-${process.pid}`);
  const content = path.join(work, "content");
  mkdirSync(work, { recursive: true });
  cpSync(path.join(root, "content"), content, { recursive: true });
  const file = path.join(content, "results", locale, `${name}.mdx`);
  const original = readFileSync(file, "utf8");
  const { data } = parseContentFile(original, file);
  const page = pathFor(locale, { kind: "objective", objective: Number(data?.objective) });

  // Kept after the run (tmp/ is ignored by git), to see what the dev server did on each edit.
  const logFile = path.join(root, "tmp/bench-preview.log");
  const started = performance.now();
  const dev = await startDevServer({ root, contentDir: content, logFile, readyPath: page });
  const url = `${dev.origin}${page}`;

  async function fetchPage(): Promise<string> {
    try {
      const response = await fetch(url);
      return response.ok ? await response.text() : "";
    } catch {
      return "";
    }
  }

  const times: number[] = [];
  const browser = options.inBrowser ? await launchChromium() : undefined;
  const tab = await browser?.newPage();
  try {
    await tab?.goto(url);
    options.onReady?.(url, performance.now() - started);
    for (let i = 1; i <= options.edits; i++) {
      const marker = `benchmark${i}x${Date.now()}`;
      const edited = original.replace(/\s*$/, ` ${marker}\n`);
      // Written whole then renamed, as editors save: the dev server never reads a half-written file.
      writeFileSync(`${file}.tmp`, edited);
      const written = performance.now();
      renameSync(`${file}.tmp`, file);
      if (tab)
        await tab.waitForFunction((m) => document.body?.innerText.includes(m), marker, {
          timeout: 30_000,
          polling: 10,
        });
      // Poll every 10 ms: back-to-back requests would compete with the dev server's own work on the edit.
      else
        while (!(await fetchPage()).includes(marker)) {
          if (performance.now() - written > 30_000)
            throw new Error(`edit ${i} never showed on ${page}; see ${logFile}`);
          await sleep(10);
        }
      const ms = performance.now() - written;
      times.push(ms);
      options.onEdit?.(i, ms);
      await sleep(300);
    }
  } finally {
    await browser?.close();
    writeFileSync(file, original);
    await dev.stop();
    rmSync(work, { recursive: true, force: true });
    // The dev server rewrote .astro/ from the copy: sync it back to content/ for the editor and the tests.
    spawnSync(process.execPath, [...astro, "sync"], { cwd: root, stdio: "ignore" });
  }
  return { url, times, median: median(times), logFile };
}
