/**
 * Builds the site from scratch and checks that the result is byte-identical to another clean build
 * (build/reproducible.ts). Exits 1 naming each differing file.
 * Usage: node scripts/check-reproducible.ts [--against <built folder>]
 */
import path from "node:path";
import { compareCleanBuilds } from "../build/reproducible.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { readArgs, stop } from "./cli.ts";

const command = "check-reproducible";
const { values } = readArgs(command, "node scripts/check-reproducible.ts [--against <built folder>]", {
  against: { type: "string" },
});
const result = compareCleanBuilds(values.against ? path.resolve(values.against) : undefined);
if ("failure" in result) stop(command, result.failure ?? "", 1);
for (const problem of result.problems) console.error(formatProblem(problem));
console.log(
  `Compared ${result.files[0]} and ${result.files[1]} files of two clean builds: ${result.problems.length} difference(s).`,
);
process.exit(result.problems.length > 0 ? 1 : 0);
