/** Builds the real site once, with the README's build command, before any test reads it. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const siteDir = path.resolve("tmp/test-site");

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export default function setup(project: TestProject) {
  run("node", ["scripts/build.ts", "--out", siteDir]);
  // Tests run Astro in dev mode, which reads the content store from .astro/ rather than the build cache.
  run("astro", ["sync"], { ASTRO_CACHE_DIR: ".astro" });
  project.provide("siteDir", siteDir);
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}
