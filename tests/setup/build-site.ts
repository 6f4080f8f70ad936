/** Builds the real site once, with the README's build command, before any test reads it. */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

// One folder per run, so two test runs on one machine never build into each other's output.
export const siteDir = path.resolve(`tmp/test-site-${process.pid}`);

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export default function setup(project: TestProject) {
  run("node", ["scripts/build.ts", "--out", siteDir], { ASTRO_CACHE_DIR: `${siteDir}-cache` });
  project.provide("siteDir", siteDir);
  return () => {
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(`${siteDir}-cache`, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}
