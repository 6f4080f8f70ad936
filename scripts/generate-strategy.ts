/**
 * Writes a made-up strategy of any size for benchmarks (bench/generate-strategy.ts), never into content/.
 * Usage: node scripts/generate-strategy.ts --results 10000 --out tmp/strategy-10k [--per-objective 4] [--format mdx|md]
 *        [--callout-every 100]
 */
import { insideContent, writeStrategy } from "../bench/generate-strategy.ts";
import { readArgs, stop, wholeNumber } from "./cli.ts";

const command = "generate-strategy";
const usage =
  "node scripts/generate-strategy.ts --results <n> --out <folder> [--per-objective <n>] [--format mdx|md] [--callout-every <n>]";
const { values } = readArgs(command, usage, {
  results: { type: "string" },
  out: { type: "string" },
  "per-objective": { type: "string" },
  format: { type: "string" },
  "callout-every": { type: "string" },
});

if (values.results === undefined) stop(command, `--results: found nothing; expected a whole number.\nUsage: ${usage}`);
const results = wholeNumber(command, "results", values.results, 0);
const perObjective = wholeNumber(command, "per-objective", values["per-objective"], 4);
const calloutEvery = wholeNumber(command, "callout-every", values["callout-every"], 0, 0);
const format = values.format ?? "mdx";
if (format !== "md" && format !== "mdx") stop(command, `--format: found "${format}"; expected mdx or md.`);
if (calloutEvery > 0 && format !== "mdx")
  stop(command, `--callout-every: found ${calloutEvery} with --format ${format}; components need --format mdx.`);
const out = values.out;
if (!out) stop(command, `--out: found nothing; expected a folder outside content/.\nUsage: ${usage}`);
if (insideContent(out))
  stop(command, `--out: found ${out}, inside content/; expected a temporary folder such as tmp/strategy-10k.`);

const count = writeStrategy(out, { results, perObjective, format, calloutEvery });
console.log(`Wrote ${count} files for ${results} results per locale to ${out}`);
