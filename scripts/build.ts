/**
 * The README's build: each step runs in order into a staging folder, and dist/ is replaced only when all succeed,
 * so a failed build never publishes anything half-built and a previous dist/ stays as it was.
 * Usage: node scripts/build.ts [--out <dir>]   (CONTENT_DIR, SITE_URL and ASTRO_CACHE_DIR are read by astro.config.mjs)
 */
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { readArgs } from "./cli.ts";

export interface BuildStep {
  name: string;
  /** Command and arguments; {staging} is replaced by the staging folder. */
  command: string[];
}

/** The build's steps, in order: later steps read what earlier ones wrote to {staging}. */
export const steps: BuildStep[] = [
  // First, so a content mistake stops the build in a second with a message editors can act on.
  { name: "Content checks", command: ["node", "scripts/check-content.ts"] },
  // A smaller young generation than V8's default lowers a big strategy's peak memory for a little time (BENCHMARKS.md).
  { name: "Astro pages", command: ["node", "--max-semi-space-size=2", "node_modules/astro/bin/astro.mjs", "build"] },
  // The CMS editors use at /admin/: bundled from node_modules, so it loads nothing from another origin.
  { name: "CMS (/admin/)", command: ["node", "scripts/cms-admin.ts", "{staging}"] },
  { name: "Search index", command: ["node", "scripts/search-index.ts", "{staging}"] },
  // Keep these two last: the policy hashes each page's final <style>, and compression copies every final file.
  { name: "Content-Security-Policy", command: ["node", "scripts/csp.ts", "{staging}"] },
  { name: "Precompression", command: ["node", "scripts/precompress.ts", "{staging}"] },
];

function run(step: BuildStep, staging: string): boolean {
  const [command, ...args] = step.command.map((part) => part.replaceAll("{staging}", staging));
  console.log(`\n▶ ${step.name}`);
  const started = performance.now();
  const result = spawnSync(command!, args, {
    stdio: "inherit",
    env: { ...process.env, OUT_DIR: staging },
    shell: false,
  });
  const ok = result.status === 0;
  console.log(`${ok ? "✓" : "✗"} ${step.name} (${Math.round(performance.now() - started)} ms)`);
  return ok;
}

if (import.meta.main) {
  const { values } = readArgs("build", "node scripts/build.ts [--out <folder>]", {
    out: { type: "string", default: "dist" },
  });
  const out = path.resolve(values.out);
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const failed = steps.find((step) => !run(step, staging));
  if (failed) {
    rmSync(staging, { recursive: true, force: true });
    console.error(
      `\nBuild stopped at "${failed.name}": nothing was written; ${path.relative(".", out)}/ is unchanged.`,
    );
    process.exit(1);
  }
  const previous = `${out}.previous-${process.pid}`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
  // Editors read "published" as "live": the site goes live only when a reviewed change is deployed.
  console.log(`\nBuilt in ${path.relative(".", out) || "."}/ (on this computer: nothing goes live until deployed).`);
}
