/**
 * Builds the site from scratch (fresh output and cache folders) and checks that the result is byte-identical to
 * another clean build: the given folder, or a second build when none is given. Exits 1 naming each differing file.
 * Usage: node scripts/check-reproducible.ts [--against <built folder>]
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../src/lib/integrity.ts";
import { fileDigests, treeDifferences } from "../src/lib/tree-diff.ts";

const args = process.argv.slice(2);
if (!(args.length === 0 || (args.length === 2 && args[0] === "--against"))) {
  console.error(`check-reproducible: found "${args.join(" ")}"; expected nothing, or --against <built folder>.`);
  process.exit(2);
}

function cleanBuild(name: string): string {
  const out = path.resolve(`tmp/reproducible-${name}-${process.pid}`);
  const result = spawnSync("node", ["scripts/build.ts", "--out", out], {
    encoding: "utf8",
    env: { ...process.env, ASTRO_CACHE_DIR: `${out}-cache` },
  });
  rmSync(`${out}-cache`, { recursive: true, force: true });
  if (result.status !== 0) {
    console.error(`check-reproducible: the ${name} build failed:\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  return out;
}

const against = args[1] ? path.resolve(args[1]) : undefined;
const first = against ?? cleanBuild("first");
const second = cleanBuild("second");
const [a, b] = [fileDigests(first), fileDigests(second)];
for (const dir of against ? [second] : [first, second]) rmSync(dir, { recursive: true, force: true });
const problems = treeDifferences(a, b);
for (const problem of problems) console.error(formatProblem(problem));
console.log(`Compared ${a.size} and ${b.size} files of two clean builds: ${problems.length} difference(s).`);
process.exit(problems.length > 0 ? 1 : 0);
