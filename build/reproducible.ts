/** Whether the README's build gives the same bytes twice: clean builds (fresh output and cache) compared file by file. */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../src/lib/problem.ts";
import { fileDigests, treeDifferences } from "./tree-diff.ts";

/** A clean build into tmp/, or the build's own output when it fails. */
function cleanBuild(name: string): { out: string } | { failure: string } {
  const out = path.resolve(`tmp/reproducible-${name}-${process.pid}`);
  const result = spawnSync("node", ["scripts/build.ts", "--out", out], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_CACHE_DIR: `${out}-cache` },
  });
  rmSync(`${out}-cache`, { recursive: true, force: true });
  return result.status === 0 ? { out } : { failure: `the ${name} build failed:\n${result.stdout}\n${result.stderr}` };
}

/** Compares a clean build with `against` (a built folder), or with a second clean build when none is given. */
export function compareCleanBuilds(against?: string) {
  const first = against ? { out: against } : cleanBuild("first");
  if ("failure" in first) return { failure: first.failure };
  const second = cleanBuild("second");
  if ("failure" in second) return { failure: second.failure };
  const [a, b] = [fileDigests(first.out), fileDigests(second.out)];
  for (const dir of against ? [second.out] : [first.out, second.out]) rmSync(dir, { recursive: true, force: true });
  const problems: Problem[] = treeDifferences(a, b);
  return { problems, files: [a.size, b.size] as const };
}
