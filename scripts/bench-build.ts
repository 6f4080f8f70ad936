/**
 * Builds one generated strategy with the README's build and prints its time per step and peak memory
 * (bench/build.ts): one part of `npm run bench`, alone.
 * Usage: node scripts/bench-build.ts [--results 10000] [--per-objective 4] [--callout-every 100]
 */
import { benchGeneratedBuild, describeBuild } from "../bench/build.ts";
import { readArgs, wholeNumber } from "./cli.ts";

const command = "bench-build";
const usage = "node scripts/bench-build.ts [--results 10000] [--per-objective 4] [--callout-every 100]";
const { values } = readArgs(command, usage, {
  results: { type: "string" },
  "per-objective": { type: "string" },
  "callout-every": { type: "string" },
});
const options = {
  results: wholeNumber(command, "results", values.results, 10000),
  perObjective: wholeNumber(command, "per-objective", values["per-objective"], 4),
  calloutEvery: wholeNumber(command, "callout-every", values["callout-every"], 100, 0),
};

console.log(`${options.results} results per locale: ${describeBuild(await benchGeneratedBuild(options))}`);
