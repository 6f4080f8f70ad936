/**
 * `npm run bench`: every performance figure of the site in one table (bench/run.ts), printed with what changed since
 * the previous run and written into BENCHMARKS.md. Takes minutes; not part of `npm test`.
 * Usage: node scripts/bench.ts [--sizes 1000,10000] [--skip search,build,preview,lighthouse] [--no-write]
 */
import { mb } from "../bench/build.ts";
import { benchParts, runBench, type BenchPart } from "../bench/run.ts";
import { readArgs, stop } from "./cli.ts";

const command = "bench";
const usage = "node scripts/bench.ts [--sizes 1000,10000] [--skip search,build,preview,lighthouse] [--no-write]";
const { values } = readArgs(command, usage, {
  sizes: { type: "string", default: "1000,10000" },
  skip: { type: "string", default: "" },
  "no-write": { type: "boolean", default: false },
});
const sizes = values.sizes.split(",").map((size) => {
  const number = Number(size);
  if (!size || !Number.isInteger(number) || number < 1)
    stop(
      command,
      `--sizes: found "${values.sizes}"; expected whole numbers of 1 or more separated by commas, e.g. 1000,10000.`,
    );
  return number;
});
const skip = values.skip.split(",").filter(Boolean);
const unknown = skip.find((part) => !(benchParts as readonly string[]).includes(part));
if (unknown !== undefined) stop(command, `--skip: found "${unknown}"; expected some of ${benchParts.join(", ")}.`);

const report = await runBench({
  sizes,
  skip: skip as BenchPart[],
  write: !values["no-write"],
  progress: (line) => console.log(`… ${line}`),
  failed: (area, error) => console.error(`${area}: ${error.message}`),
});
const changes = report.changes.map((c) => `- ${c}`).join("\n");
console.log(`\n${report.header}\n\n${report.table}\n\nChanges since the previous run:\n${changes}`);
if (report.written)
  console.log(
    `\nWritten to BENCHMARKS.md (peak memory of this bench's own process: ${mb(process.resourceUsage().maxRSS * 1024)}).`,
  );
